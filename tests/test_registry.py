"""Installed releases: broken plugins, concurrent first use, read-only installs, immutable records."""

from __future__ import annotations

import hashlib
import json
import sys
import threading
from collections.abc import Callable
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import pytest

import sinorussia as sr
from releases import write_rows
from sinorussia import ReleaseError, ReleaseWarning, _registry
from sinorussia._loader import LoadedRelease
from sinorussia._resources import package_files

BUILTIN = "cc-2016-2"


def _rows(prefix: str) -> dict[str, list[dict[str, Any]]]:
    """A tiny valid release whose ids clash with no installed release."""
    source = f"{prefix}-src"
    return {
        "sources": [{"id": source, "title": "A plugin's source", "kind": "article"}],
        "issues": [{"id": f"{prefix}-issue", "title": "t", "summary": "s", "sources": [{"source": source}]}],
    }


class Plugins:
    """Fake plugin distributions: packages on a temporary sys.path, entry points patched in."""

    def __init__(self, root: Path, monkeypatch: pytest.MonkeyPatch) -> None:
        self.root = root
        self.points: list[SimpleNamespace] = []
        monkeypatch.syspath_prepend(str(root))
        monkeypatch.setattr("importlib.metadata.entry_points", self._entry_points)
        self._monkeypatch = monkeypatch

    def _entry_points(self, *, group: str) -> list[SimpleNamespace]:
        return [point for point in self.points if group == _registry.GROUP]

    def register(self, name: str, package: str, dist: str | None = "dist-x") -> None:
        """Declare an entry point ``name = package`` of distribution ``dist``."""
        self.points.append(
            SimpleNamespace(name=name, value=package, dist=None if dist is None else SimpleNamespace(name=dist))
        )

    def package(self, package: str, init: str = "", release_id: str | None = None, **extra: Any) -> Path:
        """Write a package (optionally holding a release) under the fake site-packages."""
        directory = self.root / package
        if release_id is not None:
            write_rows(directory, release_id, _rows(release_id), **extra)
        directory.mkdir(parents=True, exist_ok=True)
        (directory / "__init__.py").write_text(init)
        # Each test writes new packages under one name: forget any imported before.
        self._monkeypatch.delitem(sys.modules, package, raising=False)
        return directory


@pytest.fixture
def plugins(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, fresh_registry: None) -> Plugins:
    """A fresh registry with one good plugin installed ("good-plugin", from dist-good)."""
    fake = Plugins(tmp_path / "site", monkeypatch)
    fake.package("plug_good", release_id="good-plugin")
    fake.register("good-plugin", "plug_good", "dist-good")
    return fake


def _ids(releases: Any) -> list[str]:
    return sorted(info.id for info in releases)


def test_a_good_plugin_is_listed_and_merged(plugins: Plugins) -> None:
    """The reference case: a plugin release is listed with its origin and merged into load()."""
    assert [BUILTIN, "good-plugin"] == _ids(sr.releases())
    assert "plugin good-plugin from dist-good" == next(r for r in sr.releases() if r.id == "good-plugin").origin
    assert "good-plugin-issue" == sr.load().lookup("good-plugin-issue").id


def _missing_module(p: Plugins) -> None:
    p.register("gone", "plug_not_installed", "dist-gone")


def _import_raises(p: Plugins) -> None:
    p.package("plug_raises", init="raise RuntimeError('boom at import')")
    p.register("raises", "plug_raises", "dist-raises")


def _import_exits(p: Plugins) -> None:
    p.package("plug_exits", init="raise SystemExit(3)")
    p.register("exits", "plug_exits", "dist-exits")


def _no_release(p: Plugins) -> None:
    p.package("plug_empty")
    p.register("empty", "plug_empty", "dist-empty")


def _plain_module(p: Plugins) -> None:
    (p.root / "plug_module.py").write_text("")
    p.register("module", "plug_module", "dist-module")


def _future_schema(p: Plugins) -> None:
    p.package("plug_future", release_id="future", schema_version="99.0")
    p.register("future", "plug_future", "dist-future")


def _other_id(p: Plugins) -> None:
    p.package("plug_other", release_id="other-id")
    p.register("claimed", "plug_other", "dist-other")


