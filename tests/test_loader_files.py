"""Untrusted releases and the file system: paths, links, special files.

Manifest paths are checked as strings before anything is opened; what is
opened must be a plain file directly inside the release directory.
"""

from __future__ import annotations

import builtins
import hashlib
import io
import json
import os
import stat
import zipfile
from pathlib import Path
from typing import Any

import pytest

import sinorussia as sr
from releases import minimal_rows, write_rows
from sinorussia import ReleaseError
from sinorussia._loader import _FileRefusedError, _read_disk_file
from sinorussia._tools import canonical_manifest


class OpenSpy:
    """Records every path opened through ``os.open``, ``open`` and ``io.open``; may forbid some."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch) -> None:
        self.opened: list[str] = []
        self.forbidden: set[str] = set()
        real_os_open, real_open = os.open, builtins.open

        def spy_os_open(path: Any, *args: Any, **kwargs: Any) -> int:
            self._note(path)
            return real_os_open(path, *args, **kwargs)

        def spy_open(path: Any, *args: Any, **kwargs: Any) -> Any:
            self._note(path)
            return real_open(path, *args, **kwargs)

        monkeypatch.setattr(os, "open", spy_os_open)
        monkeypatch.setattr(builtins, "open", spy_open)
        monkeypatch.setattr(io, "open", spy_open)

    def _note(self, path: Any) -> None:
        if isinstance(path, int):
            return  # os.fdopen of a descriptor already opened (and recorded) by os.open
        text = os.fsdecode(path) if isinstance(path, (str, bytes, os.PathLike)) else repr(path)
        self.opened.append(text)
        if text in self.forbidden:
            # Fail instead of opening: a FIFO opened for reading would block the test forever.
            raise AssertionError(f"the loader opened {text}")


@pytest.fixture
def spy(monkeypatch: pytest.MonkeyPatch) -> OpenSpy:
    """An OpenSpy for the length of one test (monkeypatch undoes it)."""
    return OpenSpy(monkeypatch)


def _refusal(root: Any) -> ReleaseError:
    with pytest.raises(ReleaseError) as caught:
        sr.load_path(root)
    assert ReleaseError is type(caught.value)
    return caught.value


def _point_table_at(root: Path, table: str, file: str) -> Path:
    manifest = json.loads((root / "release.json").read_bytes())
    manifest["tables"][table]["file"] = file
    (root / "release.json").write_bytes(canonical_manifest(manifest))
    return root


HOSTILE_PATHS = [
    "../../etc/passwd",
    "/etc/passwd",
    "..\\..\\etc\\passwd",
    "C:\\Windows\\win.ini",
    "C:actors.jsonl",
    ".hidden.jsonl",
    "..",
    "",
    "sub/actors.jsonl",
    "./actors.jsonl",
    "actors.jsonl\x00.txt",
    "actors.json",
    "release.json",
    "-actors.jsonl",
]


@pytest.mark.parametrize("file", HOSTILE_PATHS)
def test_hostile_manifest_paths_are_refused_before_any_file_is_opened(
    tmp_path: Path, spy: OpenSpy, file: str
) -> None:
    """Traversal, absolute, backslash, hidden and odd names: refused at the field; only release.json was opened."""
    root = _point_table_at(write_rows(tmp_path / "release", "hostile", minimal_rows()), "actors", file)
    spy.opened.clear()
    error = _refusal(root)
    assert ("release.json", "$.tables.actors.file") == (error.file, error.field)
    assert [str(root / "release.json")] == spy.opened


def test_a_table_that_links_to_a_system_file_is_refused(tmp_path: Path, spy: OpenSpy) -> None:
    """actors.jsonl -> /etc/hostname, with a manifest hash that matches it: refused as a link, never opened."""
    target = Path("/etc/hostname")
    root = write_rows(tmp_path, "link", minimal_rows())
    (root / "actors.jsonl").unlink()
    (root / "actors.jsonl").symlink_to(target)
    manifest = json.loads((root / "release.json").read_bytes())
    manifest["tables"]["actors"].update(sha256=hashlib.sha256(target.read_bytes()).hexdigest(), rows=1)
    (root / "release.json").write_bytes(canonical_manifest(manifest))
    spy.forbidden = {str(root / "actors.jsonl"), str(target)}
    error = _refusal(root)
    assert "actors.jsonl" == error.file
    assert "symbolic link" in error.reason


def test_a_link_inside_the_release_is_refused_too(tmp_path: Path) -> None:
    """Even a link to a sibling file is refused: release files are plain files."""
    root = write_rows(tmp_path, "link", minimal_rows())
    (root / "copy.bin").write_bytes((root / "actors.jsonl").read_bytes())
    (root / "actors.jsonl").unlink()
    (root / "actors.jsonl").symlink_to("copy.bin")
    assert "symbolic link" in _refusal(root).reason


def test_a_linked_manifest_is_refused(tmp_path: Path) -> None:
    """release.json itself may not be a link."""
    root = write_rows(tmp_path / "release", "link", minimal_rows())
    (root / "release.json").rename(tmp_path / "elsewhere.json")
    (root / "release.json").symlink_to(tmp_path / "elsewhere.json")
    error = _refusal(root)
    assert ("release.json", "is a symbolic link; release files must be plain files") == (error.file, error.reason)


def test_a_fifo_is_refused_without_being_opened(tmp_path: Path, spy: OpenSpy) -> None:
    """A FIFO in place of a table is refused from its metadata; opening it (which could block) never happens."""
    root = write_rows(tmp_path, "fifo", minimal_rows())
    (root / "events.jsonl").unlink()
    os.mkfifo(root / "events.jsonl")
    spy.forbidden = {str(root / "events.jsonl")}
    error = _refusal(root)
    assert "events.jsonl" == error.file
    assert "not a regular file" in error.reason


def test_a_directory_in_place_of_a_table_is_refused(tmp_path: Path) -> None:
    """A directory named like a table is not a table."""
    root = write_rows(tmp_path, "dir", minimal_rows())
    (root / "issues.jsonl").unlink()
    (root / "issues.jsonl").mkdir()
    error = _refusal(root)
    assert ("issues.jsonl", True) == (error.file, "not a regular file" in error.reason)


def test_a_file_swapped_for_a_link_after_the_check_is_not_followed(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Time-of-check to time-of-use: if a link appears after lstat, O_NOFOLLOW still refuses to open it."""
    root = write_rows(tmp_path, "race", minimal_rows())
    (root / "actors.jsonl").unlink()
    (root / "actors.jsonl").symlink_to("/etc/hostname")
    plain = os.lstat(root / "issues.jsonl")
    real_lstat = os.lstat
    monkeypatch.setattr(os, "lstat", lambda path: plain if str(path).endswith("actors.jsonl") else real_lstat(path))
    error = _refusal(root)
    assert "actors.jsonl" == error.file
    assert "cannot open" in error.reason


