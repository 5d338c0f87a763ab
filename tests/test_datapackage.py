"""The Frictionless Data Package: a descriptor that matches its files, and that frictionless validates."""

from __future__ import annotations

import csv
import hashlib
import json
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings

import sinorussia as sr
from sinorussia._columns import columns
from sinorussia._export import read_csv
from sinorussia._models import RECORD_TYPES, Record
from strategies import datasets, write_release

NO_FRICTIONLESS = "frictionless (a test-only dependency) is not installed"


def _package(directory: Path, dataset: sr.Dataset | None = None) -> dict[str, Any]:
    sr.export(directory, format="datapackage", dataset=dataset)
    return dict(json.loads((directory / "datapackage.json").read_text(encoding="utf-8")))


def test_descriptor_lists_every_table_with_its_size_and_hash(tmp_path: Path) -> None:
    """Each resource's bytes and sha256 are those of its CSV file, in table order."""
    package = _package(tmp_path)
    assert list(RECORD_TYPES) == [r["name"] for r in package["resources"]]
    for resource in package["resources"]:
        data = (tmp_path / resource["path"]).read_bytes()
        assert (len(data), "sha256:" + hashlib.sha256(data).hexdigest()) == (resource["bytes"], resource["hash"])


def test_table_schemas_match_the_csv_headers_and_keys(tmp_path: Path) -> None:
    """Field names are the CSV header; the primary key is id; foreign keys point at real tables."""
    package = _package(tmp_path)
    names = {r["name"] for r in package["resources"]}
    for resource in package["resources"]:
        with (tmp_path / resource["path"]).open(encoding="utf-8", newline="") as handle:
            header = next(csv.reader(handle))
        schema = resource["schema"]
        assert header == [f["name"] for f in schema["fields"]]
        assert ["id"] == schema["primaryKey"]
        for key in schema.get("foreignKeys", []):
            assert set(key["fields"]) <= set(header)
            assert key["reference"]["resource"] in names | {""}
    positions = next(r for r in package["resources"] if r["name"] == "positions")
    assert [["actor"], ["issue"]] == [k["fields"] for k in positions["schema"]["foreignKeys"]]


def test_schema_types_and_constraints_follow_the_columns(tmp_path: Path) -> None:
    """Required columns are required; enum columns list their values; dates are dates."""
    events = next(r for r in _package(tmp_path)["resources"] if r["name"] == "events")
    fields = {f["name"]: f for f in events["schema"]["fields"]}
    for column in columns(sr.Event):
        field = fields[column.name]
        assert column.required == field.get("constraints", {}).get("required", False)
        assert list(column.values) == field.get("constraints", {}).get("enum", [])
    assert ("date", "array", "boolean", "integer") == tuple(
        fields[name]["type"] for name in ("when_earliest", "actors", "chronology", "chronology_order")
    )


def test_the_resources_read_back_as_the_same_records(tmp_path: Path) -> None:
    """The package's CSV files round-trip like the plain CSV export."""
    dataset = sr.load()
    _package(tmp_path, dataset)
    for name, cls in RECORD_TYPES.items():
        assert dataset.table(name) == read_csv(tmp_path / f"{name}.csv", cls)


def test_frictionless_validates_the_shipped_data(tmp_path: Path) -> None:
    """frictionless finds no error: types, constraints, keys, hashes and sizes all hold."""
    frictionless = pytest.importorskip("frictionless", reason=NO_FRICTIONLESS)
    _package(tmp_path)
    report = frictionless.validate(str(tmp_path / "datapackage.json"))
    assert [] == report.flatten(["type", "message"])
    assert report.valid


def test_frictionless_reads_typed_rows(tmp_path: Path) -> None:
    """Through the Table Schema, frictionless sees booleans, integers, dates and arrays, not text."""
    frictionless = pytest.importorskip("frictionless", reason=NO_FRICTIONLESS)
    _package(tmp_path)
    package = frictionless.Package(str(tmp_path / "datapackage.json"))
    rows = package.get_resource("events").read_rows()
    visit = next(r for r in rows if r["id"] == "2016-06-25-putin-visits-beijing")
    order = sr.get("2016-06-25-putin-visits-beijing").chronology_order  # type: ignore[union-attr]
    assert (True, order) == (visit["chronology"], visit["chronology_order"])
    assert ["vladimir-putin", "RUS"] == visit["actors"]
    assert "2016-06-25" == visit["when_earliest"].isoformat()


