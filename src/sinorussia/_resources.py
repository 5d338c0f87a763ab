"""Access to the package's own files, through importlib.resources only.

importlib.resources (before Python 3.12, its backport ``importlib_resources``)
is imported on first need, not with the package: for a package installed as
plain files its answer is known without it (see :func:`package_folder`), and
without pathlib either, which the first answer need not import.
"""

from __future__ import annotations

import os
import sys
from importlib.machinery import SourceFileLoader, SourcelessFileLoader
from types import ModuleType
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    if sys.version_info >= (3, 12):
        from importlib.resources.abc import Traversable
    else:
        from importlib_resources.abc import Traversable

__all__ = ["Traversable", "files", "package_files", "package_folder", "read_package_text"]  # Traversable: types only


def files(anchor: str | ModuleType) -> Traversable:
    """``importlib.resources.files(anchor)``: the package's folder as a Traversable."""
    if sys.version_info >= (3, 12):  # pragma: no cover - depends on the interpreter
        from importlib.resources import files as resources_files
    else:  # pragma: no cover - depends on the interpreter
        from importlib_resources import files as resources_files
    return resources_files(anchor)


def package_folder() -> str | None:
    """The folder of the installed ``sinorussia`` package when it is installed as plain files, else None.

    Plain files (the usual case) are what importlib.resources would answer
    with a ``pathlib.Path`` of this folder; from a zip file or through any
    other loader there is no folder, and only importlib.resources can read.
    """
    spec = sys.modules["sinorussia"].__spec__
    if spec is not None and spec.origin and type(spec.loader) in (SourceFileLoader, SourcelessFileLoader):
        return os.path.dirname(spec.origin)
    return None


def package_files() -> Traversable:
    """The root of the installed ``sinorussia`` package, as a Traversable.

    Installed as plain files, a ``pathlib.Path`` of :func:`package_folder`
    (importlib.resources' own answer, without importing it); otherwise
    importlib.resources' answer.
    """
    folder = package_folder()
    if folder is not None:
        from pathlib import Path

        return Path(folder)
    return files("sinorussia")


def read_package_text(*parts: str) -> str:
    """The text (UTF-8) of one of the package's files, ``parts`` relative to its root."""
    folder = package_folder()
    if folder is not None:
        with open(os.path.join(folder, *parts), encoding="utf-8") as handle:
            return handle.read()
    return package_files().joinpath(*parts).read_text(encoding="utf-8")
