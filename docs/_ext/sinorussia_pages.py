"""A Sphinx extension that writes the pages drawn from the models and the data.

At the start of every build it writes ``reference/data-dictionary.md`` (every
column of every table: type, whether required, meaning, allowed values; and the
rows per table of each installed release) and ``reference/discrepancies.md``
(the discrepancy register). A file is rewritten only when its text changes, so
incremental builds stay incremental. A field without a meaning in its model's
``Attributes:`` docstring section is a warning, which ``-W`` makes an error.
"""

from __future__ import annotations

import enum
import re
import typing
from pathlib import Path
from typing import Any

import attrs
from sphinx.application import Sphinx
from sphinx.util import logging

import sinorussia as sr
from sinorussia._columns import Column, columns
from sinorussia._models import RECORD_TYPES, Reading, SourceRef

LOG = logging.getLogger(__name__)

_PUNCTUATION = re.compile(r"([!-/:-@\[-`{-~])")
_MODULE_PATH = re.compile(r"\b(?:[a-z_]+\.)+([A-Za-z_]+)")

_KIND_NAMES = {
    "string": "text",
    "integer": "integer",
    "number": "number",
    "boolean": "true / false",
    "enum": "one of the values listed",
    "span": "EDTF date (text)",
    "date": "ISO day",
    "list": "list of text",
    "objects": "list of records",
}


def md(text: object) -> str:
    """Docstring or data text made safe for Markdown.

    Every ASCII punctuation mark is escaped (CommonMark allows it), except that
    reST's double-backquoted ``code`` becomes a Markdown code span.
    """
    parts = re.split(r"``(.+?)``", " ".join(str(text).split()))
    return "".join(_code(part) if index % 2 else _PUNCTUATION.sub(r"\\\1", part) for index, part in enumerate(parts))


def _code(text: str) -> str:
    """A code span that is safe in a table cell too (GFM splits cells at any unescaped ``|``)."""
    text = text.replace("|", "\\|")
    return f"``{text}``" if "`" in text else f"`{text}`"


def _python_type(cls: type, name: str) -> str:
    for field in attrs.fields(attrs.resolve_types(cls)):
        if field.name == name:
            kind = field.type
            if isinstance(kind, type) and not typing.get_args(kind):
                return kind.__name__
            return _MODULE_PATH.sub(r"\1", str(kind)).replace("typing.", "")
    return "derived"


def _meaning(column: Column) -> str:
    text = md(column.description)
    if column.values:
        text += " Values: " + ", ".join(_code(v) for v in column.values) + "."
    if column.kind == "objects" and column.item is not None:
        text += f" Each a [{column.item.__name__}](#{column.item.__name__.lower()})."
    return text


def _table_section(title: str, cls: type, anchor: str) -> list[str]:
    summary = (cls.__doc__ or "").strip().split("\n\n")[0]
    lines = [
        f"({anchor})=",
        f"## {title}",
        "",
        md(summary),
        "",
        "| column | Python type | in CSV | required | meaning |",
        "|---|---|---|---|---|",
    ]
    for column in columns(cls):
        if not column.description:
            LOG.warning("data dictionary: field %s.%s has no meaning in its docstring", cls.__name__, column.name)
        kind = _KIND_NAMES[column.kind] + (" (derived)" if column.derived else "")
        python = "—" if column.derived else _code(_python_type(cls, column.name))
        lines.append(
            f"| {_code(column.name)} | {python} | {kind} | {'yes' if column.required else 'no'} | {_meaning(column)} |"
        )
    return [*lines, ""]


def _counts() -> list[str]:
    infos = sr.releases()
    lines = [
        "| table | " + " | ".join(_code(info.id) for info in infos) + " |",
        "|---|" + "---:|" * len(infos),
    ]
    for name in RECORD_TYPES:
        lines.append(f"| {name} | " + " | ".join(str(info.rows.get(name, 0)) for info in infos) + " |")
    lines.append("| **all** | " + " | ".join(f"**{sum(info.rows.values())}**" for info in infos) + " |")
    return lines


