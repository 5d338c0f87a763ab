"""The records: round-trip law, invariants, immutability."""

from __future__ import annotations

import json
from typing import Any

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

from sinorussia import Actor, ActorKind, DateSpan, Discrepancy, Event, EventKind, Reading, SourceRef
from sinorussia._convert import structure_record, unstructure_record
from sinorussia._models import RECORD_TYPES
from strategies import MODELS

REF = (SourceRef(source="art", quote="q"),)


@pytest.mark.parametrize("table", sorted(MODELS))
@given(data=st.data())
def test_round_trip_law(table: str, data: st.DataObject) -> None:
    """structure(unstructure(x)) == x for every model, through real JSON text."""
    record = data.draw(MODELS[table])
    text = json.dumps(unstructure_record(record), sort_keys=True)
    assert record == structure_record(json.loads(text), RECORD_TYPES[table])


@pytest.mark.parametrize("table", sorted(MODELS))
@given(data=st.data())
def test_records_are_hashable_and_frozen(table: str, data: st.DataObject) -> None:
    """Every record hashes, and no attribute can be set or appended to."""
    record = data.draw(MODELS[table])
    hash(record)
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        record.id = "other"  # type: ignore[misc]
    with pytest.raises(AttributeError):
        record.sources.append(REF[0])  # type: ignore[attr-defined]


def _event(**changes: Any) -> Event:
    fields: dict[str, Any] = {
        "id": "e-1",
        "when": DateSpan.parse("2016-06-25"),
        "title": "t",
        "summary": "s",
        "kind": EventKind.VISIT,
        "cameo": "042",
        "actors": ("RUS",),
        "sources": REF,
    }
    fields.update(changes)
    return Event(**fields)


def test_event_derives_goldstein_and_quad_class() -> None:
    """A visit (042) scores 1.9 and is verbal cooperation; 062 is material cooperation."""
    assert 1.9 == _event().goldstein
    assert 1 == _event().quad_class
    assert 2 == _event(cameo="062").quad_class


@pytest.mark.parametrize(
    "changes",
    [
        {"id": "Bad Id"},
        {"id": "a--b"},
        {"cameo": 42},
        {"cameo": "42x"},
        {"sources": ()},
        {"actors": ["RUS"]},
        {"chronology": True},
        {"chronology_order": 3},
        {"title": ""},
    ],
)
def test_event_invariants(changes: dict[str, Any]) -> None:
    """Ids are slugs, codes are strings, sources are required, tuples only, order with chronology."""
    with pytest.raises((TypeError, ValueError)):
        _event(**changes)


def test_state_ids_are_iso_codes_and_only_states() -> None:
    """A state's id is its alpha-3 code; a person cannot take one."""
    Actor(id="CHN", kind=ActorKind.STATE, name="China", sources=REF)
    with pytest.raises(ValueError, match="alpha-3"):
        Actor(id="china", kind=ActorKind.STATE, name="China", sources=REF)
    with pytest.raises(ValueError, match="alpha-3"):
        Actor(id="PUT", kind=ActorKind.PERSON, name="Putin", sources=REF)


def test_adopted_reading_must_be_a_reading() -> None:
    """A discrepancy adopts one of its own readings."""
    readings = (Reading(value="a", sources=REF), Reading(value="b", sources=REF))
    Discrepancy(id="d", record="e-1", field="when", readings=readings, adopted="b", rationale="r", sources=REF)
    with pytest.raises(ValueError, match="one of the readings"):
        Discrepancy(id="d", record="e-1", field="when", readings=readings, adopted="c", rationale="r", sources=REF)
