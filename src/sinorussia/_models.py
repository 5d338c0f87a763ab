"""The records of a release: immutable attrs classes, one per table.

Models do no I/O and know nothing of cattrs. Invariants that belong to one
record live here (id syntax, at least one source, an adopted reading that is
one of the readings); invariants across records (references resolve, ids are
unique) belong to the loader.
"""

from __future__ import annotations

import math
import re
from typing import Any, ClassVar

import attrs
from attrs import validators as v

from sinorussia._dates import DateSpan
from sinorussia._enums import (
    ActorKind,
    DocumentKind,
    EventKind,
    MembershipStatus,
    QuadClass,
    Qualifier,
    SourceKind,
    Stance,
)
from sinorussia._html import NotebookMixin

__all__ = [
    "RECORD_TYPES",
    "Actor",
    "Discrepancy",
    "Document",
    "Event",
    "Figure",
    "Issue",
    "Membership",
    "Position",
    "Reading",
    "Record",
    "Source",
    "SourceRef",
]

SLUG = r"[a-z0-9]+(?:-[a-z0-9]+)*"
STATE_ID = r"[A-Z]{3}"
ANY_ID = rf"(?:{SLUG}|{STATE_ID})"
_SLUG_RE = re.compile(SLUG)
_STATE_RE = re.compile(STATE_ID)
_CAMEO_RE = re.compile(r"[0-9]{2,4}")
_QID_RE = re.compile(r"Q[1-9][0-9]*")

_slug = v.matches_re(_SLUG_RE)
_any_id = v.matches_re(ANY_ID)
_text = v.and_(v.instance_of(str), v.min_len(1))


def _tuple_of(member: Any) -> Any:
    return v.deep_iterable(member_validator=member, iterable_validator=v.instance_of(tuple))


def _optional(validator: Any) -> Any:
    return v.optional(validator)


def _at_least_one(_: object, attribute: attrs.Attribute[Any], value: tuple[object, ...]) -> None:
    if not value:
        raise ValueError(f"{attribute.name} needs at least one entry")


_ids = _tuple_of(_any_id)
_texts = _tuple_of(_text)
_span = _optional(v.instance_of(DateSpan))


@attrs.frozen(kw_only=True)
class SourceRef:
    """Where a record comes from: a source id, a locator and a verbatim quote.

    ``locator`` is the article's section heading (or a page); ``quote`` is the
    source's own words that support the record, when it has any.

    Attributes:
        source: The id of the cited Source.
        locator: Where in the source: the article's section heading, or a page.
        quote: The source's own words that support the record, verbatim; None where it has none.
    """

    source: str = attrs.field(validator=_slug)
    locator: str | None = attrs.field(default=None, validator=_optional(_text))
    quote: str | None = attrs.field(default=None, validator=_optional(_text))


_sources = attrs.field(validator=v.and_(_tuple_of(v.instance_of(SourceRef)), _at_least_one))
_supersedes = attrs.field(default=(), validator=_ids)


@attrs.frozen(kw_only=True)
class Source(NotebookMixin):
    """A work cited: the article itself, a document, or general knowledge.

    Attributes:
        id: Slug naming the work, e.g. ``yu-2016-reluctant-allies``.
        title: The work's title as printed.
        kind: What kind of work it is (SourceKind): the article, an official document, a reference work, or general
            knowledge.
        author: Author, or issuing office, as printed; None for general knowledge.
        publication: Journal, newspaper or website, with volume, issue and pages where known.
        date: When the work was published, at the precision known.
        url: Where the work can be read, if anywhere.
        note: What the work is used for in this dataset.
        supersedes: Ids of records of earlier releases that this record replaces; they resolve to it.
    """

    TABLE: ClassVar[str] = "sources"
    id: str = attrs.field(validator=_slug)
    title: str = attrs.field(validator=_text)
    kind: SourceKind
    author: str | None = attrs.field(default=None, validator=_optional(_text))
    publication: str | None = attrs.field(default=None, validator=_optional(_text))
    date: DateSpan | None = attrs.field(default=None, validator=_span)
    url: str | None = attrs.field(default=None, validator=_optional(_text))
    note: str | None = attrs.field(default=None, validator=_optional(_text))
    supersedes: tuple[str, ...] = _supersedes


