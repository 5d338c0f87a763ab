"""Hypothesis strategies: one explicit strategy per model, and whole datasets.

Ids must match a regex, spans must be canonical and references must resolve,
so nothing here is inferred from type hints.
"""

from __future__ import annotations

from datetime import date, timedelta

import attrs
from hypothesis import strategies as st

from sinorussia import (
    Actor,
    ActorKind,
    DateSpan,
    Discrepancy,
    Document,
    DocumentKind,
    Event,
    EventKind,
    Figure,
    Issue,
    Membership,
    MembershipStatus,
    Position,
    Precision,
    Qualifier,
    Reading,
    Source,
    SourceKind,
    SourceRef,
    Stance,
)
from sinorussia._cameo import codebook

FIRST_DAY = date(1990, 1, 1)
LAST_DAY = date(2030, 12, 31)

slugs = st.from_regex(r"\A[a-z0-9]{1,8}(-[a-z0-9]{1,6}){0,2}\Z")
state_ids = st.from_regex(r"\A[A-Z]{3}\Z")
texts = st.text(
    st.characters(min_codepoint=32, max_codepoint=0x2FFF, exclude_categories=("Cs",)), min_size=1, max_size=30
)
days = st.dates(min_value=FIRST_DAY, max_value=LAST_DAY)
cameo_codes = st.sampled_from(sorted(codebook()))
precisions = st.sampled_from(Precision)


@st.composite
def date_spans(draw: st.DrawFn) -> DateSpan:
    """Any canonical DateSpan: a day, month or year, an interval, open-ended, qualified."""
    precision = draw(precisions)
    start = DateSpan.parse(_text(draw(days), precision))
    shape = draw(st.sampled_from(["single", "interval", "open"]))
    if shape == "single":
        qualifier = draw(st.sampled_from(["", "?", "~", "%"]))
        return DateSpan.parse(str(start) + qualifier)
    if shape == "open":
        return DateSpan.parse(f"{start}/..")
    assert start.latest is not None
    later = draw(st.dates(min_value=start.latest, max_value=LAST_DAY))
    return DateSpan.parse(f"{start}/{_text(later, precision)}")


def _text(day: date, precision: Precision) -> str:
    if precision is Precision.YEAR:
        return f"{day.year:04d}"
    if precision is Precision.MONTH:
        return f"{day.year:04d}-{day.month:02d}"
    return day.isoformat()


def short_spans() -> st.SearchStrategy[DateSpan]:
    """Day-precision spans of at most a few weeks (event-like)."""
    return st.builds(
        lambda start, length: DateSpan.parse(
            start.isoformat() if length == 0 else f"{start}/{start + timedelta(days=length)}"
        ),
        st.dates(min_value=date(2015, 1, 1), max_value=date(2017, 12, 31)),
        st.integers(0, 20),
    )


def source_refs(source_ids: st.SearchStrategy[str] | None = None) -> st.SearchStrategy[SourceRef]:
    """A SourceRef to one of ``source_ids`` (any slug by default)."""
    return st.builds(
        SourceRef,
        source=source_ids if source_ids is not None else slugs,
        locator=st.none() | texts,
        quote=st.none() | texts,
    )


def _refs(source_ids: st.SearchStrategy[str] | None) -> st.SearchStrategy[tuple[SourceRef, ...]]:
    return st.lists(source_refs(source_ids), min_size=1, max_size=2).map(tuple)


def _ids(pool: st.SearchStrategy[str], max_size: int = 3) -> st.SearchStrategy[tuple[str, ...]]:
    return st.lists(pool, max_size=max_size, unique=True).map(tuple)


def sources(ids: st.SearchStrategy[str] = slugs) -> st.SearchStrategy[Source]:
    return st.builds(
        Source,
        id=ids,
        title=texts,
        kind=st.sampled_from(SourceKind),
        author=st.none() | texts,
        publication=st.none() | texts,
        date=st.none() | date_spans(),
        url=st.none() | texts,
        note=st.none() | texts,
    )


