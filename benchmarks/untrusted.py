"""How long refusing damaged releases takes (never run by the tests, which assert behaviour only).

    python benchmarks/untrusted.py [--records 100000] [--repeat 3] [--fuzz 300]

RELIABILITY.md promises that a flood of bad records is refused, bounded, in
under a second, and that any small damaged release is refused (or loaded) in
under a second. This prints, as a Markdown table, the best of ``--repeat``
runs for each flood, and the slowest of ``--fuzz`` randomly damaged small
releases (the damage the property in tests/test_untrusted.py draws).
"""

from __future__ import annotations

import argparse
import contextlib
import json
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))

import sinorussia as sr
from releases import lines, minimal_rows, write_raw

__all__ = ["main"]


def _floods(records: int) -> dict[str, dict[str, bytes]]:
    """Tables of ``records`` bad records each, one kind of fault per table."""
    good = minimal_rows()
    issue = good["issues"][0]
    dangling = b"".join(
        json.dumps({**issue, "id": f"issue-{n}", "sources": [{"source": "nowhere"}]}).encode() + b"\n"
        for n in range(records)
    )
    return {
        "fields missing": {"issues": b"{}\n" * records},
        "invalid JSON": {"issues": b"{\n" * records},
        "wrong type": {"issues": b'{"id": 5}\n' * records},
        "deeply nested": {"issues": (b"[" * 10_000 + b"]" * 10_000 + b"\n") * max(1, records // 1000)},
        "dangling references": {"sources": lines(*good["sources"]), "issues": dangling},
    }


def _time_refusal(root: Path) -> tuple[float, int, bool]:
    started = time.perf_counter()
    try:
        sr.load_path(root)
    except sr.ReleaseError as error:
        return time.perf_counter() - started, len(error.problems), error.truncated
    raise AssertionError(f"{root} loaded")


def _best(repeat: int, action: Callable[[], tuple[float, int, bool]]) -> tuple[float, int, bool]:
    return min((action() for _ in range(repeat)), key=lambda result: result[0])


def _fuzz(examples: int) -> float:
    """The slowest load_path over ``examples`` damaged small releases, in seconds."""
    from hypothesis import HealthCheck, given, settings

    from test_untrusted import damaged_files

    slowest = 0.0

    @settings(max_examples=examples, deadline=None, database=None, suppress_health_check=list(HealthCheck))
    @given(damage=damaged_files())
    def run(damage: tuple[dict[str, bytes], bytes, str]) -> None:
        nonlocal slowest
        tables, manifest, _ = damage
        with tempfile.TemporaryDirectory() as scratch:
            root = Path(scratch)
            for name, data in tables.items():
                (root / f"{name}.jsonl").write_bytes(data)
            (root / "release.json").write_bytes(manifest)
            started = time.perf_counter()
            with contextlib.suppress(sr.ReleaseError):
                sr.load_path(root)
            slowest = max(slowest, time.perf_counter() - started)

    run()
    return slowest


def main() -> None:
    """Print the table."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--records", type=int, default=100_000)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--fuzz", type=int, default=300)
    args = parser.parse_args()
    print(f"| flood of {args.records} | refused in (ms) | problems listed | truncated |")
    print("|---|---:|---:|---|")
    with tempfile.TemporaryDirectory() as scratch:
        for name, tables in _floods(args.records).items():
            root = write_raw(Path(scratch) / name.replace(" ", "-"), "flood", tables)
            seconds, listed, truncated = _best(args.repeat, lambda root=root: _time_refusal(root))
            print(f"| {name} | {seconds * 1000:.0f} | {listed} | {truncated} |")
    if args.fuzz:
        print(f"\nslowest of {args.fuzz} fuzzed small releases: {_fuzz(args.fuzz) * 1000:.0f} ms")


if __name__ == "__main__":
    main()
