"""The converter is strict: it refuses what cattrs would coerce, naming the field."""

from __future__ import annotations

from datetime import date
from typing import Any

import attrs
import pytest

from releases import minimal_event
from sinorussia import Event, Figure
from sinorussia._convert import FieldError, structure_record

GOOD: dict[str, Any] = minimal_event(chronology=False, sources=[{"source": "art", "quote": "q"}])


def test_good_record_converts() -> None:
    """The reference record converts (so the refusals below are about one change)."""
    assert "e-1" == structure_record(GOOD, Event).id


@pytest.mark.parametrize(
    ("field", "value", "path"),
    [
        ("title", None, "$.title"),
        ("title", 5, "$.title"),
        ("chronology", "false", "$.chronology"),
        ("chronology", 0, "$.chronology"),
        ("actors", "RUS", "$.actors"),
        ("actors", [None], "$.actors[0]"),
        ("actors", [1], "$.actors[0]"),
        ("when", "20160625", "$.when"),
        ("when", "late June", "$.when"),
        ("when", "٢٠١٦", "$.when"),
        ("when", "2016-06-31", "$.when"),
        ("kind", "banquet", "$.kind"),
        ("kind", ["visit"], "$.kind"),
        ("cameo", 42, "$.cameo"),
        ("sources", [{"source": "art", "quote": 1}], "$.sources[0].quote"),
        ("sources", [{"source": "art", "page": 1}], "$.sources[0].page"),
        ("sources", [], "$.sources"),
        ("sources", {"source": "art"}, "$.sources"),
        ("chronology_order", 1.0, "$.chronology_order"),
    ],
)
def test_refuses_coercion(field: str, value: object, path: str) -> None:
    """Each wrong value is refused at its own JSON path, never coerced."""
    with pytest.raises(FieldError) as caught:
        structure_record({**GOOD, field: value}, Event)
    assert path == caught.value.path


@pytest.mark.parametrize("raw", [None, 5, "x", [], 1.5, True])
def test_refuses_non_objects_at_root(raw: object) -> None:
    """A record that is not a JSON object is refused at $."""
    with pytest.raises(FieldError) as caught:
        structure_record(raw, Event)
    assert "$" == caught.value.path


def test_missing_and_unknown_keys_are_named() -> None:
    """A dropped required key and a misspelt extra key are both named."""
    missing = {k: v for k, v in GOOD.items() if k != "title"}
    with pytest.raises(FieldError, match="required") as caught:
        structure_record(missing, Event)
    assert "$.title" == caught.value.path
    with pytest.raises(FieldError, match="unknown field") as caught:
        structure_record({**GOOD, "titel": "x"}, Event)
    assert "$.titel" == caught.value.path


def test_bad_enum_lists_what_is_allowed() -> None:
    """An unknown enum value is refused with the allowed values listed."""
    with pytest.raises(FieldError, match="allowed: 'visit'"):
        structure_record({**GOOD, "kind": "banquet"}, Event)


def test_figure_value_takes_numbers_not_booleans_or_strings() -> None:
    """A figure's value is an int or a float; true and "5" are refused."""
    figure = {"id": "f", "value": 5, "unit": "u", "description": "d", "sources": [{"source": "art"}]}
    assert 5 == structure_record(figure, Figure).value
    assert 2.5 == structure_record({**figure, "value": 2.5}, Figure).value
    for bad in (True, "5", None):
        with pytest.raises(FieldError) as caught:
            structure_record({**figure, "value": bad}, Figure)
        assert "$.value" == caught.value.path


def test_a_python_value_that_is_no_json_type_is_named_by_its_type() -> None:
    """Structuring from Python (not JSON) data: a tuple where a string belongs is refused as a tuple."""
    with pytest.raises(FieldError, match="expected a string, got tuple") as caught:
        structure_record({**GOOD, "title": ("t",)}, Event)
    assert "$.title" == caught.value.path


def test_a_cross_field_rule_is_located_at_its_field() -> None:
    """A validator that reads other fields (a state's id, the adopted reading) still names its own field."""
    from sinorussia import Actor

    actor = {"id": "china", "kind": "state", "name": "China", "sources": [{"source": "art"}]}
    with pytest.raises(FieldError, match="alpha-3") as caught:
        structure_record(actor, Actor)
    assert "$.id" == caught.value.path


@attrs.frozen(kw_only=True)
class _Window:
    """A record whose rule spans fields and lives outside any field's validator."""

    first: int = attrs.field(validator=attrs.validators.instance_of(int))
    last: int = attrs.field(validator=attrs.validators.instance_of(int))
    tags: tuple[str, ...] = attrs.field(factory=tuple, validator=attrs.validators.instance_of(tuple))

    def __attrs_post_init__(self) -> None:
        if self.last < self.first:
            raise ValueError("last comes before first")


def test_a_rule_of_the_whole_record_is_refused_at_the_root() -> None:
    """When no single field's validator refuses, the record is refused at $ with the rule's message."""
    from sinorussia._convert import _record_hook, converter

    hook = _record_hook(converter(), _Window)
    assert _Window(first=1, last=2) == hook({"first": 1, "last": 2}, _Window)
    with pytest.raises(FieldError, match="last comes before first") as caught:
        hook({"first": 2, "last": 1}, _Window)
    assert "$" == caught.value.path


def test_a_date_field_takes_a_day_only() -> None:
    """A plain date field (a manifest's `published`) refuses a month, an interval and a qualified day."""
    from sinorussia._convert import _structure_date

    assert date(2016, 6, 25) == _structure_date("2016-06-25", date)
    for text in ("2016-06", "2016-06-25/2016-06-26", "2016-06-25?"):
        with pytest.raises(ValueError, match="expected an ISO date YYYY-MM-DD"):
            _structure_date(text, date)
