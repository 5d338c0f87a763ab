"""Synthetic, valid releases of N events, for the benchmarks (never shipped).

    python benchmarks/synthetic.py OUTDIR --events 100000

The release looks like a decade of event data: events from 2010 to 2019, most
dated to the day, some to a few days, a month or a year, a handful spanning
years or still open; one to three actors each, China and Russia in many of
them (as in an ICEWS extract about the two). Every line is written in the
library's canonical form (``sinorussia._tools.dumps``, records in the
documented order) and the manifest by ``canonical_manifest``, so
``sinorussia seal --check`` finds nothing to change and ``load_path`` accepts it.
"""

from __future__ import annotations

import argparse
import hashlib
import random
import sys
from datetime import date, timedelta
from pathlib import Path
from typing import Any

from sinorussia import Actor, ActorKind, DateSpan, Event, EventKind, Source, SourceKind, SourceRef
from sinorussia._convert import unstructure_record
from sinorussia._models import RECORD_TYPES
from sinorussia._tools import canonical_manifest, canonical_table, dumps

__all__ = ["FIRST_DAY", "LAST_DAY", "QUERY_ACTOR", "write_release"]

FIRST_DAY = date(2010, 1, 1)
LAST_DAY = date(2019, 12, 31)
#: The actor the query benchmark asks about: present in about a third of the events.
QUERY_ACTOR = "RUS"
SOURCE_ID = "synthetic-feed"

# Real ISO alpha-3 codes, so the data reads like an extract of real event data.
_STATES = (
    "CHN", "RUS", "KAZ", "KGZ", "TJK", "UZB", "TKM", "MNG", "IND", "PAK", "IRN", "AFG", "USA", "JPN", "KOR", "PRK",
    "VNM", "PHL", "IDN", "MYS", "THA", "MMR", "LAO", "KHM", "SGP", "AUS", "NZL", "CAN", "MEX", "BRA", "ARG", "ZAF",
    "EGY", "TUR", "SYR", "IRQ", "ISR", "SAU", "ARE", "QAT", "UKR", "BLR", "GEO", "ARM", "AZE", "MDA", "POL", "DEU",
    "FRA", "GBR", "ITA", "ESP", "NLD", "BEL", "SWE", "NOR", "FIN", "EST", "LVA", "LTU",
)
_ORGANIZATIONS = 24
_PERSONS = 150
# Event codes that exist in the CAMEO codebook (the loader checks every one).
_CAMEO = ("010", "012", "020", "036", "040", "042", "043", "046", "050", "057", "061", "064", "100", "112", "130")
_PLACES = ("Beijing", "Moscow", "Astana", "Tashkent", "Vladivostok", "Harbin", "Shanghai", "St Petersburg")
_WORDS = (
    "ministers", "discuss", "energy", "cooperation", "border", "trade", "security", "pipeline", "summit",
    "agreement", "talks", "exercise", "visit", "delegation", "railway", "investment", "sanctions", "statement",
    "forum", "council", "joint", "naval", "patrol",
)


def _actors() -> list[Actor]:
    refs = (SourceRef(source=SOURCE_ID, locator="actors"),)
    states = [Actor(id=code, kind=ActorKind.STATE, name=f"State {code}", sources=refs) for code in _STATES]
    organizations = [
        Actor(id=f"org-{n:02d}", kind=ActorKind.ORGANIZATION, name=f"Organization {n}", sources=refs)
        for n in range(_ORGANIZATIONS)
    ]
    persons = [
        Actor(
            id=f"person-{n:03d}",
            kind=ActorKind.PERSON,
            name=f"Person Number{n}",
            country=_STATES[n % len(_STATES)],
            sources=refs,
        )
        for n in range(_PERSONS)
    ]
    return [*states, *organizations, *persons]


def _weights(ids: list[str]) -> list[float]:
    """China and Russia in many events, the rest Zipf-like (a few actors are most of the data)."""
    weights = [1.0 / (rank + 1) for rank in range(len(ids))]
    weights[ids.index("CHN")] = weights[ids.index("RUS")] = 2.5
    return weights


