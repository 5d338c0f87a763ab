"""The merge rules (docs/publishing.md, "How releases merge"), as laws under Hypothesis.

* an id may be in two releases only when the later record declares that it
  supersedes the earlier; ``get(old)`` then finds the new record;
* references resolve across releases;
* the order in which releases are given never changes the result;
* two releases (or distributions) with one release id are refused, naming both.
"""

from __future__ import annotations

import itertools
from collections.abc import Mapping, Sequence
from datetime import date
from pathlib import Path
from typing import Any

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

import sinorussia as sr
from sinorussia import Actor, ActorKind, DateSpan, Record, ReleaseError, ReleaseWarning, SourceRef
from sinorussia._dataset import Dataset
from sinorussia._loader import LoadedRelease
from sinorussia._manifest import ReleaseInfo, TableInfo
from sinorussia._merge import MergedTables, merge
from sinorussia._models import RECORD_TYPES
from sinorussia._references import references
from strategies import release_tables

Tables = Mapping[str, Sequence[Record]]
#: The merge rules do not read free text: a few short words keep the examples cheap.
WORDS = st.sampled_from(["a", "b", "words"])


def loaded(release_id: str, tables: Tables, origin: str | None = None) -> LoadedRelease:
    """A release as the loader hands it to merge, built in memory."""
    info = ReleaseInfo(
        id=release_id,
        title=f"Release {release_id}",
        data_version="1.0.0",
        schema_version="1.0",
        coverage=DateSpan.parse("2016"),
        published=date(2026, 1, 1),
        license="CC0-1.0",
        tables=tuple(
            TableInfo(name=n, file=f"{n}.jsonl", rows=len(tables.get(n, ())), sha256="0" * 64) for n in RECORD_TYPES
        ),
        origin=origin or f"test {release_id}",
    )
    places = {r.id: (f"{name}.jsonl", line) for name, rows in tables.items() for line, r in enumerate(rows, 1)}
    return LoadedRelease(info=info, tables={n: tuple(tables.get(n, ())) for n in RECORD_TYPES}, places=places)


def dataset(merged: MergedTables) -> Dataset:
    """The Dataset that load() builds from merged tables."""
    return Dataset(releases=merged.releases, tables=merged.tables, aliases=merged.aliases)


def every_record(tables: Tables) -> list[Record]:
    """All records of all tables."""
    return [record for rows in tables.values() for record in rows]


def outcome(releases: Sequence[LoadedRelease]) -> tuple[Any, ...]:
    """What merging gives: the merged releases, tables and aliases, or every problem reported (as plain details)."""
    try:
        merged = merge(releases)
    except ReleaseError as error:
        return tuple(tuple(problem.details().items()) for problem in error.problems)
    return (merged.releases, dict(merged.tables), dict(merged.aliases))


@st.composite
def corrections(draw: st.DrawFn, base: Tables) -> tuple[list[Record], dict[str, Record]]:
    """Records correcting some of ``base``'s: the same id, or a new one, declaring ``supersedes``.

    Returns the correcting records and, for each superseded id, the record that replaces it.
    """
    candidates = [r for r in every_record(base) if not (isinstance(r, Actor) and r.kind is ActorKind.STATE)]
    chosen = draw(st.lists(st.sampled_from(candidates), unique_by=lambda r: r.id, max_size=4)) if candidates else []
    fixes: list[Record] = []
    replaced: dict[str, Record] = {}
    for number, old in enumerate(chosen):
        new_id = old.id if draw(st.booleans()) else f"b-fix-{number}"
        new = attrs.evolve(old, id=new_id, supersedes=(old.id,))
        fixes.append(new)
        replaced[old.id] = new
    return fixes, replaced


@st.composite
def two_releases(draw: st.DrawFn) -> tuple[Tables, Tables, dict[str, Record]]:
    """A base release, and a later one that refers to it and corrects some of its records."""
    base = draw(release_tables(max_events=6, prefix="a-", text=WORDS))
    later = draw(release_tables(max_events=6, extends=base, prefix="b-", text=WORDS))
    fixes, replaced = draw(corrections(base))
    for fix in fixes:
        later[fix.TABLE].append(fix)
    return base, later, replaced


