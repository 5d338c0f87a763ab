"""Merging checked releases into one consistent set of tables.

The rules (documented in docs/publishing.md, property-tested):

* An id names one record across all loaded releases. It may appear in two
  releases only when the record of one declares ``supersedes`` with that id (a
  correction); the superseded record is dropped and ``get(old_id)`` answers
  with the new record. A record may also supersede records under other ids.
* Two records superseding the same id, or a record superseding one of its own
  release, are refused.
* References resolve across releases, through supersession, and must land in
  the right table (an event's actors are actors).
* The result never depends on the order releases are given: tables are sorted
  by a fixed key and every rule above is order-free.
"""

from __future__ import annotations

import collections
from collections.abc import Iterable, Mapping
from datetime import date
from types import MappingProxyType

from sinorussia._cameo import codes
from sinorussia._dates import DateSpan
from sinorussia._manifest import ReleaseInfo
from sinorussia._models import RECORD_TYPES, Document, Event, Record
from sinorussia._problems import Problems
from sinorussia._references import all_resolve, references
from sinorussia._release import LoadedRelease

__all__ = ["MergedTables", "merge", "sort_key"]


class MergedTables:
    """Tables of one or more releases, merged and checked (a plain class: see ``_release``).

    Attributes:
        releases: The manifests of the releases merged.
        tables: Each table's records, sorted by :func:`sort_key`.
        aliases: Superseded id -> the id of the record that replaced it.
    """

    __slots__ = ("aliases", "releases", "tables")

    def __init__(
        self, releases: tuple[ReleaseInfo, ...], tables: Mapping[str, tuple[Record, ...]], aliases: Mapping[str, str]
    ) -> None:
        self.releases = releases
        self.tables = tables
        self.aliases = aliases


def sort_key(record: Record) -> tuple[date, date, str]:
    """The documented order of query results: by date where a record has one, then id."""
    span: DateSpan | None
    if isinstance(record, Event):
        span = record.when
    elif isinstance(record, Document):
        span = record.date
    else:
        span = getattr(record, "period", None) or getattr(record, "when", None)
    if span is None:
        return (date.max, date.max, record.id)
    return (span.earliest, span.latest or date.max, record.id)


def merge(loaded: Iterable[LoadedRelease]) -> MergedTables:
    """Merge releases, or raise one ReleaseError listing what is wrong."""
    releases = sorted(loaded, key=lambda release: (release.info.id, release.info.origin))
    names = ", ".join(release.info.id for release in releases)
    problems = Problems(names if len(releases) != 1 else releases[0].info.id)
    _check_release_ids(releases, problems)
    owner: dict[int, LoadedRelease] = {}
    everything: list[tuple[str, Record]] = []
    for release in releases:
        for table, records in release.tables.items():
            for record in records:
                owner[id(record)] = release
                everything.append((table, record))

    def place(record: Record) -> str:
        release = owner[id(record)]
        file, line = release.places.get(record.id, ("?", 0))
        return f"{release.info.id}:{file}:{line}"

    aliases, dropped = _supersession(everything, owner, place, problems)
    kept = [(table, record) for table, record in everything if id(record) not in dropped]
    by_id = {record.id: (table, record) for table, record in kept}
    if len(by_id) != len(kept):  # an id used twice: again, in the order of places, to name both
        by_id = {}
        for table, record in sorted(kept, key=lambda item: place(item[1])):
            if record.id in by_id:
                other = by_id[record.id][1]
                _add(problems, owner, record, f"id {record.id!r} is used twice: here and at {place(other)}", "$.id")
            else:
                by_id[record.id] = (table, record)
    for alias in aliases:
        if alias in by_id and by_id[alias][1].id != aliases[alias]:
            _add(problems, owner, by_id[alias][1], f"id {alias!r} is both superseded and still in use", "$.id")
    _check_references(kept, by_id, aliases, owner, problems)
    problems.raise_if_any()
    tables = {name: [] for name in RECORD_TYPES}  # type: dict[str, list[Record]]
    for table, record in kept:
        tables[table].append(record)
    return MergedTables(
        releases=tuple(release.info for release in releases),
        tables=MappingProxyType({name: tuple(sorted(rows, key=sort_key)) for name, rows in tables.items()}),
        aliases=MappingProxyType(dict(sorted(aliases.items()))),
    )


def _check_release_ids(releases: list[LoadedRelease], problems: Problems) -> None:
    seen: dict[str, str] = {}
    for release in releases:
        if release.info.id in seen:
            problems.add(
                f"release id {release.info.id!r} is given twice ({seen[release.info.id]} and {release.info.origin})",
                file="release.json",
            )
        seen[release.info.id] = release.info.origin


