"""The release authors' tools: `sinorussia new`, `seal [--check]` and `validate [--json]`.

The workflow the publishing guide describes, end to end: a release made with
``new``, filled by hand and sealed passes ``validate``; ``seal`` is idempotent;
``seal --check`` and ``validate`` catch a file that is not in canonical form.
"""

from __future__ import annotations

import hashlib
import io
import json
import random
import shutil
import stat
from pathlib import Path
from typing import Any

import jsonschema
import pytest
from hypothesis import given
from hypothesis import strategies as st

import sinorussia as sr
from sinorussia._cli import main
from sinorussia._convert import unstructure_record
from sinorussia._models import RECORD_TYPES, Record
from sinorussia._resources import package_files
from sinorussia._schema import manifest_schema
from sinorussia._tools import canonical_manifest, canonical_table, new_release, seal
from strategies import release_tables


def run(*argv: str) -> tuple[int, str]:
    """Run the CLI in-process; return (status, stdout)."""
    out = io.StringIO()
    status = main(list(argv), out=out)
    return status, out.getvalue()


def snapshot(directory: Path) -> dict[str, bytes]:
    """Every file of a directory, by name."""
    return {path.name: path.read_bytes() for path in sorted(directory.iterdir())}


def edit_manifest(directory: Path, **changes: Any) -> None:
    """Change fields of release.json by hand, as an author would (not in canonical form)."""
    path = directory / "release.json"
    manifest = json.loads(path.read_text(encoding="utf-8"))
    manifest.update(changes)
    path.write_text(json.dumps(manifest), encoding="utf-8")


# Written the way a person types them: any key order, defaults left out, records out of order.
BY_HAND = {
    "issues": [
        '{"title": "Joint patrols", "id": "my-joint-patrols", "summary": "Whether the two navies patrol together.",'
        ' "sources": [{"source": "my-report", "locator": "p. 3"}]}',
    ],
    "actors": [
        '{"kind": "organization", "name": "Joint Staff", "id": "my-joint-staff", "country": "CHN",'
        ' "sources": [{"source": "my-report", "locator": "p. 1", "quote": "the Joint Staff"}]}',
    ],
    "events": [
        '{"id": "2017-07-my-baltic-exercise", "when": "2017-07", "title": "Exercise in the Baltic",'
        ' "summary": "The two navies exercise in the Baltic.", "kind": "exercise", "cameo": "062",'
        ' "actors": ["CHN", "RUS"], "issues": ["my-joint-patrols", "south-china-sea-disputes"],'
        ' "sources": [{"source": "my-report", "locator": "p. 2"}]}',
        '{"id": "2017-01-my-talks", "when": "2017-01-10/2017-01-12", "title": "Talks", "summary": "Talks.",'
        ' "kind": "talks", "cameo": "040", "actors": ["CHN"], "recipients": ["RUS"],'
        ' "sources": [{"source": "yu-2016-reluctant-allies", "locator": "Introduction"}]}',
    ],
    "sources": [
        '{"kind": "reference", "title": "A report", "id": "my-report"}',
    ],
}


def fill_by_hand(directory: Path) -> None:
    """Write BY_HAND into the tables of a new release, and say it builds on cc-2016-2."""
    for table, rows in BY_HAND.items():
        (directory / f"{table}.jsonl").write_text("\n".join(rows) + "\n", encoding="utf-8")
    edit_manifest(directory, requires=["cc-2016-2"], coverage="2017", title="My release")


