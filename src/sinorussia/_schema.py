"""JSON Schema documents for the manifest and for one line of each table.

The schemas are generated from the models: each attrs field gives a property,
its type gives the JSON type, and its validators give the constraints (a
``matches_re`` a ``pattern``, a ``min_len`` a ``minLength``...). A validator
this module does not know stops generation, so a new rule in a model cannot
silently go missing from the schemas.

Some rules the loader enforces cannot be said in JSON Schema; they are listed
in :data:`LOADER_ONLY` (and in docs/publishing.md). A release that passes the
schemas may still be refused by ``sinorussia validate``, never the other way
round. The documents are shipped in ``sinorussia/schema/`` (kept in sync by a
test) and written by ``sinorussia schema OUTDIR``.
"""

from __future__ import annotations

import enum
import json
import types
import typing
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

import attrs

from sinorussia._columns import field_docs
from sinorussia._dates import DateSpan
from sinorussia._manifest import KNOWN_SCHEMA_MAJORS, SCHEMA_VERSION, ReleaseInfo, TableInfo
from sinorussia._models import RECORD_TYPES, SLUG, STATE_ID, Reading, SourceRef

__all__ = ["DIALECT", "LOADER_ONLY", "dump", "manifest_schema", "record_schema", "schema_documents", "write_schemas"]

DIALECT = "https://json-schema.org/draft/2020-12/schema"

#: What the loader refuses although the schemas accept it.
LOADER_ONLY = (
    "a date that does not exist (2016-02-30) or an interval that ends before it starts",
    "a discrepancy whose adopted reading is not one of its readings",
    "an integer field written with a fraction part of zero (1.0)",
    "two tables of one manifest naming the same file",
    "a string ending in a line feed where a pattern applies (Python's re lets $ match before it)",
    "across records and files: unique ids, resolved references, CAMEO codes in the codebook,"
    " sha256 and row counts, supersession",
)

_YEAR = "(?:000[1-9]|00[1-9][0-9]|0[1-9][0-9]{2}|[1-9][0-9]{3})"
_MONTH = "(?:0[1-9]|1[0-2])"
_DAY = "(?:0[1-9]|[12][0-9]|3[01])"
_POINTS = (_YEAR, f"{_YEAR}-{_MONTH}", f"{_YEAR}-{_MONTH}-{_DAY}")
#: The EDTF subset of DateSpan: a qualified single date, or an interval whose
#: ends share one precision (the end may be open).
EDTF = "^(?:" + "|".join(f"{p}[?~%]?|{p}/(?:{p}|\\.\\.)" for p in _POINTS) + ")$"
ISO_DAY = f"^{_POINTS[2]}$"


def _anchored(pattern: str) -> str:
    return f"^(?:{pattern})$"


def _type_schema(kind: Any) -> dict[str, Any]:
    """The JSON Schema of a field's type, without its validators."""
    origin = typing.get_origin(kind)
    args = typing.get_args(kind)
    if origin in (typing.Union, types.UnionType):
        if set(args) == {int, float}:
            return {"type": "number"}
        inner = [arg for arg in args if arg is not type(None)]
        if len(inner) == 1 and len(args) == 2:
            return {"anyOf": [_type_schema(inner[0]), {"type": "null"}]}
    if origin is tuple and len(args) == 2 and args[1] is Ellipsis:
        return {"type": "array", "items": _type_schema(args[0])}
    if isinstance(kind, type) and issubclass(kind, enum.Enum):
        return {"type": "string", "enum": [member.value for member in kind]}
    if kind is DateSpan or (isinstance(kind, type) and attrs.has(kind)):
        return {"$ref": f"#/$defs/{kind.__name__}"}
    simple = {str: {"type": "string"}, bool: {"type": "boolean"}, int: {"type": "integer"}}
    if kind in simple:
        return dict(simple[kind])
    if kind is date:
        return {"type": "string", "format": "date", "pattern": ISO_DAY}
    raise TypeError(f"no JSON Schema for the type {kind!r}")


def _value_branch(schema: dict[str, Any]) -> dict[str, Any]:
    """The non-null branch of an optional field (validators constrain only it)."""
    if "anyOf" in schema:
        return typing.cast("dict[str, Any]", schema["anyOf"][0])
    return schema


