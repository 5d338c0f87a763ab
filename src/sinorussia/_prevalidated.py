"""The built-in releases in prevalidated form: a first answer without reading them again.

Every release is read by the strict loader (``_loader``): each line decoded
as strict JSON, every field converted and checked, then merged (every
reference resolved). For cc-2016-2's 550 records that is about 30 ms, more
than everything else a fresh process does for its first answer, and the
answer would be the same every time: a release shipped inside this package is
the same bytes in every install, read by the package's own tests. So when a
built-in release is built (``python scripts/prevalidate.py``), what the strict
loader and the merge give for it is stored beside it, pickled, in
``data/<id>.prevalidated``, with the BLAKE2b digest of every file of its
directory and of the form itself.

At run time that form stands in for reading the release only when all of this holds:

* its own digest is right (it is whole, as written), its format is
  :data:`FORMAT` and its models' layout (every class's name and fields, every
  enum's values) is this code's (:func:`layout`);
* the release directory holds exactly the files it lists, each a regular file
  (no link) with the digest recorded, ``release.json`` included.

Otherwise (a file edited, added or removed, another version of the models, a
damaged or unreadable form, a zipped install) the release is read by the
strict loader like any other, and refused as any other would be. Plugin
releases and ``load_path`` always go through the strict loader.

Each table is pickled on its own and unpickled when first asked for: a query
of the events of a release loaded alone builds only its events.

Pickle can call whatever a file names. This one reads only files inside the
installed sinorussia package, as trusted as its modules, checks their digest
first, and even so its unpickler refuses any global but the models, their
enums and ``date``.
"""

from __future__ import annotations

import os
import stat
import threading
from collections.abc import Iterator, Mapping
from datetime import date
from io import BytesIO
from typing import Any

from sinorussia._dates import DateSpan, Precision
from sinorussia._enums import ActorKind, DocumentKind, EventKind, MembershipStatus, Qualifier, SourceKind, Stance
from sinorussia._manifest import ReleaseInfo, TableInfo
from sinorussia._models import RECORD_TYPES, Reading, Record, SourceRef
from sinorussia._release import LoadedRelease
from sinorussia.exceptions import ReleaseError

try:  # the C pickle alone: the pickle module's import costs three times as much
    from _pickle import Pickler, Unpickler
except ImportError:  # pragma: no cover - an interpreter without the C accelerator
    from pickle import Pickler, Unpickler
try:  # BLAKE2 without hashlib, whose import loads OpenSSL (3 ms, a tenth of a first answer)
    from _blake2 import blake2b
except ImportError:  # pragma: no cover - an interpreter built without it
    from hashlib import blake2b

__all__ = ["FORMAT", "SUFFIX", "Prevalidated", "PrevalidatedRelease", "dumps", "layout", "read_body", "read_header"]

#: Bumped whenever what is stored changes shape.
FORMAT = 1
#: The prevalidated form of ``data/<id>/`` is ``data/<id>`` + SUFFIX.
SUFFIX = ".prevalidated"
MANIFEST = "release.json"
_MAGIC = b"sinorussia prevalidated release\n"
_DIGEST = 32  # bytes of BLAKE2b digest of everything after it
_LENGTH = 8  # bytes of the header's length
_PLACES = "places"  # the part holding LoadedRelease.places

#: Every class an attrs record of a release is built from.
CLASSES: tuple[type[Any], ...] = (*RECORD_TYPES.values(), SourceRef, Reading, DateSpan, ReleaseInfo, TableInfo)
#: Every enum a record holds.
ENUMS: tuple[type[Any], ...] = (
    ActorKind,
    DocumentKind,
    EventKind,
    MembershipStatus,
    Precision,
    Qualifier,
    SourceKind,
    Stance,
)
_ALLOWED = {(kind.__module__, kind.__qualname__): kind for kind in (*CLASSES, *ENUMS, date)}


def layout() -> tuple[tuple[str, tuple[Any, ...]], ...]:
    """What the stored records assume of this code: each class's fields, each enum's values."""
    classes = tuple((kind.__qualname__, tuple(a.name for a in kind.__attrs_attrs__)) for kind in CLASSES)
    enums = tuple((kind.__qualname__, tuple(member.value for member in kind)) for kind in ENUMS)
    return classes + enums


class _Restricted(Unpickler):
    """An unpickler that builds only the models, their enums and dates."""

    def find_class(self, module: str, name: str) -> Any:
        try:
            return _ALLOWED[module, name]
        except KeyError:
            raise ValueError(f"{module}.{name} is not allowed in a prevalidated release") from None


def _unpickle(data: bytes | memoryview) -> Any:
    return _Restricted(BytesIO(data)).load()


def _pickle(value: object) -> bytes:
    buffer = BytesIO()
    Pickler(buffer, protocol=5).dump(value)
    return buffer.getvalue()


def _digest(data: bytes | memoryview) -> bytes:
    return blake2b(data, digest_size=_DIGEST).digest()


def _read_regular(path: str) -> bytes | None:
    """The bytes of a regular file (not a link, not a device), or None when it is not one or cannot be read."""
    flags = os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_NONBLOCK", 0)
    try:
        handle = os.open(path, flags)
    except OSError:
        return None
    try:
        if not stat.S_ISREG(os.fstat(handle).st_mode):
            return None
        with os.fdopen(handle, "rb", closefd=False) as stream:
            return stream.read()
    except OSError:  # pragma: no cover - an I/O error after the file opened: no test can make one portably
        return None
    finally:
        os.close(handle)


def _file_digest(path: str) -> bytes | None:
    data = _read_regular(path)
    return None if data is None else _digest(data)