@st.composite
def actors(
    draw: st.DrawFn,
    ids: st.SearchStrategy[str] | None = None,
    source_ids: st.SearchStrategy[str] | None = None,
    actor_ids: st.SearchStrategy[str] | None = None,
) -> Actor:
    kind = draw(st.sampled_from(ActorKind))
    actor_id = draw(ids) if ids is not None else draw(state_ids if kind is ActorKind.STATE else slugs)
    if ids is not None:
        kind = (
            ActorKind.STATE
            if actor_id.isupper()
            else draw(st.sampled_from([k for k in ActorKind if k is not ActorKind.STATE]))
        )
    return Actor(
        id=actor_id,
        kind=kind,
        name=draw(texts),
        aliases=draw(st.lists(texts, max_size=2).map(tuple)),
        country=None,
        title=draw(st.none() | texts),
        affiliations=draw(_ids(actor_ids, 2)) if actor_ids is not None else (),
        wikidata=draw(st.none() | st.from_regex(r"\AQ[1-9][0-9]{0,6}\Z")),
        cow=draw(st.none() | st.integers(1, 999)),
        cameo_actor=draw(st.none() | st.from_regex(r"\A[A-Z]{3,6}\Z")),
        sources=draw(_refs(source_ids)),
    )


@st.composite
def events(
    draw: st.DrawFn,
    ids: st.SearchStrategy[str] = slugs,
    actor_ids: st.SearchStrategy[str] = state_ids,
    source_ids: st.SearchStrategy[str] | None = None,
    spans: st.SearchStrategy[DateSpan] | None = None,
) -> Event:
    chronology = draw(st.booleans())
    return Event(
        id=draw(ids),
        when=draw(spans if spans is not None else date_spans()),
        title=draw(texts),
        summary=draw(texts),
        kind=draw(st.sampled_from(EventKind)),
        cameo=draw(cameo_codes),
        actors=draw(_ids(actor_ids)),
        recipients=draw(_ids(actor_ids, 2)),
        location=draw(st.none() | texts),
        country=None,
        chronology=chronology,
        chronology_order=draw(st.integers(1, 99)) if chronology else None,
        sources=draw(_refs(source_ids)),
    )


def documents(
    ids: st.SearchStrategy[str] = slugs,
    actor_ids: st.SearchStrategy[str] = state_ids,
    source_ids: st.SearchStrategy[str] | None = None,
) -> st.SearchStrategy[Document]:
    return st.builds(
        Document,
        id=ids,
        title=texts,
        kind=st.sampled_from(DocumentKind),
        date=st.none() | date_spans(),
        aliases=st.lists(texts, max_size=2).map(tuple),
        parties=_ids(actor_ids),
        signatories=_ids(actor_ids, 2),
        summary=texts,
        excerpts=st.lists(texts, max_size=2).map(tuple),
        sources=_refs(source_ids),
    )


def memberships(
    ids: st.SearchStrategy[str] = slugs,
    org_ids: st.SearchStrategy[str] = slugs,
    state: st.SearchStrategy[str] = state_ids,
    source_ids: st.SearchStrategy[str] | None = None,
) -> st.SearchStrategy[Membership]:
    return st.builds(
        Membership,
        id=ids,
        organization=org_ids,
        member=state,
        status=st.sampled_from(MembershipStatus),
        period=date_spans(),
        note=st.none() | texts,
        sources=_refs(source_ids),
    )


def issues(
    ids: st.SearchStrategy[str] = slugs, source_ids: st.SearchStrategy[str] | None = None
) -> st.SearchStrategy[Issue]:
    return st.builds(Issue, id=ids, title=texts, summary=texts, sources=_refs(source_ids))


def positions(
    ids: st.SearchStrategy[str] = slugs,
    actor_ids: st.SearchStrategy[str] = state_ids,
    issue_ids: st.SearchStrategy[str] = slugs,
    source_ids: st.SearchStrategy[str] | None = None,
) -> st.SearchStrategy[Position]:
    return st.builds(
        Position,
        id=ids,
        actor=actor_ids,
        issue=issue_ids,
        stance=st.sampled_from(Stance),
        summary=texts,
        when=st.none() | date_spans(),
        sources=_refs(source_ids),
    )