def _builtin_id(p: Plugins) -> None:
    p.package("plug_builtin", release_id=BUILTIN)
    p.register(BUILTIN, "plug_builtin", "dist-builtin")


#: case -> (install it, what its warning must say)
BROKEN: dict[str, tuple[Callable[[Plugins], None], str]] = {
    "missing module": (_missing_module, "ModuleNotFoundError"),
    "import raises": (_import_raises, "RuntimeError: boom at import"),
    "import exits": (_import_exits, "SystemExit"),
    "no release in the package": (_no_release, "release.json: file is missing"),
    "a module, not a package": (_plain_module, "is a module, not a package"),
    "an invalid manifest": (_future_schema, "reads 1.x"),
    "release id differs from the entry point": (_other_id, "says id 'other-id', not 'claimed'"),
    "the built-in release id": (_builtin_id, "already a built-in release"),
}


@pytest.mark.parametrize("case", sorted(BROKEN))
def test_a_broken_plugin_warns_naming_it_and_everything_else_loads(plugins: Plugins, case: str) -> None:
    """Each kind of broken plugin gives one ReleaseWarning naming plugin and distribution; the rest loads."""
    install, reason = BROKEN[case]
    install(plugins)
    broken = plugins.points[-1]
    with pytest.warns(ReleaseWarning) as caught:
        listed = _ids(sr.releases())
    assert 1 == len(caught)
    message = str(caught[0].message)
    assert f"plugin {broken.name!r} ({broken.value}) from distribution {broken.dist.name!r}" in message
    assert reason in message
    assert [BUILTIN, "good-plugin"] == listed
    assert [BUILTIN, "good-plugin"] == _ids(sr.load().releases)


def test_two_distributions_registering_one_release_id_are_both_skipped(plugins: Plugins) -> None:
    """A release id claimed by two distributions: a warning for each naming both; neither loads."""
    plugins.package("plug_twin", release_id="twin")
    plugins.register("twin", "plug_twin", "dist-one")
    plugins.register("twin", "plug_twin", "dist-two")
    with pytest.warns(ReleaseWarning, match="registered by dist-one and dist-two") as caught:
        listed = _ids(sr.releases())
    assert 2 == len(caught)
    messages = sorted(str(warning.message) for warning in caught)
    assert ["distribution 'dist-one'" in messages[0], "distribution 'dist-two'" in messages[1]] == [True, True]
    assert [BUILTIN, "good-plugin"] == listed


def test_a_plugin_of_an_unknown_distribution_still_loads(plugins: Plugins) -> None:
    """An entry point without distribution metadata is named as such and loads."""
    plugins.package("plug_anonymous", release_id="anonymous")
    plugins.register("anonymous", "plug_anonymous", dist=None)
    info = next(r for r in sr.releases() if r.id == "anonymous")
    assert "plugin anonymous from an unknown distribution" == info.origin


def test_unreadable_entry_points_warn_and_the_built_in_release_loads(
    monkeypatch: pytest.MonkeyPatch, fresh_registry: None
) -> None:
    """If the metadata of the installed distributions cannot be read, plugins are skipped with a warning."""

    def broken(*, group: str) -> list[Any]:
        raise ValueError("a dist-info holds garbage")

    monkeypatch.setattr("importlib.metadata.entry_points", broken)
    with pytest.warns(ReleaseWarning, match="entry points failed: ValueError: a dist-info holds garbage"):
        assert [BUILTIN] == _ids(sr.releases())


def test_without_any_declaring_distribution_entry_points_are_not_read(
    monkeypatch: pytest.MonkeyPatch, fresh_registry: None
) -> None:
    """When no installed distribution can declare the group, importlib.metadata is not asked at all."""

    def never(*, group: str) -> list[Any]:
        raise AssertionError("entry points were read")

    monkeypatch.setattr("importlib.metadata.entry_points", never)
    monkeypatch.setattr("sinorussia._entrypoints.may_declare", lambda group: False)
    assert [BUILTIN] == _ids(sr.releases())


