"""Which fields of a record refer to other records, and to what kind.

One table of facts serves the loader (every reference must resolve, to a
record of the right table) and the curation tools.
"""

from __future__ import annotations

from collections.abc import Iterator

from sinorussia._models import (
    Actor,
    Discrepancy,
    Document,
    Event,
    Figure,
    Membership,
    Position,
    Record,
)

__all__ = ["references"]

ANY: tuple[str, ...] = ()


def references(record: Record) -> Iterator[tuple[str, str, tuple[str, ...]]]:
    """Yield ``(json_path, target_id, allowed_tables)`` for each reference.

    An empty ``allowed_tables`` means a record of any table will do.
    """
    for index, ref in enumerate(getattr(record, "sources", ())):
        yield f"$.sources[{index}].source", ref.source, ("sources",)
    if isinstance(record, Actor):
        yield from _many("affiliations", record.affiliations, ("actors",))
        yield from _one("country", record.country, ("actors",))
    elif isinstance(record, Event):
        yield from _many("actors", record.actors, ("actors",))
        yield from _many("recipients", record.recipients, ("actors",))
        yield from _one("country", record.country, ("actors",))
        yield from _many("documents", record.documents, ("documents",))
        yield from _many("issues", record.issues, ("issues",))
    elif isinstance(record, Document):
        yield from _many("parties", record.parties, ("actors",))
        yield from _many("signatories", record.signatories, ("actors",))
        yield from _many("authors", record.authors, ("actors",))
        yield from _one("event", record.event, ("events",))
        yield from _many("issues", record.issues, ("issues",))
    elif isinstance(record, Membership):
        yield from _one("organization", record.organization, ("actors",))
        yield from _one("member", record.member, ("actors",))
    elif isinstance(record, Position):
        yield from _one("actor", record.actor, ("actors",))
        yield from _one("issue", record.issue, ("issues",))
    elif isinstance(record, Figure):
        yield from _many("actors", record.actors, ("actors",))
        yield from _one("about", record.about, ANY)
    elif isinstance(record, Discrepancy):
        yield from _one("record", record.record, ANY)
        for r_index, reading in enumerate(record.readings):
            for s_index, ref in enumerate(reading.sources):
                yield f"$.readings[{r_index}].sources[{s_index}].source", ref.source, ("sources",)


def _many(name: str, ids: tuple[str, ...], tables: tuple[str, ...]) -> Iterator[tuple[str, str, tuple[str, ...]]]:
    for index, target in enumerate(ids):
        yield f"$.{name}[{index}]", target, tables


def _one(name: str, target: str | None, tables: tuple[str, ...]) -> Iterator[tuple[str, str, tuple[str, ...]]]:
    if target is not None:
        yield f"$.{name}", target, tables
