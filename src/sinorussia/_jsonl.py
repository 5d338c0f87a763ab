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
    """A line or file that is not strict JSON; ``path`` points at the culprit."""

    def __init__(self, message: str, path: str = "$") -> None:
        self.path = path
        super().__init__(message)


def _pairs(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    result: dict[str, Any] = {}
    for key, value in pairs:
        if key in result:
            raise JsonError(f"duplicate key {key!r} in one object", f"$.{key}")
        result[key] = value
    return result


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


def loads(text: str) -> Any:
    """Decode one JSON document strictly, raising only :class:`JsonError`."""
    try:
        value = _decoder.decode(text)
    except JsonError:
        raise
    except RecursionError:
        raise JsonError("JSON nested too deeply") from None
    except json.JSONDecodeError as error:
        raise JsonError(f"invalid JSON: {error.msg} (column {error.colno})") from None
    except ValueError as error:  # e.g. int conversion limits
        raise JsonError(f"invalid JSON: {error}") from None
    if "\\u" in text and _has_lone_surrogate(value):
        raise JsonError("string holds a lone UTF-16 surrogate (\\ud800-\\udfff)")
    return value


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
