"""The benchmarks' synthetic releases are valid and canonical (the benchmarks themselves assert nothing)."""

from __future__ import annotations

import importlib.util
from pathlib import Path
from types import ModuleType

import sinorussia as sr
from sinorussia._tools import seal

BENCHMARKS = Path(__file__).resolve().parents[1] / "benchmarks"


def _synthetic() -> ModuleType:
    spec = importlib.util.spec_from_file_location("synthetic", BENCHMARKS / "synthetic.py")
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_synthetic_release_is_sealed_and_loads(tmp_path: Path) -> None:
    """What the generator writes is what `sinorussia seal` would write, and it loads with every event."""
    synthetic = _synthetic()
    release = synthetic.write_release(tmp_path / "release", 300)
    assert [] == seal(release, check=True)
    dataset = sr.load_path(release)
    assert 300 == len(dataset.table("events"))
    assert dataset.events(actor=synthetic.QUERY_ACTOR)


def test_synthetic_release_holds_the_spans_that_test_the_index(tmp_path: Path) -> None:
    """Days, short intervals, months and years: the mix the query benchmark relies on."""
    synthetic = _synthetic()
    release = synthetic.write_release(tmp_path / "release", 3000)
    precisions = {event.when.precision.value for event in sr.load_path(release).table("events")}
    assert {"day", "month", "year"} == precisions
