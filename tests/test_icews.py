"""ICEWS-style dyads: one row per direction of each pair, ICEWS's columns, and a join by date and country."""

from __future__ import annotations

import csv
from collections import Counter
from itertools import combinations
from pathlib import Path

import pytest
from hypothesis import given, settings

import sinorussia as sr
from sinorussia._cameo import goldstein, lookup
from sinorussia._icews import COLUMNS, ICEWS_COLUMNS, dyads, icews_rows, read_icews
from sinorussia._models import Event, Record
from strategies import datasets, events, write_release

ICEWS_NAMES = (
    "Event ID", "Event Date", "Source Name", "Source Sectors", "Source Country", "Event Text", "CAMEO Code",
    "Intensity", "Target Name", "Target Sectors", "Target Country", "Story ID", "Sentence Number", "Publisher",
    "City", "District", "Province", "Country", "Latitude", "Longitude",
)  # fmt: skip


def _pairs(event: Event) -> set[frozenset[str]]:
    """The unordered pairs of participants, worked out independently of the module."""
    if event.recipients:
        return {frozenset((a, r)) for a in event.actors for r in event.recipients if a != r}
    return {frozenset(pair) for pair in combinations(set(event.actors), 2)}


def test_the_first_twenty_columns_are_icews_own() -> None:
    """Column names and order as in the ICEWS coded event data; sinorussia's follow."""
    assert ICEWS_NAMES == ICEWS_COLUMNS
    assert ICEWS_NAMES == COLUMNS[:20]


@given(event=events())
def test_each_pair_gives_one_row_per_direction(event: Event) -> None:
    """2 rows per unordered pair of participants; each source-target pair once, with its reverse."""
    rows = list(dyads(event))
    directed = [(source, target) for source, target, _ in rows]
    assert 2 * len(_pairs(event)) == len(rows)
    assert len(set(directed)) == len(directed)
    assert set(directed) == {(target, source) for source, target in directed}


@given(event=events())
def test_the_reverse_of_a_visit_is_hosting_it(event: Event) -> None:
    """042 one way is 043 the other way; every other code is the same both ways."""
    codes = {(source, target): code for source, target, code in dyads(event)}
    for (source, target), code in codes.items():
        reverse = codes[(target, source)]
        if event.cameo in ("042", "043"):
            assert {"042", "043"} == {code, reverse}
        else:
            assert (event.cameo, event.cameo) == (code, reverse)


def test_rows_of_the_shipped_data() -> None:
    """Each row names its event, its code's text and Goldstein score, and its date's precision."""
    dataset = sr.load()
    rows = list(icews_rows(dataset))
    assert len(rows) == len({r["Event ID"] for r in rows})
    for row in rows:
        event = dataset.lookup(row["Story ID"])
        assert isinstance(event, Event)
        code = row["CAMEO Code"]
        assert (lookup(code).name, repr(goldstein(code))) == (row["Event Text"], row["Intensity"])
        assert (event.when.earliest.isoformat(), event.when.precision.value, str(event.when)) == (
            row["Event Date"],
            row["Date Precision"],
            row["Event Span"],
        )
    per_story = Counter(r["Story ID"] for r in rows)
    assert {e.id: 2 * len(_pairs(e)) for e in dataset.events() if _pairs(e)} == dict(per_story)


def test_putins_visit_both_ways() -> None:
    """Putin visits China (042, 1.9); China hosts Putin (043, 2.8); countries by name and ISO code."""
    rows = {r["Event ID"]: r for r in icews_rows(sr.load())}
    there = rows["2016-06-25-putin-visits-beijing/vladimir-putin/CHN"]
    back = rows["2016-06-25-putin-visits-beijing/CHN/vladimir-putin"]
    assert ("2016-06-25", "Vladimir Putin", "Russia", "RUS", "042", "1.9", "China", "CHN") == (
        there["Event Date"],
        there["Source Name"],
        there["Source Country"],
        there["Source ISO3"],
        there["CAMEO Code"],
        there["Intensity"],
        there["Target Country"],
        there["Target ISO3"],
    )
    assert ("043", "Host a visit", "2.8") == (back["CAMEO Code"], back["Event Text"], back["Intensity"])


@settings(max_examples=20)
@given(tables=datasets(max_events=10))
def test_the_file_round_trips(tmp_path_factory: pytest.TempPathFactory, tables: dict[str, list[Record]]) -> None:
    """Read back, the tab-separated file gives exactly the rows written."""
    tmp = tmp_path_factory.mktemp("icews")
    dataset = sr.load_path(write_release(tmp / "release", "prop-release", tables))
    [path] = sr.export(tmp / "out", format="icews", dataset=dataset)
    assert list(icews_rows(dataset)) == read_icews(path)


def test_joining_another_event_table_by_date_and_country(tmp_path: Path) -> None:
    """The documented join: day-precision rows matched on (day, source ISO3, target ISO3)."""
    [path] = sr.export(tmp_path, format="icews")
    with path.open(encoding="utf-8", newline="") as handle:
        dyad_rows = list(csv.DictReader(handle, delimiter="\t"))
    other = [
        {"SQLDATE": "20160625", "Actor1CountryCode": "RUS", "Actor2CountryCode": "CHN"},
        {"SQLDATE": "20160625", "Actor1CountryCode": "USA", "Actor2CountryCode": "CHN"},
        {"SQLDATE": "20160624", "Actor1CountryCode": "CHN", "Actor2CountryCode": "RUS"},
    ]
    ours: dict[tuple[str, str, str], set[str]] = {}
    for r in dyad_rows:
        if r["Date Precision"] == "day" and r["Source ISO3"] and r["Target ISO3"] != r["Source ISO3"]:
            key = (r["Event Date"].replace("-", ""), r["Source ISO3"], r["Target ISO3"])
            ours.setdefault(key, set()).add(r["Story ID"])
    matched = [ours.get((o["SQLDATE"], o["Actor1CountryCode"], o["Actor2CountryCode"]), set()) for o in other]
    expected_visit = {e.id for e in sr.events(on="2016-06-25", match="within", actor="RUS")}
    assert "2016-06-25-putin-visits-beijing" in matched[0]
    assert matched[0] <= expected_visit
    assert set() == matched[1]
    assert all(sr.get(story).when.contains("2016-06-24") for story in matched[2])  # type: ignore[union-attr]
