"""Writing a dataset out as files other tools read, and reading them back.

``export(outdir, format=..., dataset=...)`` writes one file per table (or one file of
dyads for ``icews``) into ``outdir``. CSV and JSON Lines need nothing beyond
the standard library; Parquet needs the ``arrow`` extra. Each format has a
reader here or in its module, so that every export is tested to round-trip:
read back, it gives the same records.

CSV cells: text as is; an empty cell is a missing value (no text field may be
empty, so the two never meet); numbers, booleans, lists and nested records as
JSON (``["CHN", "RUS"]``, ``true``); dates as ISO days.
"""

from __future__ import annotations

import csv
import json
from collections.abc import Sequence
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal

from sinorussia._columns import Column, columns, record_from_row, row
from sinorussia._models import RECORD_TYPES, Record
from sinorussia.exceptions import QueryError

if TYPE_CHECKING:
    from sinorussia._dataset import Dataset

__all__ = ["FORMATS", "Format", "export", "read_csv", "read_jsonl", "write_csv", "write_jsonl"]

Format = Literal["csv", "jsonl", "parquet", "datapackage", "icews"]
FORMATS: tuple[Format, ...] = ("csv", "jsonl", "parquet", "datapackage", "icews")

_JSON_KINDS = frozenset({"integer", "number", "boolean", "list", "objects"})


def export(
    outdir: str | Path,
    *,
    format: Format = "csv",  # noqa: A002 - the public keyword, as in cite(format=...)
    dataset: Dataset | None = None,
) -> list[Path]:
    """Write every table into the directory ``outdir`` (created if absent); return the files written.

    ``format`` is ``"csv"``, ``"jsonl"``, ``"parquet"`` (needs the ``arrow``
    extra), ``"datapackage"`` (CSV files and ``datapackage.json``) or ``"icews"``
    (one file of dyadic event rows). ``dataset`` defaults to every installed
    release, merged.

    Examples:
        >>> import sinorussia as sr, tempfile
        >>> [p.name for p in sr.export(tempfile.mkdtemp(), format="jsonl")][:2]
        ['sources.jsonl', 'actors.jsonl']
    """
    if format not in FORMATS:
        raise QueryError(f"format={format!r}: allowed: {', '.join(FORMATS)}")
    if dataset is None:
        from sinorussia._registry import load

        dataset = load()
    if format == "parquet":  # before anything is written: a missing extra leaves no empty directory
        from sinorussia._extras import require

        require("pyarrow.parquet", extra="arrow", feature="Parquet export")
    target = Path(outdir)
    if target.exists() and not target.is_dir():
        raise QueryError(f"{target} exists and is not a directory")
    target.mkdir(parents=True, exist_ok=True)
    tables = {name: dataset.table(name) for name in RECORD_TYPES}
    if format == "csv":
        return [write_csv(rows, target / f"{name}.csv", RECORD_TYPES[name]) for name, rows in tables.items()]
    if format == "jsonl":
        return [write_jsonl(rows, target / f"{name}.jsonl") for name, rows in tables.items()]
    if format == "parquet":
        from sinorussia._arrow import write_parquet

        return [write_parquet(rows, target / f"{name}.parquet", RECORD_TYPES[name]) for name, rows in tables.items()]
    if format == "datapackage":
        from sinorussia._datapackage import write_datapackage

        return write_datapackage(dataset, target)
    from sinorussia._icews import write_icews

    return [write_icews(dataset, target / "icews-events.tsv")]


# ------------------------------------------------------------------------ CSV
def _cell(value: Any, column: Column) -> str:
    if value is None:
        return ""
    if column.kind in _JSON_KINDS:
        return json.dumps(value, ensure_ascii=False, allow_nan=False)
    if column.kind == "date":
        return str(value.isoformat())
    return str(value)


def _value(text: str, column: Column) -> Any:
    if text == "":
        return None
    if column.kind in _JSON_KINDS:
        return json.loads(text)
    if column.kind == "date":
        return date.fromisoformat(text)
    return text


def write_csv(records: Sequence[Record], path: Path, cls: type[Record]) -> Path:
    """One table as CSV (UTF-8, a header row of column names), derived columns included."""
    table: type = cls
    cols = columns(table)
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow([c.name for c in cols])
        for record in records:
            values = row(record)
            writer.writerow([_cell(values[c.name], c) for c in cols])
    return path


def read_csv(path: Path, cls: type[Record]) -> tuple[Record, ...]:
    """The records of a CSV file written by :func:`write_csv` (strictly checked)."""
    table: type = cls
    cols = {c.name: c for c in columns(table)}
    with path.open(encoding="utf-8", newline="") as handle:
        reader = csv.DictReader(handle)
        if list(reader.fieldnames or ()) != list(cols):
            raise ValueError(f"{path.name}: the header is not the {cls.__name__} columns {list(cols)}")
        return tuple(
            record_from_row(cls, {name: _value(text, cols[name]) for name, text in line.items()}) for line in reader
        )


# ----------------------------------------------------------------- JSON Lines
def write_jsonl(records: Sequence[Record], path: Path) -> Path:
    """One table as JSON Lines, byte for byte the canonical form of a release file."""
    from sinorussia._tools import canonical_table

    path.write_bytes(canonical_table(tuple(records)))
    return path


def read_jsonl(path: Path, cls: type[Record]) -> tuple[Record, ...]:
    """The records of a JSON Lines table (strictly checked)."""
    from sinorussia._convert import structure_record
    from sinorussia._jsonl import decode_text, loads, split_lines

    return tuple(structure_record(loads(line), cls) for line in split_lines(decode_text(path.read_bytes())))
