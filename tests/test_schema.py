"""The JSON Schema documents: generated from the models, shipped, and in agreement with the loader.

Agreement is a law over records: for any record Hypothesis can make by
breaking a valid one, the schema accepts it exactly when the loader does,
except for the few rules JSON Schema cannot state (``LOADER_ONLY``), which
are shown one by one below.
"""

from __future__ import annotations

import functools
import json
import re
import typing
from datetime import date
from pathlib import Path
from typing import Any

import attrs
import jsonschema
import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

import sinorussia as sr
from releases import minimal_event
from sinorussia._cli import main
from sinorussia._convert import FieldError, structure_record, unstructure_record
from sinorussia._dates import DateSpan
from sinorussia._jsonl import loads
from sinorussia._loader import _manifest_from_json
from sinorussia._models import RECORD_TYPES
from sinorussia._resources import package_files
from sinorussia._schema import EDTF, LOADER_ONLY, dump, schema_documents
from sinorussia._tools import new_release
from strategies import MODELS

SHIPPED = package_files().joinpath("schema")
REGENERATE = "regenerate with: python -m sinorussia schema src/sinorussia/schema"

#: JSON values of every type, to put where a field's value was.
json_values = st.recursive(
    st.none()
    | st.booleans()
    | st.integers(-5, 5)
    | st.floats(allow_nan=False, allow_infinity=False).filter(lambda x: not x.is_integer())
    | st.text(st.characters(min_codepoint=32, max_codepoint=0x7E), max_size=6)
    | st.sampled_from(["CHN", "sco", "042", "2016", "2016-06-25", "2005/..", "visit", "member", "Q148", "X"]),
    lambda inner: st.lists(inner, max_size=2) | st.dictionaries(st.sampled_from(["source", "value", "x"]), inner),
    max_leaves=4,
)


#: Values at the edges of what each field allows, tried in every field of a record.
EDGE_VALUES: list[Any] = [
    None, True, 0, -1, 1.5, "", "x", "CHN", "sco", "state", "person", "visit", "member", "exact", "042", "4200",
    "2016-06-25", "2016-13", "2016-06~/2016-07", "Q0", [], [""], ["CHN"], ["x", "x"], [{}], {}, {"source": "x"},
]  # fmt: skip


@functools.cache
def _validator(name: str) -> jsonschema.Draft202012Validator:
    return jsonschema.Draft202012Validator(schema_documents()[name])


def _schema_accepts(name: str, instance: Any) -> bool:
    return bool(_validator(name).is_valid(instance))


def _loader_accepts(table: str, raw: Any) -> bool:
    try:
        structure_record(raw, RECORD_TYPES[table])
    except FieldError:
        return False
    return True


@functools.cache
def _date_fields(table: str) -> set[str]:
    fields = attrs.fields(attrs.resolve_types(RECORD_TYPES[table]))
    return {f.name for f in fields if f.type is DateSpan or DateSpan in typing.get_args(f.type)}


def _is_loader_only(table: str, raw: Any) -> bool:
    """Whether ``raw`` breaks only a rule of LOADER_ONLY (so the schema cannot see it)."""
    if not isinstance(raw, dict):
        return False
    for name in _date_fields(table):
        value = raw.get(name)
        if isinstance(value, str) and re.fullmatch(EDTF, value):
            try:
                DateSpan.parse(value)
            except ValueError:
                return True
    if table == "discrepancies":
        readings = raw.get("readings")
        values = [r.get("value") for r in readings if isinstance(r, dict)] if isinstance(readings, list) else []
        if raw.get("adopted") not in values:
            return True
    return False


def test_shipped_schemas_are_generated_from_the_models() -> None:
    """Each shipped document is byte for byte what the models generate, and nothing else is shipped."""
    expected = {name: dump(document) for name, document in schema_documents().items()}
    shipped = {entry.name: entry.read_bytes() for entry in SHIPPED.iterdir() if entry.name.endswith(".json")}
    assert sorted(expected) == sorted(shipped), REGENERATE
    for name, data in expected.items():
        assert data == shipped[name], f"{name} is out of date; {REGENERATE}"