def test_new_scaffolds_a_valid_empty_release(tmp_path: Path) -> None:
    """`new` writes a manifest that fits release.schema.json and empty tables; validate accepts it."""
    status, out = run("new", str(tmp_path / "mine"), "--id", "my-release")
    assert (0, "created an empty release 'my-release' in " + str(tmp_path / "mine") + "\n") == (status, out)
    files = snapshot(tmp_path / "mine")
    assert sorted(["release.json", *(f"{name}.jsonl" for name in RECORD_TYPES)]) == sorted(files)
    assert all(b"" == data for name, data in files.items() if name != "release.json")
    manifest = json.loads(files["release.json"])
    assert [] == [e.message for e in jsonschema.Draft202012Validator(manifest_schema()).iter_errors(manifest)]
    assert (0, f"valid: {tmp_path / 'mine'}\n") == run("validate", str(tmp_path / "mine"))
    assert 0 == sum(sr.load_path(tmp_path / "mine").counts().values())


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (("--id", "My Release"), "is not a release id"),
        (("--id", "used"), "is not an empty directory"),
    ],
)
def test_new_refuses_a_bad_id_or_a_used_directory(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], argv: tuple[str, ...], message: str
) -> None:
    """A usage error: exit 2, one line on standard error, nothing written."""
    (tmp_path / "mine").mkdir()
    (tmp_path / "mine" / "notes.txt").write_text("mine", encoding="utf-8")
    target = tmp_path / "mine" if argv[1] == "used" else tmp_path / "other"
    assert 2 == run("new", str(target), *argv)[0]
    err = capsys.readouterr().err
    assert message in err
    assert 1 == len(err.splitlines())
    assert ["notes.txt"] == sorted(snapshot(tmp_path / "mine"))
    assert not (tmp_path / "other").exists()


@pytest.mark.usefixtures("fresh_registry")
def test_a_release_made_with_new_filled_by_hand_and_sealed_passes_validate(tmp_path: Path) -> None:
    """The publishing guide's steps: new, fill by hand, validate (fails: not sealed), seal, validate (passes)."""
    release = tmp_path / "mine"
    assert 0 == run("new", str(release), "--id", "my-release")[0]
    fill_by_hand(release)
    status, out = run("validate", str(release))
    assert 1 == status
    assert "sha256 mismatch" in out
    rewrote = "rewrote: sources.jsonl, actors.jsonl, issues.jsonl, events.jsonl, release.json\n"
    assert (0, rewrote) == run("seal", str(release))
    assert (0, "already sealed\n") == run("seal", str(release), "--check")
    assert (0, f"valid: {release}\n") == run("validate", str(release))
    ds = sr.load_path(release)
    assert ["cc-2016-2", "my-release"] == [info.id for info in ds.releases]
    mine = [e.id for e in ds.events(between=("2017-01-01", "2017-12-31")) if "-my-" in e.id]
    assert ["2017-01-my-talks", "2017-07-my-baltic-exercise"] == mine
    assert "China" == ds.actor(ds.lookup("2017-01-my-talks").actors[0]).name  # a reference into cc-2016-2


def test_seal_rewrites_exactly_the_canonical_form(tmp_path: Path) -> None:
    """After seal, each table is canonical_table of its records and the manifest counts and hashes them."""
    release = tmp_path / "mine"
    new_release(release, "my-release")
    fill_by_hand(release)
    seal(release)
    loaded = {name: sr.load_path(release).table(name) for name in ("events", "issues")}
    manifest = json.loads((release / "release.json").read_text(encoding="utf-8"))
    for name, records in loaded.items():
        mine = [r for r in records if "my-" in r.id]
        assert canonical_table(mine) == (release / f"{name}.jsonl").read_bytes()
        assert len(mine) == manifest["tables"][name]["rows"]
    events = (release / "events.jsonl").read_text(encoding="utf-8").splitlines()
    assert ["2017-01-my-talks", "2017-07-my-baltic-exercise"] == [json.loads(line)["id"] for line in events]


@pytest.mark.usefixtures("fresh_registry")
def test_seal_check_and_validate_detect_a_non_canonical_file(tmp_path: Path) -> None:
    """A table that loads (right hash and count) but is not canonical: seal --check exits 1, writes nothing."""
    release = tmp_path / "mine"
    new_release(release, "my-release")
    fill_by_hand(release)
    seal(release)
    path = release / "events.jsonl"
    rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]
    path.write_text("".join(json.dumps(row, separators=(",", ":")) + "\n" for row in rows), encoding="utf-8")
    manifest = json.loads((release / "release.json").read_text(encoding="utf-8"))
    manifest["tables"]["events"]["sha256"] = hashlib.sha256(path.read_bytes()).hexdigest()
    (release / "release.json").write_bytes(canonical_manifest(manifest))
    sr.load_path(release)  # the loader accepts it: only the form is wrong
    before = snapshot(release)
    # The manifest changes too: it records the hash of the canonical bytes.
    assert (1, "would change: events.jsonl, release.json\n") == run("seal", str(release), "--check")
    assert before == snapshot(release)
    status, out = run("validate", str(release), "--json")
    problems = [json.loads(line) for line in out.splitlines()]
    assert 1 == status
    assert [("events.jsonl", 1), "release.json"] == [(p["file"], p["line"]) for p in problems][:1] + [
        p["file"] for p in problems[1:]
    ]
    assert (0, "rewrote: events.jsonl, release.json\n") == run("seal", str(release))
    assert (0, "already sealed\n") == run("seal", str(release), "--check")


