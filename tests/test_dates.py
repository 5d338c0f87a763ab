"""DateSpan: the EDTF subset, its laws and its refusals."""

from __future__ import annotations

import itertools
from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from sinorussia import DateSpan, Precision
from strategies import date_spans, days


@given(date_spans())
def test_parse_print_round_trip(span: DateSpan) -> None:
    """Printing a span and parsing the text gives the same span back."""
    assert span == DateSpan.parse(str(span))


@given(date_spans())
def test_print_is_canonical(span: DateSpan) -> None:
    """The text of a parsed span is exactly the text it came from."""
    text = str(span)
    assert text == str(DateSpan.parse(text))


@given(date_spans(), days)
def test_contains_agrees_with_bounds(span: DateSpan, day: date) -> None:
    """contains(day) holds exactly when the day lies between earliest and latest."""
    expected = span.earliest <= day and (span.latest is None or day <= span.latest)
    assert expected == span.contains(day)


@given(date_spans(), date_spans())
def test_overlaps_is_symmetric(a: DateSpan, b: DateSpan) -> None:
    """a overlaps b exactly when b overlaps a."""
    assert a.overlaps(b) == b.overlaps(a)


@given(date_spans(), days)
def test_overlap_with_a_day_is_containment(span: DateSpan, day: date) -> None:
    """Overlapping a one-day span is the same as containing that day."""
    assert span.contains(day) == span.overlaps(DateSpan.day(day))


@given(st.lists(date_spans(), min_size=2, max_size=6))
def test_ordering_is_total_and_consistent(spans: list[DateSpan]) -> None:
    """Sorting spans orders them by start, then end; < agrees with sort_key."""
    ordered = sorted(spans)
    assert [s.sort_key for s in ordered] == sorted(s.sort_key for s in spans)
    for a, b in itertools.pairwise(ordered):
        assert a <= b
        assert not a > b


@pytest.mark.parametrize(
    ("text", "earliest", "latest", "precision"),
    [
        ("2016-06-25", date(2016, 6, 25), date(2016, 6, 25), Precision.DAY),
        ("2016-06", date(2016, 6, 1), date(2016, 6, 30), Precision.MONTH),
        ("2016-02", date(2016, 2, 1), date(2016, 2, 29), Precision.MONTH),
        ("2016", date(2016, 1, 1), date(2016, 12, 31), Precision.YEAR),
        ("2016-06-03/2016-06-06", date(2016, 6, 3), date(2016, 6, 6), Precision.DAY),
        ("2005/..", date(2005, 1, 1), None, Precision.YEAR),
    ],
)
def test_parse_examples(text: str, earliest: date, latest: date | None, precision: Precision) -> None:
    """The examples of DESIGN.md mean what the table there says."""
    span = DateSpan.parse(text)
    assert (earliest, latest, precision) == (span.earliest, span.latest, span.precision)


def test_qualifiers() -> None:
    """? is uncertain, ~ approximate, % both; they print back the same."""
    assert DateSpan.parse("2016-06-25?").uncertain
    assert DateSpan.parse("2016-09~").approximate
    both = DateSpan.parse("2016%")
    assert (True, True) == (both.uncertain, both.approximate)
    assert "2016-09~" == str(DateSpan.parse("2016-09~"))


@pytest.mark.parametrize(
    "text",
    [
        "late June",
        "2016-02-30",
        "2016-13",
        "20160516",
        "2016-6-5",
        "0000",
        "2016-06-06/2016-06-03",
        "2016-06/2016-06-30",
        "2016-06-01?/2016-06-03",
        "../2016",
        "2016/",
        "",
        "٢٠١٦",
        "2016-06-25T10:00",
        " 2016",
    ],
)
def test_refuses_outside_the_subset(text: str) -> None:
    """Anything outside the subset is refused with a ValueError."""
    with pytest.raises(ValueError):  # noqa: PT011 - the messages vary by case
        DateSpan.parse(text)