def _constrain(schema: dict[str, Any], validator: Any, owner: type) -> None:
    """Add what ``validator`` checks to ``schema``, or raise TypeError."""
    name = type(validator).__name__
    if validator is None:
        return
    if name == "_AndValidator":
        for part in validator._validators:
            _constrain(schema, part, owner)
    elif name == "_OptionalValidator":
        _constrain(_value_branch(schema), validator.validator, owner)
    elif name == "_InstanceOfValidator":
        return  # the field's type already says it
    elif name == "_MatchesReValidator":
        schema["pattern"] = _anchored(validator.pattern.pattern)
    elif name == "_MinLengthValidator":
        schema["minItems" if schema.get("type") == "array" else "minLength"] = validator.min_length
    elif name == "_NumberValidator" and validator.compare_op == ">=":
        schema["minimum"] = validator.bound
    elif name == "_InValidator":
        schema["enum"] = list(validator.options)
    elif name == "_DeepIterable":
        if validator.member_validator is not None:
            _constrain(schema["items"], validator.member_validator, owner)
    elif callable(validator) and getattr(validator, "__qualname__", "") in _FUNCTION_RULES:
        _FUNCTION_RULES[validator.__qualname__](schema)
    else:
        raise TypeError(f"{owner.__name__}: no JSON Schema rule for the validator {validator!r}")


def _at_least_one(schema: dict[str, Any]) -> None:
    schema["minItems"] = 1


def _no_field_rule(_: dict[str, Any]) -> None:
    """A rule across fields: said in the class's ``allOf`` (see _CLASS_RULES) or in LOADER_ONLY."""


def _schema_version(schema: dict[str, Any]) -> None:
    majors = "|".join(KNOWN_SCHEMA_MAJORS)
    schema["pattern"] = f"^(?:{majors})\\.[0-9]+$"


def _table_file(schema: dict[str, Any]) -> None:
    schema["pattern"] = r"^[A-Za-z0-9_][A-Za-z0-9_.-]*\.jsonl$"


#: Validators written as functions, by qualified name.
_FUNCTION_RULES: dict[str, Callable[[dict[str, Any]], None]] = {
    "_at_least_one": _at_least_one,
    "Actor._check_id": _no_field_rule,
    "Event._check_order": _no_field_rule,
    "Figure._check_value": _no_field_rule,  # JSON numbers are finite and never booleans
    "Discrepancy._check_adopted": _no_field_rule,  # LOADER_ONLY
    "ReleaseInfo._check_schema": _schema_version,
    "ReleaseInfo._check_tables": _no_field_rule,  # said in manifest_schema()
    "TableInfo._check_file": _table_file,
}

#: Rules across the fields of one record, as JSON Schema conditionals.
_CLASS_RULES: dict[str, list[dict[str, Any]]] = {
    "Actor": [
        {
            "if": {"properties": {"kind": {"const": "state"}}, "required": ["kind"]},
            "then": {"properties": {"id": {"pattern": _anchored(STATE_ID)}}},
            "else": {"properties": {"id": {"pattern": _anchored(SLUG)}}},
        }
    ],
    "Event": [
        {
            "if": {"properties": {"chronology": {"const": True}}, "required": ["chronology"]},
            "then": {"properties": {"chronology_order": {"type": "integer"}}, "required": ["chronology_order"]},
            "else": {"properties": {"chronology_order": {"type": "null"}}},
        }
    ],
}


def _default(field: attrs.Attribute[Any]) -> Any:
    value = field.default
    if isinstance(value, enum.Enum):
        return value.value
    if isinstance(value, tuple):
        return list(value)
    return value


