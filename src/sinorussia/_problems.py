"""Collecting a release's faults, bounded, into one ReleaseError."""

from __future__ import annotations

from sinorussia.exceptions import ReleaseError

__all__ = ["MAX_PROBLEMS", "Problems"]

#: How many faults one ReleaseError lists before it says "truncated".
MAX_PROBLEMS = 50


class Problems:
    """A bounded list of faults found while reading one release."""

    def __init__(self, release: str | None, limit: int = MAX_PROBLEMS) -> None:
        self.release = release
        self.limit = limit
        self.items: list[ReleaseError] = []
        self.truncated = False

    def add(
        self,
        message: str,
        *,
        file: str | None = None,
        line: int | None = None,
        field: str | None = None,
        release: str | None = None,
    ) -> None:
        """Record one fault (past the limit, only that there were more)."""
        if len(self.items) >= self.limit:
            self.truncated = True
            return
        self.items.append(ReleaseError(message, release=release or self.release, file=file, line=line, field=field))

    @property
    def full(self) -> bool:
        """True once the limit is reached: callers may stop looking."""
        return len(self.items) >= self.limit

    def __bool__(self) -> bool:
        return bool(self.items)

    def error(self) -> ReleaseError:
        """One ReleaseError for everything recorded (the first fault leads)."""
        first = self.items[0]
        if len(self.items) == 1 and not self.truncated:
            return first
        more = f"{len(self.items) - 1}{'+' if self.truncated else ''} more"
        return ReleaseError(
            f"{first.reason} ({more} problems; see .problems)",
            release=first.release,
            file=first.file,
            line=first.line,
            field=first.field,
            problems=tuple(self.items),
            truncated=self.truncated,
        )

    def raise_if_any(self) -> None:
        """Raise the collected ReleaseError, if anything was recorded."""
        if self.items:
            raise self.error()
