"""Integrity of every installed release, and of cc-2016-2 against its article.

These tests read the installed package's data (importlib.resources), so they
check what users get. The quote checks run whenever ../shared/seed is present
(it is in CI).
"""

from __future__ import annotations

import hashlib
import json
from collections import Counter
from typing import Any

import pytest

import sinorussia as sr
from seed_text import SEED, article_text, footer_text, normalise
from sinorussia._convert import unstructure_record
from sinorussia._models import RECORD_TYPES
from sinorussia._resources import package_files
from sinorussia._tools import canonical_table

RELEASES = [info.id for info in sr.releases() if info.origin == "built-in"]
ARTICLE = "yu-2016-reluctant-allies"


def _root(release_id: str) -> Any:
    return package_files().joinpath("data", release_id)


def _refs(record: Any) -> list[sr.SourceRef]:
    refs = list(getattr(record, "sources", ()))
    for reading in getattr(record, "readings", ()):
        refs.extend(reading.sources)
    return refs


@pytest.fixture(scope="module")
def cc() -> sr.Dataset:
    """The cc-2016-2 release on its own."""
    return sr.load("cc-2016-2")


@pytest.mark.parametrize("release_id", RELEASES)
def test_release_loads_and_files_are_canonical(release_id: str) -> None:
    """Each table's bytes are exactly its canonical form; the manifest is sealed."""
    ds = sr.load(release_id)
    info = next(r for r in ds.releases if r.id == release_id)
    for table in info.tables:
        data = _root(release_id).joinpath(table.file).read_bytes()
        assert canonical_table(ds.table(table.name)) == data, table.file
        assert hashlib.sha256(data).hexdigest() == table.sha256
        assert data.count(b"\n") == table.rows


@pytest.mark.parametrize("release_id", RELEASES)
def test_every_record_has_a_source_and_article_records_quote_it(release_id: str) -> None:
    """Every record cites a source; every record citing the article carries a quote of it."""
    ds = sr.load(release_id)
    for name in RECORD_TYPES:
        if name == "sources":
            continue
        for record in ds.table(name):
            refs = _refs(record)
            assert refs, record.id
            article_refs = [ref for ref in refs if ref.source == ARTICLE]
            if article_refs:
                assert any(ref.quote for ref in article_refs), f"{record.id} cites the article without a quote"


@pytest.mark.skipif(not SEED.exists(), reason="the seed article is not beside the project")
def test_every_quote_is_verbatim_in_the_article(cc: sr.Dataset) -> None:
    """Each quote and excerpt attributed to the article appears in it (normalised)."""
    text = article_text() + " " + footer_text()
    missing = []
    for name in RECORD_TYPES:
        for record in cc.table(name):
            for ref in _refs(record):
                if ref.source == ARTICLE and ref.quote and normalise(ref.quote) not in text:
                    missing.append((record.id, ref.quote[:80]))
            for excerpt in getattr(record, "excerpts", ()):
                if normalise(excerpt) not in text:
                    missing.append((record.id, excerpt[:80]))
    assert [] == missing


def test_outside_facts_cite_their_own_kind_of_source(cc: sr.Dataset) -> None:
    """Sources other than the article are marked as what they are, never as the article."""
    kinds = {s.id: s.kind for s in cc.sources()}
    assert sr.SourceKind.ARTICLE == kinds[ARTICLE]
    assert sr.SourceKind.GENERAL_KNOWLEDGE == kinds["general-knowledge"]
    for record in cc.table("actors"):
        if record.wikidata or record.cow is not None:
            assert any(kinds[ref.source] is not sr.SourceKind.ARTICLE for ref in record.sources), record.id


def test_chronology_has_22_entries_in_printed_order(cc: sr.Dataset) -> None:
    """The 22 chronology entries are all there, numbered 1..22 as printed."""
    entries = cc.events(chronology=True)
    assert list(range(1, 23)) == sorted(e.chronology_order for e in entries)
    for entry in entries:
        assert any(ref.locator == "Chronology of China-Russia Relations" for ref in entry.sources), entry.id


def test_event_and_document_links_agree(cc: sr.Dataset) -> None:
    """A document's event lists it among its documents, and the other way round."""
    for document in cc.documents():
        if document.event is not None:
            assert document.id in cc.lookup(document.event).documents  # type: ignore[union-attr]
    for event in cc.events():
        for document_id in event.documents:
            assert event.id == cc.lookup(document_id).event  # type: ignore[union-attr]


def test_discrepancy_adopts_what_the_data_holds(cc: sr.Dataset) -> None:
    """Where a discrepancy concerns a record's date, the record holds the adopted reading."""
    for discrepancy in cc.discrepancies():
        record = cc.lookup(discrepancy.record)
        field = discrepancy.field
        if field in ("when", "date", "period"):
            assert discrepancy.adopted == str(getattr(record, field)), discrepancy.id


def test_ids_are_unique_across_tables(cc: sr.Dataset) -> None:
    """No id names two records (DESIGN.md: ids are unique across all tables)."""
    counts = Counter(r.id for name in RECORD_TYPES for r in cc.table(name))
    assert [] == [rid for rid, n in counts.items() if n > 1]


def test_cameo_codes_exist_and_export_as_strings(cc: sr.Dataset) -> None:
    """Every event's CAMEO code is a codebook string, written with its leading zero."""
    for event in cc.events():
        assert isinstance(event.goldstein, float)
        assert isinstance(unstructure_record(event)["cameo"], str)


def test_counts_snapshot(cc: sr.Dataset) -> None:
    """The release's size per table (update with the CHANGELOG when data changes)."""
    counts = json.loads((_root("cc-2016-2") / "release.json").read_text(encoding="utf-8"))["tables"]
    assert {name: entry["rows"] for name, entry in counts.items()} == cc.counts()
    assert cc.counts()["events"] >= 60
    assert cc.counts()["positions"] >= 60
    assert cc.counts()["documents"] >= 25
