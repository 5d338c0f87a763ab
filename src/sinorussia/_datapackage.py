"""A Frictionless Data Package: the CSV tables and a ``datapackage.json`` that describes them.

The descriptor follows the Data Package v1 specification (tabular profile),
which frictionless-py, the R ``frictionless`` package and Open Data tools
read. Each resource carries a Table Schema built from ``_columns`` (every
column's type, meaning, required flag and allowed values), its primary key,
its single-valued references as foreign keys, and the file's sha256 and size.
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sinorussia._columns import Column, columns
from sinorussia._export import write_csv
from sinorussia._models import RECORD_TYPES, Record

if TYPE_CHECKING:
    from sinorussia._dataset import Dataset

__all__ = ["DESCRIPTOR", "descriptor", "table_schema", "write_datapackage"]

DESCRIPTOR = "datapackage.json"

_TYPES = {
    "string": "string",
    "enum": "string",
    "span": "string",
    "integer": "integer",
    "number": "number",
    "boolean": "boolean",
    "date": "date",
    "list": "array",
    "objects": "array",
}

#: The CSV dialect the files are written in (Python's csv defaults), stated so that no reader has
#: to guess it: sniffing unusual text can infer, say, skipInitialSpace and read a " " cell as empty.
_DIALECT = {
    "delimiter": ",",
    "doubleQuote": True,
    "header": True,
    "lineTerminator": "\r\n",
    "quoteChar": '"',
    "skipInitialSpace": False,
}

_LICENSE_URLS = {
    "CC-BY-4.0": "https://creativecommons.org/licenses/by/4.0/",
    "CC0-1.0": "https://creativecommons.org/publicdomain/zero/1.0/",
}


def _field(column: Column) -> dict[str, Any]:
    field: dict[str, Any] = {"name": column.name, "type": _TYPES[column.kind], "description": column.description}
    if column.kind == "span":
        field["description"] += " An EDTF date (levels 0 and 1): 2016-06-25, 2016-06, 2016-06-03/2016-06-06, 2005/.."
    if column.kind == "boolean":
        field["trueValues"], field["falseValues"] = ["true"], ["false"]
    constraints: dict[str, Any] = {}
    if column.required:
        constraints["required"] = True
    if column.values:
        constraints["enum"] = list(column.values)
    if constraints:
        field["constraints"] = constraints
    return field


def _foreign_keys(name: str, records: tuple[Record, ...]) -> list[dict[str, Any]]:
    """Single-valued references that always point into one table, as Table Schema foreign keys."""
    from sinorussia._references import references

    targets: dict[str, str] = {}
    for record in records:
        for path, _, tables in references(record):
            field = path.removeprefix("$.")
            if len(tables) == 1 and field.isidentifier():  # not "$.sources[0].source", not "any table"
                targets[field] = tables[0]
    return [
        {"fields": [field], "reference": {"resource": "" if table == name else table, "fields": ["id"]}}
        for field, table in sorted(targets.items())
    ]


def table_schema(name: str, records: tuple[Record, ...] = ()) -> dict[str, Any]:
    """The Table Schema of one table; ``records`` supply the foreign keys actually used."""
    cls: type = RECORD_TYPES[name]
    schema: dict[str, Any] = {"fields": [_field(c) for c in columns(cls)], "missingValues": [""], "primaryKey": ["id"]}
    keys = _foreign_keys(name, records)
    if keys:
        schema["foreignKeys"] = keys
    return schema


def _licenses(dataset: Dataset) -> list[dict[str, str]]:
    found: dict[str, dict[str, str]] = {}
    for release in dataset.releases:
        name = release.license.split(" ", 1)[0]
        found.setdefault(name, {"name": name, "title": release.license, "path": _LICENSE_URLS.get(name, "")})
    return [{k: v for k, v in item.items() if v} for item in found.values()]


def descriptor(dataset: Dataset, resources: list[dict[str, Any]]) -> dict[str, Any]:
    """The package descriptor around ``resources``."""
    from sinorussia import __version__

    ids = [release.id for release in dataset.releases]
    one = dataset.releases[0] if len(dataset.releases) == 1 else None
    return {
        "profile": "tabular-data-package",
        "name": "sinorussia-" + "-".join(ids),
        "title": one.title if one else "sinorussia: releases " + ", ".join(ids),
        "description": (one.description if one and one.description else None)
        or "A sourced, typed dataset of China-Russia relations.",
        "version": one.data_version if one else __version__,
        "licenses": _licenses(dataset),
        "contributors": [{"title": "sinorussia contributors", "role": "author"}],
        "sources": [{"title": _source_title(dataset, s)} for release in dataset.releases for s in release.sources],
        "keywords": ["China", "Russia", "international relations", "SCO", "event data", "CAMEO"],
        "sinorussia": {
            "package_version": __version__,
            "releases": [
                {"id": r.id, "data_version": r.data_version, "coverage": str(r.coverage)} for r in dataset.releases
            ],
        },
        "resources": resources,
    }


def _source_title(dataset: Dataset, source_id: str) -> str:
    source = dataset.get(source_id)
    title = getattr(source, "title", source_id)
    author = getattr(source, "author", None)
    return f"{author}, {title}" if author else str(title)


def write_datapackage(dataset: Dataset, outdir: Path) -> list[Path]:
    """Write every table as CSV into ``outdir`` and ``datapackage.json`` describing them."""
    written: list[Path] = []
    resources: list[dict[str, Any]] = []
    for name, cls in RECORD_TYPES.items():
        records = dataset.table(name)
        path = write_csv(records, outdir / f"{name}.csv", cls)
        data = path.read_bytes()
        written.append(path)
        resources.append(
            {
                "name": name,
                "path": path.name,
                "profile": "tabular-data-resource",
                "title": name.capitalize(),
                "description": (cls.__doc__ or name).strip().splitlines()[0],
                "format": "csv",
                "mediatype": "text/csv",
                "encoding": "utf-8",
                "dialect": _DIALECT,
                "bytes": len(data),
                "hash": "sha256:" + hashlib.sha256(data).hexdigest(),
                "schema": table_schema(name, records),
            }
        )
    target = outdir / DESCRIPTOR
    target.write_text(json.dumps(descriptor(dataset, resources), indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    return [*written, target]
