"""Hypothesis strategies for the tests: those of the public ``sinorussia.testing``.

The strategies live in the package so that release authors can use them too;
this module keeps the tests' import path (``from strategies import ...``).
"""

from __future__ import annotations

from sinorussia.testing import (
    FIRST_DAY,
    LAST_DAY,
    MODELS,
    actors,
    cameo_codes,
    date_spans,
    days,
    discrepancies,
    documents,
    events,
    figures,
    issues,
    memberships,
    positions,
    records,
    release_tables,
    short_spans,
    slugs,
    source_refs,
    sources,
    state_ids,
    texts,
    write_release,
)

#: The tables of a small valid release (the name the tests have used).
datasets = release_tables

__all__ = [
    "FIRST_DAY",
    "LAST_DAY",
    "MODELS",
    "actors",
    "cameo_codes",
    "datasets",
    "date_spans",
    "days",
    "discrepancies",
    "documents",
    "events",
    "figures",
    "issues",
    "memberships",
    "positions",
    "records",
    "release_tables",
    "short_spans",
    "slugs",
    "source_refs",
    "sources",
    "state_ids",
    "texts",
    "write_release",
]
