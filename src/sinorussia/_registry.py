"""The installed releases (found by ``_discovery``) and the datasets built from them.

The default dataset (every installed release, merged) is built once per
process under a lock, then shared; it is immutable.
"""

from __future__ import annotations

import os
import threading
from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING, TypeVar

from sinorussia._bulk import build
from sinorussia._dataset import Dataset
from sinorussia._discovery import GROUP, MANIFEST, Installed, as_traversable, builtin, plugins, read_release, warn
from sinorussia._prevalidated import PrevalidatedRelease, read_body
from sinorussia.exceptions import NotFoundError, ReleaseError, SinorussiaError

if TYPE_CHECKING:  # importlib.resources is imported only where a zipped install needs it
    from sinorussia._manifest import ReleaseInfo
    from sinorussia._merge import MergedTables
    from sinorussia._release import LoadedRelease
    from sinorussia._resources import Traversable

__all__ = ["GROUP", "load", "load_path", "releases", "reset", "validate_path"]

T = TypeVar("T")


_lock = threading.RLock()
_installed: dict[str, Installed] | None = None
_datasets: dict[frozenset[str], Dataset] = {}
_loaded: dict[str, LoadedRelease] = {}


def reset() -> None:
    """Forget every discovered release and built dataset (for tests and long sessions)."""
    global _installed  # noqa: PLW0603 - the process-wide registry
    with _lock:
        _installed = None
        _datasets.clear()
        _loaded.clear()


def _discover() -> dict[str, Installed]:
    global _installed  # noqa: PLW0603 - the process-wide registry
    with _lock:
        if _installed is None:
            found = builtin()
            _installed = {**found, **plugins(found)}
        return _installed


def releases() -> tuple[ReleaseInfo, ...]:
    """Every installed release's manifest, by id; no table is read.

    Examples:
        >>> import sinorussia as sr
        >>> "cc-2016-2" in [r.id for r in sr.releases()]
        True
    """
    return _guard(lambda: tuple(item.info for _, item in sorted(_discover().items())))


def _read(item: Installed) -> LoadedRelease:
    with _lock:
        if item.info.id not in _loaded:
            _loaded[item.info.id] = _read_installed(item)
        return _loaded[item.info.id]


def _read_installed(item: Installed) -> LoadedRelease:
    """An installed release, from its prevalidated form while its files are the ones prevalidated."""
    if item.prevalidated is not None:
        release = read_body(item.prevalidated)
        if release is not None:
            return release
    return read_release(as_traversable(item.root), origin=item.info.origin, hint=item.info.id)


def _closure(
    ids: Iterable[str], installed: dict[str, Installed], requirer: ReleaseInfo | None = None
) -> list[str]:
    """The ids asked for, with every release they require, transitively.

    An id the caller asks for that is not installed is a NotFoundError; a
    requirement of a release (``requirer``'s or an installed one's) that is
    not installed is a fault of that release's manifest, a ReleaseError.
    """
    wanted: list[str] = []
    pending = [(release_id, requirer, index) for index, release_id in enumerate(ids)]
    while pending:
        release_id, required_by, index = pending.pop()
        if release_id in wanted:
            continue
        if required_by is not None and release_id == required_by.id:
            raise _requirement_error("a release cannot require itself", required_by, index)
        if release_id not in installed:
            if required_by is None:
                raise NotFoundError("installed release", release_id)
            known = ", ".join(sorted(installed)) or "none"
            message = f"requires release {release_id!r}, which is not installed (installed: {known})"
            raise _requirement_error(message, required_by, index)
        wanted.append(release_id)
        info = installed[release_id].info
        pending.extend((required, info, number) for number, required in enumerate(info.requires))
    return sorted(wanted)


def _requirement_error(message: str, info: ReleaseInfo, index: int) -> ReleaseError:
    """A fault of one entry of a manifest's ``requires``."""
    return ReleaseError(message, release=info.id, file=MANIFEST, field=f"$.requires[{index}]")


def merge(loaded: list[LoadedRelease]) -> MergedTables:
    """``_merge.merge`` (imported when releases must be merged: one prevalidated release need not be)."""
    from sinorussia._merge import merge as merge_releases

    return merge_releases(loaded)


def _dataset(loaded: list[LoadedRelease]) -> Dataset:
    if len(loaded) == 1 and isinstance(loaded[0], PrevalidatedRelease):
        # Merged on its own when it was prevalidated: these are the tables and aliases merge() gives.
        release = loaded[0]
        return Dataset(releases=(release.info,), tables=release.tables, aliases=release.aliases)
    merged = merge(loaded)
    return Dataset(releases=merged.releases, tables=merged.tables, aliases=merged.aliases)


def load(*ids: str) -> Dataset:
    """Installed releases, merged: all of them (cached), or those named.

    Releases a named one ``requires`` are loaded with it.

    Examples:
        >>> import sinorussia as sr
        >>> sr.load("cc-2016-2").releases[0].id
        'cc-2016-2'
    """
    return _guard(lambda: _load(ids))


