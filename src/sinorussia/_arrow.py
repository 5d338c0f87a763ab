"""Arrow tables and Parquet files (the ``arrow`` extra), and pandas DataFrames (the ``pandas`` extra).

Both take their columns from ``_columns``. In Arrow, lists stay lists and
nested records (sources, readings) become lists of structs, so nothing is
flattened into JSON text; derived dates are ``date32``. Each field carries its
meaning as field metadata (``description``), so a Parquet file documents itself.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

from sinorussia._columns import Column, columns, record_from_row, row
from sinorussia._extras import require
from sinorussia._models import Record

__all__ = ["arrow_schema", "read_parquet", "to_arrow", "to_pandas", "write_parquet"]


def _pyarrow() -> Any:
    return require("pyarrow", extra="arrow", feature="Arrow and Parquet export")


def _arrow_type(pa: Any, column: Column) -> Any:
    simple = {
        "string": pa.string(),
        "enum": pa.string(),
        "span": pa.string(),
        "integer": pa.int64(),
        "number": pa.float64(),
        "boolean": pa.bool_(),
        "date": pa.date32(),
        "list": pa.list_(pa.string()),
    }
    if column.kind in simple:
        return simple[column.kind]
    assert column.item is not None, "an objects column names its item class"
    return pa.list_(pa.struct(_fields(pa, column.item)))


def _fields(pa: Any, cls: type) -> list[Any]:
    return [
        pa.field(c.name, _arrow_type(pa, c), nullable=not c.required, metadata={"description": c.description})
        for c in columns(cls)
    ]


def arrow_schema(cls: type[Record]) -> Any:
    """The ``pyarrow.Schema`` of ``cls``'s table."""
    pa = _pyarrow()
    return pa.schema(_fields(pa, cls), metadata={"sinorussia.table": getattr(cls, "TABLE", cls.__name__)})


def to_arrow(records: Sequence[Record], cls: type[Record]) -> Any:
    """One table as a ``pyarrow.Table``."""
    pa = _pyarrow()
    return pa.Table.from_pylist([row(r) for r in records], schema=arrow_schema(cls))


def write_parquet(records: Sequence[Record], path: Path, cls: type[Record]) -> Path:
    """One table as a Parquet file."""
    parquet = require("pyarrow.parquet", extra="arrow", feature="Parquet export")
    parquet.write_table(to_arrow(records, cls), path)
    return path


def read_parquet(path: Path, cls: type[Record]) -> tuple[Record, ...]:
    """The records of a Parquet file written by :func:`write_parquet` (strictly checked)."""
    parquet = require("pyarrow.parquet", extra="arrow", feature="Parquet import")
    return tuple(record_from_row(cls, values) for values in parquet.read_table(path).to_pylist())


def to_pandas(records: Sequence[Record], cls: type[Record]) -> Any:
    """One table as a ``pandas.DataFrame``: one row per record, the columns of ``_columns``.

    Integers are nullable ``Int64``; derived dates are ``datetime64`` (NaT for an
    open end); lists and sources are Python lists in object columns.
    """
    pd = require("pandas", extra="pandas", feature="Dataset.to_pandas")
    table: type = cls
    cols = columns(table)
    frame = pd.DataFrame([row(r) for r in records], columns=[c.name for c in cols])
    for column in cols:
        if column.kind == "date":
            frame[column.name] = pd.to_datetime(frame[column.name])
        elif column.kind == "integer":
            frame[column.name] = frame[column.name].astype("Int64")
        elif column.kind == "number":
            frame[column.name] = frame[column.name].astype("float64")
    return frame
