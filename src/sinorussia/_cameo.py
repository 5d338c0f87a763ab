"""The CAMEO event codebook, read once on first use.

An event stores only its CAMEO code; its Goldstein score and quad class are
looked up here so that nobody ever types them by hand. The codebook ships as
package data (``data/cameo-codes.csv``, from the ICEWS R package's table of the
CAMEO manual and the Goldstein (1992) scale).
"""

from __future__ import annotations

import threading
from collections.abc import Mapping
from types import MappingProxyType
from typing import NamedTuple

from sinorussia._enums import QuadClass

__all__ = ["CameoCode", "codebook", "codes", "goldstein", "lookup", "quad_class"]


class CameoCode(NamedTuple):
    """One row of the codebook."""

    code: str
    name: str
    goldstein: float
    root: str


_lock = threading.Lock()
_codebook: Mapping[str, CameoCode] | None = None


def _read() -> Mapping[str, CameoCode]:
    import csv
    import io

    from sinorussia._resources import read_package_text

    text = read_package_text("data", "cameo-codes.csv")
    rows = {}
    for row in csv.DictReader(io.StringIO(text)):
        rows[row["code"]] = CameoCode(row["code"], row["name"], float(row["goldstein"]), row["root_code"])
    return MappingProxyType(rows)


_codes: frozenset[str] | None = None


def codes() -> frozenset[str]:
    """Every CAMEO code, without the rest of the codebook: what the loader checks events against.

    The code is each row's first column and never holds a comma or a quote,
    so this needs no ``csv`` module (whose import costs more than the loader's
    first answer can spare; see docs/performance.md).
    """
    global _codes  # noqa: PLW0603 - a process-wide cache, like the codebook's
    if _codes is None:
        from sinorussia._resources import read_package_text

        text = read_package_text("data", "cameo-codes.csv")
        _codes = frozenset(line.split(",", 1)[0] for line in text.splitlines()[1:] if line)
    return _codes


def codebook() -> Mapping[str, CameoCode]:
    """Every CAMEO code, keyed by its string (leading zeros kept)."""
    global _codebook  # noqa: PLW0603 - a process-wide cache, built once under the lock
    if _codebook is None:
        with _lock:
            if _codebook is None:
                _codebook = _read()
    return _codebook


def lookup(code: str) -> CameoCode:
    """The codebook row of ``code``; KeyError when the code does not exist."""
    return codebook()[code]


def goldstein(code: str) -> float:
    """The Goldstein (1992) conflict-cooperation score of a CAMEO code."""
    return lookup(code).goldstein


def quad_class(code: str) -> QuadClass:
    """The quad class of a CAMEO code, from its two-digit root.

    Roots 01-05 are verbal cooperation, 06-09 material cooperation, 10-14
    verbal conflict and 15-20 material conflict.
    """
    root = int(lookup(code).root)
    if root <= 5:
        return QuadClass.VERBAL_COOPERATION
    if root <= 9:
        return QuadClass.MATERIAL_COOPERATION
    if root <= 14:
        return QuadClass.VERBAL_CONFLICT
    return QuadClass.MATERIAL_CONFLICT