def _load(ids: tuple[str, ...]) -> Dataset:
    key = frozenset(ids)
    cached = _datasets.get(key)
    if cached is not None:
        return cached
    with _lock:
        cached = _datasets.get(key)  # another thread may have built it meanwhile
        if cached is not None:
            return cached
        installed = _discover()
        dataset = _dataset([_read(installed[i]) for i in _closure(ids, installed)]) if ids else _load_all(installed)
        _datasets[key] = dataset
        return dataset


def _load_all(installed: dict[str, Installed]) -> Dataset:
    accepted = [_read(item) for item in installed.values() if item.builtin]
    for item in (item for _, item in sorted(installed.items()) if not item.builtin):
        try:
            candidate = [*accepted, _read(item)]
            merge(candidate)
        except Exception as error:  # noqa: BLE001 - a broken plugin must never break the rest
            warn(f"{item.info.origin} skipped: {error}")
            continue
        accepted = candidate
    return _dataset(accepted)


def _as_root(path: str | os.PathLike[str] | Traversable) -> Traversable:
    if isinstance(path, (str, os.PathLike)):
        from pathlib import Path

        root = Path(path)
        if not root.is_dir():
            raise ReleaseError("not a release directory (it does not exist or is not a directory)", file=str(path))
        return root
    return path


def load_path(path: str | os.PathLike[str] | Traversable) -> Dataset:
    """A release directory that is not installed, with the releases it requires.

    Examples:
        >>> import sinorussia as sr, importlib.resources
        >>> root = importlib.resources.files("sinorussia") / "data" / "cc-2016-2"
        >>> sr.load_path(root).releases[0].id
        'cc-2016-2'
    """
    return _guard(lambda: _load_path(path))


def _describe(path: str | os.PathLike[str] | Traversable) -> str:
    """``path`` as text for messages (some Traversables cannot say, e.g. an in-memory zip)."""
    try:
        return str(path)
    except Exception:  # noqa: BLE001 - a name for a message is never worth failing over
        return f"a {type(path).__name__}"


def _load_path(path: str | os.PathLike[str] | Traversable) -> Dataset:
    where = _describe(path)
    release = read_release(_as_root(path), origin=f"path {where}", hint=where)
    installed = _discover()
    required = _closure(release.info.requires, installed, release.info)
    others = [_read(installed[i]) for i in required if i != release.info.id]
    return _dataset([*others, release])


def validate_path(path: str | os.PathLike[str] | Traversable) -> Dataset:
    """Check a release directory together with every installed release.

    Its references may point into the installed releases; its ids must not
    clash with theirs (unless it supersedes them). Raises ReleaseError.
    """
    return _guard(lambda: _validate_path(path))


def _validate_path(path: str | os.PathLike[str] | Traversable) -> Dataset:
    release = read_release(_as_root(path), origin=f"path {path}", hint=str(path))
    installed = _discover()
    try:
        required = [i for i in _closure(release.info.requires, installed) if i != release.info.id]
    except NotFoundError as error:
        raise ReleaseError(
            f"requires release {error.key!r}, which is not installed", release=release.info.id, file="release.json"
        ) from None
    others = {key: _read(item) for key, item in installed.items() if key != release.info.id and item.builtin}
    others.update({i: _read(installed[i]) for i in required})
    # Against everything installed: no id may clash with theirs.
    dataset = _dataset([*others.values(), release])
    # With only what it requires, as load_path and load(id) will read it: every reference resolves.
    try:
        _dataset([others[i] for i in required] + [release])
    except ReleaseError as error:
        hint = " (the release must load with only the releases its manifest lists in `requires`)"
        problems = tuple(
            ReleaseError(p.reason + hint, release=p.release, file=p.file, line=p.line, field=p.field)
            for p in error.problems
        )
        first = problems[0]
        raise ReleaseError(
            first.reason if len(problems) == 1 else f"{first.reason} ({len(problems) - 1} more problems)",
            release=first.release,
            file=first.file,
            line=first.line,
            field=first.field,
            problems=problems,
            truncated=error.truncated,
        ) from None
    return dataset


def _guard(action: Callable[[], T]) -> T:
    """Run ``action``; only SinorussiaError may leave the public API.

    The collector is paused while it runs, and a large build frozen after (``_bulk``).
    """
    try:
        return build(action)
    except SinorussiaError:
        raise
    except RecursionError:
        raise ReleaseError("release nested too deeply to read") from None
    # The last line of defence: the loader means to refuse every fault itself,
    # with file and line; whatever slips past still leaves as a ReleaseError.
    except Exception as error:  # noqa: BLE001 - no other exception may leave the public API
        raise ReleaseError(f"cannot read the release: {type(error).__name__}: {error}") from None
