"""Records and query results as small HTML tables in Jupyter; all text escaped."""

from __future__ import annotations

from html.parser import HTMLParser

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

import sinorussia as sr
from sinorussia._html import Html, record_html, table_html
from sinorussia._models import RECORD_TYPES
from sinorussia._render import summary_columns
from strategies import issues


class _Cells(HTMLParser):
    """Collects the text of each <th> and <td>, and every tag's name."""

    def __init__(self) -> None:
        super().__init__()
        self.cells: list[str] = []
        self.tags: list[str] = []
        self._inside = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)
        if tag in ("td", "th"):
            self._inside = True
            self.cells.append("")

    def handle_endtag(self, tag: str) -> None:
        if tag in ("td", "th"):
            self._inside = False

    def handle_data(self, data: str) -> None:
        if self._inside:
            self.cells[-1] += data


def _parse(html: str) -> _Cells:
    parser = _Cells()
    parser.feed(html)
    return parser


@pytest.mark.parametrize("table", RECORD_TYPES)
def test_every_shipped_record_shows_every_field(table: str) -> None:
    """A record's HTML is a table with one header cell per field."""
    for record in sr.load().table(table)[:20]:
        parsed = _parse(record._repr_html_())
        names = [f.name for f in attrs.fields(type(record))]
        assert names == parsed.cells[0::2]
        assert "table" == parsed.tags[0]


@given(issue=issues(), title=st.text(st.sampled_from("<>&\"' script/ab"), min_size=1, max_size=20))
def test_text_is_escaped_whatever_it_holds(issue: sr.Issue, title: str) -> None:
    """Markup in the data is shown as text: no tag appears that the renderer did not write."""
    record = attrs.evolve(issue, title=title)
    parsed = _parse(record_html(record))
    assert title == parsed.cells[parsed.cells.index("title") + 1]
    assert set(parsed.tags) <= {"table", "caption", "code", "tbody", "tr", "th", "td", "em", "br", "strong"}


def test_sources_show_their_quotes() -> None:
    """A record's sources appear with locator and quote."""
    visit = sr.get("2016-06-25-putin-visits-beijing")
    assert visit is not None
    html = visit._repr_html_()
    first = visit.sources[0]
    assert first.quote is not None
    assert f"{first.source}, {first.locator}: “{first.quote}”" in _parse(html).cells[-3]


def test_query_results_as_a_table() -> None:
    """table_html: the command line's columns, one row per record, as a str Jupyter renders."""
    found = sr.events(on="2016-06-25", match="within")
    html = table_html(found)
    headers, rows = summary_columns(found)
    parsed = _parse(html)
    assert isinstance(html, str)
    assert html == html._repr_html_()
    assert [*headers, *(str(cell) for row in rows for cell in row)] == parsed.cells


def test_long_results_are_cut_with_a_note() -> None:
    """Past max_rows the table stops and says how many more there are."""
    found = sr.events()
    html = table_html(found, max_rows=5)
    assert 5 == html.count("<tr>") - 1
    assert f"{len(found) - 5} more not shown (of {len(found)})" in html


def test_empty_and_mixed_results() -> None:
    """No records is a short note; records of several tables show their table and id."""
    assert Html("<p><em>no records</em></p>") == table_html(())
    mixed = [sr.get("CHN"), sr.get("sco-expansion"), sr.get("2016-06-25-putin-visits-beijing")]
    cells = _parse(table_html(mixed)).cells
    expected = ["table", "id", "actors", "CHN", "issues", "sco-expansion", "events", "2016-06-25-putin-visits-beijing"]
    assert expected == cells
