"""Check the curation drafts in curation/*.jsonl (a curator's tool, not shipped).

Each file is named after its table (``events.jsonl``, ``actors.jsonl`` ...).
Reports, per record: conversion errors (bad field, bad enum, bad date), quotes
that are not verbatim in the article, duplicate ids, and references to ids that
no draft defines. Exit status 1 when anything is wrong.

    python scripts/check_curation.py            # everything
    python scripts/check_curation.py events     # one table's own errors, plus refs
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT / "src"), str(ROOT / "tests")]

from seed_text import article_text, footer_text  # noqa: E402
from sinorussia._convert import FieldError, structure_record  # noqa: E402
from sinorussia._models import RECORD_TYPES  # noqa: E402
from sinorussia._references import references  # noqa: E402


def main(argv: list[str]) -> int:
    only = set(argv)
    article = article_text() + " " + footer_text()
    records: dict[str, tuple[str, int, object]] = {}
    problems: list[str] = []
    for table, cls in RECORD_TYPES.items():
        path = ROOT / "curation" / f"{table}.jsonl"
        if not path.exists():
            continue
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if not line.strip():
                continue
            where = f"{path.name}:{number}"
            try:
                raw = json.loads(line)
                record = structure_record(raw, cls)
            except (ValueError, FieldError) as error:
                problems.append(f"{where}: {error}")
                continue
            rid = record.id
            if rid in records:
                problems.append(f"{where}: duplicate id {rid!r} (also {records[rid][0]}:{records[rid][1]})")
            records[rid] = (path.name, number, record)
            for ref in _source_refs(record):
                if ref.quote and article and _norm(ref.quote) not in article:
                    problems.append(f"{where}: quote not verbatim in the article: {ref.quote[:90]!r}")
    for rid, (name, number, record) in records.items():
        for field, target, _kinds in references(record):
            if target not in records:
                problems.append(f"{name}:{number}: {rid}.{field} -> {target!r} is not defined by any draft")
    shown = [p for p in problems if not only or any(p.startswith(f"{t}.jsonl") for t in only)]
    for problem in shown:
        print(problem)
    counts = {}
    for name, _, _ in records.values():
        counts[name] = counts.get(name, 0) + 1
    print(f"{len(records)} records {dict(sorted(counts.items()))}; {len(shown)} problems", file=sys.stderr)
    return 1 if shown else 0


def _norm(text: str) -> str:
    from seed_text import normalise

    return normalise(text)


def _source_refs(record: object) -> list:
    refs = list(getattr(record, "sources", ()))
    for reading in getattr(record, "readings", ()):
        refs.extend(reading.sources)
    return refs


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
