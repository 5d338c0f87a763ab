"""A date index: records sorted by start day, queried with bisect.

Overlap with ``[first, last]`` needs ``earliest <= last`` and ``latest >=
first``. With records sorted by ``earliest`` the first condition is a prefix;
knowing the longest closed span bounds where the second can start to hold, so a
query touches only the records that can match, plus the (few) open-ended ones.
"""

from __future__ import annotations

import bisect
from collections.abc import Callable, Iterable, Iterator
from datetime import date
from typing import Generic, TypeVar

from sinorussia._dates import DateSpan

__all__ = ["SpanIndex"]

R = TypeVar("R")


class SpanIndex(Generic[R]):
    """Records with a DateSpan, for fast overlap queries."""

    __slots__ = ("_longest", "_open", "_records", "_starts", "_undated")

    def __init__(self, records: Iterable[R], span_of: Callable[[R], DateSpan | None]) -> None:
        closed: list[tuple[int, int, R]] = []
        self._open: list[tuple[int, R]] = []
        self._undated: list[R] = []
        longest = 0
        for record in records:
            span = span_of(record)
            if span is None:
                self._undated.append(record)
            elif span.latest is None:
                self._open.append((span.earliest.toordinal(), record))
            else:
                start, end = span.earliest.toordinal(), span.latest.toordinal()
                longest = max(longest, end - start)
                closed.append((start, end, record))
        closed.sort(key=lambda item: item[0])
        self._starts = [item[0] for item in closed]
        self._records = closed
        self._longest = longest

    def overlapping(self, first: date, last: date) -> Iterator[R]:
        """Records whose span shares a day with ``[first, last]`` (any order)."""
        lo_day, hi_day = first.toordinal(), last.toordinal()
        lo = bisect.bisect_left(self._starts, lo_day - self._longest)
        hi = bisect.bisect_right(self._starts, hi_day)
        for _start, end, record in self._records[lo:hi]:
            if end >= lo_day:
                yield record
        for start, record in self._open:
            if start <= hi_day:
                yield record
