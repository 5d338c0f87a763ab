"""Citations: text, BibTeX and CSL-JSON for the package, the releases and their sources; CITATION.cff in step."""

from __future__ import annotations

import io
import json
import re
import tomllib
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

import sinorussia as sr
from sinorussia._cite import AUTHOR, PACKAGE_TITLE, tex
from sinorussia._cli import main

ROOT = Path(__file__).resolve().parents[1]


def _works() -> list[sr.Source]:
    return [s for s in sr.sources() if s.kind is not sr.SourceKind.GENERAL_KNOWLEDGE]


def _entries(bibtex: str) -> list[str]:
    return [entry for entry in bibtex.split("\n\n") if entry]


def test_text_names_the_package_each_release_and_each_work() -> None:
    """One paragraph each: the package with its version, the release with its data version, every work."""
    paragraphs = sr.cite().split("\n\n")
    assert f"{AUTHOR}. {PACKAGE_TITLE}. Version {sr.__version__}." == paragraphs[0]
    release = sr.releases()[0]
    assert paragraphs[1].startswith(f"{release.title}. Release {release.id}, data version {release.data_version}")
    assert 2 + len(_works()) == len(paragraphs)
    assert any(p.startswith('Yu Bin, "China-Russia Relations') for p in paragraphs)


def test_bibtex_has_one_well_formed_entry_per_item() -> None:
    """Keys are the ids, unique; braces balance; authors are kept whole; documents are @misc."""
    entries = _entries(sr.cite(format="bibtex"))
    keys = [re.match(r"@(\w+)\{([^,]+),", entry).groups() for entry in entries]  # type: ignore[union-attr]
    expected = [
        ("software", "sinorussia"),
        *(("dataset", r.id) for r in sr.releases()),
        *(("article" if s.kind is sr.SourceKind.ARTICLE else "misc", s.id) for s in _works()),
    ]
    assert expected == keys
    for entry in entries:
        body = re.sub(r"\\[{}]", "", entry)
        assert body.count("{") == body.count("}"), entry
    assert "  author = {{Yu Bin}}," in entries[[k for _, k in keys].index("yu-2016-reluctant-allies")]


@given(text=st.text(max_size=40))
def test_tex_escapes_every_special_character(text: str) -> None:
    """No bare & % $ # _ ~ ^ remains, and braces balance, whatever the text."""
    escaped = tex(text)
    assert re.search(r"(?<!\\)[&%$#_]", escaped) is None
    bare = re.sub(r"\\[{}]", "", escaped)
    depth = 0
    for char in bare:
        depth += {"{": 1, "}": -1}.get(char, 0)
        assert depth >= 0
    assert 0 == depth


def test_csl_json_is_a_list_of_items_reference_managers_read() -> None:
    """Ids unique, known types, authors as literals, dates as date-parts."""
    items = json.loads(sr.cite(format="csl-json"))
    assert ["sinorussia", *(r.id for r in sr.releases()), *(s.id for s in _works())] == [i["id"] for i in items]
    assert {"software", "dataset", "article-journal", "document"} >= {i["type"] for i in items}
    for item in items:
        for author in item.get("author", []):
            assert {"literal"} == set(author)
        for parts in item.get("issued", {}).get("date-parts", []):
            assert 1 <= len(parts) <= 3
            assert all(isinstance(p, int) for p in parts)
    article = next(i for i in items if i["id"] == "yu-2016-reluctant-allies")
    assert [[2016, 9]] == article["issued"]["date-parts"]


def test_an_unknown_format_is_a_query_error() -> None:
    """The error lists the three formats."""
    with pytest.raises(sr.QueryError, match="'text', 'bibtex', 'csl-json'"):
        sr.cite(format="apa")  # type: ignore[arg-type]


@pytest.mark.parametrize("style", ["text", "bibtex", "csl-json"])
def test_cite_command_prints_each_format(style: str) -> None:
    """`sinorussia cite --format F` prints what sr.cite(format=F) returns."""
    out = io.StringIO()
    assert 0 == main(["cite", "--format", style], out=out)
    assert sr.cite(format=style) + "\n" == out.getvalue()  # type: ignore[arg-type]


def test_citation_cff_is_in_step_with_the_package() -> None:
    """CITATION.cff names the package's title and version, and the article the release cites."""
    cff = (ROOT / "CITATION.cff").read_text(encoding="utf-8")
    version = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]["version"]
    assert [version, version] == re.findall(r"^\s*version: (\S+)$", cff, flags=re.MULTILINE)
    assert version == sr.__version__
    titles = re.findall(r'^\s*title: "(.*)"$', cff, flags=re.MULTILINE)
    article = sr.get("yu-2016-reluctant-allies")
    assert isinstance(article, sr.Source)
    assert [PACKAGE_TITLE, article.title, PACKAGE_TITLE] == titles
