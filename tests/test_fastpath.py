"""The generated structure functions: never different from the converter, only faster."""

from __future__ import annotations

import json
from typing import Any

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

from releases import minimal_event
from sinorussia import Event, Reading, SourceRef
from sinorussia._convert import FieldError, converter, structure_record, unstructure_record
from sinorussia._fastpath import PROMOTE_AFTER, SHARED_FIELDS, compiled, written
from sinorussia._manifest import ReleaseInfo, TableInfo
from sinorussia._models import RECORD_TYPES
from sinorussia._references import FIELDS
from strategies import MODELS

CLASSES = [SourceRef, Reading, *RECORD_TYPES.values(), TableInfo, ReleaseInfo]

#: JSON values of every type, and Python values JSON never gives (a str subclass, a tuple).
ODD_VALUES: list[Any] = [None, True, False, 0, 1, -3, 2.5, "", "x", "RUS", "2016-06-25", [], ["x"], [1], {}, {"a": 1}]


class _Str(str):
    """A str subclass: the converter accepts it, the fast path leaves it to the converter."""

    __slots__ = ()


def _json(record: Any) -> Any:
    return json.loads(json.dumps(unstructure_record(record)))


def _outcome(action: Any) -> tuple[str, Any]:
    try:
        return "ok", action()
    except FieldError as error:
        return "refused", error.path


def _slow(raw: object, cls: type[Any]) -> tuple[str, Any]:
    return _outcome(lambda: converter().structure(raw, cls))


def _fast(cls: type[Any], gear: str) -> Any:
    """The assembled function (a small release), or the one written out for bulk loads."""
    function = compiled(cls) if gear == "assembled" else written(cls)
    assert function is not None
    return function


def _fast_outcome(raw: object, cls: type[Any], gear: str) -> tuple[str, Any]:
    """What the fast path makes of ``raw``: the record, or (any exception) declined to the converter."""
    try:
        return "ok", _fast(cls, gear)(raw)
    except Exception:  # noqa: BLE001 - any exception is how the fast path declines
        return "declined", None


GEARS = ["assembled", "written"]


@pytest.mark.parametrize("gear", GEARS)
def test_every_record_class_has_a_fast_path(gear: str) -> None:
    """Each model and manifest class gets both functions (a type without a rule would silently be slow)."""
    assert [] == [cls.__name__ for cls in CLASSES if (compiled if gear == "assembled" else written)(cls) is None]


@pytest.mark.parametrize("gear", GEARS)
@pytest.mark.parametrize("table", sorted(RECORD_TYPES))
@given(data=st.data())
def test_fast_path_builds_the_same_record(gear: str, table: str, data: st.DataObject) -> None:
    """A valid record comes out of the fast path equal to itself, as the converter builds it."""
    record = data.draw(MODELS[table])
    raw = _json(record)
    assert record == _fast(type(record), gear)(raw)
    assert ("ok", record) == _slow(raw, type(record))


@pytest.mark.parametrize("gear", GEARS)
@pytest.mark.parametrize("table", sorted(RECORD_TYPES))
@given(data=st.data())
def test_fast_path_never_accepts_what_the_converter_refuses(gear: str, table: str, data: st.DataObject) -> None:
    """One field set to any odd value, dropped, or added: the fast path declines or agrees with the converter."""
    record = data.draw(MODELS[table])
    raw = _json(record)
    name = data.draw(st.sampled_from([*sorted(raw), "unknown_field"]))
    change = data.draw(st.sampled_from(["drop", "odd", "sub-str"]))
    if change == "drop":
        raw.pop(name, None)
    elif change == "odd":
        raw[name] = data.draw(st.sampled_from(ODD_VALUES))
    elif isinstance(raw.get(name), str):
        raw[name] = _Str(raw[name])
    slow = _slow(raw, type(record))
    fast = _fast_outcome(raw, type(record), gear)
    assert fast in (slow, ("declined", None))
    assert slow == _outcome(lambda: structure_record(raw, type(record)))


def test_a_class_structured_in_bulk_is_promoted_to_its_written_function() -> None:
    """Past PROMOTE_AFTER records the class's function is the written-out one, and still builds the same."""
    from sinorussia import _fastpath

    before = compiled(Reading)
    raw = {"value": "v", "sources": [{"source": "art", "locator": None, "quote": None}]}
    records = {structure_record(raw, Reading) for _ in range(PROMOTE_AFTER + 1)}
    assert before is not compiled(Reading)
    assert 1 == len(records)
    _fastpath._functions[Reading] = before  # leave the other tests the assembled function


def test_records_that_leave_out_fields_get_their_defaults() -> None:
    """A record without its optional keys (not sealed) is built as the converter builds it."""
    raw = minimal_event()
    fast = compiled(Event)
    assert fast is not None
    assert converter().structure(raw, Event) == fast(raw)


def test_repeated_ids_are_shared_strings() -> None:
    """References repeat across records; the fast path interns them (one "RUS" for 10^5 events)."""
    raws = [minimal_event(id=f"e-{number}", actors=json.loads('["RUS", "CHN"]')) for number in range(2)]
    assert raws[0]["actors"][0] is not raws[1]["actors"][0]  # json gives each its own string
    first, second = (structure_record(raw, Event) for raw in raws)
    assert first.actors[0] is second.actors[0]


def test_every_reference_field_is_shared() -> None:
    """The interned fields cover every field that refers to another record (and a SourceRef's source)."""
    reference_fields = {name for fields in FIELDS.values() for name, _, _ in fields} | {"source"}
    assert set() == reference_fields - SHARED_FIELDS


def test_shared_fields_exist() -> None:
    """Every name in SHARED_FIELDS is a field of some record class (no stale names)."""
    names = {field.name for cls in CLASSES for field in attrs.fields(cls)}
    assert set() == SHARED_FIELDS - names
