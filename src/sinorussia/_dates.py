"""`DateSpan`: a date at the precision the source supports.

The files store spans as a small subset of EDTF (levels 0 and 1), parsed here
without any EDTF library:

====================== =============================================
``2016-06-25``          that day
``2016-06``             some day in June 2016 (precision: month)
``2016``                some day in 2016 (precision: year)
``2016-06-03/2016-06-06`` an interval; both ends at the same precision
``2005/..``             from 2005, still so at the end of coverage
``2016-06-25?``         uncertain; ``~`` approximate; ``%`` both
====================== =============================================

Qualifiers apply to single dates only, and the two ends of an interval share
one precision: that keeps every span printable in exactly one canonical way, so
``DateSpan.parse(str(span)) == span`` always holds.
"""

from __future__ import annotations

import enum
import re
from datetime import date
from typing import Any

import attrs

__all__ = ["DateSpan", "Precision", "as_date"]

ALLOWED = (
    "allowed: YYYY, YYYY-MM or YYYY-MM-DD, optionally followed by ? (uncertain), "
    "~ (approximate) or % (both); or an interval START/END of two such dates at the "
    "same precision without qualifiers, END may be '..' (open)"
)

_POINT = re.compile(r"(?P<y>[0-9]{4})(?:-(?P<m>[0-9]{2})(?:-(?P<d>[0-9]{2}))?)?")
_QUALIFIED = re.compile(_POINT.pattern + r"(?P<q>[?~%]?)")


class Precision(enum.Enum):
    """How finely a span's ends are known."""

    DAY = "day"
    MONTH = "month"
    YEAR = "year"


def _days_in_month(year: int, month: int) -> int:
    """Days in a month of the proleptic Gregorian calendar.

    ``calendar.monthrange`` without importing ``calendar`` (which imports
    ``locale``): the models are built on the first query, and it waits for them.
    """
    if month == 2:
        leap = year % 4 == 0 and (year % 100 != 0 or year % 400 == 0)
        return 29 if leap else 28
    return 30 if month in (4, 6, 9, 11) else 31


def _parse_point(text: str) -> tuple[date, date, Precision]:
    """Parse ``YYYY[-MM[-DD]]`` into (first day, last day, precision)."""
    match = _POINT.fullmatch(text)
    if match is None:
        raise ValueError(f"{text!r} is not an EDTF date; {ALLOWED}")
    year = int(match["y"])
    if year < 1:
        raise ValueError(f"{text!r}: year 0000 does not exist")
    if match["m"] is None:
        return date(year, 1, 1), date(year, 12, 31), Precision.YEAR
    month = int(match["m"])
    if not 1 <= month <= 12:
        raise ValueError(f"{text!r}: month {month:02d} does not exist")
    last = _days_in_month(year, month)
    if match["d"] is None:
        return date(year, month, 1), date(year, month, last), Precision.MONTH
    day = int(match["d"])
    if not 1 <= day <= last:
        raise ValueError(f"{text!r}: {year:04d}-{month:02d} has no day {day:02d} (its days are 01 to {last:02d})")
    return date(year, month, day), date(year, month, day), Precision.DAY


def _unit_start(day: date, precision: Precision) -> date:
    if precision is Precision.YEAR:
        return date(day.year, 1, 1)
    if precision is Precision.MONTH:
        return date(day.year, day.month, 1)
    return day


def _unit_end(day: date, precision: Precision) -> date:
    if precision is Precision.YEAR:
        return date(day.year, 12, 31)
    if precision is Precision.MONTH:
        return date(day.year, day.month, _days_in_month(day.year, day.month))
    return day


def _format_point(day: date, precision: Precision) -> str:
    if precision is Precision.YEAR:
        return f"{day.year:04d}"
    if precision is Precision.MONTH:
        return f"{day.year:04d}-{day.month:02d}"
    return f"{day.year:04d}-{day.month:02d}-{day.day:02d}"


def as_date(value: date | str) -> date:
    """A ``datetime.date`` from a date or a strict ISO ``YYYY-MM-DD`` string."""
    if isinstance(value, date):
        return value
    if isinstance(value, str):
        first, _, precision = _parse_point(value)
        if precision is Precision.DAY:
            return first
    raise ValueError(f"{value!r} is not a day: give a datetime.date or 'YYYY-MM-DD'")