@attrs.frozen(kw_only=True)
class Actor(NotebookMixin):
    """A state, organization, person or news outlet.

    A state's id is its ISO 3166-1 alpha-3 code; every other actor's is a slug.
    ``title`` and ``affiliations`` are as of the source, not today.

    Attributes:
        id: A state's ISO 3166-1 alpha-3 code (``CHN``); for every other actor a slug (``xi-jinping``).
        kind: State, organization, person or media outlet (ActorKind).
        name: The usual English name.
        aliases: Other names and spellings the source or common usage gives (``EEU``, ``Xi``).
        country: ISO alpha-3 code of the state a person, outlet or national body belongs to.
        title: A person's office or role as of the source, not today.
        affiliations: Ids of the organizations or states an actor serves, as of the source.
        wikidata: Wikidata QID (``Q148``), for joining with other data.
        cow: Correlates of War state number, for states.
        cameo_actor: CAMEO actor code (``CHN``, ``RUSGOV``), as event coders use it.
        sources: Where the record comes from: at least one SourceRef, with the source's words where it has any.
        supersedes: Ids of records of earlier releases that this record replaces; they resolve to it.
    """

    TABLE: ClassVar[str] = "actors"
    id: str = attrs.field(validator=_any_id)
    kind: ActorKind
    name: str = attrs.field(validator=_text)
    aliases: tuple[str, ...] = attrs.field(default=(), validator=_texts)
    country: str | None = attrs.field(default=None, validator=_optional(v.matches_re(_STATE_RE)))
    title: str | None = attrs.field(default=None, validator=_optional(_text))
    affiliations: tuple[str, ...] = attrs.field(default=(), validator=_ids)
    wikidata: str | None = attrs.field(default=None, validator=_optional(v.matches_re(_QID_RE)))
    cow: int | None = attrs.field(default=None, validator=_optional(v.instance_of(int)))
    cameo_actor: str | None = attrs.field(default=None, validator=_optional(_text))
    sources: tuple[SourceRef, ...] = _sources
    supersedes: tuple[str, ...] = _supersedes

    @id.validator  # noqa: A003 - `id` is the public field name (DESIGN.md)
    def _check_id(self, _: attrs.Attribute[Any], value: str) -> None:
        is_state_code = _STATE_RE.fullmatch(value) is not None
        if (self.kind is ActorKind.STATE) != is_state_code:
            raise ValueError(
                "a state's id is its ISO 3166-1 alpha-3 code and only a state's is"
                f" (kind {self.kind.value}, id {value!r})"
            )


@attrs.frozen(kw_only=True)
class Event(NotebookMixin):
    """Something that happened, or was announced to happen, at a date.

    ``cameo`` is the CAMEO event code as a string ("042"); ``goldstein`` and
    ``quad_class`` are derived from it through the codebook. ``recipients``
    are the targets of the action (the host of a visit).

    Attributes:
        id: Slug beginning with the event's date: ``2016-06-25-putin-visits-beijing``.
        when: When it happened, at the precision the source supports (a day, a month, an interval).
        title: A short headline.
        summary: What happened, in a sentence or two.
        kind: What kind of event (EventKind): visit, summit, meeting, talks, exercise, signing...
        cameo: CAMEO event code as a string with its leading zeros (``042``: make a visit).
        actors: Ids of the actors who act (the visitor, the speaker, the parties).
        recipients: Ids of the targets of the action (the host of a visit); may be empty.
        location: Where it happened, as the source names the place.
        country: ISO alpha-3 code of the state where it happened.
        documents: Ids of documents signed, issued or discussed at the event.
        issues: Ids of the issues the event concerns.
        chronology: True when the article's chronology lists the event.
        chronology_order: Position of the entry in the article's chronology (1 is first); set exactly when
            chronology is true.
        sources: Where the record comes from: at least one SourceRef, with the source's words where it has any.
        supersedes: Ids of records of earlier releases that this record replaces; they resolve to it.
    """

    TABLE: ClassVar[str] = "events"
    id: str = attrs.field(validator=_slug)
    when: DateSpan = attrs.field(validator=v.instance_of(DateSpan))
    title: str = attrs.field(validator=_text)
    summary: str = attrs.field(validator=_text)
    kind: EventKind
    cameo: str = attrs.field(validator=v.matches_re(_CAMEO_RE))
    actors: tuple[str, ...] = attrs.field(validator=_ids)
    recipients: tuple[str, ...] = attrs.field(default=(), validator=_ids)
    location: str | None = attrs.field(default=None, validator=_optional(_text))
    country: str | None = attrs.field(default=None, validator=_optional(v.matches_re(_STATE_RE)))
    documents: tuple[str, ...] = attrs.field(default=(), validator=_ids)
    issues: tuple[str, ...] = attrs.field(default=(), validator=_ids)
    chronology: bool = attrs.field(default=False, validator=v.instance_of(bool))
    chronology_order: int | None = attrs.field(default=None, validator=_optional(v.and_(v.instance_of(int), v.ge(1))))
    sources: tuple[SourceRef, ...] = _sources
    supersedes: tuple[str, ...] = _supersedes

    @chronology_order.validator
    def _check_order(self, _: attrs.Attribute[Any], value: int | None) -> None:
        if (value is not None) != self.chronology:
            raise ValueError("chronology_order is set exactly when chronology is true")

    @property
    def goldstein(self) -> float:
        """The Goldstein score of the event's CAMEO code."""
        from sinorussia._cameo import goldstein

        return goldstein(self.cameo)

    @property
    def quad_class(self) -> QuadClass:
        """The CAMEO quad class of the event's code."""
        from sinorussia._cameo import quad_class

        return quad_class(self.cameo)


