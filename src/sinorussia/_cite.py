"""Citations of the package, its releases and their sources.

Authors are kept whole: the sources name people family name first ("Yu Bin")
and name offices ("Ministry of Foreign Affairs of ..."), which BibTeX would
otherwise split into given and family names. So BibTeX gets them in braces and
CSL-JSON as ``literal`` names. CITATION.cff names the same package and version
(a test keeps the two in step).
"""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Any, Literal

if TYPE_CHECKING:
    from sinorussia._dataset import Dataset
    from sinorussia._dates import DateSpan
    from sinorussia._manifest import ReleaseInfo
    from sinorussia._models import Source

__all__ = ["AUTHOR", "PACKAGE_TITLE", "cite"]

Format = Literal["text", "bibtex", "csl-json"]
PACKAGE_TITLE = "sinorussia: a sourced dataset of China-Russia relations for Python"
AUTHOR = "sinorussia contributors"

_TEX_SPECIAL = {
    "\\": r"\textbackslash{}",
    "{": r"\{",
    "}": r"\}",
    "&": r"\&",
    "%": r"\%",
    "$": r"\$",
    "#": r"\#",
    "_": r"\_",
    "~": r"\textasciitilde{}",
    "^": r"\textasciicircum{}",
}


def cite(dataset: Dataset | None = None, *, format: Format = "text") -> str:  # noqa: A002 - the public keyword
    """How to cite the data: the package, each release and the works they draw on.

    ``format`` is ``"text"`` (plain references, one per paragraph), ``"bibtex"``
    or ``"csl-json"``. General knowledge is not a work, and is not cited.

    Examples:
        >>> import sinorussia as sr
        >>> "Yu Bin" in sr.cite()
        True
        >>> "author = {{Yu Bin}}" in sr.cite(format="bibtex")
        True
    """
    from sinorussia import __version__
    from sinorussia._enums import SourceKind
    from sinorussia._registry import load
    from sinorussia.exceptions import QueryError

    ds = dataset if dataset is not None else load()
    works = [s for s in ds.sources() if s.kind is not SourceKind.GENERAL_KNOWLEDGE]
    if format == "text":
        lines = [f"{AUTHOR}. {PACKAGE_TITLE}. Version {__version__}."]
        for release in ds.releases:
            lines.append(
                f"{release.title}. Release {release.id}, data version {release.data_version}, "
                f"published {release.published.isoformat()}. Licence: {release.license}."
            )
        lines.extend(_text(source) for source in works)
        return "\n\n".join(lines)
    if format == "bibtex":
        entries = [_bibtex_entry("software", "sinorussia", title=PACKAGE_TITLE, author=AUTHOR, version=__version__)]
        entries.extend(_bibtex_release(release) for release in ds.releases)
        entries.extend(_bibtex(source) for source in works)
        return "\n\n".join(entries)
    if format == "csl-json":
        items: list[dict[str, object]] = [
            {
                "id": "sinorussia",
                "type": "software",
                "title": PACKAGE_TITLE,
                "author": [{"literal": AUTHOR}],
                "version": __version__,
            }
        ]
        items.extend(_csl_release(release) for release in ds.releases)
        items.extend(_csl(source) for source in works)
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


def tex(text: str) -> str:
    """``text`` with TeX's special characters escaped, for a BibTeX field.

    Examples:
        >>> tex("R&D: 100% {new}")
        'R\\\\&D: 100\\\\% \\\\{new\\\\}'
    """
    return "".join(_TEX_SPECIAL.get(char, char) for char in text)


def _bibtex_entry(kind: str, key: str, **fields: str | None) -> str:
    """One entry; text fields escaped, ``author`` kept whole in braces, ``url`` verbatim."""
    lines = []
    for name, value in fields.items():
        if value:
            text = "{" + tex(value) + "}" if name == "author" else value if name == "url" else tex(value)
            lines.append(f"  {name} = {{{text}}}")
    return f"@{kind}{{{key},\n" + ",\n".join(lines) + "\n}"


def _bibtex_release(release: ReleaseInfo) -> str:
    return _bibtex_entry(
        "dataset",
        release.id,
        title=release.title,
        author=AUTHOR,
        version=release.data_version,
        date=release.published.isoformat(),
        note=f"Release {release.id} of the sinorussia package",
    )


def _bibtex(source: Source) -> str:
    from sinorussia._enums import SourceKind

    article = source.kind is SourceKind.ARTICLE
    return _bibtex_entry(
        "article" if article else "misc",
        source.id,
        title=source.title,
        author=source.author,
        journal=source.publication if article else None,
        howpublished=None if article else source.publication,
        year=str(source.date.earliest.year) if source.date else None,
        url=source.url,
    )


def _date_parts(span: DateSpan) -> list[list[int]]:
    """CSL ``date-parts`` to the span's precision: [[2016]], [[2016, 9]] or [[2016, 9, 1]]."""
    day = span.earliest
    parts = [day.year, day.month, day.day]
    return [parts[: {"year": 1, "month": 2}.get(span.precision.value, 3)]]


def _csl_release(release: ReleaseInfo) -> dict[str, object]:
    day = release.published
    return {
        "id": release.id,
        "type": "dataset",
        "title": release.title,
        "author": [{"literal": AUTHOR}],
        "version": release.data_version,
        "issued": {"date-parts": [[day.year, day.month, day.day]]},
    }


def _csl(source: Source) -> dict[str, object]:
    from sinorussia._enums import SourceKind

    item: dict[str, Any] = {
        "id": source.id,
        "type": "article-journal" if source.kind is SourceKind.ARTICLE else "document",
        "title": source.title,
    }
    if source.author:
        item["author"] = [{"literal": source.author}]
    if source.publication:
        item["container-title" if source.kind is SourceKind.ARTICLE else "publisher"] = source.publication
    if source.date:
        item["issued"] = {"date-parts": _date_parts(source.date)}
    if source.url:
        item["URL"] = source.url
    return item