def figures(
    ids: st.SearchStrategy[str] = slugs, source_ids: st.SearchStrategy[str] | None = None
) -> st.SearchStrategy[Figure]:
    return st.builds(
        Figure,
        id=ids,
        value=st.integers(-(10**15), 10**15) | st.floats(allow_nan=False, allow_infinity=False),
        unit=texts,
        qualifier=st.sampled_from(Qualifier),
        description=texts,
        when=st.none() | date_spans(),
        sources=_refs(source_ids),
    )


@st.composite
def discrepancies(
    draw: st.DrawFn,
    ids: st.SearchStrategy[str] = slugs,
    record_ids: st.SearchStrategy[str] = slugs,
    source_ids: st.SearchStrategy[str] | None = None,
) -> Discrepancy:
    readings = draw(
        st.lists(st.builds(Reading, value=texts, sources=_refs(source_ids)), min_size=1, max_size=3).map(tuple)
    )
    return Discrepancy(
        id=draw(ids),
        record=draw(record_ids),
        field=draw(texts),
        readings=readings,
        adopted=draw(st.sampled_from([r.value for r in readings])),
        rationale=draw(texts),
        sources=draw(_refs(source_ids)),
    )


#: One strategy per model, for laws that hold of every record type.
MODELS = {
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


@st.composite
def datasets(draw: st.DrawFn, max_events: int = 30) -> dict[str, list[object]]:
    """The tables of a small valid release: unique ids, every reference resolved."""
    src = draw(st.lists(slugs.map(lambda s: "src-" + s), min_size=1, max_size=2, unique=True))
    source_ids = st.sampled_from(src)
    states = draw(st.lists(state_ids, min_size=2, max_size=6, unique=True))
    state_pool = st.sampled_from(states)
    actor_rows = [
        attrs.evolve(draw(actors(ids=st.just(s), source_ids=source_ids)), country=None, affiliations=()) for s in states
    ]
    org = Actor(id="org-sco", kind=ActorKind.ORGANIZATION, name="Org", sources=(SourceRef(source=src[0]),))
    issue_ids = [f"issue-{n}" for n in range(draw(st.integers(1, 4)))]
    taken: set[str] = set(src) | set(states) | {"org-sco"} | set(issue_ids)

    def fresh(prefix: str) -> st.SearchStrategy[str]:
        return slugs.map(lambda s: f"{prefix}-{s}").filter(lambda s: s not in taken)

    def unique_rows(strategy: st.SearchStrategy[object], n: int) -> list[object]:
        rows = []
        for _ in range(n):
            row = draw(strategy)
            if row.id not in taken:  # type: ignore[attr-defined]
                taken.add(row.id)  # type: ignore[attr-defined]
                rows.append(row)
        return rows

    event_rows = unique_rows(
        events(ids=fresh("ev"), actor_ids=state_pool, source_ids=source_ids, spans=short_spans() | date_spans()),
        draw(st.integers(0, max_events)),
    )
    return {
        "sources": [draw(sources(ids=st.just(s))) for s in src],
        "actors": [*actor_rows, org],
        "issues": [draw(issues(ids=st.just(i), source_ids=source_ids)) for i in issue_ids],
        "events": event_rows,
        "documents": unique_rows(
            documents(ids=fresh("doc"), actor_ids=state_pool, source_ids=source_ids), draw(st.integers(0, 5))
        ),
        "memberships": unique_rows(
            memberships(ids=fresh("mem"), org_ids=st.just("org-sco"), state=state_pool, source_ids=source_ids),
            draw(st.integers(0, 8)),
        ),
        "positions": unique_rows(
            positions(
                ids=fresh("pos"), actor_ids=state_pool, issue_ids=st.sampled_from(issue_ids), source_ids=source_ids
            ),
            draw(st.integers(0, 10)),
        ),
        "figures": unique_rows(figures(ids=fresh("fig"), source_ids=source_ids), draw(st.integers(0, 4))),
        "discrepancies": unique_rows(
            discrepancies(ids=fresh("dis"), record_ids=st.sampled_from(sorted(taken)), source_ids=source_ids),
            draw(st.integers(0, 2)),
        ),
    }
