"""Faults collected while reading a release: bounded, and reported as one ReleaseError."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from sinorussia import ReleaseError, SinorussiaError
from sinorussia._problems import MAX_PROBLEMS, Problems


def test_a_release_error_is_a_value_error_naming_release_file_line_and_field() -> None:
    """The message leads with where; the same facts are attributes, and details() for --json."""
    error = ReleaseError("expected a string, got null", release="r", file="events.jsonl", line=3, field="$.title")
    assert "release 'r', events.jsonl:3, $.title: expected a string, got null" == str(error)
    assert isinstance(error, ValueError)
    assert isinstance(error, SinorussiaError)
    assert (error,) == error.problems
    assert {
        "release": "r",
        "file": "events.jsonl",
        "line": 3,
        "field": "$.title",
        "message": "expected a string, got null",
    } == error.details()


def test_a_release_error_without_a_place_is_just_its_reason() -> None:
    """With nothing to locate, the message is the reason alone; a file without a line has no colon."""
    assert "it broke" == str(ReleaseError("it broke"))
    assert "release.json: it broke" == str(ReleaseError("it broke", file="release.json"))


def test_one_problem_is_raised_as_itself() -> None:
    """A single fault is raised as recorded, not wrapped."""
    problems = Problems("r")
    assert not problems
    problems.add("bad", file="a.jsonl", line=1, field="$.id")
    assert problems
    with pytest.raises(ReleaseError) as caught:
        problems.raise_if_any()
    assert ("r", "a.jsonl", 1, "$.id", "bad", False) == (
        caught.value.release,
        caught.value.file,
        caught.value.line,
        caught.value.field,
        caught.value.reason,
        caught.value.truncated,
    )


def test_nothing_recorded_raises_nothing() -> None:
    """An empty collection is falsy and raise_if_any() returns."""
    problems = Problems("r")
    problems.raise_if_any()
    assert not problems


@given(count=st.integers(0, 3 * MAX_PROBLEMS))
def test_faults_are_kept_up_to_the_limit_and_the_rest_only_counted(count: int) -> None:
    """Past MAX_PROBLEMS faults only the fact that there were more is kept; the first fault leads."""
    problems = Problems("r")
    for number in range(1, count + 1):
        problems.add(f"fault {number}", file="t.jsonl", line=number)
    assert min(count, MAX_PROBLEMS) == len(problems.items)
    assert (count > MAX_PROBLEMS) == problems.truncated
    assert (count >= MAX_PROBLEMS) == problems.full
    if count == 0:
        return
    error = problems.error()
    assert ("t.jsonl", 1) == (error.file, error.line)
    assert min(count, MAX_PROBLEMS) == len(error.problems)
    if count > 1:
        more = f"{min(count, MAX_PROBLEMS) - 1}{'+' if count > MAX_PROBLEMS else ''} more problems"
        assert more in error.reason


def test_a_problem_may_name_another_release() -> None:
    """A merge names the release each fault belongs to, not the first one's."""
    problems = Problems("a, b")
    problems.add("clash", release="b", file="x.jsonl")
    assert "b" == problems.error().release
