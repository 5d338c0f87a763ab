"""Plain-text tables and JSON for the command line."""

from __future__ import annotations

import shutil
from collections.abc import Sequence
from typing import Any

from sinorussia._models import Actor, Discrepancy, Document, Event, Figure, Issue, Membership, Position, Source

__all__ = ["record_json", "render_records", "render_table", "summary_columns"]


def record_json(record: Any) -> dict[str, Any]:
    """A record as JSON-ready data; events also carry their derived CAMEO values."""
    from sinorussia._convert import unstructure_record

    data = unstructure_record(record)
    if isinstance(record, Event):
        data["goldstein"] = record.goldstein
        data["quad_class"] = int(record.quad_class)
    data["table"] = type(record).TABLE
    return data


def _cell(value: object) -> str:
    return " ".join(str(value).split())


def render_table(headers: Sequence[str], rows: Sequence[Sequence[object]]) -> str:
    """Columns padded to their widest cell; the last column is cut to the terminal."""
    if not rows:
        return "(no records)\n"
    cells = [[_cell(c) for c in row] for row in rows]
    widths = [max(len(h), *(len(r[i]) for r in cells)) for i, h in enumerate(headers)]
    total = shutil.get_terminal_size((160, 24)).columns
    room = max(20, total - sum(w + 2 for w in widths[:-1]))
    widths[-1] = min(widths[-1], room)

    def line(row: Sequence[str]) -> str:
        parts = [c.ljust(w) if i < len(row) - 1 else c[:w] for i, (c, w) in enumerate(zip(row, widths, strict=True))]
        return "  ".join(parts).rstrip()

    out = [line(headers), line(["-" * w for w in widths])]
    out.extend(line(row) for row in cells)
    return "\n".join(out) + "\n"


def _date(span: object) -> str:
    return "" if span is None else str(span)


def render_records(records: Sequence[Any]) -> str:
    """A readable table of records of one kind."""
    return render_table(*summary_columns(records))


def summary_columns(records: Sequence[Any]) -> tuple[tuple[str, ...], list[tuple[object, ...]]]:
    """``(headers, rows)``: the few columns that identify records of one kind at a glance.

    The command line's tables and the notebook's HTML tables both show these.
    """
    if not records:
        return (), []
    first = records[0]
    if isinstance(first, Event):
        return (
            ("when", "id", "kind", "cameo", "actors", "title"),
            [(str(e.when), e.id, e.kind.value, e.cameo, ",".join(e.actors), e.title) for e in records],
        )
    if isinstance(first, Document):
        return (
            ("date", "id", "kind", "parties", "title"),
            [(_date(d.date), d.id, d.kind.value, ",".join(d.parties), d.title) for d in records],
        )
    if isinstance(first, Position):
        return (
            ("when", "actor", "issue", "stance", "summary"),
            [(_date(p.when), p.actor, p.issue, p.stance.value, p.summary) for p in records],
        )
    if isinstance(first, Actor):
        return (("id", "kind", "country", "name"), [(a.id, a.kind.value, a.country or "", a.name) for a in records])
    if isinstance(first, Membership):
        return (
            ("period", "member", "status", "organization"),
            [(str(m.period), m.member, m.status.value, m.organization) for m in records],
        )
    if isinstance(first, Figure):
        return (
            ("id", "qualifier", "value", "unit", "description"),
            [(f.id, f.qualifier.value, f"{f.value:,}", f.unit, f.description) for f in records],
        )
    if isinstance(first, Discrepancy):
        return (
            ("record", "field", "adopted", "readings"),
            [(d.record, d.field, d.adopted, " | ".join(r.value for r in d.readings)) for d in records],
        )
    if isinstance(first, Source):
        return (("id", "kind", "title"), [(s.id, s.kind.value, s.title) for s in records])
    if isinstance(first, Issue):
        return (("id", "title"), [(i.id, i.title) for i in records])
    return (("id",), [(r.id,) for r in records])
