"""Per-class structure functions, built from the models' fields: the loader's fast path.

The strict converter (``_convert``) walks a record field by field through
cattrs' dispatch, which is what lets it name the field at fault; for a valid
record that care costs most of a load. Here each attrs class gets one function,
assembled once from small per-field steps chosen for the field's type and its
attrs validators: every JSON type is checked exactly (``x.__class__ is str``:
no coercion, not even to a str subclass), the instance is built as attrs'
``__init__`` builds it (each field set, then every validator run), attrs' own
validators are run as direct checks and any other validator is called as attrs
calls it. (Steps, not generated source: compiling source costs more than the
whole first answer can spare.)

A fast function never reports an error. Whatever it is not sure of (a wrong
type, a missing key, a validator's refusal, a type it has no rule for) it
declines by raising, and :func:`sinorussia._convert.structure_record` hands the
value to the converter, which refuses it with its usual message and path, or
accepts it (a str subclass, say). So the fast path can only be stricter than
the converter, never different: ``tests/test_fastpath.py`` checks that both
agree on valid records and on every kind of broken one.

Strings of fields that repeat across records (references to other records,
codes, places) are interned, so that 10^5 events naming "RUS" share one string;
spans are parsed once per distinct text.
"""

from __future__ import annotations

import enum
import functools
import operator
import sys
import typing
from collections.abc import Callable
from datetime import date
from typing import Any

import attrs

from sinorussia._dates import DateSpan
from sinorussia._fastchecks import Check, DeclinedError, checker, is_union, item_kind, without_none

__all__ = ["PROMOTE_AFTER", "SHARED_FIELDS", "compiled", "written"]

#: Records of one class structured before its function is written out as
#: source and compiled (``_fastcode``): about where compiling pays for itself.
PROMOTE_AFTER = 2000

#: Fields whose values repeat across records: ids of other records, codes,
#: section headings, places, units. tests/test_fastpath.py checks that every
#: reference field (``_references``) is here.
SHARED_FIELDS = frozenset(
    {
        "about",
        "actor",
        "actors",
        "affiliations",
        "authors",
        "cameo",
        "country",
        "documents",
        "event",
        "issue",
        "issues",
        "locator",
        "location",
        "member",
        "organization",
        "parties",
        "record",
        "recipients",
        "signatories",
        "source",
        "supersedes",
        "unit",
    }
)

Structure = Callable[[object], Any]
Convert = Callable[[Any], Any]


class _NoRuleError(Exception):
    """A field type with no fast rule: the class gets no fast path."""


# Spans repeat (10^5 events over a decade share a few thousand days) and are
# immutable: parse each text once. Bounded, so a long session cannot grow it forever.
_parse_span = functools.lru_cache(maxsize=1 << 16)(DateSpan.parse)


def _span(text: object) -> DateSpan:
    if text.__class__ is not str:
        raise DeclinedError
    return _parse_span(text)


def _date(text: object) -> date:
    """A manifest's ISO day: the converter's rule (the canonical text of a one-day span)."""
    span = _span(text)
    if text != span.earliest.isoformat() or span.latest != span.earliest:  # no month, interval or qualifier
        raise DeclinedError
    return span.earliest


def _str(value: object) -> str:
    if value.__class__ is not str:
        raise DeclinedError
    return value


def _bool(value: object) -> bool:
    if value is not True and value is not False:
        raise DeclinedError
    return value


def _int(value: object) -> int:
    if value.__class__ is not int:
        raise DeclinedError
    return value


def _number(value: object) -> int | float:
    if value.__class__ is not int and value.__class__ is not float:
        raise DeclinedError
    return value


def _interned_strs(value: object) -> tuple[str, ...]:
    if value.__class__ is not list:
        raise DeclinedError
    return tuple(map(sys.intern, typing.cast("list[str]", value)))  # intern refuses anything but an exact str


def _strs(value: object) -> tuple[str, ...]:
    if value.__class__ is not list:
        raise DeclinedError
    items = typing.cast("list[str]", value)
    "".join(items)  # TypeError unless every item is a str
    return tuple(items)