def test_every_document_is_a_valid_draft_2020_12_schema() -> None:
    """Any validator for JSON Schema 2020-12 can use them."""
    for document in schema_documents().values():
        jsonschema.Draft202012Validator.check_schema(document)


def test_schema_command_writes_the_shipped_documents(tmp_path: Path) -> None:
    """`sinorussia schema OUTDIR` writes exactly the shipped files."""
    assert 0 == main(["schema", str(tmp_path / "out")])
    for entry in SHIPPED.iterdir():
        assert entry.read_bytes() == (tmp_path / "out" / entry.name).read_bytes()


@pytest.mark.parametrize("table", sorted(RECORD_TYPES))
@given(data=st.data())
def test_schema_accepts_every_valid_record(table: str, data: st.DataObject) -> None:
    """A record the models accept, written as JSON, passes its table's schema."""
    raw = json.loads(json.dumps(unstructure_record(data.draw(MODELS[table]))))
    errors = [error.message for error in _validator(f"{table}.schema.json").iter_errors(raw)]
    assert [] == errors


def _one_change_each(raw: dict[str, Any]) -> list[Any]:
    """Every variant of ``raw`` with one key dropped, one added or one value set to an EDGE_VALUE."""
    variants: list[Any] = [None, 5, "x", [], [raw]]
    for path in ([], ["sources", 0], ["readings", 0]):
        target = raw
        for step in path:
            if not isinstance(target, (dict, list)) or not target or (isinstance(target, dict) and step not in target):
                break
            target = target[step]
        else:
            for key in [*sorted(target), "extra"]:
                for value in [...] if key == "extra" else [..., *EDGE_VALUES]:
                    variant = json.loads(json.dumps(raw))
                    place = variant
                    for step in path:
                        place = place[step]
                    if value is ...:
                        place.pop(key, None) if key != "extra" else place.update(extra=1)
                    else:
                        place[key] = value
                    variants.append(variant)
    return variants


def _shipped_examples(table: str) -> list[dict[str, Any]]:
    """A few records of the shipped release: one per actor kind, one per chronology flag, else the first."""
    picked: dict[object, Any] = {}
    for record in sr.load("cc-2016-2").table(table):
        picked.setdefault(getattr(record, "chronology", getattr(record, "kind", None)), record)
    return [json.loads(json.dumps(unstructure_record(record))) for record in list(picked.values())[:3]]


@pytest.mark.parametrize("table", sorted(RECORD_TYPES))
def test_schema_and_loader_agree_on_every_single_change(table: str) -> None:
    """For each one-change variant of real records, the schema accepts it exactly when the loader does."""
    for raw in _shipped_examples(table):
        for variant in _one_change_each(raw):
            if not _is_loader_only(table, variant):
                assert _loader_accepts(table, variant) == _schema_accepts(f"{table}.schema.json", variant), variant


@st.composite
def broken_records(draw: st.DrawFn, table: str) -> Any:
    """A valid record of ``table`` with one thing changed: a key dropped or added, a value swapped."""
    raw = json.loads(json.dumps(unstructure_record(draw(MODELS[table]))))
    target = raw
    if draw(st.booleans()) and raw.get("sources"):
        target = raw["sources"][0]  # the nested SourceRef, sometimes
    how = draw(st.sampled_from(["drop", "add", "swap", "swap"]))
    key = draw(st.sampled_from(sorted(target)))
    if how == "drop":
        del target[key]
    elif how == "add":
        target[draw(st.sampled_from(["extra", "Title", "sources_"]))] = draw(json_values)
    else:
        target[key] = draw(st.sampled_from(EDGE_VALUES) | json_values)
    if draw(st.booleans()):
        raw = draw(st.sampled_from([raw, None, 5, "x", [], [raw]]))  # wrong top-level shape, sometimes
    return raw


@pytest.mark.parametrize("table", sorted(RECORD_TYPES))
@given(data=st.data())
def test_schema_and_loader_agree_on_broken_records(table: str, data: st.DataObject) -> None:
    """For a record with one thing changed, the schema accepts it exactly when the loader does."""
    raw = data.draw(broken_records(table))
    assume(not _is_loader_only(table, raw))
    assert _loader_accepts(table, raw) == _schema_accepts(f"{table}.schema.json", raw), raw


