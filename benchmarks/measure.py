"""The measurements, each run in a fresh process by ``run.py`` (never imported by tests).

    python benchmarks/measure.py load RELEASE_DIR
    python benchmarks/measure.py query RELEASE_DIR --windows 200
    python benchmarks/measure.py memory RELEASE_DIR
    python benchmarks/measure.py pandas-memory RELEASE_DIR

Each prints one JSON object on stdout. A fresh process per measurement keeps
one from paying for another's garbage, caches or peak memory.
"""

from __future__ import annotations

import argparse
import gc
import json
import random
import resource
import statistics
import sys
import time
from collections.abc import Callable
from datetime import date, timedelta
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from synthetic import FIRST_DAY, LAST_DAY, QUERY_ACTOR

__all__ = ["main"]


def _best_of(repeat: int, action: Callable[[], object], *, paused: bool = False) -> float:
    """The fastest of ``repeat`` runs of ``action``, in seconds (the least disturbed by other work).

    Each run starts from a collected heap. ``paused``: the collector is off
    while it runs (as the loader keeps it), switched back on outside the timing.
    """
    times = []
    for _ in range(repeat):
        gc.collect()
        if paused:
            gc.disable()
        started = time.perf_counter()
        kept = action()
        times.append(time.perf_counter() - started)
        gc.enable()
        del kept
    return min(times)


def _lines(release: Path) -> list[str]:
    return (release / "events.jsonl").read_text(encoding="utf-8").split("\n")[:-1]


def load(release: Path, repeat: int) -> dict[str, Any]:
    """``load_path`` against ``json.loads`` of the same lines, and where the rest goes."""
    import sinorussia as sr
    from sinorussia import _jsonl, _loader, _merge
    from sinorussia._convert import structure_record
    from sinorussia._models import Event

    lines = _lines(release)
    sr.load_path(release)  # once, so that one-off costs (imports, writing the fast path) are not counted

    def json_loads() -> object:
        return [json.loads(line) for line in lines]

    result: dict[str, Any] = {"events": len(lines)}
    result["json_loads"] = _best_of(repeat, json_loads, paused=True)
    result["json_loads_gc_on"] = _best_of(repeat, json_loads)
    result["load_path"] = _best_of(repeat, lambda: sr.load_path(release))
    gc.unfreeze()  # load_path froze its records; give the pieces below a collector that sees everything
    decoded = [_jsonl.loads(line) for line in lines]
    result["strict_json"] = _best_of(repeat, lambda: [_jsonl.loads(line) for line in lines], paused=True)
    result["structure"] = _best_of(repeat, lambda: [structure_record(raw, Event) for raw in decoded], paused=True)
    result["read_release"] = _best_of(repeat, lambda: _loader.read_release(release), paused=True)
    loaded = _loader.read_release(release)
    result["merge"] = _best_of(repeat, lambda: _merge.merge([loaded]), paused=True)
    return result


def _windows(count: int, seed: int = 7) -> list[tuple[date, date]]:
    """``count`` random weeks inside the synthetic data's decade."""
    rng = random.Random(seed)
    days = (LAST_DAY - FIRST_DAY).days - 6
    starts = [FIRST_DAY + timedelta(days=rng.randrange(days)) for _ in range(count)]
    return [(start, start + timedelta(days=6)) for start in starts]


