"""Building many immutable objects at once: the cyclic garbage collector stays out of the way.

Records hold no reference cycles, yet each one the loader creates counts
towards the collector's next run, and every full run walks all of them: at
10^5 records the collector is most of a load, and a million loaded records
make every later full collection of the user's program slow. So while a
release is built the collector is paused, and once a large one is built its
objects are frozen (``gc.freeze``): moved out of the collector's sight for good.

The cost of freezing: whatever else the program had allocated just before is
frozen with the records, so a reference cycle among those objects that becomes
garbage later is not reclaimed (``gc.unfreeze()`` gives them back). Small
builds (the shipped release, a test's release) are therefore not frozen: the
collector walks a few thousand objects in no time.
"""

from __future__ import annotations

import gc
from collections.abc import Callable
from typing import TypeVar

__all__ = ["FREEZE_FROM", "build"]

T = TypeVar("T")

#: Objects allocated by one build from which they are frozen afterwards (10^4 records make about 10^5).
FREEZE_FROM = 100_000


def build(action: Callable[[], T]) -> T:
    """Run ``action`` with the collector paused; freeze what it built if that is a lot.

    Safe to nest: only the call that switched the collector off switches it
    back on, and only if it was on. (Two threads building at once may end
    one pause early; that costs speed, never correctness.)
    """
    enabled = gc.isenabled()
    gc.disable()
    try:
        result = action()
        # With the collector paused, generation 0's count is the objects allocated (less those freed) since.
        built = gc.get_count()[0]
    finally:
        if enabled:
            gc.enable()
    if built >= FREEZE_FROM:
        gc.freeze()
    return result
