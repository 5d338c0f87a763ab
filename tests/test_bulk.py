"""Bulk builds pause the garbage collector, and put it back as they found it."""

from __future__ import annotations

import gc
from collections.abc import Iterator

import pytest

from sinorussia import _bulk


@pytest.fixture
def collector() -> Iterator[None]:
    """Leave the collector as the test found it, frozen objects included."""
    enabled = gc.isenabled()
    yield
    gc.unfreeze()
    if enabled:
        gc.enable()
    else:  # pragma: no cover - pytest runs with the collector on
        gc.disable()


@pytest.mark.usefixtures("collector")
@pytest.mark.parametrize("enabled", [True, False])
def test_the_collector_is_paused_during_and_restored_after(enabled: bool) -> None:
    """During the action the collector is off; afterwards it is on exactly if it was on before."""
    (gc.enable if enabled else gc.disable)()
    assert (False, enabled) == (_bulk.build(gc.isenabled), gc.isenabled())


@pytest.mark.usefixtures("collector")
def test_a_failing_build_restores_the_collector_and_freezes_nothing() -> None:
    """An exception leaves the collector on and nothing frozen."""
    gc.enable()
    gc.unfreeze()

    def fail() -> None:
        raise ValueError("bad release")

    with pytest.raises(ValueError, match="bad release"):
        _bulk.build(fail)
    assert (True, 0) == (gc.isenabled(), gc.get_freeze_count())


@pytest.mark.usefixtures("collector")
def test_only_large_builds_are_frozen() -> None:
    """A few objects stay in the collector's sight; a build of many is frozen with what it made."""
    gc.enable()
    gc.unfreeze()
    gc.collect()
    _bulk.build(lambda: [[n] for n in range(100)])
    assert 0 == gc.get_freeze_count()
    kept = _bulk.build(lambda: [[n] for n in range(_bulk.FREEZE_FROM)])
    assert gc.get_freeze_count() >= len(kept)
