"""Query filters: loose arguments become exact sets, and anything else is a QueryError saying what is allowed."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

import sinorussia as sr
from sinorussia import DateSpan, EventKind, QueryError
from sinorussia._filters import date_window, enum_set, in_window, text_matches, values
from strategies import date_spans, days


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("RUS", ("RUS",)),
        (["RUS", "CHN"], ("RUS", "CHN")),
        (("RUS",), ("RUS",)),
        (b"RUS", (b"RUS",)),
        (EventKind.VISIT, (EventKind.VISIT,)),
        (date(2016, 6, 25), (date(2016, 6, 25),)),
        (5, (5,)),
        (iter(["a", "b"]), ("a", "b")),
    ],
)
def test_values_takes_one_value_or_an_iterable(value: object, expected: tuple[object, ...]) -> None:
    """A string, an enum member, a date or a scalar is one value; other iterables give their items."""
    assert expected == values(value)


def test_enum_set_takes_members_and_their_values() -> None:
    """kind="visit", kind=EventKind.VISIT and a mix of both name the same members."""
    assert frozenset({EventKind.VISIT}) == enum_set(EventKind, "visit", "kind")
    assert frozenset({EventKind.VISIT, EventKind.SUMMIT}) == enum_set(EventKind, [EventKind.VISIT, "summit"], "kind")


def test_an_unknown_enum_value_lists_what_is_allowed() -> None:
    """kind="banquet" is a QueryError listing every allowed value."""
    with pytest.raises(QueryError, match="kind='banquet' is not a EventKind; allowed: 'visit', 'summit'"):
        enum_set(EventKind, "banquet", "kind")


@pytest.mark.parametrize(
    ("on", "between", "match", "expected"),
    [
        (None, None, "overlap", None),
        ("2016-06-25", None, "overlap", (date(2016, 6, 25), date(2016, 6, 25), False)),
        (date(2016, 6, 25), None, "within", (date(2016, 6, 25), date(2016, 6, 25), True)),
        (None, (date(2016, 6, 1), date(2016, 6, 30)), "overlap", (date(2016, 6, 1), date(2016, 6, 30), False)),
        (None, ["2016-06-01", date(2016, 6, 30)], "within", (date(2016, 6, 1), date(2016, 6, 30), True)),
    ],
)
def test_date_window_accepts_days_and_pairs(
    on: object, between: object, match: str, expected: tuple[date, date, bool] | None
) -> None:
    """on= is one day; between= a pair of days (dates or ISO strings, in any iterable)."""
    assert expected == date_window(on, between, match)


@pytest.mark.parametrize(
    ("on", "between", "match", "says"),
    [
        (None, None, "inside", "allowed: 'overlap', 'within'"),
        ("2016-06-25", ("2016-06-01", "2016-06-30"), "overlap", "not both"),
        ("2016-06", None, "overlap", "on='2016-06' is not a day"),
        (20160625, None, "overlap", "is not a day"),
        (None, "2016-06-01/2016-06-30", "overlap", "takes a pair"),
        (None, 2016, "overlap", "takes a pair"),
        (None, ("2016-06-01",), "overlap", "takes a pair"),
        (None, ("2016-06-30", "2016-06-01"), "overlap", "ends before it starts"),
        (None, (date(2016, 6, 30), date(2016, 6, 1)), "overlap", "ends before it starts"),
        (None, ("2016-06-01", "late June"), "overlap", "between='late June' is not a day"),
    ],
)
def test_date_window_refuses_what_it_cannot_read(on: object, between: object, match: str, says: str) -> None:
    """Bad match=, both filters, vague days, non-pairs and reversed pairs: a QueryError saying which."""
    with pytest.raises(QueryError) as caught:
        date_window(on, between, match)
    assert says in str(caught.value)


@given(span=st.none() | date_spans(), first=days, length=st.integers(0, 400), within=st.booleans())
def test_in_window_is_overlap_or_containment(span: DateSpan | None, first: date, length: int, within: bool) -> None:
    """A span meets a window when it overlaps it (or, with within, lies inside it); undated never does."""
    last = date.fromordinal(first.toordinal() + length)
    if span is None:
        expected = False
    elif within:
        expected = span.latest is not None and first <= span.earliest and span.latest <= last
    else:
        expected = span.earliest <= last and (span.latest is None or first <= span.latest)
    assert expected == in_window(span, (first, last, within))


def test_text_matches_any_text_case_insensitively() -> None:
    """text= searches strings and tuples of strings, ignoring case and None."""
    assert text_matches(None, "anything")
    assert text_matches("BEIJING", None, ("Moscow", "beijing talks"))
    assert not text_matches("tashkent", "Beijing", None, ())
    with pytest.raises(QueryError, match="must be a string"):
        text_matches(5, "x")  # type: ignore[arg-type]


def test_queries_pass_refusals_on() -> None:
    """Through the public API, a bad filter is a QueryError (a ValueError), never a silent empty result."""
    with pytest.raises(QueryError, match="allowed"):
        sr.events(kind="banquet")
    with pytest.raises(ValueError, match="not a day"):
        sr.events(on="late June")


@pytest.mark.parametrize(
    ("filters", "says"),
    [
        ({"cameo": 42}, "digit strings"),
        ({"cameo": ["04", "x"]}, "digit strings"),
        ({"chronology": "yes"}, "must be True or False"),
    ],
)
def test_event_filters_of_the_wrong_kind_are_refused(filters: dict[str, object], says: str) -> None:
    """cameo= takes digit strings (never the number 42), chronology= a bool: else a QueryError."""
    with pytest.raises(QueryError, match=says):
        sr.events(**filters)  # type: ignore[arg-type]


def test_a_repeated_actor_query_answers_the_same() -> None:
    """The per-actor date index built by the first dated query serves the next one identically."""
    first = sr.events(actor="RUS", between=("2016-05-01", "2016-08-31"))
    assert first
    assert first == sr.events(actor="RUS", between=("2016-05-01", "2016-08-31"))


def test_an_ambiguous_surname_is_not_guessed(tmp_path: Path) -> None:
    """Two persons answering to one surname: actor() refuses, naming both, rather than pick one."""
    from releases import write_rows

    ref = [{"source": "art"}]
    rows = {
        "sources": [{"id": "art", "title": "t", "kind": "article"}],
        "actors": [
            {"id": "ivan-petrov", "kind": "person", "name": "Ivan Petrov", "sources": ref},
            {"id": "olga-petrov", "kind": "person", "name": "Olga Petrov", "sources": ref},
        ],
    }
    dataset = sr.load_path(write_rows(tmp_path, "namesakes", rows))
    assert "olga-petrov" == dataset.actor("Olga Petrov").id
    with pytest.raises(sr.NotFoundError, match="ambiguous: ivan-petrov, olga-petrov"):
        dataset.actor("petrov")
