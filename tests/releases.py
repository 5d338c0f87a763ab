"""Writing small releases to disk for tests."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

from sinorussia._models import RECORD_TYPES
from sinorussia._tools import canonical_manifest, canonical_table


def manifest_for(release_id: str, tables: Mapping[str, bytes], **extra: Any) -> dict[str, Any]:
    """A manifest whose counts and hashes match ``tables`` (name -> bytes)."""
    manifest: dict[str, Any] = {
        "id": release_id,
        "title": f"Test release {release_id}",
        "data_version": "1.0.0",
        "schema_version": "1.0",
        "coverage": "2016",
        "published": "2026-11-28",
        "license": "CC0-1.0",
        "sources": [],
        "requires": [],
        "tables": {},
    }
    manifest.update(extra)
    for name in RECORD_TYPES:
        data = tables.get(name, b"")
        manifest["tables"][name] = {
            "file": f"{name}.jsonl",
            "rows": data.count(b"\n"),
            "sha256": hashlib.sha256(data).hexdigest(),
        }
    return manifest


def write_raw(directory: Path, release_id: str, tables: Mapping[str, bytes], **extra: Any) -> Path:
    """Write tables given as bytes, with a manifest that matches them."""
    directory.mkdir(parents=True, exist_ok=True)
    for name in RECORD_TYPES:
        (directory / f"{name}.jsonl").write_bytes(tables.get(name, b""))
    (directory / "release.json").write_bytes(canonical_manifest(manifest_for(release_id, tables, **extra)))
    return directory


def write_release(directory: Path, release_id: str, tables: Mapping[str, Iterable[Any]], **extra: Any) -> Path:
    """Write records (model instances) as a valid, sealed release."""
    data = {name: canonical_table(list(records)) for name, records in tables.items()}
    return write_raw(directory, release_id, data, **extra)


def lines(*records: Mapping[str, Any]) -> bytes:
    """JSON Lines bytes of raw mappings (for hand-made faulty tables)."""
    return b"".join(json.dumps(r).encode() + b"\n" for r in records)