def _records_of(cls: type[Any]) -> Convert:
    _compile(cls)  # looked up on each call: the class's function may be promoted meanwhile

    def convert(value: object) -> tuple[Any, ...]:
        if value.__class__ is not list:
            raise DeclinedError
        return tuple(map(_functions[cls], typing.cast("list[object]", value)))  # type: ignore[arg-type]

    return convert


def _record(cls: type[Any]) -> Convert:
    _compile(cls)

    def convert(value: object) -> Any:
        return _functions[cls](value)  # type: ignore[misc]

    return convert


def _optional_str(value: object) -> str | None:
    if value is not None and value.__class__ is not str:
        raise DeclinedError
    return value


def _optional_interned(value: object) -> str | None:
    return None if value is None else sys.intern(typing.cast(str, value))


def _optional(inner: Convert) -> Convert:
    # The two commonest (optional text, optional id) in one step each, not two.
    fused: dict[Convert, Convert] = {_str: _optional_str, sys.intern: _optional_interned}
    if inner in fused:
        return fused[inner]

    def convert(value: object) -> Any:
        return None if value is None else inner(value)

    return convert


def _converter(kind: Any, shared: bool) -> Convert:
    """The step that checks a JSON value against ``kind`` and returns the field's value."""
    if is_union(kind) and type(None) in typing.get_args(kind):
        return _optional(_converter(without_none(kind), shared))
    if kind is str:
        return sys.intern if shared else _str  # intern refuses anything but an exact str
    simple: dict[Any, Convert] = {bool: _bool, int: _int, DateSpan: _span, date: _date}
    if kind in simple:
        return simple[kind]
    if is_union(kind) and set(typing.get_args(kind)) == {int, float}:
        return _number
    if isinstance(kind, type) and issubclass(kind, enum.Enum):
        members = {member.value: member for member in kind if isinstance(member.value, str)}
        return members.__getitem__  # KeyError, TypeError (a list): declined
    item = item_kind(kind)
    if item is str:
        return _interned_strs if shared else _strs
    if item is not None and attrs.has(item):
        return _records_of(item)
    if isinstance(kind, type) and attrs.has(kind):
        return _record(kind)
    raise _NoRuleError(kind)


# (module, annotation text) -> the type it names. The models' annotations are
# strings (``from __future__ import annotations``) and the same few repeat
# ("str | None", "tuple[str, ...]"): evaluating each text once, rather than every
# field through typing.get_type_hints, is most of what writing a function costs.
_annotations: dict[tuple[str, str], Any] = {}


def _field_types(cls: type[Any]) -> dict[str, Any]:
    """The type of each field of ``cls``, from its annotations."""
    fields = attrs.fields(cls)
    if any(field.inherited for field in fields):  # annotations of another module: let attrs resolve them
        return {field.name: field.type for field in attrs.fields(attrs.resolve_types(cls))}
    namespace = vars(sys.modules[cls.__module__])
    types_of = {}
    for field in fields:
        kind = field.type
        if isinstance(kind, str):
            key = (cls.__module__, kind)
            if key not in _annotations:
                _annotations[key] = eval(kind, namespace)  # the class's own annotation, in its own module
            kind = _annotations[key]
        types_of[field.name] = kind
    return types_of


# Class -> its structure function (None: it has none). Filled once per class;
# a race only builds the same function twice.
_functions: dict[type[Any], Structure | None] = {}


def compiled(cls: type[Any]) -> Structure | None:
    """The fast structure function of an attrs class, or None when it has none.

    The function returns the record, or raises (anything) to decline.
    """
    try:
        return _functions[cls]
    except KeyError:
        pass
    try:
        function: Structure | None = _compile(cls)
    except Exception:  # noqa: BLE001 - no rule, or annotations that do not evaluate: the converter does it all
        function = None
    _functions[cls] = function
    return function


