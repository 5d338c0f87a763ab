"""How long the exports, the notebook HTML and the timeline take (never run by the tests).

    python benchmarks/exports.py --events 10000

Builds a synthetic release of N events (``synthetic.py``) and the shipped
release, then times each export format, ``to_pandas``, the HTML of records and
of a result table, and a timeline of four months. Prints a Markdown table:
best of ``--repeat`` runs, milliseconds, and for the exports the rate in
records per second. Extras that are not installed are skipped, and say so.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from synthetic import write_release

import sinorussia as sr
from sinorussia.exceptions import MissingExtraError

__all__ = ["main"]


def _best_of(repeat: int, action: Callable[[], object]) -> float:
    """The fastest of ``repeat`` runs of ``action``, in seconds."""
    times = []
    for _ in range(repeat):
        started = time.perf_counter()
        action()
        times.append(time.perf_counter() - started)
    return min(times)


def _rows(label: str, dataset: sr.Dataset, repeat: int, work: Path) -> list[tuple[str, str, str, str]]:
    records = sum(dataset.counts().values())
    rows = []

    def timed(what: str, action: Callable[[], object], *, count: int | None = None) -> None:
        try:
            seconds = _best_of(repeat, action)
        except MissingExtraError as error:
            rows.append((label, what, "skipped", f"({error.extra} extra not installed)"))
            return
        rate = f"{count / seconds:,.0f}/s" if count else ""
        rows.append((label, what, f"{seconds * 1000:,.1f}", rate))

    for style in ("csv", "jsonl", "parquet", "datapackage"):
        target = work / style
        timed(f"export {style}", lambda s=style, t=target: sr.export(t, format=s, dataset=dataset), count=records)
    events = dataset.events()
    timed("export icews", lambda: sr.export(work / "icews", format="icews", dataset=dataset), count=len(events))
    timed("to_pandas events", lambda: dataset.to_pandas("events"), count=len(events))
    timed("record HTML, every event", lambda: [e._repr_html_() for e in events], count=len(events))
    timed("table_html, 60 of the events", lambda: sr.table_html(events))

    def draw() -> None:
        from sinorussia.plot import save_timeline, timeline

        window = events[len(events) // 2].when.earliest
        last = window.replace(month=(window.month + 3) % 12 or 12, year=window.year + (window.month + 3 > 12))
        save_timeline(work / "t.png", timeline(dataset=dataset, between=(window, last), labels="chronology"))

    timed("timeline, 4 months, to PNG", draw)
    return rows


def main(argv: list[str] | None = None) -> int:
    """Measure, and print the table."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--events", type=int, default=10_000, help="events in the synthetic release")
    parser.add_argument("--repeat", type=int, default=3, help="runs of each measurement; the best counts")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as scratch:
        work = Path(scratch)
        synthetic = sr.load_path(write_release(work / "release", args.events))
        rows = _rows("cc-2016-2", sr.load(), args.repeat, work / "shipped")
        rows += _rows(f"synthetic, {args.events:,} events", synthetic, args.repeat, work / "synthetic")
    print("| data | what | best, ms | rate |")
    print("|---|---|---:|---:|")
    for row in rows:
        print("| " + " | ".join(row) + " |")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
