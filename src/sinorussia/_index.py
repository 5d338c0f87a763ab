"""A date index: which records' spans overlap a window, found with bisect.

Overlap with ``[first, last]`` needs ``earliest <= last`` and ``latest >=
first``. Sorted by ``earliest``, the first condition is a prefix, found by
bisect. For the second, a record cannot overlap unless it starts at most its
own length before ``first``; so spans are kept in buckets by length (a day,
up to a week, two months, a year and a half, twelve years, longer), each
sorted by start. A query looks in each bucket only as far back as that
bucket's longest span lasts, and a record that starts no further back than
the bucket's shortest span lasts is an answer without a look at its end: in
a bucket of year-long spans (all 364 or 365 days) only one day's starts are
checked.
One span of ten years costs a query one look in its own bucket, not a scan of
ten years of day-long events (an index bounded by the longest span overall
would do that).

Open-ended spans (``2005/..``) overlap every window that ends after they
start; undated records overlap none. The index holds positions, not records:
answers come back as positions in ascending order, i.e. in the order of the
table the positions point into.
"""

from __future__ import annotations

import bisect
import typing
from collections.abc import Iterable
from datetime import date
from itertools import compress

from sinorussia._dates import DateSpan

__all__ = ["SpanIndex"]

#: Upper bounds (in days, exclusive) of the length classes: a day, a week, two
#: months, a year and a half, twelve years, longer. A query pays a few bisects
#: per class, and in each class looks back at most that class's longest span.
_CLASSES = (1, 8, 64, 512, 4096)


def _length_class(days: int) -> int:
    return bisect.bisect_right(_CLASSES, days)


class _Bucket:
    """Closed spans of one length class, sorted by start: parallel lists of days and positions."""

    __slots__ = ("ends", "longest", "positions", "shortest", "starts")

    def __init__(self, rows: list[tuple[int, int, int]]) -> None:
        rows.sort()
        # Lists, not arrays: bisect and slices then work on the int objects
        # themselves instead of boxing one per probe or per answer.
        self.starts = [start for start, _, _ in rows]
        self.ends = [end for _, end, _ in rows]
        self.positions = [position for _, _, position in rows]
        self.longest = max((end - start for start, end, _ in rows), default=0)
        self.shortest = min((end - start for start, end, _ in rows), default=0)


class SpanIndex:
    """Positions of dated records, for fast overlap queries."""

    __slots__ = ("_buckets", "_open_positions", "_open_starts")

    def __init__(self, spans: Iterable[tuple[int, DateSpan | None]]) -> None:
        """Index ``(position, span)`` pairs; a span of None is never found."""
        # Records share their spans (the loader parses each text once): the days of
        # each span object are worked out once. The span is kept in the value so
        # that its id cannot be reused by another object while this runs.
        known: dict[int, tuple[DateSpan, int, int | None, list[tuple[int, int, int]] | None]] = {}
        by_class: dict[int, list[tuple[int, int, int]]] = {}
        opened: list[tuple[int, int]] = []
        for position, span in spans:
            if span is None:
                continue
            facts = known.get(id(span))
            if facts is None:
                facts = known[id(span)] = self._facts(span, by_class)
            _, start, end, rows = facts
            if rows is None:
                opened.append((start, position))
            else:
                rows.append((start, typing.cast(int, end), position))
        buckets = [_Bucket(rows) for _, rows in sorted(by_class.items())]
        # Plain tuples: the query loop unpacks them instead of looking up attributes.
        self._buckets = tuple((b.starts, b.ends, b.positions, b.shortest, b.longest) for b in buckets)
        opened.sort()
        self._open_starts = [start for start, _ in opened]
        self._open_positions = [position for _, position in opened]

    @staticmethod
    def _facts(
        span: DateSpan, by_class: dict[int, list[tuple[int, int, int]]]
    ) -> tuple[DateSpan, int, int | None, list[tuple[int, int, int]] | None]:
        """A span's first and last day numbers and the rows of its length class (None: open-ended)."""
        start = span.earliest.toordinal()
        if span.latest is None:
            return span, start, None, None
        end = span.latest.toordinal()
        return span, start, end, by_class.setdefault(_length_class(end - start), [])

    def overlapping(self, first: date, last: date) -> list[int]:
        """Positions of the spans that share a day with ``[first, last]``, ascending."""
        low, high = first.toordinal(), last.toordinal()
        found: list[int] = []
        for starts, ends, positions, shortest, longest in self._buckets:
            end_of_window = bisect.bisect_right(starts, high)
            # Starting by `last`, and no longer before `first` than the bucket's
            # shortest span lasts: an answer, whatever its end.
            certain = bisect.bisect_left(starts, low - shortest, 0, end_of_window) if shortest else None
            if certain is None:
                certain = bisect.bisect_left(starts, low, 0, end_of_window)
            found += positions[certain:end_of_window]
            # Starting earlier, but no longer before than the longest lasts: an answer if it reaches `first`.
            earliest = bisect.bisect_left(starts, low - longest, 0, certain) if longest else certain
            if earliest < certain:
                found += compress(positions[earliest:certain], map(low.__le__, ends[earliest:certain]))
        found += self._open_positions[: bisect.bisect_right(self._open_starts, high)]
        found.sort()
        return found
