"""Finding the installed releases: the package's own and those of plugin packages.

Releases come from two places: the package's own ``data/<id>/`` folders, and
plugin packages that declare an entry point in the group
``sinorussia.releases`` (name: the release id; value: an importable package
holding ``release.json`` at its root). A broken plugin gives a ReleaseWarning
naming it and is skipped; the built-in releases must always load. A built-in
release with a current prevalidated form (``_prevalidated``) is found without
the strict loader.
"""

from __future__ import annotations

import importlib
import os
import warnings
from typing import TYPE_CHECKING

from sinorussia._prevalidated import Prevalidated, read_header
from sinorussia._resources import files, package_files, package_folder
from sinorussia.exceptions import ReleaseError, ReleaseWarning

if TYPE_CHECKING:  # importlib.resources is imported only where a zipped install needs it
    from sinorussia._manifest import ReleaseInfo
    from sinorussia._release import LoadedRelease
    from sinorussia._resources import Traversable

__all__ = [
    "GROUP",
    "MANIFEST",
    "Installed",
    "as_traversable",
    "builtin",
    "plugins",
    "read_manifest",
    "read_release",
    "warn",
]

GROUP = "sinorussia.releases"
MANIFEST = "release.json"


class Installed:
    """An installed release: its manifest, where it is, and its prevalidated form if it has one."""

    __slots__ = ("builtin", "info", "prevalidated", "root")

    def __init__(
        self, info: ReleaseInfo, root: Traversable | str, *, builtin: bool, prevalidated: Prevalidated | None = None
    ) -> None:
        self.info = info
        self.root = root  # a str only for a built-in release found without pathlib
        self.builtin = builtin
        self.prevalidated = prevalidated


def warn(message: str) -> None:
    """A ReleaseWarning, attributed to the user's call of the public function that found the fault."""
    warnings.warn(message, ReleaseWarning, stacklevel=4)


def read_manifest(root: Traversable, *, origin: str, hint: str) -> ReleaseInfo:
    """The strict loader's ``read_manifest`` (the loader is imported when a release must be read)."""
    from sinorussia._loader import read_manifest as strict_read_manifest

    return strict_read_manifest(root, origin=origin, hint=hint)


def read_release(root: Traversable, *, origin: str, hint: str) -> LoadedRelease:
    """The strict loader's ``read_release`` (the loader is imported when a release must be read)."""
    from sinorussia._loader import read_release as strict_read_release

    return strict_read_release(root, origin=origin, hint=hint)


def as_traversable(root: Traversable | str) -> Traversable:
    """A release's root as the strict loader takes it (a built-in one is found as a plain path string)."""
    if isinstance(root, str):
        from pathlib import Path

        return Path(root)
    return root


def builtin() -> dict[str, Installed]:
    """The package's own releases (``data/<id>/``), by id; each with its prevalidated form when it is usable."""
    folder = package_folder()
    entries: list[tuple[str, Traversable | str]]
    if folder is None:  # a zipped install: importlib.resources reads it, and the strict loader every release
        data = package_files().joinpath("data")
        entries = [(entry.name, entry) for entry in data.iterdir() if entry.is_dir()]
    else:
        data_folder = os.path.join(folder, "data")
        entries = [(name, os.path.join(data_folder, name)) for name in os.listdir(data_folder)]
    found: dict[str, Installed] = {}
    for name, entry in sorted(entries, key=lambda pair: pair[0]):
        if isinstance(entry, str):
            if not os.path.isfile(os.path.join(entry, MANIFEST)):
                continue
            prevalidated = read_header(entry)
            if prevalidated is not None:
                info = prevalidated.info
                found[info.id] = Installed(info, entry, builtin=True, prevalidated=prevalidated)
                continue
        elif not entry.joinpath(MANIFEST).is_file():
            continue
        root = as_traversable(entry)
        info = read_manifest(root, origin="built-in", hint=name)
        found[info.id] = Installed(info, root, builtin=True)
    return found


def entry_points() -> list[tuple[str, str, str]]:
    """``(release id, package, distribution)`` for each plugin entry point."""
    from sinorussia._entrypoints import may_declare

    if not may_declare(GROUP):  # no distribution names the group: importlib.metadata need not be imported
        return []
    from importlib.metadata import entry_points

    found = []
    for point in entry_points(group=GROUP):
        dist = point.dist.name if point.dist is not None else "an unknown distribution"
        found.append((point.name, point.value, dist))
    return sorted(found)


def plugins(known: dict[str, Installed]) -> dict[str, Installed]:
    """The plugin releases, by id; each broken one (``known``'s ids taken, say) skipped with a ReleaseWarning."""
    try:
        points = entry_points()
    except Exception as error:  # noqa: BLE001 - broken metadata of one distribution must not break the rest
        warn(f"plugin releases skipped: reading the {GROUP!r} entry points failed: {type(error).__name__}: {error}")
        return {}
    dists: dict[str, list[str]] = {}
    for name, _, dist in points:
        dists.setdefault(name, []).append(dist)
    found: dict[str, Installed] = {}
    for name, package, dist in points:
        label = f"plugin {name!r} ({package}) from distribution {dist!r}"
        if len(dists[name]) > 1:
            warn(f"{label} skipped: release id {name!r} is registered by {' and '.join(sorted(dists[name]))}")
            continue
        if name in known:
            warn(f"{label} skipped: release id {name!r} is already a built-in release")
            continue
        try:
            root = plugin_root(package)
            info = read_manifest(root, origin=f"plugin {name} from {dist}", hint=name)
        except ReleaseError as error:
            warn(f"{label} skipped: it holds no valid release: {error}")
            continue
        # SystemExit too: a plugin that calls sys.exit() on import is broken, not a reason to stop.
        except (Exception, SystemExit) as error:  # noqa: BLE001 - a broken plugin must never break the rest
            warn(f"{label} skipped: importing {package!r} failed: {type(error).__name__}: {error}")
            continue
        if info.id != name:
            warn(f"{label} skipped: its release.json says id {info.id!r}, not {name!r}")
            continue
        found[name] = Installed(info, root, builtin=False)
    return found


def plugin_root(package: str) -> Traversable:
    """The folder of a plugin's package, which must hold ``release.json``."""
    module = importlib.import_module(package)
    if not hasattr(module, "__path__"):
        # files() of a plain module is the folder it sits in (site-packages, say): never a release.
        raise ReleaseError(f"{package!r} is a module, not a package holding release.json")
    return files(module)
