"""Small HTML tables for Jupyter: one record, or a tuple of records.

Jupyter shows an object as HTML when it has a ``_repr_html_`` method. Records
get one from :class:`NotebookMixin` (a method that only formats, so models
still do no I/O). Query results stay plain tuples, as the API promises;
``table_html(results)`` shows them as a table. Everything is escaped.

Nothing here imports at module level beyond what a class definition needs:
the models import this module, and ``import sinorussia`` must stay light.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

__all__ = ["Html", "NotebookMixin", "record_html", "table_html"]

#: Rows shown before a table is cut, so a notebook cell stays readable.
MAX_ROWS = 60

_STYLE = "text-align:left;vertical-align:top"


class Html(str):
    """HTML text that Jupyter displays as HTML (and that is still a ``str``)."""

    __slots__ = ()

    def _repr_html_(self) -> str:
        return str(self)


class NotebookMixin:
    """Gives a record an HTML representation in Jupyter: a table of its fields."""

    __slots__ = ()

    def _repr_html_(self) -> str:
        return record_html(self)


def _escape(value: object) -> str:
    from html import escape

    return escape(str(value))


def _value_html(value: object) -> str:
    """A field's value as HTML: lists one per line, sources with their quotes."""
    import enum

    import attrs

    if value is None:
        return "<em>none</em>"
    if isinstance(value, enum.Enum):
        return _escape(value.value)
    if isinstance(value, tuple):
        if not value:
            return "<em>none</em>"
        if all(attrs.has(type(item)) for item in value):
            return "<br>".join(_nested_html(item) for item in value)
        return _escape(", ".join(str(item) for item in value))
    return _escape(value)


def _nested_html(item: Any) -> str:
    """A SourceRef as ``source, locator: “quote”``; a Reading as ``value`` and its sources."""
    if hasattr(item, "locator"):
        where = ", ".join(_escape(part) for part in (item.source, item.locator) if part)
        return where + (f": “{_escape(item.quote)}”" if item.quote else "")
    return f"<strong>{_escape(item.value)}</strong> ({'; '.join(_nested_html(ref) for ref in item.sources)})"


def record_html(record: Any) -> Html:
    """Every field of one record as a two-column HTML table; hover a name for its meaning.

    Examples:
        >>> import sinorussia as sr
        >>> html = sr.get("CHN")._repr_html_()
        >>> html.startswith("<table") and "<td" in html and "China" in html
        True
    """
    import attrs

    from sinorussia._columns import field_docs

    cls: type = type(record)
    meanings = {name: text.replace("``", "") for name, text in field_docs(cls).items()}
    rows = "".join(
        f'<tr><th style="{_STYLE}" title="{_escape(meanings.get(field.name, ""))}">{_escape(field.name)}</th>'
        f'<td style="{_STYLE}">{_value_html(getattr(record, field.name))}</td></tr>'
        for field in attrs.fields(cls)
    )
    caption = f"<caption>{_escape(cls.__name__)} <code>{_escape(getattr(record, 'id', ''))}</code></caption>"
    return Html(f"<table>{caption}<tbody>{rows}</tbody></table>")


def table_html(records: Iterable[Any], *, max_rows: int = MAX_ROWS) -> Html:
    """Query results as an HTML table (Jupyter shows it as one): the CLI's columns, one row per record.

    The result is a ``str``; a notebook cell that ends with it shows the table.

    Examples:
        >>> import sinorussia as sr
        >>> html = sr.table_html(sr.events(on="2016-06-25", kind="visit"))
        >>> ">title</th>" in html and "Putin visits Beijing" in html
        True
    """
    from sinorussia._render import summary_columns

    rows = tuple(records)
    if not rows:
        return Html("<p><em>no records</em></p>")
    shown = rows[:max_rows]  # cells only for the rows shown: a result may be long
    if len({type(record) for record in rows}) > 1:
        headers: tuple[str, ...] = ("table", "id")
        cells: list[tuple[object, ...]] = [(getattr(r, "TABLE", type(r).__name__), getattr(r, "id", "")) for r in shown]
    else:
        headers, cells = summary_columns(shown)
    head = "".join(f'<th style="{_STYLE}">{_escape(h)}</th>' for h in headers)
    body = "".join(
        "<tr>" + "".join(f'<td style="{_STYLE}">{_escape(cell)}</td>' for cell in line) + "</tr>" for line in cells
    )
    more = len(rows) - len(shown)
    note = f"<p><em>{more} more not shown (of {len(rows)})</em></p>" if more > 0 else ""
    return Html(f"<table><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>{note}")