def _when(rng: random.Random) -> str:
    """An EDTF span: mostly days, some short intervals, months, years, a few long or open ones."""
    day = FIRST_DAY + timedelta(days=rng.randrange((LAST_DAY - FIRST_DAY).days + 1))
    roll = rng.random()
    if roll < 0.88:
        return day.isoformat() + ("?" if roll < 0.01 else "")
    if roll < 0.95:
        end = min(day + timedelta(days=rng.randint(1, 5)), LAST_DAY)
        return f"{day.isoformat()}/{end.isoformat()}"
    if roll < 0.99:
        return f"{day.year:04d}-{day.month:02d}"
    if roll < 0.9995:
        return f"{day.year:04d}"
    if roll < 0.99995:
        return f"{FIRST_DAY.year}/{max(day.year, FIRST_DAY.year + 1)}"  # a span of years
    return f"{day.year:04d}-{day.month:02d}/.."  # still ongoing


def _words(rng: random.Random, count: int) -> str:
    return " ".join(rng.choice(_WORDS) for _ in range(count))


def _template() -> dict[str, Any]:
    """Every field of an event in canonical form, defaults filled in (so new fields are covered)."""
    event = Event(
        id="template",
        when=DateSpan.parse("2016"),
        title="t",
        summary="s",
        kind=EventKind.VISIT,
        cameo="042",
        actors=("CHN",),
        sources=(SourceRef(source=SOURCE_ID),),
    )
    return unstructure_record(event)


def event_lines(count: int, *, seed: int = 2016) -> list[str]:
    """``count`` canonical event lines, in the documented order (by date, then id)."""
    rng = random.Random(seed)
    ids = [actor.id for actor in _actors()]
    weights = _weights(ids)
    template = _template()
    spans: dict[str, DateSpan] = {}
    keyed = []
    for number in range(count):
        when = _when(rng)
        span = spans.get(when) or spans.setdefault(when, DateSpan.parse(when))
        actors = list(dict.fromkeys(rng.choices(ids, weights, k=rng.randint(1, 3))))
        recipients = [r for r in rng.choices(ids, weights, k=rng.randint(0, 1)) if r not in actors]
        event_id = f"event-{span.earliest.isoformat()}-{number:07d}"
        record = {
            **template,
            "id": event_id,
            "when": when,
            "title": _words(rng, 5).capitalize(),
            "summary": _words(rng, 22).capitalize() + ".",
            "kind": rng.choice(list(EventKind)).value,
            "cameo": rng.choice(_CAMEO),
            "actors": actors,
            "recipients": recipients,
            "location": rng.choice(_PLACES) if rng.random() < 0.6 else None,
            "sources": [{"source": SOURCE_ID, "locator": "feed", "quote": _words(rng, 12)}],
        }
        keyed.append(((span.earliest, span.latest or date.max, event_id), dumps(record)))
    keyed.sort(key=lambda item: item[0])
    return [line for _, line in keyed]


def write_release(directory: Path, events: int, *, seed: int = 2016) -> Path:
    """Write a valid, sealed release of ``events`` synthetic events into ``directory``."""
    directory.mkdir(parents=True, exist_ok=True)
    source = Source(id=SOURCE_ID, title="Synthetic event feed", kind=SourceKind.REFERENCE)
    tables: dict[str, bytes] = dict.fromkeys(RECORD_TYPES, b"")
    tables["sources"] = canonical_table([source])
    tables["actors"] = canonical_table(_actors())
    tables["events"] = "".join(line + "\n" for line in event_lines(events, seed=seed)).encode("utf-8")
    manifest: dict[str, Any] = {
        "id": f"synthetic-{events}",
        "title": f"Synthetic release of {events} events",
        "data_version": "1.0.0",
        "schema_version": "1.0",
        "coverage": f"{FIRST_DAY.year}/{LAST_DAY.year}",
        "published": "2026-11-28",
        "license": "CC0-1.0",
        "sources": [SOURCE_ID],
        "requires": [],
        "description": None,
        "tables": {},
    }
    for name, data in tables.items():
        (directory / f"{name}.jsonl").write_bytes(data)
        manifest["tables"][name] = {
            "file": f"{name}.jsonl",
            "rows": data.count(b"\n"),
            "sha256": hashlib.sha256(data).hexdigest(),
        }
    (directory / "release.json").write_bytes(canonical_manifest(manifest))
    return directory


def main(argv: list[str] | None = None) -> int:
    """Command line: write one synthetic release."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("directory", type=Path)
    parser.add_argument("--events", type=int, default=100_000)
    parser.add_argument("--seed", type=int, default=2016)
    args = parser.parse_args(argv)
    write_release(args.directory, args.events, seed=args.seed)
    print(f"wrote {args.events} events to {args.directory}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
