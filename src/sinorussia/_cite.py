"""Citations of the package, its releases and their sources."""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Literal

if TYPE_CHECKING:
    from sinorussia._dataset import Dataset
    from sinorussia._models import Source

__all__ = ["cite"]

Format = Literal["text", "bibtex", "csl-json"]
PACKAGE_TITLE = "sinorussia: a sourced dataset of China-Russia relations for Python"


def cite(dataset: Dataset | None = None, *, format: Format = "text") -> str:  # noqa: A002 - the public keyword
    """How to cite the data: the package, each release and the works they draw on.

    ``format`` is ``"text"`` (plain references, one per paragraph), ``"bibtex"``
    or ``"csl-json"``.

    Examples:
        >>> import sinorussia as sr
        >>> "Yu Bin" in sr.cite()
        True
    """
    from sinorussia import __version__
    from sinorussia._enums import SourceKind
    from sinorussia._registry import load
    from sinorussia.exceptions import QueryError

    ds = dataset if dataset is not None else load()
    works = [s for s in ds.sources() if s.kind is not SourceKind.GENERAL_KNOWLEDGE]
    if format == "text":
        lines = [f"sinorussia contributors. {PACKAGE_TITLE}. Version {__version__}."]
        for release in ds.releases:
            lines.append(
                f"{release.title}. Release {release.id}, data version {release.data_version}, "
                f"published {release.published.isoformat()}. Licence: {release.license}."
            )
        lines.extend(_text(source) for source in works)
        return "\n\n".join(lines)
    if format == "bibtex":
        entries = [
            "@software{sinorussia,\n  title = {" + PACKAGE_TITLE + "},\n  author = {{sinorussia contributors}},\n"
            f"  version = {{{__version__}}}\n}}"
        ]
        for release in ds.releases:
            entries.append(
                f"@dataset{{{release.id},\n  title = {{{release.title}}},\n  version = {{{release.data_version}}},\n"
                f"  date = {{{release.published.isoformat()}}}\n}}"
            )
        entries.extend(_bibtex(source) for source in works)
        return "\n\n".join(entries)
    if format == "csl-json":
        items: list[dict[str, object]] = [
            {"id": "sinorussia", "type": "software", "title": PACKAGE_TITLE, "version": __version__}
        ]
        for release in ds.releases:
            items.append({"id": release.id, "type": "dataset", "title": release.title, "version": release.data_version})
        for source in works:
            item: dict[str, object] = {"id": source.id, "type": "article-journal", "title": source.title}
            if source.author:
                item["author"] = [{"literal": source.author}]
            if source.publication:
                item["container-title"] = source.publication
            if source.date:
                item["issued"] = {"date-parts": [[source.date.earliest.year, source.date.earliest.month]]}
            items.append(item)
        return json.dumps(items, ensure_ascii=False, indent=2)
    raise QueryError(f"format={format!r}: allowed: 'text', 'bibtex', 'csl-json'")


def _text(source: Source) -> str:
    parts = [source.author, f'"{source.title}"', source.publication]
    if source.date is not None:
        parts.append(
            source.date.earliest.strftime("%B %Y") if source.date.precision.value != "year" else str(source.date)
        )
    text = ", ".join(part for part in parts if part)
    return text + "." + (f" {source.url}" if source.url else "")


def _bibtex(source: Source) -> str:
    fields = {"title": source.title, "author": source.author, "journal": source.publication}
    if source.date is not None:
        fields["year"] = str(source.date.earliest.year)
    body = ",\n".join(f"  {key} = {{{value}}}" for key, value in fields.items() if value)
    return f"@article{{{source.id},\n{body}\n}}"
