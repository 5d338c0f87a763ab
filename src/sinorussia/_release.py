"""A release read and checked on its own, before it is merged with others.

The strict loader (``_loader``) and the prevalidated form of a built-in release
(``_prevalidated``) both give one. A plain slotted class, not an attrs one:
creating an attrs class costs about a millisecond at import, which every
first answer would pay (see docs/performance.md).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from collections.abc import Mapping

    from sinorussia._manifest import ReleaseInfo
    from sinorussia._models import Record

__all__ = ["LoadedRelease"]


class LoadedRelease:
    """A release whose every file was read and checked on its own.

    Attributes:
        info: Its manifest.
        tables: Each table's records, in file order.
        places: Where each record was read, id -> (file, line), for errors that name both places.
    """

    __slots__ = ("info", "places", "tables")

    def __init__(
        self, info: ReleaseInfo, tables: Mapping[str, tuple[Record, ...]], places: dict[str, tuple[str, int]]
    ) -> None:
        self.info = info
        self.tables = tables
        self.places = places

    def __repr__(self) -> str:
        counts = ", ".join(f"{name}={len(rows)}" for name, rows in self.tables.items())
        return f"LoadedRelease({self.info.id!r}, {counts})"
