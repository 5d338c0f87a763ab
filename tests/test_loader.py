"""Untrusted releases, one fault at a time: each is refused with a ReleaseError that says where.

The rows of RELIABILITY.md's test plan about file contents live here; those
about the file system (paths, links, FIFOs) in test_loader_files.py, the
Hypothesis properties in test_untrusted.py.
"""

from __future__ import annotations

import gc
import zipfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

import attrs
import pytest

import sinorussia as sr
from releases import lines, minimal_rows, write_raw, write_rows
from sinorussia import Dataset, ReleaseError
from sinorussia._models import RECORD_TYPES
from sinorussia._tools import seal


def _refusal(root: Path | str, load: Callable[[Any], object] = sr.load_path) -> ReleaseError:
    """The ReleaseError loading ``root`` raises (and nothing else)."""
    with pytest.raises(ReleaseError) as caught:
        load(root)
    assert ReleaseError is type(caught.value)
    return caught.value


def _with(table: str, index: int = 0, **changes: Any) -> dict[str, list[dict[str, Any]]]:
    """The minimal rows, with ``changes`` made to one row of one table."""
    rows = minimal_rows()
    rows[table][index].update(changes)
    return rows


def test_the_minimal_release_loads(tmp_path: Path) -> None:
    """The rows every test below damages form a valid release (so each refusal is about one fault)."""
    dataset = sr.load_path(write_rows(tmp_path, "minimal", minimal_rows()))
    assert {name: len(rows) for name, rows in minimal_rows().items()} == dataset.counts()


# --- truncated or invalid JSON ---------------------------------------------------------------