def _object_schema(cls: type, *, skip: tuple[str, ...] = ()) -> dict[str, Any]:
    """The schema of one attrs class as a JSON object with exactly its fields."""
    properties: dict[str, Any] = {}
    required: list[str] = []
    # The data dictionary's meanings (``_columns``), with reStructuredText's double backquotes made Markdown's.
    docs = {name: text.replace("``", "`") for name, text in field_docs(cls).items()}
    for field in attrs.fields(attrs.resolve_types(cls)):
        if field.name in skip:
            continue
        schema = _type_schema(field.type)
        _constrain(schema, field.validator, cls)
        if field.name in docs:
            schema["description"] = docs[field.name]
        if field.default is attrs.NOTHING:
            required.append(field.name)
        else:
            schema["default"] = _default(field)
        properties[field.name] = schema
    document: dict[str, Any] = {
        "type": "object",
        "description": (cls.__doc__ or cls.__name__).strip().splitlines()[0],
        "properties": properties,
        "required": required,
        "additionalProperties": False,
    }
    if cls.__name__ in _CLASS_RULES:
        document["allOf"] = _CLASS_RULES[cls.__name__]
    return document


_DATE_SPAN = {
    "type": "string",
    "description": "A date at the precision the source supports, as EDTF: 2016-06-25, 2016-06, 2016,"
    " 2016-06-03/2016-06-06, 2005/.. (open end); a single date may end in ? (uncertain),"
    " ~ (approximate) or % (both).",
    "pattern": EDTF,
}


def _definitions(value: Any, found: dict[str, Any]) -> dict[str, Any]:
    """Every definition that ``value`` refers to, transitively."""
    if isinstance(value, dict):
        target = value.get("$ref", "")
        name = target.rpartition("/")[2]
        if target.startswith("#/$defs/") and name not in found:
            found[name] = _DATE_SPAN if name == "DateSpan" else _object_schema(_DEFINED[name])
            _definitions(found[name], found)
        for item in value.values():
            _definitions(item, found)
    elif isinstance(value, list):
        for item in value:
            _definitions(item, found)
    return found


_DEFINED: dict[str, type] = {"SourceRef": SourceRef, "Reading": Reading}


def _document(name: str, title: str, body: dict[str, Any], defs: dict[str, Any] | None = None) -> dict[str, Any]:
    document = {
        "$schema": DIALECT,
        "$id": f"urn:sinorussia:schema:{SCHEMA_VERSION}:{name}",
        "title": title,
        **body,
    }
    document["$defs"] = dict(sorted(_definitions(body, dict(defs or {})).items()))
    return document


def record_schema(table: str) -> dict[str, Any]:
    """The JSON Schema of one line of ``table`` (e.g. ``"events"``)."""
    cls = RECORD_TYPES[table]
    title = f"One line of {table}.jsonl (record type {cls.__name__}) in a sinorussia release, schema {SCHEMA_VERSION}"
    return _document(table, title, _object_schema(cls))


def manifest_schema() -> dict[str, Any]:
    """The JSON Schema of ``release.json``."""
    body = _object_schema(ReleaseInfo, skip=("origin",))
    # The file maps each table name to its entry; the loader adds the name itself.
    body["properties"]["tables"] = {
        "type": "object",
        "description": "Every table of the release: its file name, row count and sha256.",
        "properties": {name: {"$ref": "#/$defs/TableEntry"} for name in RECORD_TYPES},
        "required": list(RECORD_TYPES),
        "additionalProperties": False,
    }
    entry = _object_schema(TableInfo, skip=("name",))
    title = f"release.json, the manifest of a sinorussia release, schema {SCHEMA_VERSION}"
    return _document("release", title, body, {"TableEntry": entry})


def schema_documents() -> dict[str, dict[str, Any]]:
    """Every schema document by file name: ``release.schema.json`` and one per table."""
    documents = {"release.schema.json": manifest_schema()}
    for table in RECORD_TYPES:
        documents[f"{table}.schema.json"] = record_schema(table)
    return documents


def dump(document: dict[str, Any]) -> bytes:
    """The canonical bytes of a schema document."""
    return (json.dumps(document, indent=2, sort_keys=True, ensure_ascii=False) + "\n").encode("utf-8")


def write_schemas(directory: Path) -> list[str]:
    """Write every schema document into ``directory``; returns the file names."""
    directory.mkdir(parents=True, exist_ok=True)
    names = []
    for name, document in schema_documents().items():
        (directory / name).write_bytes(dump(document))
        names.append(name)
    return names
