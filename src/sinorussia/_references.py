"""Which fields of a record refer to other records, and to what kind.

One table of facts serves the loader (every reference must resolve, to a
record of the right table) and the curation tools.
"""

from __future__ import annotations

import operator
from collections.abc import Callable, Iterator, Mapping
from typing import Any

from sinorussia._models import (
    Actor,
    Discrepancy,
    Document,
    Event,
    Figure,
    Membership,
    Position,
    Record,
)

__all__ = ["ANY", "FIELDS", "all_resolve", "references"]

ANY: tuple[str, ...] = ()

_ACTORS, _DOCUMENTS, _EVENTS, _ISSUES, _SOURCES = ("actors",), ("documents",), ("events",), ("issues",), ("sources",)

#: The reference fields of each record class, besides ``sources``: (field, the
#: tables it may point into, whether it holds many ids). One table serves both
#: :func:`references` (with JSON paths, for messages) and :func:`all_resolve` (without).
FIELDS: dict[type, tuple[tuple[str, tuple[str, ...], bool], ...]] = {
    Actor: (("affiliations", _ACTORS, True), ("country", _ACTORS, False)),
    Event: (
        ("actors", _ACTORS, True),
        ("recipients", _ACTORS, True),
        ("country", _ACTORS, False),
        ("documents", _DOCUMENTS, True),
        ("issues", _ISSUES, True),
    ),
    Document: (
        ("parties", _ACTORS, True),
        ("signatories", _ACTORS, True),
        ("authors", _ACTORS, True),
        ("event", _EVENTS, False),
        ("issues", _ISSUES, True),
    ),
    Membership: (("organization", _ACTORS, False), ("member", _ACTORS, False)),
    Position: (("actor", _ACTORS, False), ("issue", _ISSUES, False)),
    Figure: (("actors", _ACTORS, True), ("about", ANY, False)),
    Discrepancy: (("record", ANY, False),),
}


def references(record: Record) -> Iterator[tuple[str, str, tuple[str, ...]]]:
    """Yield ``(json_path, target_id, allowed_tables)`` for each reference.

    An empty ``allowed_tables`` means a record of any table will do.
    """
    for index, ref in enumerate(getattr(record, "sources", ())):
        yield f"$.sources[{index}].source", ref.source, ("sources",)
    for name, tables, many in _fields_of(record):
        value = getattr(record, name)
        if many:
            for index, target in enumerate(value):
                yield f"$.{name}[{index}]", target, tables
        elif value is not None:
            yield f"$.{name}", value, tables
    if isinstance(record, Discrepancy):
        for r_index, reading in enumerate(record.readings):
            for s_index, ref in enumerate(reading.sources):
                yield f"$.readings[{r_index}].sources[{s_index}].source", ref.source, ("sources",)


def all_resolve(record: Record, resolving: Mapping[tuple[str, ...], frozenset[str]]) -> bool:
    """Whether every reference of ``record`` is among the ids ``resolving[allowed_tables]``.

    :func:`references` without the paths, for checking 10^5 records, where
    writing a JSON path for every reference would cost more than the check:
    the loader writes them for the faulty records only.
    """
    sources = resolving[_SOURCES]
    if not all(ref.source in sources for ref in getattr(record, "sources", ())):
        return False
    values, kinds = _reference_values(record)
    for value, (tables, many) in zip(values, kinds, strict=True):
        if many:
            if not resolving[tables].issuperset(value):
                return False
        elif value is not None and value not in resolving[tables]:
            return False
    if isinstance(record, Discrepancy):
        return all(ref.source in sources for reading in record.readings for ref in reading.sources)
    return True


# Record class -> (a getter of its reference fields' values, (tables, many) of each).
_GETTERS: dict[type, tuple[Callable[[Record], tuple[Any, ...]], tuple[tuple[tuple[str, ...], bool], ...]]] = {}


def _reference_values(record: Record) -> tuple[tuple[Any, ...], tuple[tuple[tuple[str, ...], bool], ...]]:
    """The values of a record's reference fields, in one call (attrgetter), with what each may hold."""
    cls = type(record)
    if cls not in _GETTERS:
        fields = _fields_of(record)
        names = [name for name, _, _ in fields]
        getter = operator.attrgetter(*names) if len(names) > 1 else _single(names)
        _GETTERS[cls] = (getter, tuple((tables, many) for _, tables, many in fields))
    getter, kinds = _GETTERS[cls]
    return getter(record), kinds


def _single(names: list[str]) -> Callable[[Record], tuple[Any, ...]]:
    """Like attrgetter, always a tuple (attrgetter of one name returns the bare value)."""
    return lambda record: tuple(getattr(record, name) for name in names)


def _fields_of(record: Record) -> tuple[tuple[str, tuple[str, ...], bool], ...]:
    for cls in type(record).__mro__:
        if cls in FIELDS:
            return FIELDS[cls]
    return ()
