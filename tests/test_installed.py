"""The installed package: loading never writes into it, and nothing it hands out can be changed."""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from types import MappingProxyType
from typing import Any

import attrs
import pytest

import sinorussia as sr
from sinorussia._resources import package_files

BUILTIN = "cc-2016-2"


# --- read-only installs ---------------------------------------------------------------------

_LOAD_EVERYTHING = """
import importlib.resources, json, sys
import sinorussia as sr
assert sr.__file__.startswith(sys.argv[1]), sr.__file__
ids = [info.id for info in sr.releases()]
merged = sr.load()
for release_id in ids:
    sr.load(release_id)
    sr.load_path(importlib.resources.files("sinorussia") / "data" / release_id)
print(json.dumps({"ids": ids, "counts": merged.counts()}))
"""


def _snapshot(root: Path) -> dict[str, tuple[str, int, int]]:
    """Every entry under ``root``: content hash (files), mode and modification time."""
    found = {}
    for path in sorted(root.rglob("*")):
        info = path.lstat()
        digest = hashlib.sha256(path.read_bytes()).hexdigest() if path.is_file() else ""
        found[str(path.relative_to(root))] = (digest, info.st_mode, info.st_mtime_ns)
    return found


@pytest.fixture
def read_only_copy(tmp_path: Path) -> Iterator[Path]:
    """A copy of the installed package, made read-only (the site directory it sits in, too)."""
    site = tmp_path / "site"
    shutil.copytree(Path(str(package_files())), site / "sinorussia", ignore=shutil.ignore_patterns("__pycache__"))
    paths = [site, *site.rglob("*")]
    for path in paths:
        path.chmod(0o555 if path.is_dir() else 0o444)
    yield site
    for path in paths:
        path.chmod(0o755 if path.is_dir() else 0o644)


def test_loading_from_a_read_only_install_writes_nothing(read_only_copy: Path) -> None:
    """Listing and loading every release from a read-only copy changes no file and adds none.

    Permissions alone prove little when the tests run as root, so the whole tree
    is compared before and after (content, mode, mtime), and each table's hash
    is checked against its manifest.
    """
    before = _snapshot(read_only_copy)
    env = {**os.environ, "PYTHONPATH": str(read_only_copy), "PYTHONDONTWRITEBYTECODE": "1"}
    done = subprocess.run(
        [sys.executable, "-B", "-c", _LOAD_EVERYTHING, str(read_only_copy)],
        env=env,
        capture_output=True,
        text=True,
        check=False,
        cwd=read_only_copy.parent,
    )
    assert 0 == done.returncode, done.stderr
    assert BUILTIN in json.loads(done.stdout)["ids"]
    assert before == _snapshot(read_only_copy)
    for manifest_path in (read_only_copy / "sinorussia" / "data").glob("*/release.json"):
        manifest = json.loads(manifest_path.read_bytes())
        for table in manifest["tables"].values():
            data = (manifest_path.parent / table["file"]).read_bytes()
            assert table["sha256"] == hashlib.sha256(data).hexdigest()


# --- immutable records ----------------------------------------------------------------------

_IMMUTABLE_LEAVES = (str, int, float, bool, type(None))


def _assert_deeply_immutable(value: Any, where: str) -> None:
    """Tuples, frozensets, scalars, enums, dates and frozen attrs records, all the way down."""
    if isinstance(value, (tuple, frozenset)):
        for index, item in enumerate(value):
            _assert_deeply_immutable(item, f"{where}[{index}]")
    elif attrs.has(type(value)):
        assert type(value).__setattr__ is not object.__setattr__, f"{where} is not frozen"
        for field in attrs.fields(type(value)):
            _assert_deeply_immutable(getattr(value, field.name), f"{where}.{field.name}")
    else:
        hash(value)
        assert not isinstance(value, (list, dict, set, bytearray)), f"{where} is mutable: {type(value).__name__}"


def test_every_installed_record_is_hashable_and_immutable(fresh_registry: None) -> None:
    """Every record of every installed release: hashable, no field settable or deletable, tuples all the way."""
    dataset = sr.load()
    checked = 0
    for name in dataset.counts():
        for record in dataset.table(name):
            hash(record)
            assert not hasattr(record, "__dict__"), f"{record.id} can grow attributes"
            _assert_deeply_immutable(record, record.id)
            for field in attrs.fields(type(record)):
                with pytest.raises(attrs.exceptions.FrozenInstanceError):
                    setattr(record, field.name, None)
                with pytest.raises(attrs.exceptions.FrozenInstanceError):
                    delattr(record, field.name)
            with pytest.raises((AttributeError, attrs.exceptions.FrozenInstanceError)):
                record.note_to_self = "x"  # type: ignore[union-attr]
            with pytest.raises(AttributeError):
                record.sources.append(None)  # type: ignore[union-attr]
            checked += 1
    assert sum(dataset.counts().values()) == checked > 0


def test_the_dataset_hands_out_nothing_mutable(fresh_registry: None) -> None:
    """The Dataset is frozen, its tables are tuples, and its releases' manifests are frozen too."""
    dataset = sr.load()
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        dataset.releases = ()  # type: ignore[misc]
    for name in dataset.counts():
        assert isinstance(dataset.table(name), tuple)
    for info in dataset.releases:
        _assert_deeply_immutable(info, info.id)
    roster = dataset.sco_roster(on="2016-06-24")
    assert isinstance(roster, MappingProxyType)
