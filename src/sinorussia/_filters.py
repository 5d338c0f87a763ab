"""Turning the loose filter arguments users type into exact sets.

A filter takes one value or an iterable of values (any of them matches); an
enum filter also takes the enum's string value; dates are ``datetime.date`` or
ISO strings. Anything else is a QueryError that says what is allowed.
"""

from __future__ import annotations

import enum
from collections.abc import Iterable
from datetime import date
from typing import Any, Literal, TypeVar

from sinorussia._dates import DateSpan, as_date
from sinorussia.exceptions import QueryError

__all__ = ["Match", "date_window", "enum_set", "in_window", "text_matches", "values"]

E = TypeVar("E", bound=enum.Enum)
Match = Literal["overlap", "within"]


def values(value: object) -> tuple[Any, ...]:
    """One value, or the values of an iterable (a string is one value)."""
    if isinstance(value, (str, bytes, enum.Enum, date)) or not isinstance(value, Iterable):
        return (value,)
    return tuple(value)


def enum_set(enum_type: type[E], value: object, name: str) -> frozenset[E]:
    """The members named by ``value`` (members or their string values)."""
    members = set()
    for item in values(value):
        if isinstance(item, enum_type):
            members.add(item)
            continue
        try:
            members.add(enum_type(item))
        except ValueError:
            allowed = ", ".join(repr(member.value) for member in enum_type)
            raise QueryError(f"{name}={item!r} is not a {enum_type.__name__}; allowed: {allowed}") from None
    return frozenset(members)


def _day(value: object, name: str) -> date:
    if isinstance(value, (date, str)):
        try:
            return as_date(value)
        except ValueError:
            pass
    raise QueryError(f"{name}={value!r} is not a day: give a datetime.date or 'YYYY-MM-DD'")


def date_window(on: object, between: object, match: str) -> tuple[date, date, bool] | None:
    """``(first, last, within)`` for the date filters, or None when none is given."""
    if match not in ("overlap", "within"):
        raise QueryError(f"match={match!r}: allowed: 'overlap', 'within'")
    if on is not None and between is not None:
        raise QueryError("give on= or between=, not both")
    if on is not None:
        day = _day(on, "on")
        return day, day, match == "within"
    if between is None:
        return None
    if type(between) is tuple and len(between) == 2 and type(between[0]) is date and type(between[1]) is date:
        first, last = between  # two dates: the common case, without the checks below
        if last < first:
            raise QueryError(f"between=({first}, {last}) ends before it starts")
        return first, last, match == "within"
    if isinstance(between, (str, bytes)) or not isinstance(between, Iterable):
        raise QueryError("between= takes a pair (first, last) of dates")
    pair = tuple(between)
    if len(pair) != 2:
        raise QueryError("between= takes a pair (first, last) of dates")
    first, last = _day(pair[0], "between"), _day(pair[1], "between")
    if last < first:
        raise QueryError(f"between=({first}, {last}) ends before it starts")
    return first, last, match == "within"


def in_window(span: DateSpan | None, window: tuple[date, date, bool]) -> bool:
    """Whether a span meets the date filter (undated records never do)."""
    if span is None:
        return False
    first, last, within = window
    if within:
        return span.within(first, last)
    return span.earliest <= last and first <= (span.latest or date.max)


def text_matches(needle: str | None, *haystack: str | tuple[str, ...] | None) -> bool:
    """Case-insensitive substring search over the given texts."""
    if needle is None:
        return True
    if not isinstance(needle, str):
        raise QueryError(f"text={needle!r} must be a string")
    wanted = needle.casefold()
    for item in haystack:
        if item is None:
            continue
        for text in (item,) if isinstance(item, str) else item:
            if wanted in text.casefold():
                return True
    return False
