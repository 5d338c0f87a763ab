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


def minimal_event(**changes: Any) -> dict[str, Any]:
    """The smallest valid event as JSON: its required keys only; ``changes`` replace or add keys."""
    return {
        "id": "e-1",
        "when": "2016-06-25",
        "title": "t",
        "summary": "s",
        "kind": "visit",
        "cameo": "042",
        "actors": ["RUS"],
        "sources": [{"source": "art"}],
        **changes,
    }


def lines(*records: Mapping[str, Any]) -> bytes:
    """JSON Lines bytes of raw mappings (for hand-made faulty tables)."""
    return b"".join(json.dumps(r).encode() + b"\n" for r in records)


def minimal_rows() -> dict[str, list[dict[str, Any]]]:
    """One valid raw record per table, referring to each other (a fresh copy each call).

    Tests change one value of one row to show that exactly that fault is refused.
    """
    ref = [{"source": "art", "locator": "Intro", "quote": "words"}]
    return {
        "sources": [{"id": "art", "title": "The article", "kind": "article"}],
        "actors": [
            {"id": "CHN", "kind": "state", "name": "China", "sources": ref},
            {"id": "sco", "kind": "organization", "name": "SCO", "sources": ref},
        ],
        "issues": [{"id": "sco-expansion", "title": "SCO expansion", "summary": "s", "sources": ref}],
        "events": [
            {
                "id": "ev-1",
                "when": "2016-06-03/2016-06-06",
                "title": "t",
                "summary": "s",
                "kind": "visit",
                "cameo": "042",
                "actors": ["CHN"],
                "chronology": True,
                "chronology_order": 1,
                "sources": ref,
            }
        ],
        "documents": [
            {"id": "doc-1", "title": "t", "kind": "joint_statement", "summary": "s", "event": "ev-1", "sources": ref}
        ],
        "memberships": [
            {
                "id": "mem-1",
                "organization": "sco",
                "member": "CHN",
                "status": "member",
                "period": "2001/..",
                "sources": ref,
            }
        ],
        "positions": [
            {
                "id": "pos-1",
                "actor": "CHN",
                "issue": "sco-expansion",
                "stance": "support",
                "summary": "s",
                "sources": ref,
            }
        ],
        "figures": [{"id": "fig-1", "value": 2.5, "unit": "u", "description": "d", "sources": ref}],
        "discrepancies": [
            {
                "id": "dis-1",
                "record": "ev-1",
                "field": "when",
                "readings": [{"value": "a", "sources": ref}, {"value": "b", "sources": ref}],
                "adopted": "a",
                "rationale": "r",
                "sources": ref,
            }
        ],
    }


def write_rows(directory: Path, release_id: str, rows: Mapping[str, Iterable[Mapping[str, Any]]], **extra: Any) -> Path:
    """Write raw mappings as JSON Lines tables, with a manifest that matches them."""
    return write_raw(directory, release_id, {name: lines(*records) for name, records in rows.items()}, **extra)
