"""sinorussia: a sourced, typed dataset of China-Russia relations.

    >>> import sinorussia as sr
    >>> [e.title for e in sr.events(on="2016-06-25", kind="visit", match="within")]
    ['Putin visits Beijing']

Importing the package reads no data; the first query loads the installed
releases, once. See the README and the docs for the data model and the API.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from sinorussia._api import (
    actor,
    actors,
    discrepancies,
    divergences,
    documents,
    events,
    figures,
    get,
    issues,
    joint_statements,
    lookup,
    memberships,
    positions,
    sco_roster,
    sco_status,
    sources,
)
from sinorussia.exceptions import (
    MissingExtraError,
    NotFoundError,
    QueryError,
    ReleaseError,
    ReleaseWarning,
    SinorussiaError,
)

if TYPE_CHECKING:
    from sinorussia._cite import cite
    from sinorussia._dataset import Dataset
    from sinorussia._dates import DateSpan, Precision
    from sinorussia._enums import (
        ActorKind,
        DocumentKind,
        EventKind,
        MembershipStatus,
        QuadClass,
        Qualifier,
        SourceKind,
        Stance,
    )
    from sinorussia._export import export
    from sinorussia._html import table_html
    from sinorussia._manifest import ReleaseInfo, TableInfo
    from sinorussia._models import (
        Actor,
        Discrepancy,
        Document,
        Event,
        Figure,
        Issue,
        Membership,
        Position,
        Reading,
        Record,
        Source,
        SourceRef,
    )
    from sinorussia._queries import Divergence
    from sinorussia._registry import load, load_path, releases, validate_path

    __version__: str

__all__ = [
    "Actor",
    "ActorKind",
    "Dataset",
    "DateSpan",
    "Discrepancy",
    "Divergence",
    "Document",
    "DocumentKind",
    "Event",
    "EventKind",
    "Figure",
    "Issue",
    "Membership",
    "MembershipStatus",
    "MissingExtraError",
    "NotFoundError",
    "Position",
    "Precision",
    "QuadClass",
    "Qualifier",
    "QueryError",
    "Reading",
    "Record",
    "ReleaseError",
    "ReleaseInfo",
    "ReleaseWarning",
    "SinorussiaError",
    "Source",
    "SourceKind",
    "SourceRef",
    "Stance",
    "TableInfo",
    "__version__",
    "actor",
    "actors",
    "cite",
    "discrepancies",
    "divergences",
    "documents",
    "events",
    "export",
    "figures",
    "get",
    "issues",
    "joint_statements",
    "load",
    "load_path",
    "lookup",
    "memberships",
    "positions",
    "releases",
    "sco_roster",
    "sco_status",
    "sources",
    "table_html",
    "validate_path",
]

# Every name whose module imports more than this one does is resolved on first
# access (PEP 562), so `import sinorussia` costs no more than `import attrs`
# (docs/performance.md): the models pull in attrs, the loader cattrs, json and
# importlib.resources. tests/test_import.py checks what an import loads.
_LAZY = {
    **dict.fromkeys(["cite"], "sinorussia._cite"),
    **dict.fromkeys(["DateSpan", "Precision"], "sinorussia._dates"),
    **dict.fromkeys(
        [
            "ActorKind",
            "DocumentKind",
            "EventKind",
            "MembershipStatus",
            "QuadClass",
            "Qualifier",
            "SourceKind",
            "Stance",
        ],
        "sinorussia._enums",
    ),
    **dict.fromkeys(["table_html"], "sinorussia._html"),
    **dict.fromkeys(
        [
            "Actor",
            "Discrepancy",
            "Document",
            "Event",
            "Figure",
            "Issue",
            "Membership",
            "Position",
            "Reading",
            "Record",
            "Source",
            "SourceRef",
        ],
        "sinorussia._models",
    ),
    "Dataset": "sinorussia._dataset",
    "Divergence": "sinorussia._queries",
    "ReleaseInfo": "sinorussia._manifest",
    "TableInfo": "sinorussia._manifest",
    "export": "sinorussia._export",
    "load": "sinorussia._registry",
    "load_path": "sinorussia._registry",
    "releases": "sinorussia._registry",
    "validate_path": "sinorussia._registry",
}


def __getattr__(name: str) -> object:
    if name == "__version__":
        from importlib.metadata import version

        return version("sinorussia")
    if name in _LAZY:
        import importlib

        value = getattr(importlib.import_module(_LAZY[name]), name)
        globals()[name] = value  # resolved once: later lookups do not come here
        return value
    raise AttributeError(f"module 'sinorussia' has no attribute {name!r}")


def __dir__() -> list[str]:
    return sorted(__all__)
