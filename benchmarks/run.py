"""Measure sinorussia against baselines measured in the same run; print a table of ratios.

    python benchmarks/run.py                 # 10^5 events (and 10^6 for the query), ~5 minutes
    python benchmarks/run.py --quick         # small N: shows that it works, proves nothing
    python benchmarks/run.py --events 20000 --runs 31

Every figure is a ratio to a baseline taken in the same run, on the same
machine, so that a slow or busy machine slows both sides. Fresh processes
are timed by wall clock, interleaved (A, B, A, B ...) and summarised by their
median; in-process timings keep the best of several runs. Nothing here
asserts anything: the last column says whether a target is met, the exit
status is 0 either way (CI runs ``--quick`` only to show the runner works).

Fresh processes run with bytecode caching on, in a temporary cache
(``PYTHONPYCACHEPREFIX``) warmed by one untimed run: an installed wheel has
its bytecode compiled at install time, while a source checkout with
``PYTHONDONTWRITEBYTECODE=1`` would recompile sinorussia's modules (but not
attrs', which pip compiled) in every process.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from synthetic import write_release  # noqa: E402 - a sibling script, not a package

__all__ = ["main"]

IMPORT = "import sinorussia"
IMPORT_BASELINE = "import attrs"
FIRST_ANSWER = "import sinorussia as sr; sr.events(on='2016-06-25')"
FIRST_ANSWER_BASELINE = "import attrs, cattrs, json"


@dataclass
class Row:
    """One line of the table: what was measured, both sides, and the target."""

    what: str
    ours: str
    baseline: str
    ratio: float
    target: str
    met: bool | None  # None: reported, no target

    def cells(self) -> list[str]:
        verdict = "-" if self.met is None else ("yes" if self.met else "NO")
        # Always sinorussia / baseline; a small one reads better as a fraction ("1/800": 800 times faster).
        ratio = f"{self.ratio:.2f}x" if self.ratio >= 0.1 or self.ratio != self.ratio else f"1/{1 / self.ratio:.0f}"
        return [self.what, self.ours, self.baseline, ratio, self.target, verdict]


def _environment(cache: Path) -> dict[str, str]:
    env = dict(os.environ)
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    env["PYTHONPYCACHEPREFIX"] = str(cache)
    return env


def _time_process(code: str, env: dict[str, str]) -> tuple[float, float]:
    """Wall time and CPU time (user + system) of one fresh process running ``code``."""
    started = time.perf_counter()
    process = subprocess.Popen([sys.executable, "-c", code], env=env)
    _, status, usage = os.wait4(process.pid, 0)
    wall = time.perf_counter() - started
    if status != 0:
        raise SystemExit(f"{code!r} failed")
    return wall, usage.ru_utime + usage.ru_stime


@dataclass
class Processes:
    """Medians of fresh processes: wall time (what a user waits) and CPU time (what a busy machine disturbs less)."""

    wall: float
    cpu: float
    base_wall: float
    base_cpu: float


def fresh_processes(ours: str, baseline: str, runs: int, env: dict[str, str]) -> Processes:
    """``runs`` fresh processes of each, interleaved, after one warm-up each; their medians."""
    _time_process(ours, env)
    _time_process(baseline, env)
    mine, theirs = [], []
    for _ in range(runs):
        mine.append(_time_process(ours, env))
        theirs.append(_time_process(baseline, env))
    return Processes(
        wall=statistics.median(wall for wall, _ in mine),
        cpu=statistics.median(cpu for _, cpu in mine),
        base_wall=statistics.median(wall for wall, _ in theirs),
        base_cpu=statistics.median(cpu for _, cpu in theirs),
    )


def _measure(what: str, release: Path, env: dict[str, str], *extra: str) -> dict[str, Any]:
    command = [sys.executable, str(HERE / "measure.py"), what, str(release), *extra]
    output = subprocess.run(command, check=True, env=env, capture_output=True, text=True).stdout
    result: dict[str, Any] = json.loads(output)
    return result


def _ms(seconds: float) -> str:
    return f"{seconds * 1000:.1f} ms" if seconds >= 0.01 else f"{seconds * 1e6:.0f} us"


def _has_pandas() -> bool:
    try:
        import pandas  # noqa: F401
    except ImportError:
        return False
    return True


def _mb(size: float) -> str:
    return f"{size / 1e6:.0f} MB"


@dataclass
class Settings:
    """How much to measure: sizes, and how many runs of each."""

    events: int
    runs: int
    repeat: int
    windows: int
    big: int | None


def run(settings: Settings, work: Path) -> list[Row]:
    """Every measurement; ``work`` holds the synthetic releases and the bytecode cache."""
    events, runs, repeat, windows, big = (
        settings.events,
        settings.runs,
        settings.repeat,
        settings.windows,
        settings.big,
    )
    env = _environment(work / "pycache")
    rows: list[Row] = []

    for code, baseline_code, target in ((IMPORT, IMPORT_BASELINE, 1.25), (FIRST_ANSWER, FIRST_ANSWER_BASELINE, 1.5)):
        times = fresh_processes(code, baseline_code, runs, env)
        ratio = times.wall / times.base_wall
        baseline = f"{_ms(times.base_wall)} `{baseline_code}`"
        rows.append(Row(f"`{code}`", _ms(times.wall), baseline, ratio, f"<= {target}x", ratio <= target))
        ratio = times.cpu / times.base_cpu
        rows.append(Row("the same, CPU time", _ms(times.cpu), _ms(times.base_cpu), ratio, "", None))

    release = write_release(work / f"events-{events}", events)
    load = _measure("load", release, env, "--repeat", str(repeat))
    per = f"{events:,} events"
    ratio = load["load_path"] / load["json_loads_gc_on"]
    baseline = f"{_ms(load['json_loads_gc_on'])} `[json.loads(line) for line in lines]`"
    rows.append(Row(f"`load_path`, {per}, strict", _ms(load["load_path"]), baseline, ratio, "<= 3x", ratio <= 3))
    ratio = load["load_path"] / load["json_loads"]
    baseline = f"{_ms(load['json_loads'])} the same, GC paused as the loader pauses it"
    rows.append(Row("the same, against a json.loads without GC", _ms(load["load_path"]), baseline, ratio, "", None))
    for part, label in (
        ("strict_json", "of which: strict JSON decoding"),
        ("structure", "of which: records built and validated"),
        ("merge", "of which: merge (ids, references)"),
    ):
        rows.append(Row(label, _ms(load[part]), "json.loads, GC paused", load[part] / load["json_loads"], "", None))

    sizes = [(events, release)]
    if big is not None:
        sizes.append((big, write_release(work / f"events-{big}", big)))
    for size, path in sizes:
        query = _measure("query", path, env, "--windows", str(windows), "--repeat", str(repeat))
        label = f"query, 7 days + actor, {size:,} events (~{query['mean_answers']:.0f} answers)"
        ratio = query["indexed"] / query["scan"]
        target, met = ("<= 1/200 (200x faster)", ratio <= 1 / 200) if size == events else ("< 1x (faster)", ratio < 1)
        rows.append(Row(label, _ms(query["indexed"]), f"{_ms(query['scan'])} linear scan", ratio, target, met))
        if "pandas" in query:
            rows.append(
                Row(
                    label,
                    _ms(query["indexed"]),
                    f"{_ms(query['pandas'])} pandas {query['pandas_version']} mask",
                    query["indexed"] / query["pandas"],
                    "< 1x (faster)",
                    query["indexed"] < query["pandas"],
                )
            )
        first = query["first_query"]
        ratio = first / query["indexed"]
        rows.append(Row("first such query (builds its indexes)", _ms(first), "the query above", ratio, "", None))

    mine = _measure("memory", release, env)
    scale = 100_000 / mine["events"]
    mine_peak, mine_kept = (mine["peak"] - mine["before"]) * scale, (mine["retained"] - mine["before"]) * scale
    if _has_pandas():
        theirs = _measure("pandas-memory", release, env)
        peak, kept = (theirs["peak"] - theirs["before"]) * scale, (theirs["retained"] - theirs["before"]) * scale
        frame = "pandas DataFrame"
        for label, mine_size, their_size in (("peak RSS", mine_peak, peak), ("RSS kept", mine_kept, kept)):
            baseline, ratio = f"{_mb(their_size)} {frame}", mine_size / their_size
            rows.append(Row(f"{label} per 10^5 events loaded", _mb(mine_size), baseline, ratio, "", None))
    else:
        nan = float("nan")
        rows.append(Row("peak RSS per 10^5 events loaded", _mb(mine_peak), "(pandas not installed)", nan, "", None))
    return rows


def table(rows: list[Row]) -> str:
    """The rows as a Markdown table."""
    head = ["measure", "sinorussia", "baseline (same run)", "ratio", "target", "met"]
    lines = ["| " + " | ".join(head) + " |", "|" + "|".join("---" for _ in head) + "|"]
    lines += ["| " + " | ".join(row.cells()) + " |" for row in rows]
    return "\n".join(lines)


def machine() -> str:
    """What the numbers were measured on."""
    cpu = platform.processor() or "unknown CPU"
    cpuinfo = Path("/proc/cpuinfo")
    if cpuinfo.exists():
        for line in cpuinfo.read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    load = os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")
    return (
        f"{os.cpu_count()} CPUs ({cpu}), {platform.system()} {platform.release()}, "
        f"Python {platform.python_version()} ({platform.python_implementation()}), load average {load:.2f}"
    )


def main(argv: list[str] | None = None) -> int:
    """Command line: run the benchmarks and print the table."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--events", type=int, default=100_000, help="events for load, query and memory")
    parser.add_argument("--quick", action="store_true", help="small N and few runs: shows the runner works")
    parser.add_argument("--runs", type=int, default=None, help="fresh processes per side (default 21; quick 3)")
    parser.add_argument("--no-big", action="store_true", help="skip the query at 10 x --events")
    args = parser.parse_args(argv)
    events = 2_000 if args.quick else args.events
    settings = Settings(
        events=events,
        runs=args.runs or (3 if args.quick else 21),
        repeat=1 if args.quick else 5,
        windows=20 if args.quick else 200,
        big=None if args.no_big else 10 * events,
    )
    work = Path(tempfile.mkdtemp(prefix="sinorussia-bench-"))
    try:
        rows = run(settings, work)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    print(f"machine: {machine()}")
    print(f"command: python benchmarks/run.py {' '.join(argv if argv is not None else sys.argv[1:])}".rstrip())
    print()
    print(table(rows))
    return 0


if __name__ == "__main__":
    sys.exit(main())