def test_frictionless_catches_a_changed_file_and_a_dangling_reference(tmp_path: Path) -> None:
    """The hash guards the bytes; the foreign keys guard the references."""
    frictionless = pytest.importorskip("frictionless", reason=NO_FRICTIONLESS)
    _package(tmp_path)
    issues = tmp_path / "issues.csv"
    issues.write_bytes(issues.read_bytes().replace(b"SCO", b"SCX", 1))
    report = frictionless.validate(str(tmp_path / "datapackage.json"))
    assert "hash-count" in {error_type for (error_type,) in report.flatten(["type"])}

    _package(tmp_path)
    positions = tmp_path / "positions.csv"
    with positions.open(encoding="utf-8", newline="") as handle:
        table = list(csv.reader(handle))
    table[1][table[0].index("actor")] = "nobody-at-all"
    with positions.open("w", encoding="utf-8", newline="") as handle:
        csv.writer(handle).writerows(table)
    descriptor = json.loads((tmp_path / "datapackage.json").read_text(encoding="utf-8"))
    for resource in descriptor["resources"]:
        resource.pop("hash"), resource.pop("bytes")  # only the reference is under test here
    (tmp_path / "datapackage.json").write_text(json.dumps(descriptor), encoding="utf-8")
    report = frictionless.validate(str(tmp_path / "datapackage.json"))
    assert {"foreign-key"} == {error_type for (error_type,) in report.flatten(["type"])}


@settings(max_examples=8, suppress_health_check=[HealthCheck.too_slow])
@given(tables=datasets(max_events=6))
def test_frictionless_validates_any_release(
    tmp_path_factory: pytest.TempPathFactory, tables: dict[str, list[Record]]
) -> None:
    """Random valid releases export to valid Data Packages, whatever their text and numbers."""
    frictionless = pytest.importorskip("frictionless", reason=NO_FRICTIONLESS)
    tmp = tmp_path_factory.mktemp("package")
    dataset = sr.load_path(write_release(tmp / "release", "prop-release", tables))
    _package(tmp / "out", dataset)
    report = frictionless.validate(str(tmp / "out" / "datapackage.json"))
    assert [] == report.flatten(["rowNumber", "fieldName", "type", "message"])


def test_a_cell_of_one_space_stays_a_value(tmp_path: Path) -> None:
    """Regression (found by the property above): sniffing the dialect of this text, frictionless read
    a description of one space as an empty, missing cell. The descriptor now states the dialect."""
    frictionless = pytest.importorskip("frictionless", reason=NO_FRICTIONLESS)
    src = "src"
    odd_quote = '©==É⤕\x8b_\x9fҶď☄Sð\x82ᶕ\x9f"\x95ÖB#ȎhÝ⪩\xadÑ|ó|'
    tables: dict[str, list[Record]] = {
        "sources": [sr.Source(id=src, title="1ᰰ\x8c", kind=sr.SourceKind.ARTICLE)],
        "figures": [
            sr.Figure(id="fig-a", value=0.0, unit="rę", qualifier=sr.Qualifier.LESS_THAN, description="\x80yÎm",
                      when=sr.DateSpan.parse("2000-05/2009-07"),
                      sources=(sr.SourceRef(source=src), sr.SourceRef(source=src, locator="UT"))),
            sr.Figure(id="fig-b", value=13633.947062683734, unit="z⥽gÌP", description="ĜJU\x81]",
                      sources=(sr.SourceRef(source=src, quote=odd_quote), sr.SourceRef(source=src))),
            sr.Figure(id="fig-c", value=-9666, unit="{×^", qualifier=sr.Qualifier.ABOUT, description=" ",
                      sources=(sr.SourceRef(source=src, locator="Ùká(◉W²wk", quote="↠"),
                               sr.SourceRef(source=src, locator="¢i"))),
        ],
    }  # fmt: skip
    dataset = sr.load_path(write_release(tmp_path / "release", "space-release", tables))
    _package(tmp_path / "out", dataset)
    report = frictionless.validate(str(tmp_path / "out" / "datapackage.json"))
    assert [] == report.flatten(["rowNumber", "fieldName", "type"])
    rows = frictionless.Package(str(tmp_path / "out" / "datapackage.json")).get_resource("figures").read_rows()
    assert [" "] == [r["description"] for r in rows if r["id"] == "fig-c"]
