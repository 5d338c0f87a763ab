"""The prevalidated form of the built-in releases: used only while it is exactly what the strict loader gives.

Its rules are in ``sinorussia/_prevalidated.py``: the form stands in for
reading a built-in release only while every file of the release is the one it
was made from, for models of the same layout; anything else falls back to the
strict loader, which accepts or refuses the release as it would any other.
"""

from __future__ import annotations

import hashlib
import json
import os
import pickle
import shutil
import subprocess
import sys
import threading
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

import sinorussia as sr
from sinorussia import _discovery, _prevalidated, _registry
from sinorussia._loader import read_release
from sinorussia._merge import merge
from sinorussia._models import RECORD_TYPES
from sinorussia._prevalidated import (
    FORMAT,
    SUFFIX,
    PrevalidatedRelease,
    dumps,
    layout,
    read_body,
    read_header,
)
from sinorussia._release import LoadedRelease
from sinorussia._resources import package_folder
from sinorussia.exceptions import ReleaseError

BUILTIN = "cc-2016-2"
FOLDER = package_folder()
assert FOLDER is not None  # the tests run from plain files
DATA = Path(FOLDER) / "data"


def _rows(release_id: str = BUILTIN) -> int:
    """The records the built-in release's manifest promises (what every way of reading it must give)."""
    manifest = json.loads((DATA / release_id / "release.json").read_bytes())
    return sum(table["rows"] for table in manifest["tables"].values())


def _strict(root: Path) -> LoadedRelease:
    return read_release(root, origin="built-in", hint=root.name)


def _same(form: LoadedRelease | None, strict: LoadedRelease) -> bool:
    """The form's release is the strict loader's, its tables and aliases as merging it alone gives them."""
    assert isinstance(form, PrevalidatedRelease)
    alone = merge([strict])
    return (form.info, form.places, dict(form.tables), dict(form.aliases)) == (
        strict.info,
        strict.places,
        dict(alone.tables),
        dict(alone.aliases),
    )


def _from_form(root: Path) -> LoadedRelease | None:
    header = read_header(str(root))
    return None if header is None else read_body(header)


@pytest.fixture
def copied(tmp_path: Path) -> Path:
    """A copy of the built-in release directory with its prevalidated form beside it."""
    root = tmp_path / BUILTIN
    shutil.copytree(DATA / BUILTIN, root)
    shutil.copyfile(DATA / (BUILTIN + SUFFIX), tmp_path / (BUILTIN + SUFFIX))
    for path in (root, *root.iterdir()):
        path.chmod(0o755 if path.is_dir() else 0o644)
    return root


# --- the shipped form ---------------------------------------------------------------------------


def test_every_built_in_release_has_a_current_form() -> None:
    """Each built-in release's form is used, and gives what the strict loader gives (else: scripts/prevalidate.py)."""
    releases = sorted(path for path in DATA.iterdir() if (path / "release.json").is_file())
    assert releases
    for root in releases:
        assert (root.parent / (root.name + SUFFIX)).is_file(), f"run python scripts/prevalidate.py ({root.name})"
        assert _same(_from_form(root), _strict(root)), f"out of date: run python scripts/prevalidate.py ({root.name})"


def test_the_registry_reads_built_in_releases_from_their_form(
    monkeypatch: pytest.MonkeyPatch, fresh_registry: None
) -> None:
    """Listing and loading the built-in releases never reaches the strict loader while the forms are current."""

    def refuse(*args: Any, **kwargs: Any) -> Any:
        raise AssertionError("the strict loader was used")

    monkeypatch.setattr(_registry, "read_release", refuse)
    monkeypatch.setattr(_discovery, "read_manifest", refuse)
    monkeypatch.setattr(_registry, "merge", refuse)
    assert BUILTIN in [info.id for info in sr.releases()]
    dataset = sr.load(BUILTIN)
    monkeypatch.undo()
    strict = _registry._dataset([_strict(DATA / BUILTIN)])
    assert dataset.releases == strict.releases
    assert _rows() == sum(dataset.counts().values())
    assert all(dataset.table(name) == strict.table(name) for name in strict.counts())
    assert all(dataset.get(record.id) == record for name in strict.counts() for record in strict.table(name))