@st.composite
def hand_written(draw: st.DrawFn, tables: dict[str, list[Record]]) -> dict[str, bytes]:
    """The tables as a person might write them: records in any order, keys in any order, any spacing."""
    shuffler = random.Random(draw(st.integers(0, 2**32 - 1)))
    written = {}
    for name, records in tables.items():
        rows = [unstructure_record(record) for record in records]
        shuffler.shuffle(rows)
        lines = []
        for row in rows:
            keys = list(row)
            shuffler.shuffle(keys)
            spacing = draw(st.sampled_from([(",", ":"), (", ", ": "), (" , ", " : ")]))
            shuffled = {key: row[key] for key in keys}
            lines.append(json.dumps(shuffled, separators=spacing, ensure_ascii=draw(st.booleans())))
        written[name] = "".join(line + "\n" for line in lines).encode("utf-8")
    return written


@given(tables=release_tables(max_events=6), data=st.data())
def test_seal_is_idempotent(
    tmp_path_factory: pytest.TempPathFactory, tables: dict[str, list[Record]], data: st.DataObject
) -> None:
    """Sealing a sealed release changes nothing; the first seal leaves every table in canonical form."""
    release = tmp_path_factory.mktemp("seal") / "r"
    new_release(release, "prop-release")
    for name, raw in data.draw(hand_written(tables)).items():
        (release / f"{name}.jsonl").write_bytes(raw)
    seal(release)
    sealed = snapshot(release)
    assert [] == seal(release)
    assert [] == seal(release, check=True)
    assert sealed == snapshot(release)
    for name, records in tables.items():
        assert canonical_table(records) == sealed[f"{name}.jsonl"]
    assert {name: len(records) for name, records in tables.items()} == sr.load_path(release).counts()


def test_seal_lists_every_bad_line_and_writes_nothing(tmp_path: Path) -> None:
    """Bad records in two tables: seal exits 1 listing both (file, line, field); no file changes."""
    release = tmp_path / "mine"
    new_release(release, "my-release")
    fill_by_hand(release)
    (release / "issues.jsonl").write_text('{"id": "x", "title": "t", "summary": "s"}\n', encoding="utf-8")
    events = (release / "events.jsonl").read_text(encoding="utf-8").replace('"when": "2017-07"', '"when": "July"')
    (release / "events.jsonl").write_text(events, encoding="utf-8")
    before = snapshot(release)
    status, out = run("seal", str(release), "--json")
    problems = [json.loads(line) for line in out.splitlines()]
    assert 1 == status
    assert [("issues.jsonl", 1, "$.sources"), ("events.jsonl", 1, "$.when")] == [
        (p["file"], p["line"], p["field"]) for p in problems
    ]
    assert before == snapshot(release)


@pytest.mark.parametrize(
    "file", ["../outside.jsonl", "/tmp/abs.jsonl", ".hidden.jsonl", "sub\\dir.jsonl", "actors.jsonl"]
)
def test_seal_refuses_unsafe_table_paths_before_touching_them(tmp_path: Path, file: str) -> None:
    """A manifest naming a file outside the release, or one file twice: refused (exit 1), nothing written."""
    release = tmp_path / "inner" / "mine"
    new_release(release, "my-release")
    manifest = json.loads((release / "release.json").read_text(encoding="utf-8"))
    manifest["tables"]["events"]["file"] = file
    (release / "release.json").write_text(json.dumps(manifest), encoding="utf-8")
    before = snapshot(release)
    status, out = run("seal", str(release))
    assert 1 == status
    assert "$.tables.events" in out
    assert before == snapshot(release)
    assert ["mine"] == sorted(p.name for p in (tmp_path / "inner").iterdir())


