"""Release authors' tools: scaffold, canonical form, sealing.

The canonical form of a table is one record per line, every field present, keys
sorted, UTF-8 without ASCII escapes, a final newline; records in the table's
documented order. Sealing rewrites each table in that form and the manifest's
row counts and hashes. The shipped release is sealed by this same code.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import secrets
import stat
from datetime import date
from pathlib import Path
from typing import Any

from sinorussia._convert import FieldError, structure_record, unstructure_record
from sinorussia._jsonl import JsonError, decode_text, loads, split_lines
from sinorussia._manifest import SCHEMA_VERSION, check_table_path
from sinorussia._merge import sort_key
from sinorussia._models import RECORD_TYPES, SLUG, Record
from sinorussia._problems import Problems
from sinorussia.exceptions import ReleaseError

__all__ = ["canonical_manifest", "canonical_table", "dumps", "new_release", "seal", "unsealed"]


def dumps(value: Any) -> str:
    """One canonical JSON line (no trailing newline)."""
    return json.dumps(value, sort_keys=True, ensure_ascii=False, separators=(", ", ": "), allow_nan=False)


def canonical_table(records: list[Record] | tuple[Record, ...]) -> bytes:
    """The canonical bytes of a table holding ``records``."""
    ordered = sorted(records, key=sort_key)
    return "".join(dumps(unstructure_record(r)) + "\n" for r in ordered).encode("utf-8")


def canonical_manifest(manifest: dict[str, Any]) -> bytes:
    """The canonical bytes of a manifest (indented, keys sorted, final newline)."""
    text = json.dumps(manifest, sort_keys=True, ensure_ascii=False, indent=2, allow_nan=False)
    return (text + "\n").encode("utf-8")


def new_release(directory: Path, release_id: str, *, title: str | None = None) -> None:
    """Write a valid, empty release into ``directory`` (which must be empty or absent).

    Raises ValueError for an id that is not a slug, FileExistsError when
    ``directory`` holds anything.
    """
    if re.fullmatch(SLUG, release_id) is None:
        raise ValueError(f"{release_id!r} is not a release id: lowercase letters and digits in words joined by '-'")
    if directory.exists() and (not directory.is_dir() or any(directory.iterdir())):
        raise FileExistsError(f"{directory} is not an empty directory")
    directory.mkdir(parents=True, exist_ok=True)
    tables: dict[str, dict[str, object]] = {}
    manifest: dict[str, object] = {
        "id": release_id,
        "title": title or f"Release {release_id}",
        "data_version": "0.1.0",
        "schema_version": SCHEMA_VERSION,
        "coverage": str(date.today().year),
        "published": date.today().isoformat(),
        "license": "CC-BY-4.0",
        "sources": [],
        "requires": [],
        "description": None,
        "tables": tables,
    }
    for name in RECORD_TYPES:
        (directory / f"{name}.jsonl").write_bytes(b"")
        tables[name] = {"file": f"{name}.jsonl", "rows": 0, "sha256": hashlib.sha256(b"").hexdigest()}
    (directory / "release.json").write_bytes(canonical_manifest(manifest))


def seal(directory: Path, *, check: bool = False) -> list[str]:
    """Rewrite tables canonically and the manifest's counts and hashes.

    With ``check=True`` nothing is written; the files that would change are
    returned. Nothing is written either when any table does not parse: the
    ReleaseError raised then lists every fault (bounded). A table missing from
    the manifest is added under its usual file name; a listed file that does
    not exist is written empty. Each file is replaced whole (written aside,
    then renamed), so an interrupted seal leaves no half-written file.
    """
    _, outputs = _sealed(directory)
    changed = [path for path, data in outputs.items() if not path.exists() or path.read_bytes() != data]
    if not check:
        for path in changed:
            _replace(path, outputs[path])
    return [path.name for path in changed]


def unsealed(directory: Path) -> None:
    """Raise a ReleaseError naming each file ``seal`` would rewrite, and its first such line.

    A valid release is sealed: its files are exactly their canonical form.
    """
    release, outputs = _sealed(directory)
    problems = Problems(release)
    for path, data in outputs.items():
        current = path.read_bytes() if path.is_file() else b""
        if current == data:
            continue
        line = next(
            (n for n, (a, b) in enumerate(zip(current.splitlines(), data.splitlines(), strict=False), 1) if a != b),
            min(current.count(b"\n"), data.count(b"\n")) + 1,
        )
        problems.add(
            "not in canonical form (keys sorted, every field present, records in order, counts and hashes"
            " up to date); run `sinorussia seal` on the release",
            file=path.name,
            line=line,
        )
    problems.raise_if_any()


def _sealed(directory: Path) -> tuple[str, dict[Path, bytes]]:
    """The release's name and the canonical bytes of each of its files; ReleaseError if a table is bad."""
    manifest_path = directory / "release.json"
    try:
        manifest = loads(decode_text(manifest_path.read_bytes()))
    except (OSError, JsonError) as error:
        raise ReleaseError(f"cannot read the manifest: {error}", file="release.json") from None
    if not isinstance(manifest, dict) or not isinstance(manifest.get("tables"), dict):
        raise ReleaseError("the manifest must be an object with a 'tables' object", file="release.json")
    release = str(manifest["id"]) if isinstance(manifest.get("id"), str) else str(directory)
    problems = Problems(release)
    outputs: dict[Path, bytes] = {}
    for name, cls in RECORD_TYPES.items():
        entry = manifest["tables"].setdefault(name, {"file": f"{name}.jsonl"})
        file = entry.get("file") if isinstance(entry, dict) else None
        # Untrusted paths are checked as strings before anything is opened or written.
        problem = check_table_path(file) if isinstance(file, str) else "expected an object with a 'file' name"
        if problem is not None or not isinstance(file, str):
            problems.add(problem or "no file name", file="release.json", line=1, field=f"$.tables.{name}")
            continue
        path = directory / file
        if path in outputs:
            problems.add(f"{file!r} is named by two tables", file="release.json", line=1, field=f"$.tables.{name}")
            continue
        if path.is_symlink() or (path.exists() and not path.is_file()):
            problems.add("is not a plain file; release files must be plain files", file=file)
            continue
        records = _parse(path, cls, problems) if path.exists() else []
        data = canonical_table(records)
        outputs[path] = data
        entry["rows"] = len(records)
        entry["sha256"] = hashlib.sha256(data).hexdigest()
    problems.raise_if_any()
    outputs[manifest_path] = canonical_manifest(manifest)
    return release, outputs


def _replace(path: Path, data: bytes) -> None:
    """Write ``data`` to ``path`` through a temporary file in the same directory.

    The file keeps its permissions; a new one gets the usual ones (0o666 less
    the umask), as a plain write would give it.
    """
    temporary = path.with_name(f".{path.name}.{secrets.token_hex(6)}.tmp")
    handle = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666)
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
        if path.exists():
            temporary.chmod(stat.S_IMODE(path.stat().st_mode))
        temporary.replace(path)
    except BaseException:
        temporary.unlink(missing_ok=True)
        raise


def _parse(path: Path, cls: type[Record], problems: Problems) -> list[Record]:
    records: list[Record] = []
    try:
        lines = split_lines(decode_text(path.read_bytes()))
    except JsonError as error:
        problems.add(str(error), file=path.name)
        return records
    for number, line in enumerate(lines, 1):
        if not line.strip():
            continue
        try:
            records.append(structure_record(loads(line), cls))
        except JsonError as error:
            problems.add(str(error), file=path.name, line=number, field=error.path)
        except FieldError as error:
            problems.add(error.message, file=path.name, line=number, field=error.path)
    return records
