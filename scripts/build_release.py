"""Assemble the curation drafts into the shipped release cc-2016-2 (not shipped).

    python scripts/build_release.py

Reads curation/<table>.jsonl, derives each event's ``documents`` from the
documents' ``event`` field (one fact, kept in one place while curating), writes
src/sinorussia/data/cc-2016-2/ and seals it with the library's own sealing code,
then loads it to prove it valid, and writes its prevalidated form
(``scripts/prevalidate.py``).
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import attrs

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from sinorussia._convert import structure_record  # noqa: E402
from sinorussia._jsonl import loads  # noqa: E402
from sinorussia._models import RECORD_TYPES, Document, Event, Record  # noqa: E402
from sinorussia._registry import load_path  # noqa: E402
from sinorussia._tools import canonical_manifest, canonical_table, seal  # noqa: E402

sys.path.insert(0, str(ROOT / "scripts"))
import prevalidate  # noqa: E402 - a sibling script

RELEASE = ROOT / "src" / "sinorussia" / "data" / "cc-2016-2"
MANIFEST = {
    "id": "cc-2016-2",
    "title": "China-Russia relations, May-August 2016, from Comparative Connections Vol. 18 No. 2",
    "data_version": "0.1.0",
    "schema_version": "1.0",
    "coverage": "2016-05/2016-08",
    "published": "2026-11-28",
    "license": "CC-BY-4.0 (data curated by the sinorussia contributors; quotations from the source article "
    "remain the work of their author, Yu Bin, and are reproduced for citation)",
    "sources": ["yu-2016-reluctant-allies"],
    "requires": [],
    "description": "Every structured fact of Yu Bin, \"China-Russia Relations: Politics of 'Reluctant Allies'\", "
    "Comparative Connections Vol. 18 No. 2 (Sept. 2016), pp. 129-144: events, documents, SCO memberships, "
    "issues and positions, actors, figures, sources and the article's own discrepancies.",
}


def read_drafts() -> dict[str, list[Record]]:
    tables: dict[str, list[Record]] = {}
    for name, cls in RECORD_TYPES.items():
        path = ROOT / "curation" / f"{name}.jsonl"
        lines = path.read_text(encoding="utf-8").splitlines() if path.exists() else []
        tables[name] = [structure_record(loads(line), cls) for line in lines if line.strip()]
    return tables


def link_documents(tables: dict[str, list[Record]]) -> None:
    """Set each event's documents from the documents that name it."""
    by_event: dict[str, list[str]] = {}
    for document in tables["documents"]:
        assert isinstance(document, Document)
        if document.event is not None:
            by_event.setdefault(document.event, []).append(document.id)
    events = []
    for event in tables["events"]:
        assert isinstance(event, Event)
        linked = tuple(sorted(set(event.documents) | set(by_event.get(event.id, ()))))
        events.append(attrs.evolve(event, documents=linked))
    tables["events"] = events  # type: ignore[assignment]


def main() -> int:
    tables = read_drafts()
    link_documents(tables)
    RELEASE.mkdir(parents=True, exist_ok=True)
    manifest = {**MANIFEST, "tables": {}}
    for name, records in tables.items():
        (RELEASE / f"{name}.jsonl").write_bytes(canonical_table(records))
        manifest["tables"][name] = {"file": f"{name}.jsonl", "rows": 0, "sha256": "0" * 64}
    (RELEASE / "release.json").write_bytes(canonical_manifest(manifest))
    seal(RELEASE)
    dataset = load_path(RELEASE)
    print(json.dumps(dataset.counts()))
    return prevalidate.main([])


if __name__ == "__main__":
    raise SystemExit(main())
