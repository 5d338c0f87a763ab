"""The date index: the same answers as checking every span, in the table's order."""

from __future__ import annotations

from datetime import date, timedelta

from hypothesis import given
from hypothesis import strategies as st

from sinorussia import DateSpan
from sinorussia._index import SpanIndex
from strategies import date_spans, short_spans

WINDOW_STARTS = st.dates(min_value=date(1989, 1, 1), max_value=date(2031, 12, 31))
SPANS = st.lists(st.none() | date_spans() | short_spans(), max_size=60)


def _overlaps(span: DateSpan | None, first: date, last: date) -> bool:
    return span is not None and span.earliest <= last and (span.latest is None or first <= span.latest)


@given(spans=SPANS, first=WINDOW_STARTS, length=st.integers(0, 800))
def test_overlapping_equals_checking_every_span(spans: list[DateSpan | None], first: date, length: int) -> None:
    """Positions of the spans sharing a day with the window, ascending: long, open and undated ones included."""
    last = first + timedelta(days=length)
    index = SpanIndex(enumerate(spans))
    expected = [position for position, span in enumerate(spans) if _overlaps(span, first, last)]
    assert expected == index.overlapping(first, last)


@given(first=WINDOW_STARTS, length=st.integers(0, 30))
def test_one_long_span_does_not_hide_short_ones(first: date, length: int) -> None:
    """A decade-long span among day-long ones: both kinds are found, each when it overlaps."""
    days = [DateSpan.day(date(2016, 1, 1) + timedelta(days=n)) for n in range(0, 400, 3)]
    spans = [DateSpan.parse("2010/2019"), *days, DateSpan.parse("2016-06"), DateSpan.parse("2005/..")]
    last = first + timedelta(days=length)
    expected = [position for position, span in enumerate(spans) if _overlaps(span, first, last)]
    assert expected == SpanIndex(enumerate(spans)).overlapping(first, last)
