"""Whether any installed distribution may declare a plugin release, known without importlib.metadata.

``importlib.metadata`` takes longer to import (it pulls in the email package)
than reading the whole built-in release, and most installs have no plugin. So
before importing it, the places it would search are looked over the same way
(each directory on ``sys.path``, its ``*.dist-info`` and ``*.egg-info``
folders, their ``entry_points.txt``) for the group's name. Only when some file
names the group, or when the search cannot be done this cheaply (a zip file on
``sys.path``, an import hook that finds distributions of its own), is
importlib.metadata asked; it alone decides which entry points there are.

When importlib.metadata is already imported, it is asked directly: there is
no import left to save (and tests may have replaced its ``entry_points``).
"""

from __future__ import annotations

import os
import sys

__all__ = ["may_declare"]

_INFO_SUFFIXES = (".dist-info", ".egg-info")


def may_declare(group: str) -> bool:
    """False only when no installed distribution can declare an entry point in ``group``."""
    if "importlib.metadata" in sys.modules:
        return True
    from importlib.machinery import PathFinder

    # Finders other than the standard path finder may list distributions of their own.
    if any(finder is not PathFinder and hasattr(finder, "find_distributions") for finder in sys.meta_path):
        return True
    needle = group.encode("utf-8")
    return any(_entry_may_declare(entry, needle) for entry in sys.path)


def _entry_may_declare(entry: object, needle: bytes) -> bool:
    """Whether one ``sys.path`` entry may hold a distribution declaring ``needle``'s group."""
    if not isinstance(entry, str):
        return True  # not a plain path: leave it to importlib.metadata
    root = entry or "."
    try:
        with os.scandir(root) as listing:
            children = [child.name for child in listing]
    except NotADirectoryError:
        return True  # a zip file: its distributions are read by importlib.metadata
    except OSError:
        return False  # missing or unreadable: importlib.metadata finds nothing there either
    is_egg = root.lower().endswith(".egg")
    for child in children:
        low = child.lower()
        if low.endswith(_INFO_SUFFIXES) or (is_egg and low == "egg-info"):
            # os-level calls, not pathlib: this runs for every distribution installed, on the first query.
            try:
                handle = os.open(os.path.join(root, child, "entry_points.txt"), os.O_RDONLY)  # noqa: PTH118
            except (FileNotFoundError, NotADirectoryError):  # no entry points (an old egg-info is a file)
                continue
            except OSError:  # unreadable: importlib.metadata must have its say
                return True
            try:
                if needle in _read_all(handle):
                    return True
            finally:
                os.close(handle)
    return False


def _read_all(handle: int) -> bytes:
    chunks = []
    while chunk := os.read(handle, 1 << 16):
        chunks.append(chunk)
    return b"".join(chunks)
