"""Properties of the loader on untrusted input.

* Type confusion: any field of any table (and of its nested source
  references) given a value of another JSON type is refused at that field's
  path, never coerced.
* Fuzz: whatever bytes a table or the manifest holds, ``load_path`` returns a
  valid Dataset or raises a ReleaseError that names the file at fault, never
  anything else.
"""

from __future__ import annotations

import enum
import json
import re
import tempfile
import types
import typing
from datetime import date
from pathlib import Path
from typing import Any

import attrs
import pytest
from hypothesis import event, given
from hypothesis import strategies as st

import sinorussia as sr
from releases import lines, manifest_for, minimal_rows, write_raw, write_rows
from sinorussia import DateSpan, ReleaseError
from sinorussia._convert import FieldError, structure_record, unstructure_record
from sinorussia._models import RECORD_TYPES
from sinorussia._references import references
from sinorussia._tools import canonical_manifest
from strategies import MODELS

JSON_TYPES = ("null", "boolean", "integer", "float", "string", "array", "object")

_leaves = st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=8)
_json_values = st.recursive(
    _leaves, lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=6), inner, max_size=3)
)
VALUES_OF_TYPE: dict[str, st.SearchStrategy[Any]] = {
    "null": st.none(),
    "boolean": st.booleans(),
    "integer": st.integers(),
    "float": st.floats(allow_nan=False, allow_infinity=False),
    "string": st.text(max_size=12),
    "array": st.lists(_json_values, max_size=3),
    "object": st.dictionaries(st.text(max_size=6), _json_values, max_size=3),
}


def accepted_json_types(kind: Any) -> set[str]:
    """The JSON types a field annotated ``kind`` takes (its values may still be refused)."""
    if typing.get_origin(kind) in (typing.Union, types.UnionType):
        return set().union(*(accepted_json_types(arg) for arg in typing.get_args(kind)))
    if kind is type(None):
        return {"null"}
    if kind is bool:
        return {"boolean"}
    if kind is int:
        return {"integer"}
    if kind is float:
        return {"integer", "float"}
    if kind in (str, DateSpan, date) or (isinstance(kind, type) and issubclass(kind, enum.Enum)):
        return {"string"}
    if typing.get_origin(kind) is tuple:
        return {"array"}
    if attrs.has(kind):
        return {"object"}
    raise AssertionError(f"no JSON type known for {kind!r}")  # a new kind of field: teach this test


def _fields(cls: type[Any]) -> dict[str, Any]:
    return {field.name: field.type for field in attrs.fields(attrs.resolve_types(cls))}


def _sites(table: str, raw: dict[str, Any]) -> list[tuple[list[str | int], Any]]:
    """Every place a value can be swapped: each field, and each field of the first nested record."""
    cls = RECORD_TYPES[table]
    sites: list[tuple[list[str | int], Any]] = [([name], kind) for name, kind in _fields(cls).items()]
    for name, kind in _fields(cls).items():
        (item,) = typing.get_args(kind)[:1] or (None,)
        if typing.get_origin(kind) is tuple and attrs.has(item) and raw.get(name):
            sites += [([name, 0, inner], inner_kind) for inner, inner_kind in _fields(item).items()]
    return sites


def _path(site: list[str | int]) -> str:
    return "$" + "".join(f"[{part}]" if isinstance(part, int) else f".{part}" for part in site)


def _put(raw: dict[str, Any], site: list[str | int], value: Any) -> None:
    target: Any = raw
    for part in site[:-1]:
        target = target[part]
    target[site[-1]] = value