@attrs.frozen(kw_only=True, order=False)
class DateSpan:
    """A span of days known to a given precision.

    ``earliest`` and ``latest`` are the first and last day the span may cover
    (``latest`` is None for an open end). Build one with :meth:`parse`.

    Examples:
        >>> span = DateSpan.parse("2016-06")
        >>> span.earliest, span.latest, span.precision.value
        (datetime.date(2016, 6, 1), datetime.date(2016, 6, 30), 'month')
        >>> span.contains("2016-06-25")
        True
        >>> str(DateSpan.parse("2005/.."))
        '2005/..'
    """

    earliest: date
    latest: date | None = attrs.field()
    precision: Precision
    uncertain: bool = False
    approximate: bool = False
    interval: bool = False

    @latest.validator
    def _check_latest(self, _: attrs.Attribute[Any], value: date | None) -> None:
        if value is None:
            if not self.interval:
                raise ValueError("only an interval can have an open end")
            return
        if value < self.earliest:
            raise ValueError(f"span ends ({value}) before it starts ({self.earliest})")

    def __attrs_post_init__(self) -> None:
        # The invariants that make the EDTF text canonical: ends sit on unit
        # boundaries, a single date is one unit, qualifiers only on single dates.
        p = self.precision
        if _unit_start(self.earliest, p) != self.earliest:
            raise ValueError(f"{self.earliest} does not start a {p.value}")
        if self.latest is not None and _unit_end(self.latest, p) != self.latest:
            raise ValueError(f"{self.latest} does not end a {p.value}")
        if not self.interval and self.latest != _unit_end(self.earliest, p):
            raise ValueError("a single date spans exactly one day, month or year")
        if self.interval and (self.uncertain or self.approximate):
            raise ValueError(f"qualifiers apply to single dates only; {ALLOWED}")

    @classmethod
    def parse(cls, text: str) -> DateSpan:
        """Parse the EDTF subset described in the module docstring.

        Raises:
            ValueError: the text is not in the subset; the message says what is.
        """
        if not isinstance(text, str):
            raise TypeError(f"an EDTF date must be a string, not {type(text).__name__}")
        if "/" in text:
            start_text, _, end_text = text.partition("/")
            first, _, precision = _parse_point(start_text)
            if end_text == "..":
                return cls(earliest=first, latest=None, precision=precision, interval=True)
            _, last, end_precision = _parse_point(end_text)
            if end_precision is not precision:
                raise ValueError(f"{text!r}: both ends of an interval need the same precision")
            return cls(earliest=first, latest=last, precision=precision, interval=True)
        match = _QUALIFIED.fullmatch(text)
        if match is None:
            raise ValueError(f"{text!r} is not an EDTF date; {ALLOWED}")
        first, last, precision = _parse_point(text.rstrip("?~%"))
        qualifier = match["q"]
        return cls(
            earliest=first,
            latest=last,
            precision=precision,
            uncertain=qualifier in ("?", "%"),
            approximate=qualifier in ("~", "%"),
        )

    @classmethod
    def day(cls, value: date | str) -> DateSpan:
        """The span of one day."""
        day = as_date(value)
        return cls(earliest=day, latest=day, precision=Precision.DAY)

    def __str__(self) -> str:
        start = _format_point(self.earliest, self.precision)
        if self.interval:
            end = ".." if self.latest is None else _format_point(self.latest, self.precision)
            return f"{start}/{end}"
        qualifier = {(True, True): "%", (True, False): "?", (False, True): "~"}.get(
            (self.uncertain, self.approximate), ""
        )
        return start + qualifier

    @property
    def open(self) -> bool:
        """True when the span has no end (``..``)."""
        return self.latest is None

    @property
    def sort_key(self) -> tuple[date, date, str]:
        """Orders spans by start, then end (open last), then text."""
        return (self.earliest, self.latest or date.max, str(self))

    def contains(self, day: date | str) -> bool:
        """Whether the span may include ``day``."""
        day = as_date(day)
        return self.earliest <= day <= (self.latest or date.max)

    def overlaps(self, other: DateSpan) -> bool:
        """Whether the two spans share at least one day."""
        return self.earliest <= (other.latest or date.max) and other.earliest <= (self.latest or date.max)

    def within(self, first: date | str, last: date | str) -> bool:
        """Whether the whole span lies inside ``[first, last]``."""
        return self.latest is not None and as_date(first) <= self.earliest and self.latest <= as_date(last)

    def __lt__(self, other: object) -> bool:
        if not isinstance(other, DateSpan):
            return NotImplemented
        return self.sort_key < other.sort_key

    def __le__(self, other: object) -> bool:
        if not isinstance(other, DateSpan):
            return NotImplemented
        return self.sort_key <= other.sort_key

    def __gt__(self, other: object) -> bool:
        if not isinstance(other, DateSpan):
            return NotImplemented
        return self.sort_key > other.sort_key

    def __ge__(self, other: object) -> bool:
        if not isinstance(other, DateSpan):
            return NotImplemented
        return self.sort_key >= other.sort_key
