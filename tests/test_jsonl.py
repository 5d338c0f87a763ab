"""Strict JSON: what the standard ``json`` module lets through is refused, as JsonError only."""

from __future__ import annotations

import contextlib
import json
import sys

import pytest
from hypothesis import given
from hypothesis import strategies as st

from sinorussia._jsonl import JsonError, decode_text, loads, split_lines


@pytest.mark.parametrize(
    ("text", "path"),
    [
        ('{"id": "a", "id": "b"}', "$.id"),
        ('{"sources": [{"source": "x"}, {"source": "x", "source": "y"}]}', "$.sources[1].source"),
        ('{"a": {"b": {"c": 1, "c": 2}}}', "$.a.b.c"),
        ('{"x": [{"": 1, "": 2}]}', "$.x[0]."),
    ],
)
def test_duplicate_keys_are_refused_at_their_path(text: str, path: str) -> None:
    """json keeps the last of two equal keys; here the key is named with its full path."""
    with pytest.raises(JsonError, match="duplicate key") as caught:
        loads(text)
    assert path == caught.value.path


def test_duplicate_key_followed_by_garbage_still_names_the_key() -> None:
    """When the text breaks again after the duplicate, the key is still named (at its object)."""
    with pytest.raises(JsonError, match="duplicate key 'a'") as caught:
        loads('{"a": 1, "a": 2} trailing')
    assert "$.a" == caught.value.path


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("NaN", "NaN"),
        ('{"value": Infinity}', "Infinity"),
        ("[-Infinity]", "Infinity"),
        ("1e400", "too large to be finite"),
        ("-1e400", "too large to be finite"),
        ("9" * 5000, "5000 digits"),
        ("-" + "9" * 5000, "5000 digits"),
        ("[" * 100_000 + "]" * 100_000, "nested too deeply"),
        ('{"a": ' * 100_000 + "1" + "}" * 100_000, "nested too deeply"),
        ('"\\ud800"', "lone UTF-16 surrogate"),
        ('{"k": ["\\udfff"]}', "lone UTF-16 surrogate"),
    ],
)
def test_non_standard_values_are_refused_without_bare_errors(text: str, reason: str) -> None:
    """NaN, infinities, huge numbers, deep nesting and lone surrogates give JsonError, nothing else."""
    with pytest.raises(JsonError) as caught:
        loads(text)
    assert reason in str(caught.value)
    assert JsonError is type(caught.value)


def test_nesting_near_the_recursion_limit_is_refused_or_read_never_raised() -> None:
    """Around the interpreter's limit, where decoding just succeeds but re-encoding (the surrogate check)
    may not: every depth gives a value or "nested too deeply", never a RecursionError."""
    limit = sys.getrecursionlimit()
    outcomes = set()
    for depth in range(limit - 400, limit + 5):
        try:
            loads("[" * depth + '"\\u00e9"' + "]" * depth)
            outcomes.add("read")
        except JsonError as error:
            outcomes.add(str(error))
    assert {"read", "JSON nested too deeply"} == outcomes


def test_a_surrogate_pair_is_a_character_not_a_fault() -> None:
    """An escaped surrogate *pair* is one valid character (U+1F600) and loads."""
    assert "\U0001f600" == loads('"\\ud83d\\ude00"')


def test_invalid_json_names_line_and_column() -> None:
    """A syntax error in a multi-line document knows its line; a cut line says where it stops."""
    with pytest.raises(JsonError, match="column") as caught:
        loads('{\n  "id": "a",\n  "title": ')
    assert 3 == caught.value.line
    assert "$" == caught.value.path


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        (b"\xef\xbb\xbf{}", "byte order mark"),
        ("{}".encode("utf-16"), "UTF-16"),
        (b"\xfe\xff" + "{}".encode("utf-16-be"), "UTF-16"),
        (b'{"id": "\xff"}', "invalid UTF-8 at byte 8"),
        (b'{"id": "\xed\xa0\x80"}', "invalid UTF-8"),  # an encoded surrogate is not UTF-8
        (b"\xc3", "invalid UTF-8 at byte 0"),  # a character cut in half
    ],
)
def test_encodings_other_than_utf8_are_refused(data: bytes, reason: str) -> None:
    """Release files are UTF-8 without a BOM; anything else is refused, saying what it is."""
    with pytest.raises(JsonError, match=reason):
        decode_text(data)


def test_split_lines_takes_a_final_newline_as_optional() -> None:
    """JSON Lines: split on LF only; a final newline ends the last line instead of adding one."""
    assert ["a", "b"] == split_lines("a\nb\n")
    assert ["a", "b"] == split_lines("a\nb")
    assert ["a\r", "", "b"] == split_lines("a\r\n\nb\n")
    assert [] == split_lines("")


json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False, allow_infinity=False) | st.text(),
    lambda children: st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=5), children, max_size=4),
    max_leaves=20,
)


@given(value=json_values)
def test_standard_json_reads_as_json_does(value: object) -> None:
    """Strictness refuses only what it must: any standard JSON value decodes as ``json`` decodes it."""
    text = json.dumps(value)
    assert json.loads(text) == loads(text)


@given(text=st.text(max_size=60))
def test_any_text_decodes_or_raises_json_error(text: str) -> None:
    """Whatever the text, the result is a value or a JsonError: never another exception."""
    with contextlib.suppress(JsonError):
        loads(text)