def test_a_file_that_turns_special_after_opening_is_refused(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """What was opened is checked again (fstat): only a regular file is read."""
    root = write_rows(tmp_path, "swap", minimal_rows())
    real_fstat = os.fstat

    def fifo_fstat(fd: int) -> Any:
        result = real_fstat(fd)
        return os.stat_result((stat.S_IFIFO | 0o644, *tuple(result)[1:]))

    monkeypatch.setattr(os, "fstat", fifo_fstat)
    assert "is not a regular file" == _refusal(root).reason


def test_a_path_outside_the_release_is_refused(tmp_path: Path) -> None:
    """The reader itself refuses a file whose real location is not directly in the release directory."""
    (tmp_path / "release").mkdir()
    (tmp_path / "outside.jsonl").write_bytes(b"")
    with pytest.raises(_FileRefusedError, match="outside the release directory"):
        _read_disk_file(tmp_path / "release", tmp_path / "outside.jsonl")


def test_a_name_the_file_system_rejects_is_refused(tmp_path: Path) -> None:
    """A syntactically plain name the OS cannot look up (too long) is a refusal, not an OSError."""
    root = _point_table_at(write_rows(tmp_path, "long", minimal_rows()), "actors", "a" * 300 + ".jsonl")
    (root / "actors.jsonl").unlink()
    error = _refusal(root)
    assert ("a" * 300 + ".jsonl", "cannot read: File name too long") == (error.file, error.reason.split(" (")[0])


def test_a_missing_release_directory_is_refused(tmp_path: Path) -> None:
    """load_path of a directory that does not exist, or of a file, says so."""
    assert "not a release directory" in _refusal(tmp_path / "nowhere").reason
    (tmp_path / "file").write_bytes(b"")
    assert "not a release directory" in _refusal(str(tmp_path / "file")).reason


# --- zipped releases (importlib.resources Traversables that are not paths) ---------------------


def _zipped(root: Path, *, drop: str | None = None, directory: str | None = None) -> zipfile.Path:
    archive = root.parent / f"{root.name}.zip"
    with zipfile.ZipFile(archive, "w") as bundle:
        for path in sorted(root.iterdir()):
            if path.name == directory:
                bundle.writestr(f"release/{path.name}/inner", b"")
            elif path.name != drop:
                bundle.write(path, f"release/{path.name}")
    return zipfile.Path(zipfile.ZipFile(archive), "release/")


def test_a_zipped_release_loads(tmp_path: Path) -> None:
    """A release inside a zip (as in a zipped install) loads through the same reader."""
    zipped = _zipped(write_rows(tmp_path / "release", "zipped", minimal_rows()))
    assert ("zipped",) == tuple(info.id for info in sr.load_path(zipped).releases)


def test_a_zipped_release_missing_a_table_is_refused(tmp_path: Path) -> None:
    """In a zip, a missing table or a directory in its place is refused, naming the file."""
    root = write_rows(tmp_path / "release", "zipped", minimal_rows())
    missing = _refusal(_zipped(root, drop="issues.jsonl"))
    assert ("issues.jsonl", True) == (missing.file, "missing" in missing.reason)
    directory = _refusal(_zipped(root, directory="issues.jsonl"))
    assert ("issues.jsonl", True) == (directory.file, "directory" in directory.reason)


def test_an_unreadable_zipped_file_is_refused(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """An OSError from a Traversable's read is a refusal naming the file."""
    zipped = _zipped(write_rows(tmp_path / "release", "zipped", minimal_rows()))

    def broken(self: zipfile.Path) -> bytes:
        raise OSError("disk on fire")

    monkeypatch.setattr(zipfile.Path, "read_bytes", broken)
    error = _refusal(zipped)
    assert ("release.json", "cannot read: disk on fire") == (error.file, error.reason)


def test_an_in_memory_zip_is_named_without_failing(tmp_path: Path) -> None:
    """A Traversable whose str() fails (a zip without a file name) still loads, or is refused cleanly."""
    root = write_rows(tmp_path / "release", "memory", minimal_rows())
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as bundle:
        for path in sorted(root.iterdir()):
            bundle.write(path, f"release/{path.name}")
    assert "memory" == sr.load_path(zipfile.Path(zipfile.ZipFile(buffer), "release/")).releases[0].id


def test_a_release_directory_that_cannot_be_listed_is_refused(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """If the directory cannot be listed, unlisted files cannot be ruled out: refused, naming the directory."""
    root = write_rows(tmp_path / "unlistable", "unlistable", minimal_rows())

    def refuse(self: Path) -> Any:
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(Path, "iterdir", refuse)
    error = _refusal(root)
    assert ("unlistable", True) == (error.file, error.reason.startswith("cannot list the release directory"))


def test_an_unlisted_file_with_a_name_that_is_not_utf8_is_named_printably(tmp_path: Path) -> None:
    """A stray file named with invalid UTF-8 is refused, and the error can be printed (escaped, not raw)."""
    root = write_rows(tmp_path, "stray", minimal_rows())
    (root / os.fsdecode(b"\xff.jsonl")).write_bytes(b"")
    error = _refusal(root)
    assert ("\\udcff.jsonl", "file is not listed in the manifest") == (error.file, error.reason)
    str(error).encode("utf-8")  # printable: no lone surrogate left in the message