def test_a_table_is_built_when_first_asked_for_and_once(fresh_registry: None) -> None:
    """The first query of events builds the events; threads asking at once all get one tuple."""
    dataset = sr.load(BUILTIN)
    tables = dataset._tables
    sr.events(on="2016-06-25")
    assert ["events"] == list(tables._built)
    barrier = threading.Barrier(16)
    got: list[object] = []

    def ask() -> None:
        barrier.wait()
        got.append(tables["positions"])

    threads = [threading.Thread(target=ask) for _ in range(16)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert 1 == len({id(table) for table in got})
    with pytest.raises(KeyError):
        tables["banquets"]
    assert list(RECORD_TYPES) == list(tables)
    assert len(RECORD_TYPES) == len(tables)
    assert dict(tables) == pickle.loads(pickle.dumps(tables))


def test_a_zipped_install_reads_every_release_with_the_strict_loader(
    monkeypatch: pytest.MonkeyPatch, fresh_registry: None
) -> None:
    """Without a folder on disk (a zip, another loader) there is no form to check: the loader reads, as before."""
    monkeypatch.setattr(_discovery, "package_folder", lambda: None)
    monkeypatch.setattr(_registry, "read_body", lambda _: pytest.fail("a form was used"))
    dataset = sr.load(BUILTIN)
    assert "built-in" == dataset.releases[0].origin
    assert _rows() == sum(dataset.counts().values())


# --- what makes the form unusable --------------------------------------------------------------


def test_a_copy_with_its_form_reads_as_the_original(copied: Path) -> None:
    assert _same(_from_form(copied), _strict(DATA / BUILTIN))


def test_an_edited_table_is_read_by_the_strict_loader(copied: Path) -> None:
    """The manifest still matches, so the header is accepted; the table's hash is not the recorded one."""
    table = copied / "events.jsonl"
    table.write_bytes(table.read_bytes().replace(b'"kind": "signing"', b'"kind": "banquet"', 1))
    header = read_header(str(copied))
    assert header is not None
    assert read_body(header) is None
    with pytest.raises(ReleaseError, match="sha256 mismatch"):
        _strict(copied)


def test_an_edited_manifest_is_read_by_the_strict_loader(copied: Path) -> None:
    manifest = copied / "release.json"
    manifest.write_bytes(manifest.read_bytes().replace(b'"title": "', b'"title": "Edited: ', 1))
    assert read_header(str(copied)) is None


@pytest.mark.parametrize("change", ["added", "removed", "symlink", "directory"])
def test_a_changed_directory_is_read_by_the_strict_loader(copied: Path, change: str) -> None:
    if change == "added":
        (copied / "extra.jsonl").write_text("")
    elif change == "removed":
        (copied / "figures.jsonl").unlink()
    elif change == "symlink":  # same bytes, but through a link, which the loader refuses
        target = copied.parent / "figures-elsewhere.jsonl"
        (copied / "figures.jsonl").rename(target)
        (copied / "figures.jsonl").symlink_to(target)
    else:
        (copied / "figures.jsonl").unlink()
        (copied / "figures.jsonl").mkdir()
    header = read_header(str(copied))
    assert header is None or read_body(header) is None


def test_another_layout_of_the_models_is_not_used(copied: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A form written for other models (a field added, say) is not unpickled into these."""
    monkeypatch.setattr(_prevalidated, "layout", lambda: (*layout(), ("Event", ("new_field",))))
    assert read_header(str(copied)) is None


def _form(root: Path, header: tuple[Any, ...], body: bytes = b"") -> None:
    """Write a form for ``root`` from a header and body of our choosing, with a right digest."""
    head = pickle.dumps(header, protocol=5)
    rest = len(head).to_bytes(8, "big") + head + body
    digest = hashlib.blake2b(rest, digest_size=32).digest()
    (root.parent / (root.name + SUFFIX)).write_bytes(b"sinorussia prevalidated release\n" + digest + rest)


def _files(root: Path) -> tuple[tuple[str, bytes], ...]:
    return tuple((p.name, hashlib.blake2b(p.read_bytes(), digest_size=32).digest()) for p in sorted(root.iterdir()))


def _header(root: Path, **changes: Any) -> tuple[Any, ...]:
    """A header as ``dumps`` writes it for ``root``, with ``changes`` (format, info, parts)."""
    places = pickle.dumps({}, protocol=5)
    return (
        changes.get("format", FORMAT),
        layout(),
        _files(root),
        changes.get("info", _strict(root).info),
        (),
        changes.get("parts", (("places", 0, len(places)),)),
    )


def test_another_format_is_not_used(copied: Path) -> None:
    _form(copied, _header(copied, format=FORMAT + 1), pickle.dumps({}, protocol=5))
    assert read_header(str(copied)) is None
    _form(copied, _header(copied, info="not a manifest"), pickle.dumps({}, protocol=5))
    assert read_header(str(copied)) is None
    _form(copied, _header(copied), pickle.dumps({}, protocol=5))  # the control: this one is used
    assert read_header(str(copied)) is not None


class _Exploit:
    """Pickles as a call of ``os.system``: what a hostile pickle would do."""

    def __init__(self, marker: Path) -> None:
        self.marker = marker

    def __reduce__(self) -> tuple[Any, ...]:
        return (os.system, (f"touch {self.marker}",))


def test_the_form_can_build_nothing_but_records(copied: Path) -> None:
    """A form that names any other callable is refused before it is called, even with a right digest."""
    marker = copied.parent / "called"
    hostile = pickle.dumps(_Exploit(marker), protocol=5)
    _form(copied, _header(copied, parts=(("places", 0, len(hostile)),)), hostile)
    header = read_header(str(copied))
    assert header is not None
    assert read_body(header) is None
    _form(copied, _header(copied, info=_Exploit(marker)))
    assert read_header(str(copied)) is None
    assert not marker.exists()


@given(data=st.data())
def test_a_damaged_form_is_never_used(data: st.DataObject, tmp_path_factory: pytest.TempPathFactory) -> None:
    """Bytes cut, changed or added anywhere in the form: its digest no longer matches, and the loader reads."""
    root = tmp_path_factory.mktemp("damaged") / BUILTIN
    shutil.copytree(DATA / BUILTIN, root)
    form = bytearray((DATA / (BUILTIN + SUFFIX)).read_bytes())
    action = data.draw(st.sampled_from(["cut", "flip", "insert"]))
    # Anywhere, spread over the whole form (most of it is the tables' pickles), not only near its start.
    at = data.draw(st.integers(0, 999)) * len(form) // 1000 + data.draw(st.integers(0, len(form) // 1000))
    at = min(at, len(form) - 1)
    if action == "cut":
        del form[at:]
    elif action == "flip":
        form[at] ^= data.draw(st.integers(1, 255))
    else:
        form[at:at] = data.draw(st.binary(min_size=1, max_size=8))
    (root.parent / (root.name + SUFFIX)).write_bytes(bytes(form))
    assert _from_form(root) is None


def test_a_form_of_what_is_not_regular_files_cannot_be_written(copied: Path) -> None:
    (copied / "sub").mkdir()
    with pytest.raises(ValueError, match="other than regular files"):
        dumps(_strict(DATA / BUILTIN), str(copied))


# --- an installed copy ------------------------------------------------------------------------

_LOAD = """
import json, sinorussia as sr
try:
    print(json.dumps(sr.load().counts()))
except sr.ReleaseError as error:
    print(json.dumps({"error": str(error)}))
"""


def _installed_copy(tmp_path: Path) -> Path:
    site = tmp_path / "site"
    shutil.copytree(Path(FOLDER), site / "sinorussia", ignore=shutil.ignore_patterns("__pycache__"))
    return site / "sinorussia" / "data"


def _load_in(data: Path) -> dict[str, Any]:
    env = {**os.environ, "PYTHONPATH": str(data.parent.parent), "PYTHONDONTWRITEBYTECODE": "1"}
    done = subprocess.run(
        [sys.executable, "-c", _LOAD], env=env, capture_output=True, text=True, check=True, cwd=data.parent.parent
    )
    result: dict[str, Any] = json.loads(done.stdout)
    return result


def test_an_installed_release_edited_by_hand_is_still_refused(tmp_path: Path) -> None:
    """The promise holds with the form beside it: a table that no longer matches its manifest is refused."""
    data = _installed_copy(tmp_path)
    table = data / BUILTIN / "positions.jsonl"
    table.write_bytes(table.read_bytes() + b"{}\n")
    result = _load_in(data)
    assert "sha256 mismatch" in result["error"]


def test_an_installed_release_with_a_broken_form_still_loads(tmp_path: Path) -> None:
    data = _installed_copy(tmp_path)
    (data / (BUILTIN + SUFFIX)).write_bytes(b"not a prevalidated release")
    assert _rows() == sum(_load_in(data).values())


def test_a_form_written_for_a_copy_reads_back_as_the_strict_loader_reads_it(copied: Path) -> None:
    """dumps, then read_header and read_body: the round trip the build script makes (scripts/prevalidate.py)."""
    strict = _strict(copied)
    (copied.parent / (copied.name + SUFFIX)).write_bytes(dumps(strict, str(copied)))
    release = _from_form(copied)
    assert _same(release, strict)
    assert f"LoadedRelease('{BUILTIN}', sources=10" in repr(release)


@pytest.mark.parametrize(("module", "unusable"), [(_discovery, "read_header"), (_registry, "read_body")])
def test_without_a_usable_form_the_strict_loader_reads_the_built_in_release(
    monkeypatch: pytest.MonkeyPatch, fresh_registry: None, module: object, unusable: str
) -> None:
    """The fall-back path in process: no form at discovery, or a form whose files changed since."""
    monkeypatch.setattr(module, unusable, lambda _: None)
    dataset = sr.load(BUILTIN)
    assert not isinstance(_registry._loaded[BUILTIN], PrevalidatedRelease)
    assert _rows() == sum(dataset.counts().values())
    assert "built-in" == dataset.releases[0].origin


def test_a_package_not_installed_as_plain_files_is_read_through_importlib_resources(
    monkeypatch: pytest.MonkeyPatch, fresh_registry: None
) -> None:
    """Another loader than the standard file loaders (a zip importer, say): no folder, no form, same data."""
    from importlib.machinery import SourceFileLoader

    from sinorussia import _cameo, _resources

    class OtherLoader(SourceFileLoader):
        """Reads files as the standard loader does, but is not it: as a zip importer is not."""

    spec = sys.modules["sinorussia"].__spec__
    assert spec is not None
    assert spec.origin is not None
    monkeypatch.setattr(spec, "loader", OtherLoader("sinorussia", spec.origin))
    monkeypatch.setattr(_cameo, "_codes", None)
    assert _resources.package_folder() is None
    assert "cameo-codes.csv" in [entry.name for entry in _resources.package_files().joinpath("data").iterdir()]
    assert _resources.read_package_text("data", "cameo-codes.csv").startswith("code,")
    assert _rows() == sum(sr.load(BUILTIN).counts().values())
    assert _registry._discover()[BUILTIN].prevalidated is None


def test_a_table_that_fails_to_unpickle_later_is_a_release_error(
    monkeypatch: pytest.MonkeyPatch, fresh_registry: None
) -> None:
    """Only a ReleaseError may leave a query, even for a form that passed every check and then fails."""
    dataset = sr.load(BUILTIN)

    def broken(self: object, name: str) -> Any:
        raise EOFError("Ran out of input")

    monkeypatch.setattr(_prevalidated.Prevalidated, "part", broken)
    with pytest.raises(ReleaseError, match="prevalidated form cannot be read") as caught:
        dataset.positions()
    assert BUILTIN == caught.value.release