def _add(problems: Problems, owner: dict[int, LoadedRelease], record: Record, message: str, field: str) -> None:
    release = owner[id(record)]
    file, line = release.places.get(record.id, (None, None))
    problems.add(message, file=file, line=line, field=field, release=release.info.id)


def _supersession(
    everything: list[tuple[str, Record]],
    owner: dict[int, LoadedRelease],
    place: object,
    problems: Problems,
) -> tuple[dict[str, str], set[int]]:
    """Work out which records are superseded, and the alias of each old id."""
    claims: dict[str, Record] = {}
    for _, record in everything:
        for old in record.supersedes:
            if old in claims and claims[old] is not record:
                _add(
                    problems, owner, record, f"{old!r} is superseded twice (also by {claims[old].id!r})", "$.supersedes"
                )
            claims[old] = record
    dropped: set[int] = set()
    aliases: dict[str, str] = {}
    for _, record in everything:
        new = claims.get(record.id)
        if new is None or new is record:
            continue
        if owner[id(new)] is owner[id(record)]:
            _add(
                problems, owner, new, f"supersedes {record.id!r} of its own release; remove it instead", "$.supersedes"
            )
            continue
        if claims.get(new.id) is record:
            _add(problems, owner, new, f"supersession cycle with {record.id!r}", "$.supersedes")
            continue
        dropped.add(id(record))
    for old, new in claims.items():
        if old != new.id:
            aliases[old] = new.id
    return _follow(aliases, claims, owner, problems), dropped


def _follow(
    aliases: dict[str, str], claims: dict[str, Record], owner: dict[int, LoadedRelease], problems: Problems
) -> dict[str, str]:
    """Resolve chains of corrections (x by y, y by z: x -> z); refuse longer cycles."""
    final: dict[str, str] = {}
    for old in sorted(aliases):
        chain = [old]
        while chain[-1] in aliases and aliases[chain[-1]] not in chain:
            chain.append(aliases[chain[-1]])
        if chain[-1] in aliases:
            cycle = " -> ".join([*chain[chain.index(aliases[chain[-1]]) :], aliases[chain[-1]]])
            _add(problems, owner, claims[old], f"supersession cycle: {cycle}", "$.supersedes")
            continue
        final[old] = chain[-1]
    return final


def _check_references(
    kept: list[tuple[str, Record]],
    by_id: dict[str, tuple[str, Record]],
    aliases: dict[str, str],
    owner: dict[int, LoadedRelease],
    problems: Problems,
) -> None:
    cameo = codes()
    resolving = _Resolving(by_id, aliases)
    for _, record in kept:
        if problems.full:
            problems.truncated = True
            return
        if isinstance(record, Event) and record.cameo not in cameo:
            _add(problems, owner, record, f"{record.cameo!r} is not a CAMEO event code", "$.cameo")
        if all_resolve(record, resolving):
            continue  # the usual case, checked without writing a JSON path per reference
        for path, target, allowed in references(record):
            resolved = by_id.get(aliases.get(target, target))
            if resolved is None:
                _add(problems, owner, record, f"reference to unknown id {target!r}", path)
            elif allowed and resolved[0] not in allowed:
                _add(
                    problems,
                    owner,
                    record,
                    f"{target!r} is in {resolved[0]}, but this field refers to {' or '.join(allowed)}",
                    path,
                )



class _Resolving(dict[tuple[str, ...], frozenset[str]]):
    """Allowed tables -> every id that resolves (through supersession) to a record of one of them.

    Built per tables on first use, from the ids of each table (gathered in one
    pass); with it a record's references are checked with set operations. An
    empty key (any table) holds every id that resolves.
    """

    def __init__(self, by_id: dict[str, tuple[str, Record]], aliases: dict[str, str]) -> None:
        super().__init__()
        self.by_id = by_id
        self.aliases = aliases
        self.by_table: dict[str, set[str]] | None = None

    def __missing__(self, tables: tuple[str, ...]) -> frozenset[str]:
        # The rule of _check_references: an id resolves to by_id[aliases.get(id, id)].
        if self.by_table is None:
            self.by_table = collections.defaultdict(set)
            for key, (table, _) in self.by_id.items():
                if key not in self.aliases:
                    self.by_table[table].add(key)
        found: set[str] = set().union(*(ids for table, ids in self.by_table.items() if not tables or table in tables))
        for old, new in self.aliases.items():
            resolved = self.by_id.get(new)
            if resolved is not None and (not tables or resolved[0] in tables):
                found.add(old)
        self[tables] = frozenset(found)
        return self[tables]
