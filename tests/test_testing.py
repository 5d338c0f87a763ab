"""The public strategies of sinorussia.testing: valid data, and hypothesis only on demand."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import given

import sinorussia as sr
from sinorussia._models import RECORD_TYPES, Record
from sinorussia._references import references
from sinorussia.testing import MODELS, release_tables, write_release


def test_importing_and_querying_sinorussia_does_not_import_hypothesis() -> None:
    """Hypothesis is the optional extra `testing`: the package runs without it."""
    code = (
        "import sys, sinorussia as sr; sr.events(on='2016-06-25'); "
        "print(sorted(m for m in sys.modules if m.split('.')[0] == 'hypothesis' or m == 'sinorussia.testing'))"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert "[]" == done.stdout.strip()


def test_there_is_a_strategy_for_every_table() -> None:
    """MODELS covers every record type the releases hold."""
    assert sorted(RECORD_TYPES) == sorted(MODELS)


@given(tables=release_tables(max_events=8))
def test_release_tables_are_a_valid_release(
    tmp_path_factory: pytest.TempPathFactory, tables: dict[str, list[Record]]
) -> None:
    """Ids are unique across tables, every reference resolves inside, and write_release's output loads."""
    ids = [record.id for rows in tables.values() for record in rows]
    assert len(set(ids)) == len(ids)
    dangling = {t for rows in tables.values() for r in rows for _, t, _ in references(r)} - set(ids)
    assert set() == dangling
    root = write_release(tmp_path_factory.mktemp("t") / "r", "strategy-release", tables)
    assert {name: len(rows) for name, rows in tables.items()} == sr.load_path(root).counts()


def test_write_release_writes_the_manifest_fields_given(tmp_path: Path) -> None:
    """Manifest fields given to write_release end up in release.json; the release is sealed."""
    root = write_release(tmp_path / "r", "given-fields", {}, title="Given", requires=["cc-2016-2"])
    info = sr.load_path(root).releases[-1]
    assert ("given-fields", "Given", ("cc-2016-2",)) == (info.id, info.title, info.requires)
