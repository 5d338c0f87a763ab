"""The tabular face of the records: one column per field, plus derived columns.

Every flat export (CSV, the Data Package, Parquet, pandas) and the data
dictionary take their columns from here, so they agree with each other and
with the models. A column is either a model field (what a round trip needs) or
a derived convenience: the first and last day and the precision of each date
span, and an event's Goldstein score and quad class. Derived columns are
recomputed from the fields, never read back.

Field meanings come from the ``Attributes:`` section of each model's
docstring: the models stay the one place where a field is explained.
"""

from __future__ import annotations

import enum
import functools
import inspect
import re
import types
import typing
from collections.abc import Mapping
from types import MappingProxyType
from typing import Any, Literal

import attrs

from sinorussia._dates import DateSpan, Precision
from sinorussia._models import Event, Record

__all__ = ["Column", "Kind", "columns", "field_docs", "record_from_row", "row"]

#: What a column holds. ``list`` is a tuple of strings (ids, aliases, excerpts);
#: ``objects`` a tuple of nested records (SourceRef, Reading); ``span`` an EDTF
#: date string; ``date`` an ISO day (derived columns only).
Kind = Literal["string", "integer", "number", "boolean", "enum", "span", "date", "list", "objects"]


@attrs.frozen(kw_only=True)
class Column:
    """One column of a table as the exports write it."""

    name: str
    kind: Kind
    required: bool
    description: str
    #: The allowed values of an ``enum`` column, in the enum's order.
    values: tuple[str, ...] = ()
    #: The class of the items of an ``objects`` column.
    item: type | None = None
    #: True for a column computed from the fields (not needed to rebuild the record).
    derived: bool = False


_SECTION = re.compile(r"^Attributes:\s*$")
_ENTRY = re.compile(r"^(?P<name>[a-z_][a-z0-9_]*): (?P<text>.*)$")


@functools.cache
def field_docs(cls: type) -> Mapping[str, str]:
    """The meaning of each field, from the ``Attributes:`` section of ``cls``'s docstring.

    Read once per class, and handed out read-only.

    Examples:
        >>> from sinorussia import Issue
        >>> field_docs(Issue)["title"]
        'A short name.'
    """
    lines = inspect.cleandoc(cls.__doc__ or "").splitlines()
    docs: dict[str, str] = {}
    inside = False
    current = ""
    for line in lines:
        if _SECTION.match(line):
            inside = True
            continue
        if not inside:
            continue
        if line and not line.startswith(" "):  # the next section, or prose after it
            break
        entry = _ENTRY.match(line[4:]) if line.startswith("    ") and not line.startswith("     ") else None
        if entry is not None:
            current = entry["name"]
            docs[current] = entry["text"]
        elif line.strip() and current:
            docs[current] += " " + line.strip()
    return MappingProxyType(docs)


def _unwrap_optional(kind: Any) -> tuple[Any, bool]:
    """``(inner type, optional)`` of ``X | None``."""
    if typing.get_origin(kind) in (typing.Union, types.UnionType):
        args = typing.get_args(kind)
        if type(None) in args:
            rest = tuple(a for a in args if a is not type(None))
            return (rest[0] if len(rest) == 1 else typing.Union[rest]), True  # noqa: UP007 - built at run time
    return kind, False


def _field_column(field: attrs.Attribute[Any], description: str) -> Column:
    kind, optional = _unwrap_optional(field.type)

    def column(of: Kind, **extra: Any) -> Column:
        return Column(name=field.name, kind=of, required=not optional, description=description, **extra)

    if kind is str:
        return column("string")
    if kind is bool:
        return column("boolean")
    if kind is int:
        return column("integer")
    if set(typing.get_args(kind)) == {int, float}:
        return column("number")
    if kind is DateSpan:
        return column("span")
    if isinstance(kind, type) and issubclass(kind, enum.Enum):
        return column("enum", values=tuple(str(member.value) for member in kind))
    if typing.get_origin(kind) is tuple:
        item = typing.get_args(kind)[0]
        if item is str:
            return column("list")
        if attrs.has(item):
            return column("objects", item=item)
    raise TypeError(f"no column kind for field {field.name!r} of type {field.type!r}")


def _span_columns(column: Column) -> list[Column]:
    name = column.name
    return [
        Column(
            name=f"{name}_earliest",
            kind="date",
            required=column.required,
            description=f"First day {name} may cover (derived from {name}).",
            derived=True,
        ),
        Column(
            name=f"{name}_latest",
            kind="date",
            required=False,
            description=f"Last day {name} may cover; empty for an open end (derived from {name}).",
            derived=True,
        ),
        Column(
            name=f"{name}_precision",
            kind="enum",
            required=column.required,
            values=tuple(p.value for p in Precision),
            description=f"How finely {name} is known: day, month or year (derived from {name}).",
            derived=True,
        ),
    ]


_EVENT_SCORES = (
    Column(
        name="goldstein",
        kind="number",
        required=True,
        description="Goldstein (1992) conflict-cooperation score of the CAMEO code, -10 to +10 (derived from cameo).",
        derived=True,
    ),
    Column(
        name="quad_class",
        kind="integer",
        required=True,
        description="CAMEO quad class: 1 verbal and 2 material cooperation, 3 verbal and 4 material conflict "
        "(derived from cameo).",
        derived=True,
    ),
)


@functools.cache
def columns(cls: type) -> tuple[Column, ...]:
    """The columns of ``cls``'s table, fields in model order, derived ones after their field.

    Examples:
        >>> from sinorussia import Event
        >>> [c.name for c in columns(Event)][:7]
        ['id', 'when', 'when_earliest', 'when_latest', 'when_precision', 'title', 'summary']
    """
    docs = field_docs(cls)
    result: list[Column] = []
    for field in attrs.fields(attrs.resolve_types(cls)):
        column = _field_column(field, docs.get(field.name, ""))
        result.append(column)
        if column.kind == "span":
            result.extend(_span_columns(column))
        if cls is Event and field.name == "cameo":
            result.extend(_EVENT_SCORES)
    return tuple(result)


def row(record: Record) -> dict[str, Any]:
    """One record as plain values, column by column.

    Fields are as in the release files (enums as their values, spans as EDTF
    text, tuples as lists, nested records as mappings); derived date columns are
    ``datetime.date`` objects or None.
    """
    from sinorussia._convert import unstructure_record

    table: type = type(record)  # a plain `type`: mypy finds a union of record classes unhashable
    data = unstructure_record(record)
    for column in columns(table):
        if column.kind == "span":
            span: DateSpan | None = getattr(record, column.name)
            data[f"{column.name}_earliest"] = None if span is None else span.earliest
            data[f"{column.name}_latest"] = None if span is None else span.latest
            data[f"{column.name}_precision"] = None if span is None else span.precision.value
    if isinstance(record, Event):
        data["goldstein"] = record.goldstein
        data["quad_class"] = int(record.quad_class)
    return {column.name: data[column.name] for column in columns(table)}


def record_from_row(cls: type[Record], values: dict[str, Any]) -> Record:
    """Rebuild a record from a row's field columns (derived ones are ignored).

    The strict converter checks every value, so a row that does not describe a
    valid record raises ``FieldError`` rather than being coerced.
    """
    from sinorussia._convert import structure_record

    table: type = cls
    data = {c.name: values.get(c.name) for c in columns(table) if not c.derived}
    return structure_record(data, cls)
