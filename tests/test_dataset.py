"""Queries: results equal a brute-force filter over random datasets, in the documented order."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

import sinorussia as sr
from releases import write_release
from sinorussia import Dataset, EventKind, MembershipStatus, Stance
from sinorussia._merge import sort_key
from strategies import datasets

WINDOW_DAYS = st.dates(min_value=date(2014, 1, 1), max_value=date(2018, 12, 31))


def _load(tmp_path: Path, tables: dict[str, list[Any]]) -> Dataset:
    root = write_release(tmp_path / "r", "prop-release", tables)
    return sr.load_path(root)


def _overlaps(span: Any, first: date, last: date) -> bool:
    return span is not None and span.earliest <= last and (span.latest is None or first <= span.latest)


def _within(span: Any, first: date, last: date) -> bool:
    return span is not None and span.latest is not None and first <= span.earliest and span.latest <= last


@given(tables=datasets(), first=WINDOW_DAYS, length=st.integers(0, 400), data=st.data())
def test_events_equal_brute_force(
    tmp_path_factory: pytest.TempPathFactory,
    tables: dict[str, list[Any]],
    first: date,
    length: int,
    data: st.DataObject,
) -> None:
    """events(between=, actor=, kind=, cameo=, match=) == a linear filter, same order."""
    ds = _load(tmp_path_factory.mktemp("ds"), tables)
    last = date.fromordinal(first.toordinal() + length)
    states = [a.id for a in tables["actors"] if a.kind.value == "state"]
    actor = data.draw(st.none() | st.sampled_from(states) | st.lists(st.sampled_from(states), max_size=2))
    kind = data.draw(st.none() | st.sampled_from(EventKind) | st.sampled_from([k.value for k in EventKind]))
    cameo = data.draw(st.none() | st.sampled_from(["0", "04", "042", "1", "057"]))
    match = data.draw(st.sampled_from(["overlap", "within"]))
    dated = data.draw(st.booleans())
    filters: dict[str, Any] = {"actor": actor, "kind": kind, "cameo": cameo, "match": match}
    if dated:
        filters["between"] = (first, last.isoformat())
    got = ds.events(**{k: v for k, v in filters.items() if v is not None})

    actors = {actor} if isinstance(actor, str) else set(actor) if actor is not None else None
    kinds = None if kind is None else {EventKind(kind)}
    test = _within if match == "within" else _overlaps
    expected = tuple(
        e
        for e in sorted(tables["events"], key=sort_key)
        if (not dated or test(e.when, first, last))
        and (actors is None or actors & {*e.actors, *e.recipients})
        and (kinds is None or e.kind in kinds)
        and (cameo is None or e.cameo.startswith(cameo))
    )
    assert expected == got


@given(tables=datasets(max_events=5), day=WINDOW_DAYS, data=st.data())
def test_other_queries_equal_brute_force(
    tmp_path_factory: pytest.TempPathFactory, tables: dict[str, list[Any]], day: date, data: st.DataObject
) -> None:
    """positions, memberships and documents filters agree with linear filters."""
    ds = _load(tmp_path_factory.mktemp("ds"), tables)
    states = [a.id for a in tables["actors"] if a.kind.value == "state"]
    who = data.draw(st.sampled_from(states))
    stance = data.draw(st.sampled_from(Stance))
    assert tuple(
        p for p in sorted(tables["positions"], key=sort_key) if p.actor == who and p.stance is stance
    ) == ds.positions(actor=who, stance=stance.value)
    assert tuple(
        m for m in sorted(tables["memberships"], key=sort_key) if m.member == who and m.period.contains(day)
    ) == ds.memberships(member=who, on=day)
    assert tuple(
        d for d in sorted(tables["documents"], key=sort_key) if who in d.parties and _overlaps(d.date, day, day)
    ) == ds.documents(party=who, on=day.isoformat())
    held = {
        m.status
        for m in tables["memberships"]
        if m.member == who and m.organization == "org-sco" and m.period.contains(day)
    }
    assert held == {m.status for m in ds.memberships(organization="org-sco", member=who, on=day)}


@given(tables=datasets(max_events=10))
def test_results_are_sorted_and_ids_unique(
    tmp_path_factory: pytest.TempPathFactory, tables: dict[str, list[Any]]
) -> None:
    """Every table comes back in sort_key order; get() finds every record by id."""
    ds = _load(tmp_path_factory.mktemp("ds"), tables)
    for name, rows in tables.items():
        table = ds.table(name)
        assert sorted(rows, key=sort_key) == list(table)
        for record in table:
            assert record is ds.get(record.id)


def test_filter_errors_are_query_errors(tmp_path: Path) -> None:
    """A bad date, kind, match or window gives a QueryError naming the argument."""
    ds = sr.load("cc-2016-2")
    with pytest.raises(sr.QueryError, match="kind='banquet'"):
        ds.events(kind="banquet")
    with pytest.raises(sr.QueryError, match="on="):
        ds.events(on="June 2016")
    with pytest.raises(sr.QueryError, match="ends before"):
        ds.events(between=("2016-07-01", "2016-06-01"))
    with pytest.raises(sr.QueryError, match="match="):
        ds.events(match="inside")  # type: ignore[arg-type]
    with pytest.raises(sr.QueryError, match="not both"):
        ds.events(on="2016-06-01", between=("2016-06-01", "2016-06-02"))
    with pytest.raises(sr.NotFoundError):
        ds.events(actor="nobody-at-all")


def test_get_and_lookup() -> None:
    """get() answers None for an unknown id; lookup() raises NotFoundError (a LookupError)."""
    ds = sr.load("cc-2016-2")
    assert ds.get("no-such-id") is None
    with pytest.raises(LookupError):
        ds.lookup("no-such-id")
    assert "China" == ds.lookup("CHN").name


def test_sco_status_precedence() -> None:
    """India on the day of the Tashkent summit is acceding (and still an observer)."""
    ds = sr.load("cc-2016-2")
    assert MembershipStatus.ACCEDING == ds.sco_status("IND", on="2016-06-24")
    assert MembershipStatus.MEMBER == ds.sco_status("China", on=date(2016, 6, 24))
    assert ds.sco_status("USA", on="2016-06-24") is None
