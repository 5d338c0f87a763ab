"""The converter is strict: it refuses what cattrs would coerce, naming the field."""

from __future__ import annotations

from typing import Any

import pytest

from sinorussia import Event, Figure
from sinorussia._convert import FieldError, structure_record

GOOD: dict[str, Any] = {
    "id": "e-1",
    "when": "2016-06-25",
    "title": "t",
    "summary": "s",
    "kind": "visit",
    "cameo": "042",
    "actors": ["RUS"],
    "chronology": False,
    "sources": [{"source": "art", "quote": "q"}],
}


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
