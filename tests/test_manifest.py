"""The manifest (release.json) of an untrusted release: every promise it makes is checked.

Hashes, row counts, the files listed and not listed, the tables, the schema
version and the releases required: each fault refused at its field, with what
was expected and what was found.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import attrs
import pytest

import sinorussia as sr
from releases import minimal_rows, write_rows
from sinorussia import ReleaseError
from sinorussia._tools import canonical_manifest


def _refusal(root: Path) -> ReleaseError:
    """The ReleaseError loading ``root`` raises (and nothing else)."""
    with pytest.raises(ReleaseError) as caught:
        sr.load_path(root)
    assert ReleaseError is type(caught.value)
    return caught.value


def _edit_manifest(root: Path, change: Callable[[dict[str, Any]], None]) -> Path:
    manifest = json.loads((root / "release.json").read_bytes())
    change(manifest)
    (root / "release.json").write_bytes(canonical_manifest(manifest))
    return root


# --- the manifest -----------------------------------------------------------------------------


def test_a_wrong_sha256_says_expected_and_actual(tmp_path: Path) -> None:
    """A table changed after sealing: refused, with the manifest's hash and the file's."""
    root = write_rows(tmp_path, "sha", minimal_rows())
    expected = json.loads((root / "release.json").read_bytes())["tables"]["issues"]["sha256"]
    (root / "issues.jsonl").write_bytes((root / "issues.jsonl").read_bytes().replace(b'"s"', b'"S"'))
    error = _refusal(root)
    assert "issues.jsonl" == error.file
    assert f"manifest says {expected}" in error.reason
    assert hashlib.sha256((root / "issues.jsonl").read_bytes()).hexdigest() in error.reason


def test_a_wrong_row_count_says_expected_and_actual(tmp_path: Path) -> None:
    """A manifest claiming 3 rows for a 2-row table: refused, with both numbers."""
    root = _edit_manifest(
        write_rows(tmp_path, "rows", minimal_rows()), lambda m: m["tables"]["actors"].update(rows=3)
    )
    error = _refusal(root)
    assert "actors.jsonl" == error.file
    assert "manifest says 3, file has 2" in error.reason


def test_a_missing_table_file_is_refused(tmp_path: Path) -> None:
    """A file the manifest lists but the release lacks is refused, naming it and its table."""
    root = write_rows(tmp_path, "missing", minimal_rows())
    (root / "figures.jsonl").unlink()
    error = _refusal(root)
    assert "figures.jsonl" == error.file
    assert "missing" in error.reason
    assert "'figures'" in error.reason


def test_an_unlisted_table_file_is_refused(tmp_path: Path) -> None:
    """A .jsonl file the manifest does not list is refused (it would be data nobody checked)."""
    root = write_rows(tmp_path, "unlisted", minimal_rows())
    (root / "notes.jsonl").write_bytes(b"")
    error = _refusal(root)
    assert ("notes.jsonl", "file is not listed in the manifest") == (error.file, error.reason)


def test_a_table_missing_from_the_manifest_is_refused(tmp_path: Path) -> None:
    """A manifest without one of the nine tables is refused, naming it."""
    root = _edit_manifest(write_rows(tmp_path, "nine", minimal_rows()), lambda m: m["tables"].pop("figures"))
    error = _refusal(root)
    assert ("release.json", "$.tables") == (error.file, error.field)
    assert "figures" in error.reason


@pytest.mark.parametrize(
    ("change", "field"),
    [
        (lambda m: m["tables"].update(banquets=m["tables"]["issues"]), "$.tables.banquets"),
        (lambda m: m["tables"]["issues"].update(name="events"), "$.tables.issues.name"),
        (lambda m: m["tables"]["issues"].update(rows="1"), "$.tables.issues.rows"),
        (lambda m: m["tables"]["issues"].update(rows=-1), "$.tables.issues.rows"),
        (lambda m: m["tables"]["issues"].update(sha256="ABC"), "$.tables.issues.sha256"),
        (lambda m: m["tables"].update(issues="issues.jsonl"), "$.tables.issues"),
        (lambda m: m["tables"]["issues"].update(file="actors.jsonl"), "$.tables"),
        (lambda m: m.update(tables=[]), "$.tables"),
        (lambda m: m.update(origin="built-in"), "$.origin"),
        (lambda m: m.update(id="Not A Slug"), "$.id"),
        (lambda m: m.update(published="2016-02-30"), "$.published"),
        (lambda m: m.update(published="2016-06"), "$.published"),
        (lambda m: m.update(published="2016-06-25?"), "$.published"),
        (lambda m: m.update(requires="cc-2016-2"), "$.requires"),
        (lambda m: m.update(schema_version=1), "$.schema_version"),
        (lambda m: m["tables"]["issues"].update(file=5), "$.tables.issues.file"),
        (lambda m: m["tables"]["issues"].pop("sha256"), "$.tables.issues.sha256"),
    ],
)
def test_manifest_faults_are_refused_at_their_field(
    tmp_path: Path, change: Callable[[dict[str, Any]], None], field: str
) -> None:
    """Unknown tables, bad counts and hashes, two tables in one file, a claimed origin: each at its field."""
    error = _refusal(_edit_manifest(write_rows(tmp_path, "manifest", minimal_rows()), change))
    assert ("release.json", field) == (error.file, error.field)


def test_a_manifest_error_names_the_line_of_its_field(tmp_path: Path) -> None:
    """In an indented manifest, the line given is the line of the faulty key."""
    root = _edit_manifest(
        write_rows(tmp_path, "line", minimal_rows()), lambda m: m["tables"]["issues"].update(rows="1")
    )
    error = _refusal(root)
    text = (root / "release.json").read_text().splitlines()
    assert error.line is not None
    assert '"rows": "1"' in text[error.line - 1]


def test_a_missing_manifest_field_is_named_without_a_guessed_line(tmp_path: Path) -> None:
    """A key that is not there has no line: the error names the field and leaves the line out."""
    error = _refusal(_edit_manifest(write_rows(tmp_path, "no-title", minimal_rows()), lambda m: m.pop("title")))
    assert ("release.json", None, "$.title") == (error.file, error.line, error.field)
    assert "release 'no-title', release.json, $.title: required field is missing" == str(error)


def test_a_requirement_named_twice_is_read_once(tmp_path: Path) -> None:
    """requires: [cc-2016-2, cc-2016-2] loads the required release once, with the new one."""
    rows = {
        "sources": [{"id": "twice-src", "title": "t", "kind": "article"}],
        "issues": [{"id": "twice-issue", "title": "t", "summary": "s", "sources": [{"source": "twice-src"}]}],
    }
    root = write_rows(tmp_path, "twice", rows, requires=["cc-2016-2", "cc-2016-2"])
    assert ["cc-2016-2", "twice"] == sorted(info.id for info in sr.load_path(root).releases)


@pytest.mark.parametrize("requires", [["no-such-release"], ["minimal"]])
def test_an_unmet_requirement_is_a_fault_of_the_manifest(tmp_path: Path, requires: list[str]) -> None:
    """Requiring a release that is not installed (or itself) is refused at $.requires[0]."""
    error = _refusal(write_rows(tmp_path, "minimal", minimal_rows(), requires=requires))
    assert ("minimal", "release.json", "$.requires[0]") == (error.release, error.file, error.field)


def test_an_unknown_schema_major_is_refused_naming_the_known_versions(tmp_path: Path) -> None:
    """schema_version 99.0 is refused first, whatever else the manifest holds, saying what is read."""
    root = _edit_manifest(
        write_rows(tmp_path, "future", minimal_rows()),
        lambda m: m.update(schema_version="99.0", tables="a layout of the future"),
    )
    error = _refusal(root)
    assert ("release.json", "$.schema_version") == (error.file, error.field)
    assert "reads 1.x" in error.reason


@pytest.mark.parametrize("version", ["1", "1.0.0", "v1.0", ""])
def test_a_malformed_schema_version_is_refused(tmp_path: Path, version: str) -> None:
    """A schema_version that is not MAJOR.MINOR is refused at its field."""
    root = _edit_manifest(write_rows(tmp_path, "form", minimal_rows()), lambda m: m.update(schema_version=version))
    assert "$.schema_version" == _refusal(root).field


def test_manifest_models_check_what_the_loader_checks_first() -> None:
    """Built directly (not read), TableInfo and ReleaseInfo refuse the same paths and versions."""
    from sinorussia import ReleaseInfo, TableInfo

    table = {"name": "issues", "file": "issues.jsonl", "rows": 0, "sha256": "0" * 64}
    TableInfo(**table)
    with pytest.raises(ValueError, match="is a path"):
        TableInfo(**{**table, "file": "../issues.jsonl"})
    info = sr.releases()[0]
    with pytest.raises(ValueError, match=r"reads 1\.x"):
        attrs.evolve(info, schema_version="99.0")
    with pytest.raises(ValueError, match="two tables name the same file"):
        attrs.evolve(info, tables=(*info.tables, TableInfo(**{**table, "name": "events"})))
    assert isinstance(info, ReleaseInfo)


def test_a_release_info_answers_for_its_tables() -> None:
    """table(name) gives one entry (KeyError for no such table); rows gives every count."""
    info = sr.releases()[0]
    assert {table.name: table.rows for table in info.tables} == info.rows
    assert "events.jsonl" == info.table("events").file
    with pytest.raises(KeyError):
        info.table("banquets")


def test_a_newer_minor_schema_version_loads(tmp_path: Path) -> None:
    """A minor version is additive: 1.9 loads with this library, which reads 1.x."""
    root = _edit_manifest(write_rows(tmp_path, "minor", minimal_rows()), lambda m: m.update(schema_version="1.9"))
    assert "1.9" == sr.load_path(root).releases[0].schema_version
