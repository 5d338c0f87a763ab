"""Access to the package's own files, through importlib.resources only.

importlib.resources (before Python 3.12, its backport ``importlib_resources``)
is imported on first need, not with the package: for a package installed as
plain files its answer is known without it (see :func:`package_files`).
"""

from __future__ import annotations

import sys
from importlib.machinery import SourceFileLoader, SourcelessFileLoader
from pathlib import Path
from types import ModuleType
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    if sys.version_info >= (3, 12):
        from importlib.resources.abc import Traversable
    else:
        from importlib_resources.abc import Traversable

__all__ = ["Traversable", "files", "package_files"]  # Traversable: for type checkers only


def files(anchor: str | ModuleType) -> Traversable:
    """``importlib.resources.files(anchor)``: the package's folder as a Traversable."""
    if sys.version_info >= (3, 12):  # pragma: no cover - depends on the interpreter
        from importlib.resources import files as resources_files
    else:  # pragma: no cover - depends on the interpreter
        from importlib_resources import files as resources_files
    return resources_files(anchor)


def package_files() -> Traversable:
    """The root of the installed ``sinorussia`` package, as a Traversable.

    Installed as plain files (the usual case), the package's folder as a
    ``pathlib.Path``, which is what importlib.resources answers for such a
    package, without importing it; from a zip file or through any other
    loader, importlib.resources' own answer.
    """
    spec = sys.modules["sinorussia"].__spec__
    if spec is not None and spec.origin and type(spec.loader) in (SourceFileLoader, SourcelessFileLoader):
        return Path(spec.origin).parent
    return files("sinorussia")