@given(pair=two_releases())
def test_superseded_ids_resolve_to_the_correcting_record(pair: tuple[Tables, Tables, dict[str, Record]]) -> None:
    """get(old id) finds the new record; the old record is gone; every other record is kept."""
    base, later, replaced = pair
    ds = dataset(merge([loaded("a", base), loaded("b", later)]))
    for old_id, new in replaced.items():
        assert new == ds.get(old_id)
        assert new == ds.lookup(new.id)
    kept = [r for r in every_record(base) if r.id not in replaced] + every_record(later)
    assert sorted(r.id for r in kept) == sorted(r.id for name in RECORD_TYPES for r in ds.table(name))


@given(pair=two_releases(), data=st.data())
def test_an_id_in_two_releases_without_supersedes_is_refused(
    pair: tuple[Tables, Tables, dict[str, Record]], data: st.DataObject
) -> None:
    """A copy of an earlier record that does not declare supersedes is refused, naming both places."""
    base, later, replaced = pair
    copy = data.draw(st.sampled_from([r for r in every_record(base) if r.id not in replaced]))
    later = {**later, copy.TABLE: [*later[copy.TABLE], attrs.evolve(copy)]}  # an equal, distinct record
    with pytest.raises(ReleaseError) as caught:
        merge([loaded("a", base), loaded("b", later)])
    messages = [p.reason for p in caught.value.problems]
    assert any(f"id {copy.id!r} is used twice" in m and "a:" in m for m in messages), messages


@given(pair=two_releases())
def test_references_resolve_across_releases(pair: tuple[Tables, Tables, dict[str, Record]]) -> None:
    """The later release merges with the base; alone, it fails exactly when it refers into the base.

    (An id it supersedes counts as its own: it resolves to the correcting record.)
    """
    base, later, _ = pair
    merge([loaded("a", base), loaded("b", later)])
    own = {r.id for r in every_record(later)} | {old for r in every_record(later) for old in r.supersedes}
    outside = {target for r in every_record(later) for _, target, _ in references(r) if target not in own}
    if outside:
        with pytest.raises(ReleaseError, match="reference to unknown id"):
            merge([loaded("b", later)])
    else:
        merge([loaded("b", later)])


@st.composite
def release_sets(draw: st.DrawFn) -> list[LoadedRelease]:
    """Two to four releases, built on each other, sometimes with a clash or a broken reference."""
    tables = [draw(release_tables(max_events=4, prefix="a-", text=WORDS))]
    for prefix in draw(st.sampled_from([["b-"], ["b-", "c-"], ["b-", "c-", "d-"]])):
        merged_so_far = {name: [r for t in tables for r in t[name]] for name in RECORD_TYPES}
        later = draw(release_tables(max_events=4, extends=merged_so_far, prefix=prefix, text=WORDS))
        fixes, _ = draw(corrections(tables[-1]))
        for fix in fixes:
            later[fix.TABLE].append(fix)
        tables.append(later)
    if draw(st.booleans()):  # a clash: a record copied without supersedes
        copy = draw(st.sampled_from(every_record(tables[0])))
        tables[-1][copy.TABLE].append(attrs.evolve(copy))
    if draw(st.booleans()):  # a dangling reference
        ref = (SourceRef(source="no-such-source"),)
        tables[-1]["issues"].append(sr.Issue(id="z-dangling", title="t", summary="s", sources=ref))
    return [loaded(f"r{n}", t) for n, t in enumerate(tables)]


@given(releases=release_sets(), data=st.data())
def test_the_order_of_releases_never_changes_the_result(releases: list[LoadedRelease], data: st.DataObject) -> None:
    """Any permutation of the same releases merges to equal tables, or fails with the same problems."""
    shuffled = data.draw(st.permutations(releases))
    assert outcome(releases) == outcome(shuffled)


