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
from sinorussia._cite import cite
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
from sinorussia.exceptions import (
    NotFoundError,
    QueryError,
    ReleaseError,
    ReleaseWarning,
    SinorussiaError,
)

if TYPE_CHECKING:
    from sinorussia._dataset import Dataset, Divergence
    from sinorussia._manifest import ReleaseInfo, TableInfo
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
    "validate_path",
]

# Names whose modules pull in more than a definition needs (the loader imports
# cattrs and importlib.resources): resolved on first access, not at import.
_LAZY = {
    "Dataset": "sinorussia._dataset",
    "Divergence": "sinorussia._dataset",
    "ReleaseInfo": "sinorussia._manifest",
    "TableInfo": "sinorussia._manifest",
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

        return getattr(importlib.import_module(_LAZY[name]), name)
    raise AttributeError(f"module 'sinorussia' has no attribute {name!r}")


def __dir__() -> list[str]:
    return sorted(__all__)
