"""The building blocks of ``sinorussia.testing``: base strategies and record makers.

A maker builds one valid record from a Hypothesis ``draw``, the text strategies
(:class:`Words`) and pickers of referenced ids. Makers draw only from strategies
built once, here: building a new strategy object per draw costs Hypothesis more
than the draw itself (measured: 0.5 s per generated release before, 0.06 s after).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from datetime import date, timedelta
from typing import NamedTuple

from hypothesis import strategies as st

from sinorussia._dates import DateSpan, Precision
from sinorussia._enums import (
    ActorKind,
    DocumentKind,
    EventKind,
    MembershipStatus,
    Qualifier,
    SourceKind,
    Stance,
)
from sinorussia._models import (
    Actor,
    Discrepancy,
    Document,
    Event,
    Figure,
    Issue,
    Membership,
    Position,
    Reading,
    Source,
    SourceRef,
)

Ids = st.SearchStrategy[str]

FIRST_DAY = date(1990, 1, 1)
LAST_DAY = date(2030, 12, 31)

#: Slugs (``^[a-z0-9]+(-[a-z0-9]+)*$``), short enough to read in a failure report.
slugs: Ids = st.from_regex(r"\A[a-z0-9]{1,8}(-[a-z0-9]{1,6}){0,2}\Z")
#: ISO 3166-1 alpha-3 shaped codes (any three capitals).
state_ids: Ids = st.from_regex(r"\A[A-Z]{3}\Z")
#: Non-empty text of printable characters, Latin to CJK punctuation.
texts: Ids = st.text(
    st.characters(min_codepoint=32, max_codepoint=0x2FFF, exclude_categories=["Cs"]), min_size=1, max_size=30
)
days: st.SearchStrategy[date] = st.dates(min_value=FIRST_DAY, max_value=LAST_DAY)
#: Codes of the shipped CAMEO codebook (read on first draw, not at import).
cameo_codes: Ids = st.deferred(lambda: st.sampled_from(sorted(_codebook())))


def _codebook() -> Mapping[str, object]:
    from sinorussia._cameo import codebook

    return codebook()


def _point(day: date, precision: Precision) -> str:
    if precision is Precision.YEAR:
        return f"{day.year:04d}"
    if precision is Precision.MONTH:
        return f"{day.year:04d}-{day.month:02d}"
    return day.isoformat()


@st.composite
def date_spans(draw: st.DrawFn) -> DateSpan:
    """Any canonical DateSpan: a day, month or year, an interval, open-ended, qualified."""
    precision = draw(st.sampled_from(Precision))
    start = DateSpan.parse(_point(draw(days), precision))
    shape = draw(st.sampled_from(["single", "interval", "open"]))
    if shape == "single":
        return DateSpan.parse(str(start) + draw(st.sampled_from(["", "?", "~", "%"])))
    if shape == "open":
        return DateSpan.parse(f"{start}/..")
    later = draw(st.dates(min_value=start.latest or start.earliest, max_value=LAST_DAY))
    return DateSpan.parse(f"{start}/{_point(later, precision)}")


def short_spans() -> st.SearchStrategy[DateSpan]:
    """Day-precision spans of at most three weeks in 2015-2017 (event-like)."""
    return st.builds(
        lambda start, length: DateSpan.parse(
            start.isoformat() if length == 0 else f"{start}/{start + timedelta(days=length)}"
        ),
        st.dates(min_value=date(2015, 1, 1), max_value=date(2017, 12, 31)),
        st.integers(0, 20),
    )


# Strategies built once: building a strategy per draw costs more than the draw
# (Hypothesis validates every new strategy object), so the record makers below
# draw only from these and pick references from plain lists.
SPANS = date_spans()
EVENT_SPANS = short_spans() | SPANS
_MAYBE_SPANS = st.none() | SPANS
_MAYBE_TEXTS = st.none() | texts
_TEXT_LISTS = st.lists(texts, max_size=2).map(tuple)
_QIDS = st.none() | st.from_regex(r"\AQ[1-9][0-9]{0,6}\Z")
_CAMEO_ACTORS = st.none() | st.from_regex(r"\A[A-Z]{3,6}\Z")
_COWS = st.none() | st.integers(1, 999)
_VALUES = st.integers(-(10**15), 10**15) | st.floats(allow_nan=False, allow_infinity=False)
_NOT_STATES = st.sampled_from([kind for kind in ActorKind if kind is not ActorKind.STATE])

Pick = Callable[[], str]


class Words(NamedTuple):
    """The strategies for free text: one, optional, a short tuple."""

    text: Ids
    maybe: st.SearchStrategy[str | None]
    lists: st.SearchStrategy[tuple[str, ...]]


WORDS = Words(texts, _MAYBE_TEXTS, _TEXT_LISTS)
_ALL_WORDS: dict[int, Words] = {id(texts): WORDS}


def words_for(text: Ids) -> Words:
    """The Words of a text strategy, built once per strategy."""
    # Built once per text strategy: a new strategy per draw is what makes drawing slow.
    if id(text) not in _ALL_WORDS:
        _ALL_WORDS[id(text)] = Words(text, st.none() | text, st.lists(text, max_size=2).map(tuple))
    return _ALL_WORDS[id(text)]


def pick_from(draw: st.DrawFn, ids: Ids) -> Pick:
    """A picker drawing ids from a strategy."""
    return lambda: draw(ids)


def pick_among(draw: st.DrawFn, pool: Sequence[str]) -> Pick:
    """A picker choosing among a list of ids (one cached integer strategy per list size)."""
    return lambda: pool[draw(st.integers(0, len(pool) - 1))]


def some_ids(draw: st.DrawFn, pick: Pick, most: int = 3) -> tuple[str, ...]:
    """Up to ``most`` distinct ids from ``pick``."""
    return tuple(dict.fromkeys(pick() for _ in range(draw(st.integers(0, most)))))


def refs(draw: st.DrawFn, w: Words, source: Pick) -> tuple[SourceRef, ...]:
    """One or two SourceRefs to sources from ``source``."""
    return tuple(
        SourceRef(source=source(), locator=draw(w.maybe), quote=draw(w.maybe))
        for _ in range(draw(st.integers(1, 2)))
    )


def make_source(draw: st.DrawFn, w: Words, source_id: str) -> Source:
    """A Source."""
    return Source(
        id=source_id,
        title=draw(w.text),
        kind=draw(st.sampled_from(SourceKind)),
        author=draw(w.maybe),
        publication=draw(w.maybe),
        date=draw(_MAYBE_SPANS),
        url=draw(w.maybe),
        note=draw(w.maybe),
    )


def make_actor(draw: st.DrawFn, w: Words, actor_id: str, source: Pick, affiliation: Pick | None) -> Actor:
    """An Actor: a state exactly when its id is three capitals."""
    is_state = len(actor_id) == 3 and actor_id.isupper()
    return Actor(
        id=actor_id,
        kind=ActorKind.STATE if is_state else draw(_NOT_STATES),
        name=draw(w.text),
        aliases=draw(w.lists),
        title=draw(w.maybe),
        affiliations=some_ids(draw, affiliation, 2) if affiliation is not None else (),
        wikidata=draw(_QIDS),
        cow=draw(_COWS),
        cameo_actor=draw(_CAMEO_ACTORS),
        sources=refs(draw, w, source),
    )


def make_event(
    draw: st.DrawFn, w: Words, event_id: str, *, actor: Pick, source: Pick, spans: st.SearchStrategy[DateSpan]
) -> Event:
    """An Event whose actors and recipients come from ``actor``."""
    chronology = draw(st.booleans())
    return Event(
        id=event_id,
        when=draw(spans),
        title=draw(w.text),
        summary=draw(w.text),
        kind=draw(st.sampled_from(EventKind)),
        cameo=draw(cameo_codes),
        actors=some_ids(draw, actor),
        recipients=some_ids(draw, actor, 2),
        location=draw(w.maybe),
        chronology=chronology,
        chronology_order=draw(st.integers(1, 99)) if chronology else None,
        sources=refs(draw, w, source),
    )


def make_document(draw: st.DrawFn, w: Words, document_id: str, actor: Pick, source: Pick) -> Document:
    """A Document whose parties and signatories come from ``actor``."""
    return Document(
        id=document_id,
        title=draw(w.text),
        kind=draw(st.sampled_from(DocumentKind)),
        date=draw(_MAYBE_SPANS),
        aliases=draw(w.lists),
        parties=some_ids(draw, actor),
        signatories=some_ids(draw, actor, 2),
        summary=draw(w.text),
        excerpts=draw(w.lists),
        sources=refs(draw, w, source),
    )


def make_membership(
    draw: st.DrawFn, w: Words, membership_id: str, *, organization: Pick, state: Pick, source: Pick
) -> Membership:
    """A Membership of ``state`` in ``organization``."""
    return Membership(
        id=membership_id,
        organization=organization(),
        member=state(),
        status=draw(st.sampled_from(MembershipStatus)),
        period=draw(SPANS),
        note=draw(w.maybe),
        sources=refs(draw, w, source),
    )


def make_issue(draw: st.DrawFn, w: Words, issue_id: str, source: Pick) -> Issue:
    """An Issue."""
    return Issue(id=issue_id, title=draw(w.text), summary=draw(w.text), sources=refs(draw, w, source))


def make_position(
    draw: st.DrawFn, w: Words, position_id: str, *, actor: Pick, issue: Pick, source: Pick
) -> Position:
    """A Position of ``actor`` on ``issue``."""
    return Position(
        id=position_id,
        actor=actor(),
        issue=issue(),
        stance=draw(st.sampled_from(Stance)),
        summary=draw(w.text),
        when=draw(_MAYBE_SPANS),
        sources=refs(draw, w, source),
    )


def make_figure(draw: st.DrawFn, w: Words, figure_id: str, source: Pick) -> Figure:
    """A Figure: an integer or a finite float."""
    return Figure(
        id=figure_id,
        value=draw(_VALUES),
        unit=draw(w.text),
        qualifier=draw(st.sampled_from(Qualifier)),
        description=draw(w.text),
        when=draw(_MAYBE_SPANS),
        sources=refs(draw, w, source),
    )


def make_discrepancy(draw: st.DrawFn, w: Words, discrepancy_id: str, record: Pick, source: Pick) -> Discrepancy:
    """A Discrepancy about a record from ``record``, adopting one of its readings."""
    readings = tuple(
        Reading(value=draw(w.text), sources=refs(draw, w, source)) for _ in range(draw(st.integers(1, 3)))
    )
    return Discrepancy(
        id=discrepancy_id,
        record=record(),
        field=draw(w.text),
        readings=readings,
        adopted=readings[draw(st.integers(0, len(readings) - 1))].value,
        rationale=draw(w.text),
        sources=refs(draw, w, source),
    )
