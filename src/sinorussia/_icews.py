"""ICEWS-style dyadic event rows, for joining with ICEWS, GDELT or Phoenix data.

ICEWS codes each event as a dyad: a source acts on a target. Here each event
gives one row per direction for every pair of participants: each actor with
each recipient (the host of a visit), or, where an event has no recipients,
each pair of its actors. So a pair always appears both ways. The reverse of a
visit (CAMEO 042, "make a visit") is hosting it (043, "host a visit"); every
other code applies both ways. An event with a single participant is not a dyad
and gives no row.

The first twenty columns are ICEWS's, with its names; ``Intensity`` is the
Goldstein score of the row's CAMEO code. ICEWS dates are days: ``Event Date``
is the first day an event may cover, and the extra column ``Date Precision``
says whether that day is exact (``day``) or only the start of a month or
year. Further extra columns give the EDTF span, the quad class, and the
sinorussia actor ids and ISO alpha-3 codes (ICEWS's country columns hold
names), the handiest keys for a join.
"""

from __future__ import annotations

import csv
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

from sinorussia._enums import ActorKind
from sinorussia._models import Actor, Event

if TYPE_CHECKING:
    from sinorussia._dataset import Dataset

__all__ = ["COLUMNS", "ICEWS_COLUMNS", "dyads", "icews_rows", "read_icews", "write_icews"]

ICEWS_COLUMNS = (
    "Event ID",
    "Event Date",
    "Source Name",
    "Source Sectors",
    "Source Country",
    "Event Text",
    "CAMEO Code",
    "Intensity",
    "Target Name",
    "Target Sectors",
    "Target Country",
    "Story ID",
    "Sentence Number",
    "Publisher",
    "City",
    "District",
    "Province",
    "Country",
    "Latitude",
    "Longitude",
)
#: ICEWS's columns, then sinorussia's.
COLUMNS = (
    *ICEWS_COLUMNS,
    "Event Span",
    "Date Precision",
    "Quad Class",
    "Source Actor ID",
    "Source ISO3",
    "Target Actor ID",
    "Target ISO3",
)

#: CAMEO codes whose reverse direction has a code of its own.
_REVERSE_CODE = {"042": "043", "043": "042"}


def dyads(event: Event) -> Iterator[tuple[str, str, str]]:
    """``(source id, target id, CAMEO code)`` for each direction of each pair, in a fixed order."""
    if event.recipients:
        pairs = [(a, r) for a in event.actors for r in event.recipients if a != r]
    else:
        pairs = [(a, b) for i, a in enumerate(event.actors) for b in event.actors[i + 1 :] if a != b]
    seen: set[tuple[str, str]] = set()
    for first, second in pairs:
        for source, target, code in (
            (first, second, event.cameo),
            (second, first, _REVERSE_CODE.get(event.cameo, event.cameo)),
        ):
            if (source, target) not in seen:
                seen.add((source, target))
                yield source, target, code


def _iso3(record: object) -> str:
    """A state's own code, or the code of the state an actor belongs to; "" for none."""
    if not isinstance(record, Actor):
        return ""
    return record.id if record.kind is ActorKind.STATE else record.country or ""


def _country_name(dataset: Dataset, iso3: str) -> str:
    state = dataset.get(iso3) if iso3 else None
    return state.name if isinstance(state, Actor) else iso3


def icews_rows(dataset: Dataset) -> Iterator[dict[str, str]]:
    """The dyads of every event as rows keyed by :data:`COLUMNS`, all values text."""
    from sinorussia._cameo import goldstein, lookup, quad_class

    for event in dataset.table("events"):
        assert isinstance(event, Event)
        publisher = dataset.get(event.sources[0].source)
        for source_id, target_id, code in dyads(event):
            source, target = dataset.get(source_id), dataset.get(target_id)
            source_iso, target_iso = _iso3(source), _iso3(target)
            values = {
                "Event ID": f"{event.id}/{source_id}/{target_id}",
                "Event Date": event.when.earliest.isoformat(),
                "Source Name": getattr(source, "name", source_id),
                "Source Country": _country_name(dataset, source_iso),
                "Event Text": lookup(code).name,
                "CAMEO Code": code,
                "Intensity": repr(goldstein(code)),
                "Target Name": getattr(target, "name", target_id),
                "Target Country": _country_name(dataset, target_iso),
                "Story ID": event.id,
                "Publisher": getattr(publisher, "publication", None) or "",
                "City": event.location or "",
                "Country": _country_name(dataset, event.country or ""),
                "Event Span": str(event.when),
                "Date Precision": event.when.precision.value,
                "Quad Class": str(int(quad_class(code))),
                "Source Actor ID": source_id,
                "Source ISO3": source_iso,
                "Target Actor ID": target_id,
                "Target ISO3": target_iso,
            }
            yield {column: values.get(column, "") for column in COLUMNS}


def write_icews(dataset: Dataset, path: Path) -> Path:
    """Every dyad as tab-separated values with a header row (UTF-8)."""
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=COLUMNS, delimiter="\t", lineterminator="\n")
        writer.writeheader()
        writer.writerows(icews_rows(dataset))
    return path


def read_icews(path: Path) -> list[dict[str, str]]:
    """The rows of a file written by :func:`write_icews`."""
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle, delimiter="\t"))