@pytest.mark.parametrize("table", sorted(RECORD_TYPES))
@given(data=st.data())
def test_a_value_of_another_json_type_is_refused_at_its_field(table: str, data: st.DataObject) -> None:
    """Swap any field (or nested field) for a value of any JSON type it does not take: refused right there."""
    # Any valid record will do as the base: mostly the minimal one (drawing whole records is most of the
    # cost), sometimes a drawn one so that present optional fields and longer tuples are swapped too.
    drawn = data.draw(st.integers(0, 9), label="base") == 0
    raw = unstructure_record(data.draw(MODELS[table])) if drawn else minimal_rows()[table][0]
    raw = json.loads(json.dumps(raw))
    site, kind = data.draw(st.sampled_from(_sites(table, raw)), label="site")
    wrong = sorted(set(JSON_TYPES) - accepted_json_types(kind))
    value = data.draw(VALUES_OF_TYPE[data.draw(st.sampled_from(wrong), label="type")], label="value")
    _put(raw, site, value)
    with pytest.raises(FieldError) as caught:
        structure_record(raw, RECORD_TYPES[table])
    assert _path(site) == caught.value.path


def _first_wrong_value(kind: Any) -> Any:
    examples = {"null": None, "boolean": False, "integer": 1, "float": 1.5, "string": "1", "array": ["1"]}
    return next(value for name, value in examples.items() if name not in accepted_json_types(kind))


@pytest.mark.parametrize("table", sorted(RECORD_TYPES))
def test_every_field_of_every_table_refuses_a_wrong_type_through_the_loader(tmp_path: Path, table: str) -> None:
    """Through load_path, each field given a wrong JSON type is refused at its file, line and path."""
    for name, kind in _fields(RECORD_TYPES[table]).items():
        rows = minimal_rows()
        rows[table][0][name] = _first_wrong_value(kind)
        with pytest.raises(ReleaseError) as caught:
            sr.load_path(write_rows(tmp_path / name, "types", rows))
        assert (f"{table}.jsonl", 1, f"$.{name}") == (caught.value.file, caught.value.line, caught.value.field)


def test_every_manifest_field_refuses_a_wrong_type(tmp_path: Path) -> None:
    """release.json too: each field of the release and of a table entry, given a wrong JSON type, at its path."""
    from sinorussia import ReleaseInfo, TableInfo

    sites: list[tuple[list[str], Any]] = [
        ([name], kind) for name, kind in _fields(ReleaseInfo).items() if name not in ("origin", "tables")
    ]
    sites += [(["tables", "issues", name], kind) for name, kind in _fields(TableInfo).items() if name != "name"]
    for site, kind in sites:
        root = write_rows(tmp_path / ".".join(site), "types", minimal_rows())
        manifest = json.loads((root / "release.json").read_bytes())
        _put(manifest, site, _first_wrong_value(kind))
        (root / "release.json").write_bytes(canonical_manifest(manifest))
        with pytest.raises(ReleaseError) as caught:
            sr.load_path(root)
        assert ("release.json", _path(site)) == (caught.value.file, caught.value.field)


# --- fuzz ------------------------------------------------------------------------------------

FILES = [*(f"{name}.jsonl" for name in RECORD_TYPES), "release.json"]


def _json_paths(value: Any) -> list[list[str | int]]:
    """Every place inside a decoded JSON value (including the whole value, [])."""
    found: list[list[str | int]] = [[]]
    if isinstance(value, dict):
        for key, child in value.items():
            found += [[key, *rest] for rest in _json_paths(child)]
    elif isinstance(value, list):
        for index, child in enumerate(value):
            found += [[index, *rest] for rest in _json_paths(child)]
    return found


@st.composite
def json_mutations(draw: st.DrawFn, text: bytes) -> bytes:
    """``text`` (one JSON document) with one value replaced, one key dropped or one key added."""
    value = json.loads(text)
    site = draw(st.sampled_from(_json_paths(value)))
    new = draw(_json_values | st.sampled_from(["NaN", "1e400", "9" * 400, "2016-02-30", "", "CHN", "art", "banquet"]))
    if not site:
        return json.dumps(new).encode()
    parent: Any = value
    for part in site[:-1]:
        parent = parent[part]
    action = draw(st.sampled_from(["replace", "drop", "add"]))
    if action == "drop" and isinstance(parent, dict):
        del parent[site[-1]]
    elif action == "add" and isinstance(parent, dict):
        parent[draw(st.text(max_size=8))] = new
    else:
        parent[site[-1]] = new
    return json.dumps(value, allow_nan=True).encode()