def data_dictionary() -> str:
    """The data dictionary page, as MyST Markdown."""
    lines = [
        "# Data dictionary",
        "",
        "Every table and every column, as the CSV, Data Package, Parquet and pandas exports write them. "
        "Written from the models and the installed releases when these docs are built, so it is never out of date. "
        "*Derived* columns are computed from a field (a date span's first and last day and its precision; an "
        "event's Goldstein score and quad class, from its CAMEO code) and are not needed to rebuild a record.",
        "",
        "Ids: a state's is its ISO 3166-1 alpha-3 code (`CHN`), every other record's a lowercase slug; "
        "ids are unique across all tables. Dates are EDTF text at the precision the source supports "
        "(see {py:class}`sinorussia.DateSpan`). In CSV, an empty cell is a missing value, and lists and nested "
        "records are JSON.",
        "",
        "## Rows per table and release",
        "",
        *_counts(),
        "",
    ]
    for name, cls in RECORD_TYPES.items():
        lines += _table_section(f"{name} ({cls.__name__})", cls, f"table-{name}")
    lines += _table_section("SourceRef (inside sources)", SourceRef, "sourceref")
    lines += _table_section("Reading (inside a discrepancy's readings)", Reading, "reading")
    lines += ["## Vocabularies", ""]
    for vocabulary in _vocabularies():
        lines += [f"### {vocabulary.__name__}", "", md((vocabulary.__doc__ or "").strip()), ""]
        lines += [", ".join(_code(str(member.value)) for member in vocabulary), ""]
    return "\n".join(lines)


def _vocabularies() -> list[type[enum.Enum]]:
    found: dict[str, type[enum.Enum]] = {}
    for cls in RECORD_TYPES.values():
        for field in attrs.fields(attrs.resolve_types(cls)):
            kind = field.type
            if isinstance(kind, type) and issubclass(kind, enum.Enum):
                found[kind.__name__] = kind
    return [found[name] for name in sorted(found)]


def _refs(refs: tuple[SourceRef, ...]) -> str:
    parts = []
    for ref in refs:
        where = ", ".join(md(part) for part in (ref.source, ref.locator) if part)
        parts.append(where + (f": “{md(ref.quote)}”" if ref.quote else ""))
    return "<br>".join(parts)


def discrepancy_register() -> str:
    """The discrepancy register page, as MyST Markdown."""
    found = sr.load().discrepancies()
    lines = [
        "# Discrepancy register",
        "",
        f"Where the source contradicts itself or is likely wrong: {len(found)} places in the installed releases. "
        "For each, every reading with the words that give it, the reading the data adopts, and why. Written from "
        "the data when these docs are built; in Python, `sr.discrepancies()`; on the command line, "
        "`sinorussia discrepancies`.",
        "",
    ]
    for item in found:
        record = sr.get(item.record)
        title = getattr(record, "title", None) or getattr(record, "name", None) or item.record
        lines += [
            f"## {md(title)}: {md(item.field)}",
            "",
            f"Record {_code(item.record)}, field {_code(item.field)}; discrepancy {_code(item.id)}.",
            "",
            "| reading | adopted | where it is found |",
            "|---|---|---|",
        ]
        for reading in item.readings:
            adopted = "**yes**" if reading.value == item.adopted else ""
            lines.append(f"| {md(reading.value)} | {adopted} | {_refs(reading.sources)} |")
        lines += ["", f"**Why:** {md(item.rationale)}", ""]
    return "\n".join(lines)


def _write(path: Path, text: str) -> None:
    if not path.exists() or path.read_text(encoding="utf-8") != text:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")


def _generate(app: Sphinx) -> None:
    reference = Path(app.srcdir) / "reference"
    _write(reference / "data-dictionary.md", data_dictionary() + "\n")
    _write(reference / "discrepancies.md", discrepancy_register() + "\n")


def setup(app: Sphinx) -> dict[str, Any]:
    """Register the page generator with Sphinx."""
    app.connect("builder-inited", _generate)
    return {"version": "1", "parallel_read_safe": True, "parallel_write_safe": True}