def _compile(cls: type[Any]) -> Structure:
    """Assemble the structure function of ``cls``; _NoRuleError when it cannot have one."""
    nested = _functions.get(cls)
    if nested is not None:
        return nested
    fields = attrs.fields(cls)
    types_of = _field_types(cls)
    # The function builds the instance as attrs' __init__ does (set each field,
    # then run the validators in order); a class that does more is left to it.
    special = ("__attrs_pre_init__", "__attrs_post_init__", "__attrs_init__")
    if any(hasattr(cls, name) for name in special) or any(
        not field.init or field.alias != field.name or field.converter is not None for field in fields
    ):
        raise _NoRuleError(cls)
    names = tuple(field.name for field in fields)
    converts = tuple(_converter(types_of[name], name in SHARED_FIELDS) for name in names)
    defaults = tuple(_default_of(field) for field in fields)
    checks = tuple(
        (index, check)
        for index, field in enumerate(fields)
        if field.validator is not None
        and (check := checker(field.validator, field, types_of[field.name])) is not None
    )
    structure = _assemble(cls, names=names, converts=converts, defaults=defaults, checks=checks, types_of=types_of)
    _functions[cls] = structure
    return structure


def _default_of(field: attrs.Attribute[Any]) -> Callable[[], Any] | None:
    """How to make the field's value when a record leaves it out; None when it is required."""
    default = field.default
    if default is attrs.NOTHING:
        return None
    if isinstance(default, attrs.Factory):  # type: ignore[arg-type]
        factory: Any = default
        if factory.takes_self:
            raise _NoRuleError(field.name)
        return typing.cast("Callable[[], Any]", factory.factory)
    return lambda: default


def _assemble(
    cls: type[Any],
    *,
    names: tuple[str, ...],
    converts: tuple[Convert, ...],
    defaults: tuple[Callable[[], Any] | None, ...],
    checks: tuple[tuple[int, Check], ...],
    types_of: dict[str, Any],
) -> Structure:
    known, count = frozenset(names), len(names)
    fields = tuple(zip(names, converts, defaults, strict=True))
    new, assign, call = object.__new__, object.__setattr__, operator.call
    # itemgetter and map run their loops in C: a record's fields cost their checks, little else.
    raw_values = operator.itemgetter(*names) if count > 1 else lambda value: (value[names[0]],)
    calls = 0

    def structure(value: Any) -> Any:
        nonlocal calls
        calls += 1
        if calls == PROMOTE_AFTER:  # a bulk load: the written-out function pays for itself from here
            _promote(cls, types_of, structure)
        if value.__class__ is not dict or not value.keys() <= known:
            raise DeclinedError
        if len(value) == count:  # every field present, as sealed files hold them
            values = list(map(call, converts, raw_values(value)))
        else:  # some left out: their defaults (a required one missing: KeyError, declined)
            values = [
                convert(value[name]) if name in value or default is None else default()
                for name, convert, default in fields
            ]
        instance = new(cls)
        for name, field_value in zip(names, values, strict=True):
            assign(instance, name, field_value)
        for index, check in checks:
            check(instance, values[index])
        return instance

    return structure


def _promote(cls: type[Any], types_of: dict[str, Any], assembled: Structure) -> None:
    """Replace a class's assembled function by the same steps written out (``_fastcode``)."""
    written = write_out(cls, types_of, assembled)
    if written is not None:
        _functions[cls] = written


def write_out(cls: type[Any], types_of: dict[str, Any], assembled: Structure) -> Structure | None:
    """The written-out structure function of ``cls``, or None when it cannot be written."""
    from sinorussia._fastcode import write

    helpers = {"span": _span, "date": _date, "functions": _functions, "assembled": assembled}
    try:
        return write(cls, types_of, SHARED_FIELDS, helpers)
    except Exception:  # noqa: BLE001 - a class the writer cannot handle keeps its assembled function
        return None


def written(cls: type[Any]) -> Structure | None:
    """A freshly written-out function for ``cls``, as a bulk load would promote it to (for tests)."""
    assembled = compiled(cls)
    return None if assembled is None else write_out(cls, _field_types(cls), assembled)