def test_refusal_says_what_is_allowed() -> None:
    """The message for a free-text date lists the allowed forms."""
    with pytest.raises(ValueError, match="allowed: YYYY, YYYY-MM or YYYY-MM-DD"):
        DateSpan.parse("late June")


def test_non_string_is_a_type_error() -> None:
    """Only strings are parsed."""
    with pytest.raises(TypeError):
        DateSpan.parse(2016)  # type: ignore[arg-type]


def test_within() -> None:
    """within() needs the whole span inside; an open span is never within."""
    assert DateSpan.parse("2016-06").within("2016-06-01", "2016-06-30")
    assert not DateSpan.parse("2016-06").within("2016-06-02", "2016-06-30")
    assert not DateSpan.parse("2016/..").within("2000-01-01", "2099-12-31")


def test_invalid_construction_is_refused() -> None:
    """The constructor keeps the canonical-form invariants."""
    with pytest.raises(ValueError, match="does not start a month"):
        DateSpan(earliest=date(2016, 6, 2), latest=date(2016, 6, 30), precision=Precision.MONTH)
    with pytest.raises(ValueError, match="only an interval"):
        DateSpan(earliest=date(2016, 6, 2), latest=None, precision=Precision.DAY)
    with pytest.raises(ValueError, match="before it starts"):
        DateSpan(earliest=date(2016, 6, 2), latest=date(2016, 6, 1), precision=Precision.DAY, interval=True)


def test_more_invalid_constructions_are_refused() -> None:
    """An end off its unit boundary, a single date longer than its unit, a qualified interval: refused."""
    with pytest.raises(ValueError, match="does not end a month"):
        DateSpan(earliest=date(2016, 6, 1), latest=date(2016, 7, 2), precision=Precision.MONTH, interval=True)
    with pytest.raises(ValueError, match="exactly one day, month or year"):
        DateSpan(earliest=date(2016, 6, 1), latest=date(2016, 6, 2), precision=Precision.DAY)
    with pytest.raises(ValueError, match="qualifiers apply to single dates only"):
        DateSpan(
            earliest=date(2016, 6, 1), latest=date(2016, 6, 2), precision=Precision.DAY, interval=True, uncertain=True
        )


@pytest.mark.parametrize("value", ["2016-06", "2016", "June 25", 20160625, None])
def test_as_date_takes_a_day_and_nothing_vaguer(value: object) -> None:
    """A query's day is a date or 'YYYY-MM-DD'; a month, a year or another type is refused, saying so."""
    from sinorussia._dates import as_date

    with pytest.raises(ValueError, match=r"is not a day|not an EDTF date"):
        as_date(value)  # type: ignore[arg-type]


def test_open_is_an_open_end() -> None:
    """open is true exactly for 'START/..'."""
    assert DateSpan.parse("2005/..").open
    assert not DateSpan.parse("2005").open


@pytest.mark.parametrize("other", [date(2016, 6, 1), "2016-06", None])
def test_spans_do_not_order_against_other_types(other: object) -> None:
    """Comparing a span with anything else is a TypeError both ways, and never equal."""
    span = DateSpan.parse("2016-06")
    assert span != other
    for compare in (lambda: span < other, lambda: span <= other, lambda: span > other, lambda: span >= other):
        with pytest.raises(TypeError):
            compare()


@given(date_spans(), date_spans())
def test_the_four_orderings_agree(a: DateSpan, b: DateSpan) -> None:
    """<, <=, >, >= agree with the sort key."""
    assert (a.sort_key < b.sort_key, a.sort_key <= b.sort_key, a.sort_key > b.sort_key, a.sort_key >= b.sort_key) == (
        a < b,
        a <= b,
        a > b,
        a >= b,
    )


@given(year=st.integers(1, 9999), month=st.integers(1, 12))
def test_month_lengths_agree_with_the_calendar_module(year: int, month: int) -> None:
    """The parser's own month lengths (it does not import calendar) are the calendar's, leap years included."""
    import calendar

    from sinorussia._dates import _days_in_month

    assert calendar.monthrange(year, month)[1] == _days_in_month(year, month)
