"""The queries of documents, memberships, positions and figures: a mixin of ``Dataset``.

They filter one table each by scanning it: these tables hold hundreds of
records, not the hundreds of thousands an event table may (whose indexed
queries stay in ``_dataset``). Kept apart so that each module has one job.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from datetime import date
from types import MappingProxyType
from typing import TYPE_CHECKING, Any

import attrs

from sinorussia._dates import as_date
from sinorussia._enums import DocumentKind, MembershipStatus, Stance
from sinorussia._filters import Match, date_window, enum_set, in_window, text_matches, values
from sinorussia._models import Actor, Document, Figure, Issue, Membership, Position

__all__ = ["STATUS_PRECEDENCE", "Divergence", "RecordQueries"]

#: When a state holds several statuses at once (India: observer and acceding),
#: ``sco_status`` and ``sco_roster`` report the first of these that applies.
STATUS_PRECEDENCE = (
    MembershipStatus.MEMBER,
    MembershipStatus.ACCEDING,
    MembershipStatus.APPLICANT,
    MembershipStatus.OBSERVER,
    MembershipStatus.DIALOGUE_PARTNER,
)


@attrs.frozen(kw_only=True)
class Divergence:
    """An issue on which two actors' stances differ, with their positions."""

    issue: Issue
    first: tuple[Position, ...]
    second: tuple[Position, ...]


