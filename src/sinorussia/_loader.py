"""Reading one release directory into records, or refusing it whole.

A release is read file by file: the manifest first (its paths checked as
strings before anything is opened), then each table, whose bytes must match the
manifest's sha256 and row count and whose every line must convert strictly.
Faults are collected (bounded) and raised as one ReleaseError; nothing is
returned unless the whole release is valid. Cross-release checks (references,
id clashes) happen when releases are merged (see ``_merge``).
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import stat
from pathlib import Path
from typing import TYPE_CHECKING, Any

import attrs

from sinorussia._convert import FieldError, structure_record
from sinorussia._jsonl import JsonError, decode_text, loads, split_lines
from sinorussia._manifest import ReleaseInfo, check_schema_version, check_table_path
from sinorussia._models import RECORD_TYPES, Record
from sinorussia._problems import Problems
from sinorussia._release import LoadedRelease
from sinorussia.exceptions import ReleaseError

if TYPE_CHECKING:  # importlib.resources is imported only where a zipped install needs it
    from sinorussia._resources import Traversable

__all__ = ["MANIFEST", "LoadedRelease", "read_manifest", "read_release"]

MANIFEST = "release.json"


def _read_bytes(root: Traversable, name: str) -> bytes:
    """Read one file of the release, refusing links, special files and escapes.

    ``name`` was already checked as a string (``check_table_path``). Every
    refusal, and every error of the file system, is a ``_FileRefusedError``.
    """
    entry = root.joinpath(name)
    if isinstance(entry, Path):
        return _read_disk_file(Path(str(root)), entry)
    # A zipped install or another Traversable: no links or devices to follow.
    try:
        if not entry.is_file():
            raise _FileRefusedError("is a directory, not a file" if entry.is_dir() else "file is missing")
        return entry.read_bytes()
    except OSError as error:
        raise _FileRefusedError(f"cannot read: {error}") from None


class _FileRefusedError(Exception):
    """A release file that is missing or not a plain file inside the release."""


def _read_disk_file(root: Path, path: Path) -> bytes:
    try:
        info = os.lstat(path)
    except FileNotFoundError:
        raise _FileRefusedError("file is missing") from None
    except OSError as error:
        raise _FileRefusedError(f"cannot read: {error.strerror}") from None
    if stat.S_ISLNK(info.st_mode):
        raise _FileRefusedError("is a symbolic link; release files must be plain files")
    if not stat.S_ISREG(info.st_mode):
        raise _FileRefusedError("is not a regular file (a directory, FIFO or device)")
    if path.resolve().parent != root.resolve():
        raise _FileRefusedError("lies outside the release directory")
    flags = os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_NONBLOCK", 0)
    try:
        fd = os.open(path, flags)
    except OSError as error:
        raise _FileRefusedError(f"cannot open: {error.strerror}") from None
    with os.fdopen(fd, "rb") as handle:
        if not stat.S_ISREG(os.fstat(handle.fileno()).st_mode):
            raise _FileRefusedError("is not a regular file")
        return handle.read()


def read_manifest(root: Traversable, *, origin: str = "", hint: str | None = None) -> ReleaseInfo:
    """Read and check ``release.json`` of the release at ``root``.

    ``hint`` names the release in errors until its own id is known.
    """
    try:
        data = _read_bytes(root, MANIFEST)
    except _FileRefusedError as error:
        raise ReleaseError(str(error), release=hint, file=MANIFEST) from None
    try:
        text = decode_text(data)
        raw = loads(text)
    except JsonError as error:
        raise ReleaseError(str(error), release=hint, file=MANIFEST, line=error.line, field=error.path) from None
    release = raw.get("id") if isinstance(raw, dict) and isinstance(raw.get("id"), str) else hint
    try:
        return _manifest_from_json(raw, origin)
    except FieldError as error:
        line = _line_of(text, error.path)
        raise ReleaseError(error.message, release=release, file=MANIFEST, line=line, field=error.path) from None


def _line_of(text: str, path: str) -> int | None:
    """The line of ``path``'s last key in a multi-line manifest, or None when unsure.

    A guess good for manifests written as ``seal`` writes them (one key per
    line): each key of the path is looked up after the previous one.
    """
    position = 0
    for key in re.findall(r"\.([^.\[]+)", path):
        found = text.find(json.dumps(key) + ":", position)
        if found < 0:
            return None
        position = found
    return text.count("\n", 0, position) + 1


def _manifest_from_json(raw: Any, origin: str) -> ReleaseInfo:
    if not isinstance(raw, dict):
        raise FieldError("$", "the manifest must be a JSON object")
    if "origin" in raw:
        raise FieldError("$.origin", "unknown field")
    # First, so that a release of a newer schema is refused for what it is,
    # not for whatever its unknown layout breaks below.
    if isinstance(raw.get("schema_version"), str):
        problem = check_schema_version(raw["schema_version"])
        if problem is not None:
            raise FieldError("$.schema_version", problem)
    tables = raw.get("tables")
    if not isinstance(tables, dict):
        raise FieldError("$.tables", "expected an object mapping each table name to {file, rows, sha256}")
    entries = []
    for name, entry in tables.items():
        if name not in RECORD_TYPES:
            raise FieldError(f"$.tables.{name}", f"unknown table; tables are: {', '.join(RECORD_TYPES)}")
        if not isinstance(entry, dict):
            raise FieldError(f"$.tables.{name}", "expected an object {file, rows, sha256}")
        if "name" in entry:  # the table's name is its key in "tables"
            raise FieldError(f"$.tables.{name}.name", "unknown field; a table entry has: file, rows, sha256")
        if isinstance(entry.get("file"), str):
            problem = check_table_path(entry["file"])
            if problem is not None:
                raise FieldError(f"$.tables.{name}.file", problem)
        entries.append({"name": name, **entry})
    names = list(tables)
    try:
        info = structure_record({**raw, "tables": entries}, ReleaseInfo)
    except FieldError as error:
        path = error.path
        if path.startswith("$.tables["):
            index = int(path[len("$.tables[") : path.index("]")])
            path = f"$.tables.{names[index]}{path[path.index(']') + 1 :]}"
        raise FieldError(path, error.message) from None
    return attrs.evolve(info, origin=origin)


def read_release(root: Traversable, *, origin: str = "", hint: str | None = None) -> LoadedRelease:
    """Read every file of the release at ``root``; ReleaseError on any fault."""
    info = read_manifest(root, origin=origin, hint=hint)
    problems = Problems(info.id)
    _check_unlisted(root, info, problems)
    tables: dict[str, tuple[Record, ...]] = {}
    places: dict[str, tuple[str, int]] = {}
    # The public API runs this with the garbage collector paused (``_bulk.build``).
    for table in info.tables:
        tables[table.name] = _read_table(root, info, table.name, problems, places)
    problems.raise_if_any()
    return LoadedRelease(info=info, tables=tables, places=places)


def _check_unlisted(root: Traversable, info: ReleaseInfo, problems: Problems) -> None:
    listed = {table.file for table in info.tables}
    try:
        names = sorted(entry.name for entry in root.iterdir())
    except OSError as error:
        problems.add(f"cannot list the release directory: {error}", file=root.name or ".")
        return
    for name in names:
        if name.endswith(".jsonl") and name not in listed:
            # A name that is not UTF-8 (held as lone surrogates) would break printing the error: escape it.
            problems.add("file is not listed in the manifest", file=name.encode("utf-8", "backslashreplace").decode())


def _read_table(
    root: Traversable,
    info: ReleaseInfo,
    name: str,
    problems: Problems,
    places: dict[str, tuple[str, int]],
) -> tuple[Record, ...]:
    table = info.table(name)
    try:
        data = _read_bytes(root, table.file)
    except _FileRefusedError as error:
        problems.add(f"{error} (the manifest lists it for table {name!r})", file=table.file)
        return ()
    digest = hashlib.sha256(data).hexdigest()
    if digest != table.sha256:
        problems.add(f"sha256 mismatch: manifest says {table.sha256}, file has {digest}", file=table.file)
        return ()
    try:
        text = decode_text(data)
    except JsonError as error:
        problems.add(str(error), file=table.file)
        return ()
    del data  # each copy of a large table held to the end would add to the load's peak memory
    lines = split_lines(text)
    del text
    if len(lines) != table.rows:
        problems.add(f"row count mismatch: manifest says {table.rows}, file has {len(lines)}", file=table.file)
        return ()
    cls = RECORD_TYPES[name]
    records: list[Record] = []
    lines.reverse()  # popped from the end, each line is freed once its record is built
    for number in range(1, len(lines) + 1):
        line = lines.pop()
        if problems.full:
            problems.truncated = True
            break
        try:
            record = structure_record(loads(line), cls)
        except JsonError as error:
            problems.add(str(error), file=table.file, line=number, field=error.path)
        except FieldError as error:
            problems.add(error.message, file=table.file, line=number, field=error.path)
        except RecursionError:
            problems.add("value nested too deeply", file=table.file, line=number, field="$")
        else:
            if record.id in places:
                first_file, first_line = places[record.id]
                problems.add(
                    f"duplicate id {record.id!r}, first used at {first_file}:{first_line}",
                    file=table.file,
                    line=number,
                    field="$.id",
                )
            else:
                places[record.id] = (table.file, number)
            records.append(record)
    return tuple(records)