def test_a_plugin_with_a_bad_table_is_skipped_by_load_and_refused_by_name(plugins: Plugins) -> None:
    """A valid manifest over a bad table: load() warns and merges the rest; load(id) raises; fixed, it loads."""
    directory = plugins.package("plug_bad_table", release_id="bad-table")
    plugins.register("bad-table", "plug_bad_table", "dist-bad")
    good_table = (directory / "issues.jsonl").read_bytes()
    damaged = good_table.replace(b'"summary": "s"', b'"summary": null')
    (directory / "issues.jsonl").write_bytes(damaged)
    manifest = json.loads((directory / "release.json").read_bytes())
    manifest["tables"]["issues"]["sha256"] = hashlib.sha256(damaged).hexdigest()
    (directory / "release.json").write_text(json.dumps(manifest))
    assert "bad-table" in _ids(sr.releases())  # listing reads manifests only

    with pytest.warns(ReleaseWarning, match="plugin bad-table from dist-bad skipped: .*issues.jsonl:1, \\$.summary"):
        assert [BUILTIN, "good-plugin"] == _ids(sr.load().releases)
    with pytest.raises(ReleaseError) as caught:
        sr.load("bad-table")
    assert ("bad-table", "issues.jsonl", 1, "$.summary") == (
        caught.value.release,
        caught.value.file,
        caught.value.line,
        caught.value.field,
    )

    (directory / "issues.jsonl").write_bytes(good_table)  # the fix; no reset: a failure is never cached
    manifest["tables"]["issues"]["sha256"] = hashlib.sha256(good_table).hexdigest()
    (directory / "release.json").write_text(json.dumps(manifest))
    assert ["bad-table"] == _ids(sr.load("bad-table").releases)


def test_a_plugin_requiring_a_missing_release_is_refused_at_its_manifest(plugins: Plugins) -> None:
    """load(id) of a plugin whose `requires` names nothing installed: a ReleaseError at $.requires, not NotFound."""
    plugins.package("plug_needy", release_id="needy", requires=["not-installed"])
    plugins.register("needy", "plug_needy", "dist-needy")
    with pytest.raises(ReleaseError) as caught:
        sr.load("needy")
    assert ("needy", "release.json", "$.requires[0]") == (caught.value.release, caught.value.file, caught.value.field)
    assert "'not-installed', which is not installed" in caught.value.reason


def test_asking_for_an_unknown_release_is_not_found(fresh_registry: None) -> None:
    """load("no-such") is a NotFoundError (the caller's mistake), still a SinorussiaError."""
    with pytest.raises(sr.NotFoundError, match="no installed release 'no-such'"):
        sr.load("no-such")


@pytest.mark.parametrize("error", [RuntimeError("surprise"), MemoryError(), RecursionError()])
def test_no_other_exception_leaves_the_public_api(
    monkeypatch: pytest.MonkeyPatch, fresh_registry: None, error: BaseException
) -> None:
    """Whatever goes wrong inside, releases(), load() and load_path() raise a ReleaseError."""

    def explode(*args: Any, **kwargs: Any) -> Any:
        raise error

    monkeypatch.setattr(_registry, "_discover", explode)
    monkeypatch.setattr(_registry, "read_release", explode)
    for call in (sr.releases, sr.load, lambda: sr.load_path(package_files() / "data" / BUILTIN)):
        with pytest.raises(ReleaseError):
            call()


# --- concurrent first use -------------------------------------------------------------------


def test_concurrent_first_use_loads_once_and_shares_one_object(
    monkeypatch: pytest.MonkeyPatch, fresh_registry: None
) -> None:
    """32 threads released together by a barrier: each release is read once, and all get the same Dataset."""
    reads: list[str] = []
    real_read = _registry._read_installed  # counted: the one way an installed release is read

    def counting_read(item: Any) -> LoadedRelease:
        reads.append(item.info.id)
        return real_read(item)

    monkeypatch.setattr(_registry, "_read_installed", counting_read)
    barrier = threading.Barrier(32)
    results: list[object] = []
    errors: list[BaseException] = []

    def first_use() -> None:
        barrier.wait()
        try:
            results.append(sr.load())
        except BaseException as error:  # noqa: BLE001 - reported by the assertion below
            errors.append(error)

    threads = [threading.Thread(target=first_use) for _ in range(32)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert [] == errors
    assert 32 == len(results)
    assert 1 == len({id(result) for result in results})
    assert sorted(info.id for info in sr.releases()) == sorted(reads)
    assert results[0] is sr.load()