def test_a_chain_of_corrections_resolves_to_the_last() -> None:
    """x corrected by y in one release, y by z in the next: get(x) and get(y) find z."""
    ref = (SourceRef(source="s"),)
    source = sr.Source(id="s", title="S", kind=sr.SourceKind.ARTICLE)
    x = sr.Issue(id="x", title="x", summary="first", sources=ref)
    y = sr.Issue(id="y", title="y", summary="second", sources=ref, supersedes=("x",))
    z = sr.Issue(id="z", title="z", summary="third", sources=ref, supersedes=("y",))
    position = sr.Position(id="p", actor="CHN", issue="x", stance=sr.Stance.SUPPORT, summary="s", sources=ref)
    china = Actor(id="CHN", kind=ActorKind.STATE, name="China", sources=ref)
    releases = [
        loaded("a", {"sources": [source], "issues": [x], "actors": [china]}),
        loaded("b", {"issues": [y]}),
        loaded("c", {"issues": [z], "positions": [position]}),
    ]
    for order in itertools.permutations(releases):
        ds = dataset(merge(order))
        assert (z, z, z) == (ds.get("x"), ds.get("y"), ds.get("z"))
        assert ["z"] == [issue.id for issue in ds.issues()]


@pytest.mark.parametrize(
    ("tables_a", "tables_b", "message"),
    [
        ({"issues": ["x"]}, {"issues": ["y>x", "w>x"]}, "superseded twice"),
        ({"issues": ["x", "y>x"]}, {}, "of its own release"),
        ({"issues": ["x>y"]}, {"issues": ["y>x"]}, "supersession cycle"),
    ],
)
def test_supersession_that_cannot_be_meant_is_refused(
    tables_a: dict[str, list[str]], tables_b: dict[str, list[str]], message: str
) -> None:
    """Superseding one id twice, a record of one's own release, or in a cycle: refused."""
    ref = (SourceRef(source="s"),)

    def issues(specs: list[str]) -> list[Record]:
        made: list[Record] = []
        for spec in specs:
            new, _, old = spec.partition(">")
            made.append(sr.Issue(id=new, title=new, summary="s", sources=ref, supersedes=(old,) if old else ()))
        return made

    source = sr.Source(id="s", title="S", kind=sr.SourceKind.ARTICLE)
    a = loaded("a", {"sources": [source], "issues": issues(tables_a.get("issues", []))})
    b = loaded("b", {"issues": issues(tables_b.get("issues", []))})
    with pytest.raises(ReleaseError, match=message):
        merge([a, b])


def test_one_release_id_given_twice_is_refused_naming_both() -> None:
    """Two releases with the same id are refused, whichever order they come in; the message names both."""
    first = loaded("same", {}, origin="plugin same from dist-one")
    second = loaded("same", {}, origin="plugin same from dist-two")
    for order in ([first, second], [second, first]):
        with pytest.raises(ReleaseError) as caught:
            merge(order)
        assert "'same' is given twice (plugin same from dist-one and plugin same from dist-two)" in str(caught.value)


def _fake_distribution(site: Path, name: str, release_id: str, package: str) -> None:
    """A distribution's metadata declaring a release entry point, as pip would install it."""
    info = site / f"{name.replace('-', '_')}-1.0.dist-info"
    info.mkdir(parents=True)
    (info / "METADATA").write_text(f"Metadata-Version: 2.1\nName: {name}\nVersion: 1.0\n", encoding="utf-8")
    (info / "entry_points.txt").write_text(f"[sinorussia.releases]\n{release_id} = {package}\n", encoding="utf-8")


@pytest.mark.usefixtures("fresh_registry")
def test_two_distributions_with_one_release_id_are_refused_naming_both(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Both distributions are named in the warning; neither release is loaded; the rest loads."""
    _fake_distribution(tmp_path, "dist-one", "twin-release", "twin_one")
    _fake_distribution(tmp_path, "dist-two", "twin-release", "twin_two")
    monkeypatch.syspath_prepend(str(tmp_path))
    with pytest.warns(ReleaseWarning) as warned:
        ids = [info.id for info in sr.releases()]
    assert "twin-release" not in ids
    assert "cc-2016-2" in ids
    messages = [str(w.message) for w in warned]
    assert any("registered by dist-one and dist-two" in m for m in messages), messages
