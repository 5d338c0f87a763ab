"""Access to the package's own files, through importlib.resources only."""

from __future__ import annotations

import sys

if sys.version_info >= (3, 12):  # pragma: no cover - depends on the interpreter
    from importlib.resources import files
    from importlib.resources.abc import Traversable
else:  # pragma: no cover - depends on the interpreter
    from importlib_resources import files
    from importlib_resources.abc import Traversable

__all__ = ["Traversable", "files", "package_files"]


def package_files() -> Traversable:
    """The root of the installed ``sinorussia`` package, as a Traversable."""
    return files("sinorussia")