def test_a_line_cut_in_half_names_file_and_line(tmp_path: Path) -> None:
    """The second line of a table, cut mid-record, is refused at actors.jsonl:2."""
    data = lines(*minimal_rows()["actors"])
    first, second = data.splitlines()
    error = _refusal(write_raw(tmp_path, "cut", {"actors": first + b"\n" + second[: len(second) // 2] + b"\n"}))
    assert ("actors.jsonl", 2, "$") == (error.file, error.line, error.field)
    assert "invalid JSON" in error.reason


def test_a_manifest_cut_in_half_names_its_line(tmp_path: Path) -> None:
    """A truncated release.json is refused naming the manifest and the line where it stops."""
    root = write_rows(tmp_path, "cut", minimal_rows())
    text = (root / "release.json").read_bytes()
    (root / "release.json").write_bytes(text[: len(text) // 2])
    error = _refusal(root)
    assert "release.json" == error.file
    assert error.line is not None
    assert 1 < error.line <= text[: len(text) // 2].count(b"\n") + 1


def test_a_blank_line_in_a_table_is_refused(tmp_path: Path) -> None:
    """An empty line is not a record: refused at its line, not skipped."""
    data = lines(*minimal_rows()["actors"]).replace(b"\n", b"\n\n", 1)
    error = _refusal(write_raw(tmp_path, "blank", {**_encoded(minimal_rows()), "actors": data}))
    assert ("actors.jsonl", 2) == (error.file, error.line)


def _encoded(rows: dict[str, list[dict[str, Any]]]) -> dict[str, bytes]:
    return {name: lines(*records) for name, records in rows.items()}


# --- encodings, on every code path ----------------------------------------------------------

ENCODING_FAULTS = {
    "utf-8 with BOM": lambda text: b"\xef\xbb\xbf" + text,
    "utf-16 with BOM": lambda text: text.decode().encode("utf-16"),
    "utf-16-le without BOM": lambda text: text.decode().encode("utf-16-le"),
    "invalid utf-8 byte": lambda text: text.replace(b'"', b'"\xff', 1),
    "a character cut in half": lambda text: text.replace(b'"', '"\u00e9'.encode()[:-1], 1),
}


def _zip_root(root: Path) -> zipfile.Path:
    archive = root.parent / f"{root.name}.zip"
    with zipfile.ZipFile(archive, "w") as bundle:
        for path in sorted(root.iterdir()):
            bundle.write(path, f"release/{path.name}")
    return zipfile.Path(zipfile.ZipFile(archive), "release/")


CODE_PATHS: dict[str, Callable[[Path], object]] = {
    "load_path(str)": lambda root: sr.load_path(str(root)),
    "load_path(Path)": sr.load_path,
    "load_path(zipped Traversable)": lambda root: sr.load_path(_zip_root(root)),
    "validate_path": sr.validate_path,
}


@pytest.mark.parametrize("fault", sorted(ENCODING_FAULTS))
@pytest.mark.parametrize("file", ["release.json", "actors.jsonl"])
def test_encoding_faults_are_refused_alike_on_every_code_path(tmp_path: Path, fault: str, file: str) -> None:
    """BOM, UTF-16 and invalid UTF-8, in the manifest or a table: the same refusal on every reading path."""
    damage = ENCODING_FAULTS[fault]
    reasons = {}
    for name, load in CODE_PATHS.items():
        root = tmp_path / name.replace("(", "-").replace(")", "").replace(" ", "-")
        tables = _encoded(minimal_rows())
        if file == "actors.jsonl":
            tables["actors"] = damage(tables["actors"])  # the manifest's hash matches: decoding is what fails
            write_raw(root, "enc", tables)
        else:
            write_raw(root, "enc", tables)
            (root / file).write_bytes(damage((root / file).read_bytes()))
        error = _refusal(root, load)
        assert file == error.file
        reasons[name] = error.reason
    assert 1 == len(set(reasons.values())), reasons


@pytest.mark.parametrize("fault", sorted(ENCODING_FAULTS))
def test_encoding_faults_are_refused_by_seal_too(tmp_path: Path, fault: str) -> None:
    """The release tools read tables through the same decoder: `seal` refuses, writing nothing."""
    tables = _encoded(minimal_rows())
    tables["actors"] = ENCODING_FAULTS[fault](tables["actors"])
    root = write_raw(tmp_path, "enc", tables)
    before = {path.name: path.read_bytes() for path in root.iterdir()}
    error = _refusal(root, seal)
    assert "actors.jsonl" == error.file
    assert before == {path.name: path.read_bytes() for path in root.iterdir()}


# --- duplicate keys, non-standard numbers, deep nesting -------------------------------------


def test_duplicate_key_in_a_record_is_refused_naming_the_key(tmp_path: Path) -> None:
    """{"id": "a", "id": "b"} would silently become "b"; it is refused at $.id instead."""
    data = b'{"id": "a", "id": "b", "title": "t", "summary": "s", "sources": [{"source": "art"}]}\n'
    error = _refusal(write_raw(tmp_path, "dup", {**_encoded(minimal_rows()), "issues": data}))
    assert ("issues.jsonl", 1, "$.id") == (error.file, error.line, error.field)
    assert "duplicate key 'id'" in error.reason


def test_duplicate_key_in_the_manifest_is_refused(tmp_path: Path) -> None:
    """A manifest giving "license" twice is refused, naming the key."""
    root = write_rows(tmp_path, "dup", minimal_rows())
    text = (root / "release.json").read_text()
    (root / "release.json").write_text(text.replace('"license": ', '"license": "MIT",\n  "license": ', 1))
    error = _refusal(root)
    assert ("release.json", "$.license") == (error.file, error.field)


@pytest.mark.parametrize(
    ("value", "reason"),
    [
        (b"NaN", "NaN"),
        (b"Infinity", "Infinity"),
        (b"-Infinity", "Infinity"),
        (b"1e400", "too large to be finite"),
        (b"9" * 5000, "5000 digits"),
    ],
)
def test_non_standard_numbers_are_refused(tmp_path: Path, value: bytes, reason: str) -> None:
    """A figure of NaN, Infinity, 1e400 or 5000 digits is refused as such: no bare ValueError."""
    rest = b', "unit": "u", "description": "d", "sources": [{"source": "art"}]}\n'
    data = b'{"id": "fig-1", "value": ' + value + rest
    error = _refusal(write_raw(tmp_path, "num", {**_encoded(minimal_rows()), "figures": data}))
    assert ("figures.jsonl", 1) == (error.file, error.line)
    assert reason in error.reason


@pytest.mark.parametrize(
    "data",
    [b"[" * 100_000 + b"]" * 100_000, b'{"id": ' + b"[" * 100_000 + b"]" * 100_000 + b"}"],
    ids=["a record of brackets", "a field of brackets"],
)
@pytest.mark.parametrize("file", ["release.json", "issues.jsonl"])
def test_deep_nesting_is_refused_without_recursion_error(tmp_path: Path, data: bytes, file: str) -> None:
    """100 000 nested brackets, as a manifest or a record, are refused: no RecursionError."""
    tables = _encoded(minimal_rows())
    if file == "issues.jsonl":
        tables["issues"] = data + b"\n"
    root = write_raw(tmp_path, "deep", tables)
    if file == "release.json":
        (root / file).write_bytes(data)
    error = _refusal(root)
    assert file == error.file
    assert "nested too deeply" in error.reason


# --- error flood ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    "record",
    [b"{}", b"{", b"null", b'{"id": "x", "titel": 1}'],
    ids=["fields missing", "invalid JSON", "not an object", "unknown field"],
)
def test_an_error_flood_gives_a_bounded_truncated_report(tmp_path: Path, record: bytes) -> None:
    """100 000 bad records give at most 50 problems, the first named, and say they were truncated."""
    error = _refusal(write_raw(tmp_path, "flood", {"issues": (record + b"\n") * 100_000}))
    assert 50 == len(error.problems)
    assert error.truncated
    assert [("issues.jsonl", n) for n in range(1, 51)] == [(p.file, p.line) for p in error.problems]
    assert "more problems" in error.reason
    assert len(str(error)) < 1000


def test_a_flood_of_dangling_references_is_bounded_too(tmp_path: Path) -> None:
    """Records valid one by one but all referring to nothing: the cross-record check stops at 50."""
    rows = minimal_rows()
    issue = rows["issues"][0]
    rows["issues"] = [{**issue, "id": f"issue-{n}", "sources": [{"source": "nowhere"}]} for n in range(10_000)]
    error = _refusal(write_rows(tmp_path, "flood", rows))
    assert 50 == len(error.problems)
    assert error.truncated
    assert {"$.sources[0].source"} == {p.field for p in error.problems}


# --- missing and unknown fields, wrong shapes, bad values -------------------------------------


def _required(table: str) -> list[str]:
    return [field.name for field in attrs.fields(RECORD_TYPES[table]) if field.default is attrs.NOTHING]


@pytest.mark.parametrize("table", sorted(RECORD_TYPES))
def test_each_missing_required_key_is_named(tmp_path: Path, table: str) -> None:
    """Dropping any required key of any table is refused naming that key."""
    for key in _required(table):
        rows = minimal_rows()
        del rows[table][0][key]
        error = _refusal(write_rows(tmp_path / key, "missing", rows))
        assert (f"{table}.jsonl", 1, f"$.{key}") == (error.file, error.line, error.field)
        assert "required field is missing" in error.reason


@pytest.mark.parametrize("table", sorted(RECORD_TYPES))
def test_a_misspelt_key_is_refused_naming_it(tmp_path: Path, table: str) -> None:
    """An unknown key is refused (not ignored), and the message lists the fields there are."""
    error = _refusal(write_rows(tmp_path, "misspelt", _with(table, sourcse=[])))
    assert (f"{table}.jsonl", 1, "$.sourcse") == (error.file, error.line, error.field)
    assert "unknown field" in error.reason
    assert "id, " in error.reason


def test_a_record_of_the_wrong_shape_is_refused_at_the_root(tmp_path: Path) -> None:
    """null, 5, "x" and [] are not records: each refused at $, on its own line."""
    error = _refusal(write_raw(tmp_path, "shape", {"issues": b'null\n5\n"x"\n[]\n'}))
    assert [("issues.jsonl", n, "$") for n in (1, 2, 3, 4)] == [(p.file, p.line, p.field) for p in error.problems]
    assert [f"expected an object, got {kind}" for kind in ("null", "number", "string", "array")] == [
        p.reason for p in error.problems
    ]


@pytest.mark.parametrize("shape", [b"null", b"5", b'"x"', b"[]"])
def test_a_manifest_of_the_wrong_shape_is_refused_at_the_root(tmp_path: Path, shape: bytes) -> None:
    """A release.json that is not an object is refused at $."""
    root = write_rows(tmp_path, "shape", minimal_rows())
    (root / "release.json").write_bytes(shape)
    error = _refusal(root)
    assert ("release.json", "$") == (error.file, error.field)


@pytest.mark.parametrize(
    ("table", "changes", "field", "says"),
    [
        ("events", {"kind": "banquet"}, "$.kind", "allowed: 'visit', 'summit'"),
        ("documents", {"kind": "Joint_Statement"}, "$.kind", "allowed: 'joint_statement'"),
        ("positions", {"stance": "for"}, "$.stance", "allowed: 'support', 'oppose'"),
        ("events", {"when": "2016-02-30"}, "$.when", "its days are 01 to 29"),
        ("events", {"when": "late June"}, "$.when", "allowed: YYYY, YYYY-MM or YYYY-MM-DD"),
        ("events", {"when": "2016-06-06/2016-06-03"}, "$.when", "ends (2016-06-03) before it starts (2016-06-06)"),
        ("memberships", {"period": "2016-06/2016-05-31"}, "$.period", "same precision"),
        ("events", {"when": "20160625"}, "$.when", "allowed: YYYY"),
        ("events", {"when": "٢٠١٦"}, "$.when", "allowed: YYYY"),
        ("events", {"cameo": "42"}, "$.cameo", "not a CAMEO event code"),
        ("actors", {"id": "china"}, "$.id", "alpha-3"),
        ("discrepancies", {"adopted": "c"}, "$.adopted", "one of the readings"),
        ("events", {"chronology": False}, "$.chronology_order", "exactly when chronology is true"),
        ("figures", {"value": True}, "$.value", "expected a number, got boolean"),
    ],
)
def test_bad_values_are_refused_saying_what_is_allowed(
    tmp_path: Path, table: str, changes: dict[str, Any], field: str, says: str
) -> None:
    """Bad enums, impossible or free-text dates, reversed spans: refused at the field, listing what is allowed."""
    error = _refusal(write_rows(tmp_path, "values", _with(table, **changes)))
    assert (f"{table}.jsonl", 1, field) == (error.file, error.line, error.field)
    assert says in error.reason


# --- references and ids ---------------------------------------------------------------------


def test_a_dangling_reference_is_refused_naming_it(tmp_path: Path) -> None:
    """An event naming an unknown actor is refused at its file, line and field, naming the id."""
    error = _refusal(write_rows(tmp_path, "dangling", _with("events", actors=["CHN", "XXX"])))
    assert ("events.jsonl", 1, "$.actors[1]") == (error.file, error.line, error.field)
    assert "unknown id 'XXX'" in error.reason


def test_a_reference_to_the_wrong_table_is_refused(tmp_path: Path) -> None:
    """A position's issue that is an actor: refused, naming both tables."""
    error = _refusal(write_rows(tmp_path, "wrong-table", _with("positions", issue="sco")))
    assert ("positions.jsonl", 1, "$.issue") == (error.file, error.line, error.field)
    assert "'sco' is in actors, but this field refers to issues" == error.reason


def test_an_id_used_twice_in_a_release_names_both_places(tmp_path: Path) -> None:
    """An issue reusing an event's id is refused at the second place, naming the first."""
    rows = _with("issues", id="ev-1")
    rows["positions"][0]["issue"] = "ev-1"
    error = _refusal(write_rows(tmp_path, "twice", rows))
    assert ("issues.jsonl", 1, "$.id") == (error.file, error.line, error.field)
    assert "first used at events.jsonl:1" in error.reason


def test_an_id_clashing_with_a_required_release_names_both_places(tmp_path: Path) -> None:
    """A release that requires cc-2016-2 and reuses one of its ids is refused, naming both releases."""
    taken = sr.load("cc-2016-2").issues()[0].id
    rows = _with("issues", id=taken)
    rows["positions"][0]["issue"] = taken
    error = _refusal(write_rows(tmp_path, "clash", rows, requires=["cc-2016-2"]))
    places = {(p.release, p.file) for p in error.problems if taken in p.reason}
    assert ("clash", "issues.jsonl") in places
    assert any("cc-2016-2:issues.jsonl:" in p.reason for p in error.problems)


# --- partial loads ----------------------------------------------------------------------------


def test_a_bad_last_table_publishes_nothing_and_a_retry_after_the_fix_loads(
    tmp_path: Path, fresh_registry: None
) -> None:
    """The last table read is bad: no dataset, nothing cached; fixed, the same path loads whole."""
    from sinorussia import _registry

    last = list(RECORD_TYPES)[-1]
    rows = minimal_rows()
    good = lines(*rows[last])
    root = write_raw(tmp_path, "partial", {**_encoded(rows), last: b'{"id": "dis-1"}\n'})
    error = _refusal(root)
    assert f"{last}.jsonl" == error.file
    assert {} == dict(_registry._datasets)
    assert "partial" not in _registry._loaded

    write_raw(root, "partial", {**_encoded(rows), last: good})
    dataset = sr.load_path(root)
    assert isinstance(dataset, Dataset)
    assert len(rows[last]) == len(dataset.table(last))


def test_the_collector_is_left_as_it_was_found(tmp_path: Path) -> None:
    """Loading pauses the garbage collector and restores it: on when it was on, off when it was off."""
    root = write_rows(tmp_path, "gc", minimal_rows())
    assert gc.isenabled()
    sr.load_path(root)
    assert gc.isenabled()
    gc.disable()
    try:
        sr.load_path(root)
        assert not gc.isenabled()
    finally:
        gc.enable()


def test_a_record_too_deep_for_the_converter_is_refused_at_its_line(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Should converting a record ever exhaust the stack, that record is refused (file, line), not the process."""
    from sinorussia import _loader

    real = _loader.structure_record

    def deep(raw: object, cls: type[Any]) -> Any:
        if cls.__name__ == "Figure":
            raise RecursionError
        return real(raw, cls)

    monkeypatch.setattr(_loader, "structure_record", deep)
    error = _refusal(write_rows(tmp_path, "deep", minimal_rows()))
    assert ("figures.jsonl", 1, "$", "value nested too deeply") == (error.file, error.line, error.field, error.reason)