@attrs.frozen(kw_only=True)
class Document(NotebookMixin):
    """A statement, declaration, treaty, memorandum, plan, report or opinion piece.

    Attributes:
        id: Slug naming the document.
        title: The document's title, or a descriptive one where the source gives none.
        kind: What kind of text it is (DocumentKind).
        date: When it was signed, issued or published, at the precision known.
        aliases: Other titles it goes by.
        parties: Ids of the states or organizations that issue it or are bound by it.
        signatories: Ids of the persons who signed it.
        authors: Ids of the persons or outlets that wrote it (editorials, reports).
        event: Id of the event at which it was signed or issued.
        issues: Ids of the issues it addresses.
        summary: What it says or does.
        excerpts: Its words as the source quotes them, verbatim.
        sources: Where the record comes from: at least one SourceRef, with the source's words where it has any.
        supersedes: Ids of records of earlier releases that this record replaces; they resolve to it.
    """

    TABLE: ClassVar[str] = "documents"
    id: str = attrs.field(validator=_slug)
    title: str = attrs.field(validator=_text)
    kind: DocumentKind
    date: DateSpan | None = attrs.field(default=None, validator=_span)
    aliases: tuple[str, ...] = attrs.field(default=(), validator=_texts)
    parties: tuple[str, ...] = attrs.field(default=(), validator=_ids)
    signatories: tuple[str, ...] = attrs.field(default=(), validator=_ids)
    authors: tuple[str, ...] = attrs.field(default=(), validator=_ids)
    event: str | None = attrs.field(default=None, validator=_optional(_slug))
    issues: tuple[str, ...] = attrs.field(default=(), validator=_ids)
    summary: str = attrs.field(validator=_text)
    excerpts: tuple[str, ...] = attrs.field(default=(), validator=_texts)
    sources: tuple[SourceRef, ...] = _sources
    supersedes: tuple[str, ...] = _supersedes


@attrs.frozen(kw_only=True)
class Membership(NotebookMixin):
    """A state's standing in an organization over a period.

    Attributes:
        id: Slug naming the membership period.
        organization: Id of the organization (``sco``).
        member: Id of the state (ISO alpha-3).
        status: Member, acceding, observer, dialogue partner or applicant (MembershipStatus).
        period: When the status held; an open end (``2005/..``) means still so at the end of coverage.
        note: Anything the period needs said (how it began or ended).
        sources: Where the record comes from: at least one SourceRef, with the source's words where it has any.
        supersedes: Ids of records of earlier releases that this record replaces; they resolve to it.
    """

    TABLE: ClassVar[str] = "memberships"
    id: str = attrs.field(validator=_slug)
    organization: str = attrs.field(validator=_any_id)
    member: str = attrs.field(validator=_any_id)
    status: MembershipStatus
    period: DateSpan = attrs.field(validator=v.instance_of(DateSpan))
    note: str | None = attrs.field(default=None, validator=_optional(_text))
    sources: tuple[SourceRef, ...] = _sources
    supersedes: tuple[str, ...] = _supersedes


@attrs.frozen(kw_only=True)
class Issue(NotebookMixin):
    """A question on which actors take positions.

    Attributes:
        id: Slug naming the issue (``sco-expansion``).
        title: A short name.
        summary: What the question is.
        sources: Where the record comes from: at least one SourceRef, with the source's words where it has any.
        supersedes: Ids of records of earlier releases that this record replaces; they resolve to it.
    """

    TABLE: ClassVar[str] = "issues"
    id: str = attrs.field(validator=_slug)
    title: str = attrs.field(validator=_text)
    summary: str = attrs.field(validator=_text)
    sources: tuple[SourceRef, ...] = _sources
    supersedes: tuple[str, ...] = _supersedes


