"""The tabular face of the records: columns, field meanings, and rows back to records."""

from __future__ import annotations

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

from sinorussia import Event, Position
from sinorussia._columns import columns, field_docs, record_from_row, row
from sinorussia._convert import FieldError
from sinorussia._models import RECORD_TYPES, Reading, SourceRef
from strategies import MODELS, events, positions

ALL_CLASSES = [*RECORD_TYPES.values(), SourceRef, Reading]


@pytest.mark.parametrize("cls", ALL_CLASSES, ids=lambda c: c.__name__)
def test_every_field_has_a_meaning_and_every_meaning_a_field(cls: type) -> None:
    """The docstring's Attributes: section names exactly the model's fields, each with text."""
    docs = field_docs(cls)
    assert sorted(f.name for f in attrs.fields(cls)) == sorted(docs)
    assert [] == [name for name, text in docs.items() if len(text) < 8]


def test_field_docs_joins_continuation_lines_and_stops_at_the_next_section() -> None:
    """A wrapped entry is one sentence; a section after Attributes: is not read as fields."""

    class Example:
        """Summary.

        Attributes:
            first: One
                two.
            second: Three.

        Examples:
            nothing: here.
        """

    assert {"first": "One two.", "second": "Three."} == field_docs(Example)
    assert {} == field_docs(int)


@pytest.mark.parametrize("table", RECORD_TYPES)
def test_field_columns_are_the_model_fields_in_model_order(table: str) -> None:
    """Every field is a column, in the model's order; derived columns add, never replace."""
    cls = RECORD_TYPES[table]
    names = [c.name for c in columns(cls)]
    assert [f.name for f in attrs.fields(cls)] == [c.name for c in columns(cls) if not c.derived]
    assert len(names) == len(set(names))
    assert "id" == names[0]


@pytest.mark.parametrize("table", RECORD_TYPES)
@given(data=st.data())
def test_row_round_trips_to_the_same_record(table: str, data: st.DataObject) -> None:
    """record_from_row(row(r)) == r for every model: the field columns hold the whole record."""
    record = data.draw(MODELS[table])
    assert record == record_from_row(type(record), row(record))
    assert [c.name for c in columns(type(record))] == list(row(record))


@given(event=events())
def test_derived_event_columns_follow_the_fields(event: Event) -> None:
    """The span's days and precision, the Goldstein score and the quad class come from the record."""
    values = row(event)
    assert (event.when.earliest, event.when.latest, event.when.precision.value) == (
        values["when_earliest"],
        values["when_latest"],
        values["when_precision"],
    )
    assert (event.goldstein, int(event.quad_class)) == (values["goldstein"], values["quad_class"])
    assert str(event.when) == values["when"]


@given(position=positions())
def test_a_missing_span_gives_missing_derived_columns(position: Position) -> None:
    """An undated position has no first day, last day or precision."""
    values = row(attrs.evolve(position, when=None))
    assert (None, None, None) == (values["when_earliest"], values["when_latest"], values["when_precision"])


def test_a_row_that_is_not_a_record_is_refused_not_coerced() -> None:
    """The strict converter checks rows: a number where text belongs is an error."""
    with pytest.raises(FieldError, match=r"\$\.title"):
        record_from_row(RECORD_TYPES["issues"], {"id": "x", "title": 5, "summary": "s", "sources": []})