class Prevalidated:
    """A built-in release's prevalidated form, whole, and its manifest the one on disk.

    Attributes:
        root: The release directory.
        info: Its manifest, as the strict loader read it.
        files: Each file of the directory (``release.json`` too) -> its digest when it was prevalidated.
        aliases: The release merged on its own: superseded id -> the id that replaced it.
    """

    __slots__ = ("_body", "_parts", "aliases", "files", "info", "root")

    def __init__(self, root: str, header: tuple[Any, ...], body: memoryview) -> None:
        _, _, files, info, aliases, parts = header
        if not isinstance(info, ReleaseInfo):
            raise TypeError("the form's manifest is not a ReleaseInfo")
        self.root = root
        self.info: ReleaseInfo = info
        self.files: dict[str, bytes] = dict(files)
        self.aliases: Mapping[str, str] = dict(aliases)
        self._parts: dict[str, tuple[int, int]] = {name: (start, end) for name, start, end in parts}
        self._body = body

    def part(self, name: str) -> Any:
        """One table (or the places), unpickled."""
        start, end = self._parts[name]
        return _unpickle(self._body[start:end])


def read_header(root: str) -> Prevalidated | None:
    """The prevalidated form of the release at ``root`` if it is whole and its manifest the one on disk; else None.

    None means: read this release with the strict loader. Never raises.
    """
    try:
        data = _read_regular(root + SUFFIX)
        if data is None or not data.startswith(_MAGIC):
            return None
        view = memoryview(data)[len(_MAGIC) :]
        if _digest(view[_DIGEST:]) != view[:_DIGEST]:
            return None
        view = view[_DIGEST:]
        size = int.from_bytes(view[:_LENGTH], "big")
        header = _unpickle(view[_LENGTH : _LENGTH + size])
        if header[0] != FORMAT or header[1] != layout():
            return None
        prevalidated = Prevalidated(root, header, view[_LENGTH + size :])
        if _file_digest(os.path.join(root, MANIFEST)) != prevalidated.files.get(MANIFEST):
            return None
        return prevalidated
    # Whatever is wrong with the form (another version, say), the loader reads the release.
    except Exception:  # noqa: BLE001
        return None


class PrevalidatedRelease(LoadedRelease):
    """A release read from its prevalidated form: each table unpickled when first asked for.

    Its tables are in the order the merge gives them, not file order (merging
    does not depend on the order of records), and :attr:`aliases` is what the
    merge of the release on its own gives.
    """

    __slots__ = ("aliases",)

    def __init__(self, prevalidated: Prevalidated) -> None:
        super().__init__(prevalidated.info, _Tables(prevalidated), prevalidated.part(_PLACES))
        #: The release merged on its own: superseded id -> the id of the record that replaced it.
        self.aliases = prevalidated.aliases


class _Tables(Mapping[str, tuple[Record, ...]]):
    """A release's tables, each unpickled (once) when first asked for."""

    def __init__(self, prevalidated: Prevalidated) -> None:
        self._prevalidated = prevalidated
        self._names = tuple(RECORD_TYPES)
        self._built: dict[str, tuple[Record, ...]] = {}
        self._lock = threading.Lock()

    def __getitem__(self, name: str) -> tuple[Record, ...]:
        try:
            return self._built[name]
        except KeyError:
            if name not in self._names:
                raise
        with self._lock:  # two threads asking at once get the same tuple
            if name not in self._built:
                self._built[name] = self._part(name)
            return self._built[name]

    def _part(self, name: str) -> tuple[Record, ...]:
        # The form's digest and layout were checked, and its header (the same kinds of objects: attrs
        # classes, spans, enums, dates) unpickled; should a table still fail, only a ReleaseError may leave.
        form = self._prevalidated
        try:
            table: tuple[Record, ...] = form.part(name)
        except Exception as error:  # noqa: BLE001 - no other exception may leave the public API
            reason = f"its prevalidated form cannot be read ({type(error).__name__}: {error}); reinstall sinorussia"
            raise ReleaseError(reason, release=form.info.id, file=os.path.basename(form.root) + SUFFIX) from None
        return table

    def __iter__(self) -> Iterator[str]:
        return iter(self._names)

    def __len__(self) -> int:
        return len(self._names)

    def __reduce__(self) -> tuple[Any, ...]:  # a Dataset pickled by a user: a plain dict of the tables
        return (dict, (dict(self),))


def read_body(prevalidated: Prevalidated) -> PrevalidatedRelease | None:
    """The release, if every file of its directory is still the one prevalidated; else None.

    None means: read this release with the strict loader. Never raises.
    """
    try:
        root, files = prevalidated.root, prevalidated.files
        if sorted(os.listdir(root)) != sorted(files):
            return None
        if any(_file_digest(os.path.join(root, name)) != digest for name, digest in files.items()):
            return None
        return PrevalidatedRelease(prevalidated)
    except Exception:  # noqa: BLE001 - as in read_header
        return None


def dumps(release: LoadedRelease, root: str) -> bytes:
    """The prevalidated form of ``release``, read by the strict loader from the directory ``root``."""
    from sinorussia._merge import merge

    names = sorted(os.listdir(root))
    files = tuple((name, _file_digest(os.path.join(root, name))) for name in names)
    if any(digest is None for _, digest in files):
        raise ValueError(f"{root} holds something other than regular files: {names}")
    merged = merge([release])
    parts: list[tuple[str, int, int]] = []
    body = bytearray()
    for name, value in (*merged.tables.items(), (_PLACES, release.places)):
        data = _pickle(value)
        parts.append((name, len(body), len(body) + len(data)))
        body += data
    header = _pickle((FORMAT, layout(), files, release.info, tuple(merged.aliases.items()), tuple(parts)))
    rest = len(header).to_bytes(_LENGTH, "big") + header + bytes(body)
    return _MAGIC + _digest(rest) + rest
