"""Strict JSON decoding of untrusted release files.

The standard ``json`` module accepts duplicate keys (last wins), ``NaN``,
``Infinity``, ``1e400`` (as inf) and lone surrogates, and fails on deep nesting
with a ``RecursionError`` and on huge integers with a bare ``ValueError``. Every
one of those becomes a :class:`JsonError` here, with a message a person can act on.
"""

from __future__ import annotations

import json
import math
from typing import Any

__all__ = ["JsonError", "decode_text", "loads", "split_lines"]

_MAX_INT_DIGITS = 100


class JsonError(ValueError):
    """A line or file that is not strict JSON.

    ``path`` points at the culprit (``$.sources[0].source``); ``line`` is its
    line within the text decoded, when the decoder knows it (multi-line files).
    """

    def __init__(self, message: str, path: str = "$", line: int | None = None) -> None:
        self.path = path
        self.line = line
        super().__init__(message)


class _DuplicateKeyError(JsonError):
    """A key given twice in one object; its full path is found afterwards."""

    def __init__(self, key: str) -> None:
        self.key = key
        super().__init__(f"duplicate key {key!r} in one object", f"$.{key}")


def _pairs(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    result = dict(pairs)
    if len(result) != len(pairs):
        raise _DuplicateKeyError(_first_duplicate(pairs))
    return result


def _first_duplicate(pairs: list[tuple[str, Any]]) -> str:
    seen: set[str] = set()
    for key, _ in pairs:
        if key in seen:
            return key
        seen.add(key)
    raise AssertionError("no duplicate key")  # pragma: no cover - only called when there is one


class _Duplicates(dict[str, Any]):
    """An object that held a duplicate key (``key``), kept to find its path."""

    key: str | None = None


def _marking_pairs(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    result = _Duplicates(pairs)
    if len(result) != len(pairs):
        result.key = _first_duplicate(pairs)
    return result


def _duplicate_path(value: Any, path: str = "$") -> str | None:
    """The JSON path of the first key given twice in ``value``, depth first."""
    # Iterative, so a deep (but decodable) value cannot exhaust the stack.
    stack: list[tuple[Any, str]] = [(value, path)]
    while stack:
        item, where = stack.pop()
        if isinstance(item, _Duplicates) and item.key is not None:
            return f"{where}.{item.key}"
        if isinstance(item, dict):
            stack.extend((child, f"{where}.{key}") for key, child in reversed(list(item.items())))
        elif isinstance(item, list):
            stack.extend((child, f"{where}[{index}]") for index, child in reversed(list(enumerate(item))))
    return None  # pragma: no cover - only called on a value that holds a duplicate


def _constant(name: str) -> Any:
    raise JsonError(f"{name} is not a JSON number (NaN and Infinity are not allowed)")


def _float(text: str) -> float:
    value = float(text)
    if math.isinf(value):
        raise JsonError(f"number {text[:40]!r} is too large to be finite")
    return value


def _int(text: str) -> int:
    digits = text.lstrip("-")
    if len(digits) > _MAX_INT_DIGITS:
        raise JsonError(f"integer of {len(digits)} digits is too large (at most {_MAX_INT_DIGITS})")
    return int(text)


_decoder = json.JSONDecoder(object_pairs_hook=_pairs, parse_constant=_constant, parse_float=_float, parse_int=_int)
_marking_decoder = json.JSONDecoder(
    object_pairs_hook=_marking_pairs, parse_constant=_constant, parse_float=_float, parse_int=_int
)


def loads(text: str) -> Any:
    """Decode one JSON document strictly, raising only :class:`JsonError`."""
    try:
        value = _decoder.decode(text)
    except _DuplicateKeyError as error:
        raise _locate_duplicate(text, error) from None
    except JsonError:
        raise
    except RecursionError:
        raise JsonError("JSON nested too deeply") from None
    except json.JSONDecodeError as error:
        raise JsonError(f"invalid JSON: {error.msg} (column {error.colno})", line=error.lineno) from None
    except ValueError as error:  # pragma: no cover - defensive: the hooks above pre-empt int() limits
        raise JsonError(f"invalid JSON: {error}") from None
    if "\\u" in text:  # only an escape can smuggle in a surrogate: valid UTF-8 holds none
        try:
            lone = _has_lone_surrogate(value)
        except RecursionError:
            raise JsonError("JSON nested too deeply") from None
        if lone:
            raise JsonError("string holds a lone UTF-16 surrogate (\\ud800-\\udfff)")
    return value


def _locate_duplicate(text: str, error: _DuplicateKeyError) -> JsonError:
    """The duplicate-key error with the key's full path (decoding again, only on this error path)."""
    try:
        path = _duplicate_path(_marking_decoder.decode(text))
    except (ValueError, RecursionError):  # the text breaks again after the duplicate
        path = None
    return JsonError(str(error), path or error.path)


def _has_lone_surrogate(value: Any) -> bool:
    try:
        json.dumps(value, ensure_ascii=False).encode("utf-8")
    except UnicodeEncodeError:
        return True
    return False


def decode_text(data: bytes) -> str:
    """UTF-8 without a byte order mark, or :class:`JsonError` saying what it is."""
    if data.startswith(b"\xef\xbb\xbf"):
        raise JsonError("file starts with a UTF-8 byte order mark; write UTF-8 without a BOM")
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise JsonError("file is UTF-16; release files are UTF-8")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as error:
        raise JsonError(f"invalid UTF-8 at byte {error.start}") from None


def split_lines(text: str) -> list[str]:
    """The lines of a JSON Lines text: split on LF only, a final newline optional."""
    lines = text.split("\n")
    if lines and lines[-1] == "":
        lines.pop()
    return lines
