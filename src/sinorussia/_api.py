"""Module-level shortcuts: each queries the default dataset, ``sinorussia.load()``.

``sr.events(...)`` is ``sr.load().events(...)``; see :class:`Dataset` for the
filters each takes. The dataset is built on the first call, once.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from sinorussia._dataset import Dataset, Divergence
    from sinorussia._enums import MembershipStatus
    from sinorussia._models import (
        Actor,
        Discrepancy,
        Document,
        Event,
        Figure,
        Issue,
        Membership,
        Position,
        Record,
        Source,
    )

__all__ = [
    "actor",
    "actors",
    "discrepancies",
    "divergences",
    "documents",
    "events",
    "figures",
    "get",
    "issues",
    "joint_statements",
    "lookup",
    "memberships",
    "positions",
    "sco_roster",
    "sco_status",
    "sources",
]


def _default() -> Dataset:
    from sinorussia._registry import load

    return load()


def events(**filters: Any) -> tuple[Event, ...]:
    """Events of the default dataset; see :meth:`Dataset.events`."""
    return _default().events(**filters)


def documents(**filters: Any) -> tuple[Document, ...]:
    """Documents of the default dataset; see :meth:`Dataset.documents`."""
    return _default().documents(**filters)


def joint_statements(**filters: Any) -> tuple[Document, ...]:
    """Joint statements of the default dataset; see :meth:`Dataset.joint_statements`."""
    return _default().joint_statements(**filters)


def memberships(**filters: Any) -> tuple[Membership, ...]:
    """Membership periods of the default dataset; see :meth:`Dataset.memberships`."""
    return _default().memberships(**filters)


def sco_status(member: str | Actor, *, on: Any) -> MembershipStatus | None:
    """A state's SCO standing on a day; see :meth:`Dataset.sco_status`."""
    return _default().sco_status(member, on=on)


def sco_roster(*, on: Any) -> Mapping[MembershipStatus, tuple[Actor, ...]]:
    """The SCO roster on a day; see :meth:`Dataset.sco_roster`."""
    return _default().sco_roster(on=on)


def positions(**filters: Any) -> tuple[Position, ...]:
    """Positions of the default dataset; see :meth:`Dataset.positions`."""
    return _default().positions(**filters)


def divergences(first: str | Actor, second: str | Actor) -> tuple[Divergence, ...]:
    """Issues where two actors' stances differ; see :meth:`Dataset.divergences`."""
    return _default().divergences(first, second)


def actors(**filters: Any) -> tuple[Actor, ...]:
    """Actors of the default dataset; see :meth:`Dataset.actors`."""
    return _default().actors(**filters)


def actor(name: str | Actor) -> Actor:
    """One actor by id, name or alias; see :meth:`Dataset.actor`."""
    return _default().actor(name)


def issues(**filters: Any) -> tuple[Issue, ...]:
    """Issues of the default dataset; see :meth:`Dataset.issues`."""
    return _default().issues(**filters)


def figures(**filters: Any) -> tuple[Figure, ...]:
    """Figures of the default dataset; see :meth:`Dataset.figures`."""
    return _default().figures(**filters)


def discrepancies(**filters: Any) -> tuple[Discrepancy, ...]:
    """Discrepancies of the default dataset; see :meth:`Dataset.discrepancies`."""
    return _default().discrepancies(**filters)


def sources() -> tuple[Source, ...]:
    """Sources of the default dataset."""
    return _default().sources()


def get(record_id: str) -> Record | None:
    """Any record of the default dataset by id, or None."""
    return _default().get(record_id)


def lookup(record_id: str) -> Record:
    """Any record of the default dataset by id; NotFoundError when absent."""
    return _default().lookup(record_id)