def _manifest(tmp_path: Path) -> dict[str, Any]:
    new_release(tmp_path / "m", "some-release")
    manifest: dict[str, Any] = loads((tmp_path / "m" / "release.json").read_text(encoding="utf-8"))
    return manifest


def _manifest_loads(raw: Any) -> bool:
    try:
        _manifest_from_json(raw, origin="")
    except FieldError:
        return False
    return True


@given(data=st.data())
def test_schema_and_loader_agree_on_broken_manifests(
    tmp_path_factory: pytest.TempPathFactory, data: st.DataObject
) -> None:
    """For a manifest with one thing changed, release.schema.json accepts it exactly when the loader does."""
    raw = _manifest(tmp_path_factory.mktemp("manifest"))
    assert _manifest_loads(raw)
    assert _schema_accepts("release.schema.json", raw)
    target = raw
    if data.draw(st.booleans()):
        target = raw["tables"][data.draw(st.sampled_from(sorted(raw["tables"])))]
    how = data.draw(st.sampled_from(["drop", "add", "swap", "swap"]))
    key = data.draw(st.sampled_from(sorted(target)))
    if how == "drop":
        del target[key]
    elif how == "add":
        target[data.draw(st.sampled_from(["extra", "origin", "events_"]))] = data.draw(json_values)
    else:
        target[key] = data.draw(json_values | st.sampled_from(["../x.jsonl", ".hidden.jsonl", "99.0", "1.7"]))
    assert _manifest_loads(raw) == _schema_accepts("release.schema.json", raw), raw


LOADER_ONLY_EXAMPLES = [
    ("events", minimal_event(when="2016-02-30")),
    ("events", minimal_event(when="2016-06-25/2016-06-01")),
    (
        "discrepancies",
        {
            "id": "d",
            "record": "e-1",
            "field": "when",
            "readings": [{"value": "a", "sources": [{"source": "art"}]}],
            "adopted": "b",
            "rationale": "r",
            "sources": [{"source": "art"}],
        },
    ),
    ("actors", {"id": "CHN", "kind": "state", "name": "China", "cow": 710.0, "sources": [{"source": "art"}]}),
    ("events", minimal_event(id="e-1\n")),
]


@pytest.mark.parametrize(("table", "raw"), LOADER_ONLY_EXAMPLES)
def test_loader_only_rules_are_what_the_schema_cannot_see(table: str, raw: dict[str, Any]) -> None:
    """Each record-level rule listed in LOADER_ONLY: the schema accepts, the loader refuses."""
    assert (True, False) == (_schema_accepts(f"{table}.schema.json", raw), _loader_accepts(table, raw))


def test_loader_only_manifest_rule(tmp_path: Path) -> None:
    """Two tables naming one file pass the schema; the loader refuses them."""
    raw = _manifest(tmp_path)
    raw["tables"]["events"]["file"] = raw["tables"]["actors"]["file"]
    assert (True, False) == (_schema_accepts("release.schema.json", raw), _manifest_loads(raw))


def test_loader_only_list_is_documented() -> None:
    """docs/publishing.md states every rule the schemas cannot check."""
    text = (Path(__file__).resolve().parents[1] / "docs" / "publishing.md").read_text(encoding="utf-8")
    for rule in LOADER_ONLY:
        assert rule in " ".join(text.split()), rule


def test_dates_in_the_schema_are_the_loaders_dates() -> None:
    """Every date the EDTF pattern accepts in this sample parses, except days that do not exist."""
    sample = ["2016", "2016-06", "2016-06-25", "2016-06-25?", "2016-06~", "2016%", "2005/..", "2016-06/2016-08"]
    for text in sample:
        assert re.fullmatch(EDTF, text), text
        assert text == str(DateSpan.parse(text))
    for text in ["2016-6", "0000", "June 2016", "2016-06-25/..?", "2016/2016-06", "2016-13", "2016-06-32"]:
        assert re.fullmatch(EDTF, text) is None, text
    assert date(2016, 2, 29) == DateSpan.parse("2016-02-29").earliest