def query(release: Path, windows: int, repeat: int) -> dict[str, Any]:
    """A week and an actor: the indexed query against a linear scan and a pandas mask."""
    import sinorussia as sr

    ds = sr.load_path(release)
    events = ds.table("events")
    weeks = _windows(windows)
    started = time.perf_counter()
    ds.events(between=weeks[0], actor=QUERY_ACTOR)  # builds the indexes this query uses
    first = time.perf_counter() - started

    def indexed() -> list[int]:
        return [len(ds.events(between=week, actor=QUERY_ACTOR)) for week in weeks]

    def scan() -> list[int]:
        found = []
        for first_day, last_day in weeks:
            found.append(
                len(
                    tuple(
                        e
                        for e in events
                        if e.when.earliest <= last_day
                        and (e.when.latest is None or first_day <= e.when.latest)
                        and (QUERY_ACTOR in e.actors or QUERY_ACTOR in e.recipients)
                    )
                )
            )
        return found

    answers = indexed()
    if answers != scan():
        raise SystemExit("the indexed query and the linear scan disagree")
    result: dict[str, Any] = {
        "events": len(events),
        "windows": windows,
        "mean_answers": statistics.mean(answers),
        "first_query": first,
        "indexed": _best_of(repeat, indexed) / windows,
        "scan": _best_of(max(1, repeat // 3), scan) / windows,
    }
    result.update(_pandas_query(events, weeks, answers, repeat))
    return result


def _pandas_query(events: Any, weeks: list[tuple[date, date]], answers: list[int], repeat: int) -> dict[str, Any]:
    """The same question as a pandas boolean mask, over the events as pandas would hold them.

    One row per (event, actor) pair, as event data comes (ICEWS, GDELT): the
    actor a categorical, the span's ends as day numbers; and one row per event
    for the answer's rows. The mask finds the pairs, the events are selected
    by position: the same events the library returns.
    """
    try:
        import numpy as np
        import pandas as pd
    except ImportError:
        return {}
    positions, actors, starts, ends = [], [], [], []
    for position, event in enumerate(events):
        start, end = event.when.earliest.toordinal(), (event.when.latest or date.max).toordinal()
        for actor in {*event.actors, *event.recipients}:
            positions.append(position)
            actors.append(actor)
            starts.append(start)
            ends.append(end)
    pairs = pd.DataFrame(
        {
            "position": np.array(positions, dtype=np.int64),
            "actor": pd.Categorical(actors),
            "earliest": np.array(starts, dtype=np.int64),
            "latest": np.array(ends, dtype=np.int64),
        }
    )
    frame = pd.DataFrame({"id": [e.id for e in events], "title": [e.title for e in events]})

    def masked() -> list[int]:
        found = []
        for first_day, last_day in weeks:
            mask = (
                (pairs["actor"] == QUERY_ACTOR)
                & (pairs["earliest"] <= last_day.toordinal())
                & (pairs["latest"] >= first_day.toordinal())
            )
            rows = frame.iloc[np.unique(pairs["position"].to_numpy()[mask.to_numpy()])]
            found.append(len(rows))
        return found

    if masked() != answers:
        raise SystemExit("the pandas mask and the library disagree")
    return {"pandas": _best_of(max(1, repeat // 3), masked) / len(weeks), "pandas_version": pd.__version__}


def _rss_now() -> int:
    """Resident memory now, in bytes (Linux)."""
    with Path("/proc/self/statm").open() as handle:
        return int(handle.read().split()[1]) * resource.getpagesize()


def _rss_peak() -> int:
    """This process's peak resident memory so far, in bytes (Linux: VmHWM).

    Not ``ru_maxrss``: across fork and exec it keeps the parent's peak, so a
    worker started by a runner that holds a million lines would report that.
    """
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) * 1024
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024  # pragma: no cover - not Linux


def memory(release: Path) -> dict[str, Any]:
    """Peak and retained memory of ``load_path``, above the process after its imports."""
    import sinorussia as sr
    from sinorussia import _registry  # noqa: F401 - imported before the baseline is taken

    before = _rss_now()
    ds = sr.load_path(release)
    peak = _rss_peak()
    gc.collect()
    retained = _rss_now()
    return {"events": len(ds.table("events")), "before": before, "peak": peak, "retained": retained}


def pandas_memory(release: Path) -> dict[str, Any]:
    """The same events in a pandas DataFrame (one row per event, every field), read from the same file."""
    import pandas as pd

    before = _rss_now()
    frame = pd.DataFrame([json.loads(line) for line in _lines(release)])
    peak = _rss_peak()
    gc.collect()
    retained = _rss_now()
    return {"events": len(frame), "before": before, "peak": peak, "retained": retained}


def main(argv: list[str] | None = None) -> int:
    """Run one measurement and print its result as JSON."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("what", choices=["load", "query", "memory", "pandas-memory"])
    parser.add_argument("release", type=Path)
    parser.add_argument("--windows", type=int, default=200)
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args(argv)
    if args.what == "load":
        result = load(args.release, args.repeat)
    elif args.what == "query":
        result = query(args.release, args.windows, args.repeat)
    elif args.what == "memory":
        result = memory(args.release)
    else:
        result = pandas_memory(args.release)
    print(json.dumps(result))
    return 0


if __name__ == "__main__":
    sys.exit(main())