@attrs.frozen(kw_only=True)
class Position(NotebookMixin):
    """An actor's stance on an issue, with the words that show it.

    Attributes:
        id: Slug naming the position.
        actor: Id of the actor who holds it.
        issue: Id of the issue it is about.
        stance: Support, oppose, cautious, neutral, propose or mixed (Stance).
        summary: The position in a sentence.
        when: When it was stated, if the source dates it.
        sources: Where the record comes from: at least one SourceRef, with the source's words where it has any.
        supersedes: Ids of records of earlier releases that this record replaces; they resolve to it.
    """

    TABLE: ClassVar[str] = "positions"
    id: str = attrs.field(validator=_slug)
    actor: str = attrs.field(validator=_any_id)
    issue: str = attrs.field(validator=_slug)
    stance: Stance
    summary: str = attrs.field(validator=_text)
    when: DateSpan | None = attrs.field(default=None, validator=_span)
    sources: tuple[SourceRef, ...] = _sources
    supersedes: tuple[str, ...] = _supersedes


@attrs.frozen(kw_only=True)
class Figure(NotebookMixin):
    """A number the source states, with its unit, qualifier and date.

    Attributes:
        id: Slug naming the figure.
        value: The number as stated (an integer or a decimal).
        unit: What it counts or measures (``USD``, ``percent of world population``, ``attacks prevented``).
        qualifier: How the stated number relates to the true one (Qualifier): exact, more than, about...
        description: What the number is, in words.
        when: The date or period it refers to.
        actors: Ids of the actors it concerns.
        about: Id of the record it describes (an event, an organization, a document).
        sources: Where the record comes from: at least one SourceRef, with the source's words where it has any.
        supersedes: Ids of records of earlier releases that this record replaces; they resolve to it.
    """

    TABLE: ClassVar[str] = "figures"
    id: str = attrs.field(validator=_slug)
    value: int | float = attrs.field(validator=v.instance_of((int, float)))
    unit: str = attrs.field(validator=_text)
    qualifier: Qualifier = Qualifier.EXACT
    description: str = attrs.field(validator=_text)
    when: DateSpan | None = attrs.field(default=None, validator=_span)
    actors: tuple[str, ...] = attrs.field(default=(), validator=_ids)
    about: str | None = attrs.field(default=None, validator=_optional(_any_id))
    sources: tuple[SourceRef, ...] = _sources
    supersedes: tuple[str, ...] = _supersedes

    @value.validator
    def _check_value(self, _: attrs.Attribute[Any], value: float) -> None:
        if isinstance(value, bool) or not math.isfinite(value):
            raise ValueError("a figure's value is a finite number")


@attrs.frozen(kw_only=True)
class Reading:
    """One reading of a contested fact, with the sources that give it.

    Attributes:
        value: The reading, as text (a date, a name, a place).
        sources: Where this reading is found, with the words that give it.
    """

    value: str = attrs.field(validator=_text)
    sources: tuple[SourceRef, ...] = _sources


@attrs.frozen(kw_only=True)
class Discrepancy(NotebookMixin):
    """A place where the source contradicts itself or is likely wrong.

    Attributes:
        id: Slug naming the discrepancy.
        record: Id of the record concerned.
        field: The field of that record the readings disagree on.
        readings: Every reading found, each with its sources.
        adopted: The reading the data adopts; one of the readings' values.
        rationale: Why that reading is adopted.
        sources: Where the record comes from: at least one SourceRef, with the source's words where it has any.
        supersedes: Ids of records of earlier releases that this record replaces; they resolve to it.
    """

    TABLE: ClassVar[str] = "discrepancies"
    id: str = attrs.field(validator=_slug)
    record: str = attrs.field(validator=_any_id)
    field: str = attrs.field(validator=_text)
    readings: tuple[Reading, ...] = attrs.field(validator=v.and_(_tuple_of(v.instance_of(Reading)), _at_least_one))
    adopted: str = attrs.field(validator=_text)
    rationale: str = attrs.field(validator=_text)
    sources: tuple[SourceRef, ...] = _sources
    supersedes: tuple[str, ...] = _supersedes

    @adopted.validator
    def _check_adopted(self, _: attrs.Attribute[Any], value: str) -> None:
        if value not in {reading.value for reading in self.readings}:
            raise ValueError("the adopted reading must be one of the readings")


Record = Actor | Event | Document | Membership | Issue | Position | Figure | Source | Discrepancy

#: The record class of each table, in the order tables are loaded and listed.
RECORD_TYPES: dict[str, type[Record]] = {
    "sources": Source,
    "actors": Actor,
    "issues": Issue,
    "events": Event,
    "documents": Document,
    "memberships": Membership,
    "positions": Position,
    "figures": Figure,
    "discrepancies": Discrepancy,
}
