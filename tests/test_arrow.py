"""Parquet files and pandas DataFrames (the arrow and pandas extras): same columns, same records."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings

import sinorussia as sr
from sinorussia._arrow import arrow_schema, read_parquet
from sinorussia._columns import columns, row
from sinorussia._models import RECORD_TYPES, Record
from strategies import datasets, write_release


@settings(max_examples=15)
@given(tables=datasets(max_events=8))
def test_parquet_round_trips_any_release(
    tmp_path_factory: pytest.TempPathFactory, tables: dict[str, list[Record]]
) -> None:
    """Read back, every Parquet table is the same records in the same order."""
    pytest.importorskip("pyarrow", reason="the arrow extra (pyarrow) is not installed")
    tmp = tmp_path_factory.mktemp("parquet")
    dataset = sr.load_path(write_release(tmp / "release", "prop-release", tables))
    sr.export(tmp / "out", format="parquet", dataset=dataset)
    for name, cls in RECORD_TYPES.items():
        assert dataset.table(name) == read_parquet(tmp / "out" / f"{name}.parquet", cls)


def test_parquet_of_the_shipped_release_round_trips(tmp_path: Path) -> None:
    """Every shipped record survives Parquet, sources and readings included."""
    pytest.importorskip("pyarrow", reason="the arrow extra (pyarrow) is not installed")
    dataset = sr.load()
    sr.export(tmp_path, format="parquet", dataset=dataset)
    for name, cls in RECORD_TYPES.items():
        assert dataset.table(name) == read_parquet(tmp_path / f"{name}.parquet", cls)


@pytest.mark.parametrize("table", RECORD_TYPES)
def test_arrow_schema_has_every_column_with_its_meaning(table: str) -> None:
    """Field names, nullability and description metadata follow the columns."""
    pa = pytest.importorskip("pyarrow", reason="the arrow extra (pyarrow) is not installed")
    cls = RECORD_TYPES[table]
    schema = arrow_schema(cls)
    expected = [(c.name, not c.required, c.description) for c in columns(cls)]
    assert expected == [(f.name, f.nullable, f.metadata[b"description"].decode()) for f in schema]
    assert pa.list_(pa.string()) == schema.field("supersedes").type


def test_events_as_a_dataframe() -> None:
    """to_pandas gives one row per record, the export's columns, real dates and nullable integers."""
    pytest.importorskip("pandas", reason="the pandas extra is not installed")
    dataset = sr.load()
    frame = dataset.to_pandas("events")
    events = dataset.events()
    assert [c.name for c in columns(sr.Event)] == list(frame.columns)
    assert [e.id for e in events] == list(frame["id"])
    assert str(frame["when_earliest"].dtype).startswith("datetime64")
    assert "Int64" == str(frame["chronology_order"].dtype)
    first = row(events[0])
    assert first["when_earliest"] == frame["when_earliest"].iloc[0].date()
    assert (first["cameo"], first["goldstein"], first["actors"]) == (
        frame["cameo"].iloc[0],
        frame["goldstein"].iloc[0],
        frame["actors"].iloc[0],
    )


@pytest.mark.parametrize("table", RECORD_TYPES)
def test_every_table_becomes_a_dataframe(table: str) -> None:
    """Each table converts, with as many rows as records."""
    pytest.importorskip("pandas", reason="the pandas extra is not installed")
    dataset = sr.load()
    assert len(dataset.table(table)) == len(dataset.to_pandas(table))


def test_to_pandas_of_an_unknown_table_is_a_query_error() -> None:
    """The error lists the tables there are."""
    with pytest.raises(sr.QueryError, match="tables are"):
        sr.load().to_pandas("treaties")
