"""Release authors' tools: scaffold, canonical form, sealing.

The canonical form of a table is one record per line, every field present, keys
sorted, UTF-8 without ASCII escapes, a final newline; records in the table's
documented order. Sealing rewrites each table in that form and the manifest's
row counts and hashes. The shipped release is sealed by this same code.
"""

from __future__ import annotations

import hashlib
import json
from datetime import date
from pathlib import Path
from typing import Any

from sinorussia._convert import FieldError, structure_record, unstructure_record
from sinorussia._jsonl import JsonError, decode_text, loads, split_lines
from sinorussia._manifest import SCHEMA_VERSION
from sinorussia._merge import sort_key
from sinorussia._models import RECORD_TYPES, Record
from sinorussia._problems import Problems
from sinorussia.exceptions import ReleaseError

__all__ = ["canonical_manifest", "canonical_table", "dumps", "new_release", "seal"]


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
    """Write a valid, empty release into ``directory`` (which must be empty or absent)."""
    if directory.exists() and any(directory.iterdir()):
        raise FileExistsError(f"{directory} is not empty")
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
    returned. Raises ReleaseError when a table does not parse.
    """
    manifest_path = directory / "release.json"
    try:
        manifest = loads(decode_text(manifest_path.read_bytes()))
    except (OSError, JsonError) as error:
        raise ReleaseError(f"cannot read the manifest: {error}", file="release.json") from None
    if not isinstance(manifest, dict) or not isinstance(manifest.get("tables"), dict):
        raise ReleaseError("the manifest must be an object with a 'tables' object", file="release.json")
    release = manifest.get("id") if isinstance(manifest.get("id"), str) else str(directory)
    problems = Problems(release)
    outputs: dict[Path, bytes] = {}
    for name, cls in RECORD_TYPES.items():
        entry = manifest["tables"].setdefault(name, {"file": f"{name}.jsonl"})
        path = directory / entry["file"]
        records = _parse(path, cls, problems) if path.exists() else []
        data = canonical_table(records)
        outputs[path] = data
        entry["rows"] = len(records)
        entry["sha256"] = hashlib.sha256(data).hexdigest()
    problems.raise_if_any()
    outputs[manifest_path] = canonical_manifest(manifest)
    changed = [path.name for path, data in outputs.items() if not path.exists() or path.read_bytes() != data]
    if not check:
        for path, data in outputs.items():
            if not path.exists() or path.read_bytes() != data:
                path.write_bytes(data)
    return changed


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
