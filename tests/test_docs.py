"""The docs cover the public API, every guide is reachable, and the generated pages cover the data."""

from __future__ import annotations

import importlib.util
import re
import sys
from pathlib import Path
from types import ModuleType

import pytest

import sinorussia as sr
from sinorussia._models import RECORD_TYPES

DOCS = Path(__file__).resolve().parents[1] / "docs"


def _pages_extension() -> ModuleType:
    """docs/_ext/sinorussia_pages.py, the Sphinx extension that writes the data pages."""
    pytest.importorskip("sphinx", reason="the docs extra (sphinx) is not installed")
    spec = importlib.util.spec_from_file_location("sinorussia_pages", DOCS / "_ext" / "sinorussia_pages.py")
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules.setdefault("sinorussia_pages", module)
    spec.loader.exec_module(module)
    return module


def test_every_public_name_is_in_the_api_reference() -> None:
    """Each name of sinorussia.__all__ has an autodoc entry (or a py:data entry)."""
    api = (DOCS / "reference" / "api.md").read_text(encoding="utf-8")
    documented = set(re.findall(r"^```\{(?:auto\w+|py:data)\} sinorussia\.(\w+)$", api, flags=re.MULTILINE))
    assert [] == sorted(set(sr.__all__) - {"__version__"} - documented)


def test_every_guide_is_in_a_toctree() -> None:
    """No how-to page is orphaned: the index lists them all."""
    index = (DOCS / "index.md").read_text(encoding="utf-8")
    listed = set(re.findall(r"^howto/([\w-]+)$", index, flags=re.MULTILINE))
    assert sorted(p.stem for p in (DOCS / "howto").glob("*.md")) == sorted(listed)


def test_the_timeline_figure_is_a_committed_png() -> None:
    """docs/_static/timeline-2016.png exists, and the front page shows it."""
    data = (DOCS / "_static" / "timeline-2016.png").read_bytes()
    assert b"\x89PNG\r\n\x1a\n" == data[:8]
    assert "(_static/timeline-2016.png)" in (DOCS / "index.md").read_text(encoding="utf-8")


def test_data_dictionary_lists_every_column_and_the_counts_of_every_release() -> None:
    """Every field of every table, and each release's rows per table, appear on the page."""
    from sinorussia._columns import columns

    page = _pages_extension().data_dictionary()
    for name, cls in RECORD_TYPES.items():
        section = page.split(f"## {name} ({cls.__name__})")[1].split("\n## ")[0]
        for column in columns(cls):
            assert f"| `{column.name}` |" in section, (name, column.name)
    for release in sr.releases():
        for name, rows in release.rows.items():
            assert re.search(rf"^\| {name} \|.* {rows} \|", page, flags=re.MULTILINE), name


def test_discrepancy_register_lists_every_discrepancy_and_reading() -> None:
    """Each discrepancy's id, and each reading, appear; the adopted one is marked."""
    module = _pages_extension()
    page = module.discrepancy_register()
    for item in sr.discrepancies():
        assert f"discrepancy `{item.id}`" in page
        for reading in item.readings:
            assert f"| {module.md(reading.value)} | {'**yes**' if reading.value == item.adopted else ''} |" in page


def test_markdown_escaping_keeps_code_spans_and_table_cells() -> None:
    """``code`` becomes a code span; punctuation is escaped; a pipe cannot split a table cell."""
    md = _pages_extension().md
    assert r"See `sco` \(a \| b\)\." == md("See ``sco`` (a | b).")
    assert "`str \\| None`" == md("``str | None``")


def test_docs_ci_builds_with_warnings_as_errors_and_runs_the_examples() -> None:
    """.ci/docs.sh fails on any Sphinx warning and doctests every page."""
    script = (DOCS.parent / ".ci" / "docs.sh").read_text(encoding="utf-8")
    assert "sphinx-build -W" in script
    assert '--doctest-glob="*.md"' in script
