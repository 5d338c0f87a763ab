"""The public error hierarchy of sinorussia.

Every error the library raises on purpose derives from :class:`SinorussiaError`.
The concrete errors also subclass the built-in an older ``except`` clause would
expect (``LookupError``, ``ValueError``), so existing code keeps working.
"""

from __future__ import annotations

__all__ = [
    "MissingExtraError",
    "NotFoundError",
    "QueryError",
    "ReleaseError",
    "ReleaseWarning",
    "SinorussiaError",
]


class SinorussiaError(Exception):
    """Base of every error sinorussia raises on purpose."""


class NotFoundError(SinorussiaError, LookupError):
    """No record, actor or release answers to the name asked for."""

    def __init__(self, what: str, key: object) -> None:
        self.what = what
        self.key = key
        super().__init__(f"no {what} {key!r}")


class QueryError(SinorussiaError, ValueError):
    """A query argument that cannot be understood (a bad date, an unknown kind)."""


class ReleaseError(SinorussiaError, ValueError):
    """A release that cannot be loaded.

    The message names the release, the file, the line and the JSON path of the
    field at fault; the same facts are kept as attributes for programs. When a
    release has many faults, ``problems`` holds each of them (bounded) and
    ``truncated`` says whether more were found than are listed.
    """

    def __init__(
        self,
        message: str,
        *,
        release: str | None = None,
        file: str | None = None,
        line: int | None = None,
        field: str | None = None,
        problems: tuple[ReleaseError, ...] = (),
        truncated: bool = False,
    ) -> None:
        self.reason = message
        self.release = release
        self.file = file
        self.line = line
        self.field = field
        self.problems = problems or (self,)
        self.truncated = truncated
        super().__init__(self._render())

    def _render(self) -> str:
        where = []
        if self.release is not None:
            where.append(f"release {self.release!r}")
        if self.file is not None:
            where.append(self.file if self.line is None else f"{self.file}:{self.line}")
        if self.field is not None:
            where.append(self.field)
        head = ", ".join(where)
        return f"{head}: {self.reason}" if head else self.reason

    def details(self) -> dict[str, object]:
        """The error as a plain mapping (for ``--json`` output)."""
        return {
            "release": self.release,
            "file": self.file,
            "line": self.line,
            "field": self.field,
            "message": self.reason,
        }


class ReleaseWarning(UserWarning):
    """An installed plugin release that could not be loaded and was skipped."""


class MissingExtraError(SinorussiaError, ImportError):
    """A feature needs an optional dependency that is not installed.

    The message names the package and the extra that installs it
    (``pip install "sinorussia[plot]"``); ``extra`` holds the extra's name.
    """

    def __init__(self, feature: str, module: str, extra: str) -> None:
        self.feature = feature
        self.extra = extra
        super().__init__(
            f"{feature} needs {module}, which is not installed: pip install \"sinorussia[{extra}]\"", name=module
        )