class RecordQueries:
    """Queries over the smaller tables; ``Dataset`` supplies the tables and the actor look-up."""

    __slots__ = ()  # Dataset is a slotted attrs class: a base with a __dict__ would give it one

    if TYPE_CHECKING:
        _tables: Mapping[str, tuple[Any, ...]]

        def actor(self, name: str | Actor) -> Actor: ...

        def _actor_ids(self, value: object) -> frozenset[str]: ...

    # -------------------------------------------------------------- documents
    def documents(
        self,
        *,
        on: date | str | None = None,
        between: tuple[date | str, date | str] | None = None,
        match: Match = "overlap",
        party: str | Actor | Iterable[str | Actor] | None = None,
        kind: DocumentKind | str | Iterable[DocumentKind | str] | None = None,
        issue: str | Issue | Iterable[str | Issue] | None = None,
        text: str | None = None,
    ) -> tuple[Document, ...]:
        """Documents, filtered; ordered by date (undated last), then id.

        Examples:
            >>> import sinorussia as sr
            >>> len(sr.documents(party="CHN", kind="joint_statement", on="2016-06-25")) >= 3
            True
        """
        window = date_window(on, between, match)
        parties = self._actor_ids(party) if party is not None else None
        kinds = enum_set(DocumentKind, kind, "kind") if kind is not None else None
        issues = _ids(issue) if issue is not None else None
        return tuple(
            d
            for d in self._tables["documents"]
            if (window is None or in_window(d.date, window))
            and (parties is None or not parties.isdisjoint(d.parties))
            and (kinds is None or d.kind in kinds)
            and (issues is None or not issues.isdisjoint(d.issues))
            and text_matches(text, d.title, d.summary, d.aliases, d.excerpts)
        )

    def joint_statements(self, **filters: Any) -> tuple[Document, ...]:
        """Joint statements: ``documents(kind="joint_statement", ...)``."""
        return self.documents(kind=DocumentKind.JOINT_STATEMENT, **filters)

    # ------------------------------------------------------------ memberships
    def memberships(
        self,
        *,
        organization: str | Actor | Iterable[str | Actor] | None = None,
        member: str | Actor | Iterable[str | Actor] | None = None,
        status: MembershipStatus | str | Iterable[MembershipStatus | str] | None = None,
        on: date | str | None = None,
        between: tuple[date | str, date | str] | None = None,
        match: Match = "overlap",
    ) -> tuple[Membership, ...]:
        """Membership periods, filtered; ordered by start, then id.

        A period known only to the year (``2005/..``) counts from the first
        day of that year: a date inside a coarse start is answered as if the
        status already held. Check ``period.precision`` where that matters.

        Examples:
            >>> import sinorussia as sr
            >>> sorted({m.status.value for m in sr.memberships(member="IND")})
            ['acceding', 'observer']
        """
        window = date_window(on, between, match)
        organizations = self._actor_ids(organization) if organization is not None else None
        members = self._actor_ids(member) if member is not None else None
        statuses = enum_set(MembershipStatus, status, "status") if status is not None else None
        return tuple(
            m
            for m in self._tables["memberships"]
            if (window is None or in_window(m.period, window))
            and (organizations is None or m.organization in organizations)
            and (members is None or m.member in members)
            and (statuses is None or m.status in statuses)
        )

    def sco_status(self, member: str | Actor, *, on: date | str) -> MembershipStatus | None:
        """A state's SCO standing on a day, or None when it had none.

        Where statuses overlap, the strongest wins (see ``STATUS_PRECEDENCE``).

        Examples:
            >>> import sinorussia as sr
            >>> sr.sco_status("IRN", on="2016-06-24")
            <MembershipStatus.APPLICANT: 'applicant'>
        """
        held = {m.status for m in self.memberships(organization="sco", member=member, on=on)}
        return next((status for status in STATUS_PRECEDENCE if status in held), None)

    def sco_roster(self, *, on: date | str) -> Mapping[MembershipStatus, tuple[Actor, ...]]:
        """Every state by its SCO standing on a day (each under its strongest status).

        Examples:
            >>> import sinorussia as sr
            >>> [a.id for a in sr.sco_roster(on="2016-06-24")[sr.MembershipStatus.MEMBER]]
            ['CHN', 'KAZ', 'KGZ', 'RUS', 'TJK', 'UZB']
        """
        day = as_date(on) if isinstance(on, (str, date)) else on
        held: dict[str, set[MembershipStatus]] = {}
        for m in self.memberships(organization="sco", on=day):
            held.setdefault(m.member, set()).add(m.status)
        roster: dict[MembershipStatus, list[Actor]] = {status: [] for status in STATUS_PRECEDENCE}
        for member_id in sorted(held):
            strongest = next(status for status in STATUS_PRECEDENCE if status in held[member_id])
            roster[strongest].append(self.actor(member_id))
        return MappingProxyType({status: tuple(actors) for status, actors in roster.items()})

    # -------------------------------------------------------------- positions
    def positions(
        self,
        *,
        actor: str | Actor | Iterable[str | Actor] | None = None,
        issue: str | Issue | Iterable[str | Issue] | None = None,
        stance: Stance | str | Iterable[Stance | str] | None = None,
        on: date | str | None = None,
        between: tuple[date | str, date | str] | None = None,
        match: Match = "overlap",
    ) -> tuple[Position, ...]:
        """Positions, filtered; ordered by date (undated last), then id.

        Examples:
            >>> import sinorussia as sr
            >>> {p.stance.value for p in sr.positions(actor="RUS", issue="iran-sco-accession")}
            {'propose'}
        """
        window = date_window(on, between, match)
        actors = self._actor_ids(actor) if actor is not None else None
        issues = _ids(issue) if issue is not None else None
        stances = enum_set(Stance, stance, "stance") if stance is not None else None
        return tuple(
            p
            for p in self._tables["positions"]
            if (window is None or in_window(p.when, window))
            and (actors is None or p.actor in actors)
            and (issues is None or p.issue in issues)
            and (stances is None or p.stance in stances)
        )

    def divergences(self, first: str | Actor, second: str | Actor) -> tuple[Divergence, ...]:
        """Issues on which both actors hold positions and their stances differ.

        Examples:
            >>> import sinorussia as sr
            >>> "sco-expansion" in {d.issue.id for d in sr.divergences("CHN", "RUS")}
            True
        """
        a, b = self.actor(first).id, self.actor(second).id
        found = []
        for issue in self._tables["issues"]:
            mine = self.positions(actor=a, issue=issue.id)
            theirs = self.positions(actor=b, issue=issue.id)
            if mine and theirs and {p.stance for p in mine} != {p.stance for p in theirs}:
                found.append(Divergence(issue=issue, first=mine, second=theirs))
        return tuple(found)

    # ---------------------------------------------------------------- figures
    def figures(
        self,
        *,
        on: date | str | None = None,
        between: tuple[date | str, date | str] | None = None,
        match: Match = "overlap",
        actor: str | Actor | Iterable[str | Actor] | None = None,
        unit: str | Iterable[str] | None = None,
        text: str | None = None,
    ) -> tuple[Figure, ...]:
        """The numbers the sources state, filtered; by date (undated last), then id."""
        window = date_window(on, between, match)
        actors = self._actor_ids(actor) if actor is not None else None
        units = set(values(unit)) if unit is not None else None
        return tuple(
            f
            for f in self._tables["figures"]
            if (window is None or in_window(f.when, window))
            and (actors is None or not actors.isdisjoint(f.actors))
            and (units is None or f.unit in units)
            and text_matches(text, f.description, f.unit)
        )


def _ids(value: object) -> frozenset[str]:
    """Ids of records given as records or ids."""
    return frozenset(item if isinstance(item, str) else getattr(item, "id", item) for item in values(value))