def test_seal_keeps_file_permissions(tmp_path: Path) -> None:
    """A rewritten file keeps its mode (seal replaces files whole, through a temporary file)."""
    release = tmp_path / "mine"
    new_release(release, "my-release")
    fill_by_hand(release)
    (release / "events.jsonl").chmod(0o640)
    seal(release)
    assert 0o640 == stat.S_IMODE((release / "events.jsonl").stat().st_mode)
    assert [] == [p.name for p in release.iterdir() if p.name.startswith(".")]


def test_validate_lists_every_error_bounded(tmp_path: Path) -> None:
    """A thousand bad records: exit 1, at most 50 problems, each naming file and line, then 'truncated'."""
    release = tmp_path / "mine"
    new_release(release, "my-release")
    (release / "issues.jsonl").write_text('{"id": "Bad Id"}\n' * 1000, encoding="utf-8")
    manifest = json.loads((release / "release.json").read_text(encoding="utf-8"))
    data = (release / "issues.jsonl").read_bytes()
    manifest["tables"]["issues"].update(rows=1000, sha256=hashlib.sha256(data).hexdigest())
    (release / "release.json").write_text(json.dumps(manifest), encoding="utf-8")
    status, out = run("validate", str(release), "--json")
    lines = [json.loads(line) for line in out.splitlines()]
    assert 1 == status
    assert {"truncated": True} == lines[-1]
    assert 50 == len(lines[:-1])
    assert list(range(1, 51)) == [p["line"] for p in lines[:-1]]
    assert {"issues.jsonl"} == {p["file"] for p in lines[:-1]}


@pytest.mark.usefixtures("fresh_registry")
def test_validate_checks_the_release_with_only_what_it_requires(tmp_path: Path) -> None:
    """References into cc-2016-2 need `requires: ["cc-2016-2"]`; an unknown required release is named."""
    release = tmp_path / "mine"
    new_release(release, "my-release")
    fill_by_hand(release)
    edit_manifest(release, requires=[])
    seal(release)
    status, out = run("validate", str(release))
    assert 1 == status
    assert "reference to unknown id 'CHN'" in out
    assert "`requires`" in out
    edit_manifest(release, requires=["no-such-release"])
    seal(release)
    status, out = run("validate", str(release))
    assert 1 == status
    assert "release.json: requires release 'no-such-release', which is not installed" in out


@pytest.mark.usefixtures("fresh_registry")
def test_validate_refuses_ids_that_clash_with_an_installed_release(tmp_path: Path) -> None:
    """An id of cc-2016-2 used again without supersedes: exit 1, naming both places."""
    release = tmp_path / "mine"
    new_release(release, "my-release")
    fill_by_hand(release)
    clash = BY_HAND["issues"][0].replace('"my-joint-patrols"', '"sco-expansion"')
    (release / "issues.jsonl").write_text(clash + "\n", encoding="utf-8")
    (release / "events.jsonl").write_text("", encoding="utf-8")
    seal(release)
    status, out = run("validate", str(release))
    assert 1 == status
    assert "id 'sco-expansion' is used twice" in out
    assert "cc-2016-2:issues.jsonl" in out


def test_every_shipped_release_is_exactly_what_seal_writes(tmp_path: Path) -> None:
    """The shipped releases are sealed by this same code: sealing a copy changes nothing."""
    for info in sr.releases():
        if info.origin != "built-in":
            continue
        copy = tmp_path / info.id
        shutil.copytree(str(package_files().joinpath("data", info.id)), copy)
        assert [] == seal(copy, check=True), info.id


def test_usage_errors_of_the_tools_exit_2(tmp_path: Path) -> None:
    """seal of a directory without release.json, validate of a missing directory: usage errors."""
    assert 2 == run("seal", str(tmp_path))[0]
    assert 2 == run("validate", str(tmp_path / "missing"))[0]
    assert 2 == run("new", str(tmp_path / "x"))[0]  # --id is required