@st.composite
def byte_mutations(draw: st.DrawFn, data: bytes) -> bytes:
    """``data`` with a slice replaced by arbitrary bytes (an insertion, deletion, flip or cut)."""
    start = draw(st.integers(0, len(data)))
    end = draw(st.integers(start, min(len(data), start + 8)))
    return data[:start] + draw(st.binary(max_size=8)) + data[end:]


@st.composite
def damaged_files(draw: st.DrawFn) -> tuple[dict[str, bytes], bytes, str]:
    """The tables and manifest of a valid release, with one file damaged in one of several ways."""
    tables = {name: lines(*records) for name, records in minimal_rows().items()}
    manifest = canonical_manifest(manifest_for("fuzz", tables))
    target = draw(st.sampled_from(FILES))
    original = manifest if target == "release.json" else tables[target.removesuffix(".jsonl")]
    how = draw(st.sampled_from(["any bytes", "bytes spliced", "a value changed"]))
    if how == "any bytes":
        damaged = draw(st.binary(max_size=300))
    elif how == "bytes spliced":
        damaged = draw(byte_mutations(original))
    elif target == "release.json":
        damaged = draw(json_mutations(manifest))
    else:
        rows = original.splitlines(keepends=True) or [b"{}\n"]
        index = draw(st.integers(0, len(rows) - 1))
        rows[index] = draw(json_mutations(rows[index])) + b"\n"
        damaged = b"".join(rows)
    if target == "release.json":
        return tables, damaged, target
    tables[target.removesuffix(".jsonl")] = damaged
    # Mostly re-seal, so the damage reaches the decoder and the converter instead of the hash check.
    if not draw(st.booleans() | st.just(True)):
        return tables, manifest, target
    return tables, canonical_manifest(manifest_for("fuzz", tables)), target


def _assert_valid(dataset: sr.Dataset) -> None:
    """A dataset the loader returns is whole: every reference resolves."""
    for name in RECORD_TYPES:
        for record in dataset.table(name):
            assert dataset.get(record.id) is not None
            for path, target, _ in references(record):
                assert dataset.get(target) is not None, (record.id, path, target)


@given(damage=damaged_files())
def test_any_bytes_in_any_file_load_or_are_refused_by_name(damage: tuple[dict[str, bytes], bytes, str]) -> None:
    """Fuzz: a damaged table or manifest gives a valid dataset or a ReleaseError naming a file; nothing else."""
    tables, manifest, _ = damage
    with tempfile.TemporaryDirectory() as scratch:
        root = Path(scratch)
        for name in RECORD_TYPES:
            (root / f"{name}.jsonl").write_bytes(tables[name])
        (root / "release.json").write_bytes(manifest)
        outcome: sr.Dataset | ReleaseError
        try:
            outcome = sr.load_path(root)
        except ReleaseError as error:
            outcome = error
    # For --hypothesis-show-statistics: how far into the reader the damage got.
    reason = "" if not isinstance(outcome, ReleaseError) else re.sub(r"[0-9]+", "N", outcome.reason)[:30]
    event(f"refused: {reason}" if reason else "loaded")
    if isinstance(outcome, ReleaseError):
        assert ReleaseError is type(outcome)
        # Every refusal is a deliberate one, located; the registry's last-resort wrapper names no file.
        assert all(problem.file is not None for problem in outcome.problems), outcome
    else:
        _assert_valid(outcome)


def test_canonical_manifest_round_trips() -> None:
    """The fuzz starts from a manifest that loads (so each refusal comes from the damage)."""
    tables = {name: lines(*records) for name, records in minimal_rows().items()}
    with tempfile.TemporaryDirectory() as scratch:
        root = write_raw(Path(scratch), "fuzz", tables)
        manifest = json.loads((root / "release.json").read_bytes())
        assert canonical_manifest(manifest) == (root / "release.json").read_bytes()
        assert "fuzz" == sr.load_path(root).releases[0].id
