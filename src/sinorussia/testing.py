"""Hypothesis strategies for sinorussia records and whole valid releases.

For release authors who want to property-test their own code and data
(``pip install "sinorussia[testing]"``; this module needs Hypothesis, the
package itself does not)::

    from hypothesis import given
    import sinorussia as sr
    from sinorussia.testing import release_tables, write_release

    @given(tables=release_tables())
    def test_my_exporter_keeps_every_event(tmp_path_factory, tables):
        root = write_release(tmp_path_factory.mktemp("r"), "my-test-release", tables)
        assert len(tables["events"]) == len(sr.load_path(root).events())

Every record strategy builds a valid record (ids match their pattern, spans are
canonical EDTF, sources are never empty). The pools it draws ids and
references from are parameters, so records can be made to refer to each
other; :func:`release_tables` does that for a whole release, optionally on top
of the releases it extends (``extends=sr.load("cc-2016-2")``), the way a plugin
release refers to the records of the releases it requires.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

from hypothesis import strategies as st

from sinorussia._dates import DateSpan
from sinorussia._enums import ActorKind
from sinorussia._models import (
    RECORD_TYPES,
    Actor,
    Discrepancy,
    Document,
    Event,
    Figure,
    Issue,
    Membership,
    Position,
    Record,
    Source,
    SourceRef,
)
from sinorussia._strategies import (
    EVENT_SPANS,
    FIRST_DAY,
    LAST_DAY,
    SPANS,
    WORDS,
    Ids,
    cameo_codes,
    date_spans,
    days,
    make_actor,
    make_discrepancy,
    make_document,
    make_event,
    make_figure,
    make_issue,
    make_membership,
    make_position,
    make_source,
    pick_among,
    pick_from,
    short_spans,
    slugs,
    state_ids,
    texts,
    words_for,
)

__all__ = [
    "FIRST_DAY",
    "LAST_DAY",
    "MODELS",
    "actors",
    "cameo_codes",
    "date_spans",
    "days",
    "discrepancies",
    "documents",
    "events",
    "figures",
    "issues",
    "memberships",
    "positions",
    "records",
    "release_tables",
    "short_spans",
    "slugs",
    "source_refs",
    "sources",
    "state_ids",
    "texts",
    "write_release",
]


@st.composite
def source_refs(draw: st.DrawFn, source_ids: Ids | None = None) -> SourceRef:
    """A SourceRef to one of ``source_ids`` (any slug by default)."""
    source = draw(source_ids if source_ids is not None else slugs)
    return SourceRef(source=source, locator=draw(WORDS.maybe), quote=draw(WORDS.maybe))


@st.composite
def sources(draw: st.DrawFn, ids: Ids = slugs) -> Source:
    """A Source with an id from ``ids``."""
    return make_source(draw, WORDS, draw(ids))


@st.composite
def actors(
    draw: st.DrawFn, ids: Ids | None = None, source_ids: Ids | None = None, actor_ids: Ids | None = None
) -> Actor:
    """An Actor; a state exactly when its id (from ``ids``, if given) is three capitals.

    ``actor_ids`` is the pool its affiliations come from (none without it).
    """
    if ids is None:
        ids = state_ids if draw(st.booleans()) else slugs
    affiliation = pick_from(draw, actor_ids) if actor_ids is not None else None
    return make_actor(draw, WORDS, draw(ids), pick_from(draw, source_ids or slugs), affiliation)


@st.composite
def events(
    draw: st.DrawFn,
    ids: Ids = slugs,
    actor_ids: Ids = state_ids,
    source_ids: Ids | None = None,
    spans: st.SearchStrategy[DateSpan] | None = None,
) -> Event:
    """An Event whose actors and recipients come from ``actor_ids``."""
    source = pick_from(draw, source_ids or slugs)
    return make_event(draw, WORDS, draw(ids), actor=pick_from(draw, actor_ids), source=source, spans=spans or SPANS)


@st.composite
def documents(
    draw: st.DrawFn, ids: Ids = slugs, actor_ids: Ids = state_ids, source_ids: Ids | None = None
) -> Document:
    """A Document whose parties and signatories come from ``actor_ids``."""
    return make_document(draw, WORDS, draw(ids), pick_from(draw, actor_ids), pick_from(draw, source_ids or slugs))


@st.composite
def memberships(
    draw: st.DrawFn, ids: Ids = slugs, org_ids: Ids = slugs, state: Ids = state_ids, source_ids: Ids | None = None
) -> Membership:
    """A Membership of a state from ``state`` in an organization from ``org_ids``."""
    organization, member = pick_from(draw, org_ids), pick_from(draw, state)
    source = pick_from(draw, source_ids or slugs)
    return make_membership(draw, WORDS, draw(ids), organization=organization, state=member, source=source)


@st.composite
def issues(draw: st.DrawFn, ids: Ids = slugs, source_ids: Ids | None = None) -> Issue:
    """An Issue with an id from ``ids``."""
    return make_issue(draw, WORDS, draw(ids), pick_from(draw, source_ids or slugs))


@st.composite
def positions(
    draw: st.DrawFn, ids: Ids = slugs, actor_ids: Ids = state_ids, issue_ids: Ids = slugs, source_ids: Ids | None = None
) -> Position:
    """A Position of an actor from ``actor_ids`` on an issue from ``issue_ids``."""
    actor, issue, source = pick_from(draw, actor_ids), pick_from(draw, issue_ids), pick_from(draw, source_ids or slugs)
    return make_position(draw, WORDS, draw(ids), actor=actor, issue=issue, source=source)


@st.composite
def figures(draw: st.DrawFn, ids: Ids = slugs, source_ids: Ids | None = None) -> Figure:
    """A Figure: an integer or a finite float, with a unit and a qualifier."""
    return make_figure(draw, WORDS, draw(ids), pick_from(draw, source_ids or slugs))


@st.composite
def discrepancies(
    draw: st.DrawFn, ids: Ids = slugs, record_ids: Ids = slugs, source_ids: Ids | None = None
) -> Discrepancy:
    """A Discrepancy about a record from ``record_ids``, adopting one of its readings."""
    return make_discrepancy(draw, WORDS, draw(ids), pick_from(draw, record_ids), pick_from(draw, source_ids or slugs))


#: One strategy per table, for laws that hold of every record type.
MODELS: Mapping[str, st.SearchStrategy[Any]] = {
    "sources": sources(),
    "actors": actors(),
    "events": events(),
    "documents": documents(),
    "memberships": memberships(),
    "issues": issues(),
    "positions": positions(),
    "figures": figures(),
    "discrepancies": discrepancies(),
}


def records(table: str) -> st.SearchStrategy[Record]:
    """Records of one table, by its name (``"events"``)."""
    return MODELS[table]


def _tables_of(extends: Any) -> dict[str, list[Record]]:
    """The tables of a Dataset or of a mapping of table name to records."""
    if extends is None:
        return {name: [] for name in RECORD_TYPES}
    if hasattr(extends, "table"):
        return {name: list(extends.table(name)) for name in RECORD_TYPES}
    return {name: list(extends.get(name, ())) for name in RECORD_TYPES}


@st.composite
def release_tables(
    draw: st.DrawFn, max_events: int = 30, extends: Any = None, prefix: str = "", text: Ids = texts
) -> dict[str, list[Record]]:
    """The tables of a small valid release: unique ids, every reference resolved.

    With ``extends`` (a Dataset, or a mapping of table name to records) the
    release may refer to the sources, states, organizations, issues and records
    there, as a release that ``requires`` them would; its own ids never clash
    with theirs. ``prefix`` starts each of its own slugs (e.g. ``"b-"``).
    ``text`` makes every free-text field (titles, summaries, quotes); a constant
    one (``st.just("t")``) halves the cost of a property the words do not matter to.
    """
    w = words_for(text)
    base = _tables_of(extends)
    taken: set[str] = {record.id for rows in base.values() for record in rows}

    def new_ids(ids: Ids, least: int, most: int) -> list[str]:
        wanted, found = draw(st.integers(least, most)), []
        for _ in range(wanted * 3):  # a drawn id may be taken already: try again, a few times
            candidate = draw(ids)
            if candidate not in taken:
                taken.add(candidate)
                found.append(candidate)
                if len(found) == wanted:
                    break
        return found

    def slugs_for(kind: str) -> Ids:
        start = f"{prefix}{kind}-"
        if start not in _PREFIXED:  # one strategy per prefix, reused across draws
            _PREFIXED[start] = slugs.map(start.__add__)
        return _PREFIXED[start]

    base_actors = [a for a in base["actors"] if isinstance(a, Actor)]
    base_states = [a.id for a in base_actors if a.kind is ActorKind.STATE]
    own_sources = new_ids(slugs_for("src"), 0 if base["sources"] else 1, 2)
    source = pick_among(draw, own_sources + [s.id for s in base["sources"]])
    own_states = new_ids(state_ids, 0 if base_states else 2, 6)
    state = pick_among(draw, own_states + base_states)
    organization = f"{prefix}org-sco" if f"{prefix}org-sco" not in taken else new_ids(slugs_for("org"), 1, 1)[0]
    taken.add(organization)
    organizations = pick_among(draw, [organization, *(a.id for a in base_actors if a.kind is ActorKind.ORGANIZATION)])
    own_issues = new_ids(slugs_for("issue"), 1, 4)
    issue = pick_among(draw, own_issues + [i.id for i in base["issues"]])
    tables: dict[str, list[Any]] = {
        "sources": [make_source(draw, w, s) for s in own_sources],
        "actors": [
            *(make_actor(draw, w, s, source, None) for s in own_states),
            Actor(
                id=organization,
                kind=ActorKind.ORGANIZATION,
                name="An organization",
                sources=(SourceRef(source=source()),),
            ),
        ],
        "issues": [make_issue(draw, w, i, source) for i in own_issues],
        "events": [
            make_event(draw, w, i, actor=state, source=source, spans=EVENT_SPANS)
            for i in new_ids(slugs_for("ev"), 0, max_events)
        ],
        "documents": [make_document(draw, w, i, state, source) for i in new_ids(slugs_for("doc"), 0, 5)],
        "memberships": [
            make_membership(draw, w, i, organization=organizations, state=state, source=source)
            for i in new_ids(slugs_for("mem"), 0, 8)
        ],
        "positions": [
            make_position(draw, w, i, actor=state, issue=issue, source=source) for i in new_ids(slugs_for("pos"), 0, 10)
        ],
        "figures": [make_figure(draw, w, i, source) for i in new_ids(slugs_for("fig"), 0, 4)],
    }
    records_so_far = sorted(taken)
    tables["discrepancies"] = [
        make_discrepancy(draw, w, i, pick_among(draw, records_so_far), source) for i in new_ids(slugs_for("dis"), 0, 2)
    ]
    return tables


_PREFIXED: dict[str, Ids] = {}


def write_release(
    directory: Path, release_id: str, tables: Mapping[str, Sequence[Record]], **manifest: Any
) -> Path:
    """Write ``tables`` as a sealed release into ``directory`` and return it.

    ``manifest`` sets fields of ``release.json`` (``requires=["cc-2016-2"]``,
    ``title=...``); the rest are those ``sinorussia new`` writes.
    """
    import json

    from sinorussia._tools import canonical_manifest, canonical_table, new_release, seal

    new_release(directory, release_id)
    for name, rows in tables.items():
        (directory / f"{name}.jsonl").write_bytes(canonical_table(list(rows)))
    path = directory / "release.json"
    path.write_bytes(canonical_manifest({**json.loads(path.read_text(encoding="utf-8")), **manifest}))
    seal(directory)
    return directory
