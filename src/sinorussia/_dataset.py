"""The Dataset: merged releases with lookups and the query methods.

A Dataset is immutable. Its indexes (by id, by actor, by date) are built on
first use and handed out as tuples or read-only mappings. Results are tuples in
a stable order: dated tables by start day, then end day, then id; the other
tables by id.
"""

from __future__ import annotations

import collections
import functools
import operator
import typing
from collections.abc import Iterable, Mapping
from datetime import date
from types import MappingProxyType
from typing import Any

import attrs

from sinorussia._enums import ActorKind, EventKind
from sinorussia._filters import Match, date_window, enum_set, in_window, text_matches, values
from sinorussia._index import SpanIndex
from sinorussia._manifest import ReleaseInfo
from sinorussia._models import (
    Actor,
    Discrepancy,
    Event,
    Issue,
    Record,
    Source,
)
from sinorussia._queries import STATUS_PRECEDENCE, Divergence, RecordQueries
from sinorussia.exceptions import NotFoundError, QueryError

__all__ = ["STATUS_PRECEDENCE", "Dataset", "Divergence"]  # the last two: from _queries


@attrs.frozen(kw_only=True)
class Dataset(RecordQueries):
    """One or more releases, merged: every record, and queries over them."""

    releases: tuple[ReleaseInfo, ...]
    _tables: Mapping[str, tuple[Any, ...]] = attrs.field(alias="tables", repr=False)
    _aliases: Mapping[str, str] = attrs.field(alias="aliases", factory=dict, repr=False)

    # ----------------------------------------------------------------- tables
    def table(self, name: str) -> tuple[Record, ...]:
        """Every record of one table (``"events"``, ``"actors"`` ...), in order."""
        try:
            return self._tables[name]
        except KeyError:
            raise QueryError(f"no table {name!r}; tables are: {', '.join(self._tables)}") from None

    def counts(self) -> dict[str, int]:
        """The number of records per table."""
        return {name: len(rows) for name, rows in self._tables.items()}

    def to_pandas(self, table: str) -> Any:
        """One table as a ``pandas.DataFrame`` (needs the ``pandas`` extra).

        One row per record, in the table's order; the columns are the CSV
        export's: every field, plus each date span's ``_earliest``, ``_latest``
        and ``_precision`` and, for events, ``goldstein`` and ``quad_class``.
        """
        from sinorussia._arrow import to_pandas
        from sinorussia._models import RECORD_TYPES

        return to_pandas(self.table(table), RECORD_TYPES[table])

    def sources(self) -> tuple[Source, ...]:
        """Every source, by id."""
        return self._tables["sources"]

    def issues(self, *, text: str | None = None) -> tuple[Issue, ...]:
        """Every issue (optionally matching ``text``), by id."""
        return tuple(i for i in self._tables["issues"] if text_matches(text, i.id, i.title, i.summary))

    def discrepancies(self, *, record: str | None = None) -> tuple[Discrepancy, ...]:
        """Where the sources contradict themselves; ``record=`` keeps one record's."""
        rows = self._tables["discrepancies"]
        if record is None:
            return rows
        wanted = set(values(record))
        return tuple(d for d in rows if d.record in wanted)

    # ---------------------------------------------------------------- lookups
    @functools.cached_property
    def _by_id(self) -> Mapping[str, Record]:
        return MappingProxyType({r.id: r for rows in self._tables.values() for r in rows})

    def get(self, record_id: str) -> Record | None:
        """The record with this id (or that superseded it), or None.

        Examples:
            >>> import sinorussia as sr
            >>> sr.get("CHN").name
            'China'
        """
        return self._by_id.get(self._aliases.get(record_id, record_id))

    def lookup(self, record_id: str) -> Record:
        """The record with this id; NotFoundError when there is none."""
        record = self.get(record_id)
        if record is None:
            raise NotFoundError("record", record_id)
        return record

    @functools.cached_property
    def _actors_by_id(self) -> Mapping[str, Actor]:
        # Not _by_id: resolving an actor filter must not index every record of a large release.
        return MappingProxyType({actor.id: actor for actor in self._tables["actors"]})

    @functools.cached_property
    def _actor_names(self) -> Mapping[str, tuple[Actor, ...]]:
        names: dict[str, list[Actor]] = {}
        for actor in self._tables["actors"]:
            for name in {actor.id, actor.name, *actor.aliases}:
                names.setdefault(name.casefold(), []).append(actor)
            surname = actor.name.split()[-1] if actor.kind is ActorKind.PERSON else None
            if surname:
                names.setdefault(surname.casefold(), []).append(actor)
        return MappingProxyType({key: tuple(group) for key, group in names.items()})

    def actor(self, name: str | Actor) -> Actor:
        """An actor by id, name, alias or (for persons) surname, ignoring case.

        Raises NotFoundError when nothing, or more than one actor, answers.

        Examples:
            >>> import sinorussia as sr
            >>> sr.actor("Putin").id
            'vladimir-putin'
        """
        if isinstance(name, Actor):
            return name
        record = self._actors_by_id.get(self._aliases.get(name, name)) if isinstance(name, str) else None
        if record is not None:
            return record
        matches = self._actor_names.get(name.casefold(), ()) if isinstance(name, str) else ()
        unique = {actor.id: actor for actor in matches}
        if len(unique) == 1:
            return next(iter(unique.values()))
        if len(unique) > 1:
            raise NotFoundError("single actor (ambiguous: " + ", ".join(sorted(unique)) + ")", name)
        raise NotFoundError("actor", name)

    def _actor_ids(self, value: object) -> frozenset[str]:
        return frozenset(self.actor(item).id for item in values(value))

    def actors(
        self,
        *,
        kind: ActorKind | str | Iterable[ActorKind | str] | None = None,
        country: str | Iterable[str] | None = None,
        text: str | None = None,
    ) -> tuple[Actor, ...]:
        """Actors, filtered by kind, country (ISO alpha-3) and text, by id.

        Examples:
            >>> import sinorussia as sr
            >>> "sco" in {a.id for a in sr.actors(kind="organization")}
            True
        """
        kinds = enum_set(ActorKind, kind, "kind") if kind is not None else None
        countries = set(values(country)) if country is not None else None
        return tuple(
            a
            for a in self._tables["actors"]
            if (kinds is None or a.kind in kinds)
            and (countries is None or a.country in countries or a.id in countries)
            and text_matches(text, a.id, a.name, a.aliases, a.title)
        )

    # ----------------------------------------------------------------- events
    # Indexes hold positions in the events table, so that answers come out in
    # its order by sorting integers. Each is built on first use, once.
    @functools.cached_property
    def _events_by_date(self) -> SpanIndex:
        return SpanIndex(enumerate(event.when for event in self._tables["events"]))

    @functools.cached_property
    def _event_positions_by_actor(self) -> Mapping[str, tuple[int, ...]]:
        groups: dict[str, list[int]] = collections.defaultdict(list)
        for position, event in enumerate(self._tables["events"]):
            actors, recipients = event.actors, event.recipients
            if len(actors) == 1 and not recipients:  # the common case, without building a set
                groups[actors[0]].append(position)
            else:
                for actor in {*actors, *recipients}:
                    groups[actor].append(position)
        return MappingProxyType({actor: tuple(positions) for actor, positions in groups.items()})

    @functools.cached_property
    def _events_by_actor_and_date(self) -> dict[str, SpanIndex]:
        return {}  # filled one actor at a time, on that actor's first dated query

    def _actor_event_index(self, actor_id: str) -> SpanIndex:
        index = self._events_by_actor_and_date.get(actor_id)
        if index is None:  # two threads may both build it: the same index, harmlessly twice
            events = self._tables["events"]
            positions = self._event_positions_by_actor.get(actor_id, ())
            index = SpanIndex((position, events[position].when) for position in positions)
            self._events_by_actor_and_date[actor_id] = index
        return index

    def events(
        self,
        *,
        on: date | str | None = None,
        between: tuple[date | str, date | str] | None = None,
        match: Match = "overlap",
        actor: str | Actor | Iterable[str | Actor] | None = None,
        kind: EventKind | str | Iterable[EventKind | str] | None = None,
        cameo: str | Iterable[str] | None = None,
        chronology: bool | None = None,
        text: str | None = None,
    ) -> tuple[Event, ...]:
        """Events, filtered; ordered by date, then id.

        ``actor=`` matches an event's actors and recipients; ``cameo=`` a code
        or a code prefix (``"04"`` finds every consultation).

        Examples:
            >>> import sinorussia as sr
            >>> [e.id for e in sr.events(on="2016-06-25", kind="visit", match="within")]
            ['2016-06-25-putin-visits-beijing']
        """
        window = date_window(on, between, match)
        kinds = enum_set(EventKind, kind, "kind") if kind is not None else None
        prefixes = tuple(values(cameo)) if cameo is not None else None
        if prefixes is not None and not all(isinstance(p, str) and p.isdigit() for p in prefixes):
            raise QueryError(f"cameo={cameo!r}: give CAMEO codes or prefixes as digit strings, e.g. '042'")
        if chronology is not None and not isinstance(chronology, bool):
            raise QueryError(f"chronology={chronology!r} must be True or False")
        events = self._tables["events"]
        candidates: Iterable[Event]
        if actor is not None:
            actor_ids = self._actor_ids(actor)
            if window is not None:
                found = [self._actor_event_index(a).overlapping(window[0], window[1]) for a in actor_ids]
            else:
                found = [list(self._event_positions_by_actor.get(a, ())) for a in actor_ids]
            positions = found[0] if len(found) == 1 else sorted({p for group in found for p in group})
            candidates = _pick(events, positions)
        elif window is not None:
            candidates = _pick(events, self._events_by_date.overlapping(window[0], window[1]))
        else:
            candidates = events
        # The indexes answered the overlap already; "within" still needs its check.
        window = window if window is not None and window[2] else None
        if window is None and kinds is None and prefixes is None and chronology is None and text is None:
            return candidates if isinstance(candidates, tuple) else tuple(candidates)
        return tuple(
            e
            for e in candidates
            if (window is None or in_window(e.when, window))
            and (kinds is None or e.kind in kinds)
            and (prefixes is None or e.cameo.startswith(prefixes))
            and (chronology is None or e.chronology is chronology)
            and text_matches(text, e.title, e.summary, e.location)
        )


def _pick(rows: tuple[Event, ...], positions: list[int]) -> tuple[Event, ...]:
    """``rows`` at ``positions``, as a tuple (itemgetter builds it in C: a query's answers, fast)."""
    if len(positions) < 2:  # itemgetter of one position returns the row itself, of none fails
        return tuple(rows[position] for position in positions)
    return typing.cast("tuple[Event, ...]", operator.itemgetter(*positions)(rows))
