"""CSV and JSON Lines exports: they round-trip, and other tools can read them."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pytest
from hypothesis import given, settings

import sinorussia as sr
from sinorussia._cli import main
from sinorussia._columns import columns
from sinorussia._export import read_csv, read_jsonl
from sinorussia._models import RECORD_TYPES, Record
from sinorussia._resources import package_files
from strategies import datasets, write_release

READERS = {"csv": read_csv, "jsonl": read_jsonl}


def _dataset(tmp: Path, tables: dict[str, list[Record]]) -> sr.Dataset:
    return sr.load_path(write_release(tmp / "release", "prop-release", tables))


@settings(max_examples=25)
@given(tables=datasets(max_events=8))
def test_csv_and_jsonl_round_trip_any_release(
    tmp_path_factory: pytest.TempPathFactory, tables: dict[str, list[Record]]
) -> None:
    """Read back, every table of an exported release is the same records in the same order."""
    tmp = tmp_path_factory.mktemp("export")
    dataset = _dataset(tmp, tables)
    for style, reader in READERS.items():
        written = sr.export(tmp / style, format=style, dataset=dataset)
        assert [tmp / style / f"{name}.{style}" for name in RECORD_TYPES] == written
        for name, cls in RECORD_TYPES.items():
            assert dataset.table(name) == reader(tmp / style / f"{name}.{style}", cls)


def test_jsonl_export_is_byte_for_byte_the_shipped_release(tmp_path: Path) -> None:
    """Exporting one release as JSON Lines gives its canonical files back."""
    written = sr.export(tmp_path, format="jsonl", dataset=sr.load("cc-2016-2"))
    shipped = package_files().joinpath("data", "cc-2016-2")
    for path in written:
        assert shipped.joinpath(path.name).read_bytes() == path.read_bytes(), path.name


def test_csv_reads_with_the_standard_library_alone(tmp_path: Path) -> None:
    """A plain csv reader sees the columns, one row per record, JSON lists and ISO days."""
    dataset = sr.load()
    sr.export(tmp_path, format="csv", dataset=dataset)
    with (tmp_path / "events.csv").open(encoding="utf-8", newline="") as handle:
        reader = csv.DictReader(handle)
        rows = list(reader)
    assert [c.name for c in columns(sr.Event)] == reader.fieldnames
    assert len(dataset.events()) == len(rows)
    visit = next(r for r in rows if r["id"] == "2016-06-25-putin-visits-beijing")
    assert ("042", "1.9", "1", "true") == (visit["cameo"], visit["goldstein"], visit["quad_class"], visit["chronology"])
    assert ["vladimir-putin", "RUS"] == json.loads(visit["actors"])
    assert ("2016-06-25", "2016-06-25", "day") == (
        visit["when_earliest"],
        visit["when_latest"],
        visit["when_precision"],
    )


def test_empty_cells_are_missing_values_and_come_back_as_none(tmp_path: Path) -> None:
    """An open end has an empty last day; a source without an author an empty author cell."""
    dataset = sr.load()
    sr.export(tmp_path, format="csv", dataset=dataset)
    with (tmp_path / "memberships.csv").open(encoding="utf-8", newline="") as handle:
        open_ended = [r for r in csv.DictReader(handle) if r["period"].endswith("/..")]
    assert open_ended
    assert {""} == {r["period_latest"] for r in open_ended}
    back = read_csv(tmp_path / "sources.csv", sr.Source)
    undated = [s for s in back if isinstance(s, sr.Source) and s.date is None]
    assert [s.id for s in dataset.sources() if s.date is None] == [s.id for s in undated]


def test_read_csv_refuses_a_file_of_another_table(tmp_path: Path) -> None:
    """Reading issues.csv as events is an error naming the file, not a silent mix-up."""
    sr.export(tmp_path, format="csv")
    with pytest.raises(ValueError, match=r"issues\.csv"):
        read_csv(tmp_path / "issues.csv", sr.Event)


def test_unknown_format_and_a_file_for_a_directory_are_query_errors(tmp_path: Path) -> None:
    """A format outside the five, or OUTDIR naming a file, raise QueryError saying what is allowed."""
    with pytest.raises(sr.QueryError, match="csv, jsonl, parquet, datapackage, icews"):
        sr.export(tmp_path, format="xlsx")
    a_file = tmp_path / "file"
    a_file.write_text("x", encoding="utf-8")
    with pytest.raises(sr.QueryError, match="not a directory"):
        sr.export(a_file, format="csv")


def test_export_command_writes_and_lists_the_files(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """`sinorussia export --format jsonl OUTDIR` creates OUTDIR and prints each file written."""
    import io

    out = io.StringIO()
    assert 0 == main(["export", "--format", "jsonl", str(tmp_path / "new"), "--release", "cc-2016-2"], out=out)
    assert [str(tmp_path / "new" / f"{name}.jsonl") for name in RECORD_TYPES] == out.getvalue().splitlines()


def test_export_command_exits_2_on_a_bad_format_or_an_unwritable_directory(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Usage errors are one line on standard error and exit status 2."""
    assert 2 == main(["export", "--format", "xml", str(tmp_path)])
    a_file = tmp_path / "file"
    a_file.write_text("x", encoding="utf-8")
    assert 2 == main(["export", "--format", "csv", str(a_file)])
    assert 2 == len(capsys.readouterr().err.splitlines())
