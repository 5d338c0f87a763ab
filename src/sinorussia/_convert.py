"""The one strict converter between release JSON and the models.

cattrs coerces by default (``null`` -> ``"None"``, ``"abc"`` -> ``("a", "b",
"c")``, ``1.9`` -> ``1``); every hook registered here refuses instead. Errors
come out as :class:`FieldError` with a JSON path (``$.when``), which the loader
turns into a ``ReleaseError`` naming the file and line.
"""

from __future__ import annotations

import enum
import functools
import types
import typing
from collections.abc import Callable
from datetime import date
from typing import TYPE_CHECKING, Any, TypeVar

import attrs

from sinorussia._dates import DateSpan
from sinorussia._fastpath import compiled
from sinorussia._models import RECORD_TYPES, Reading, Record, SourceRef

if TYPE_CHECKING:
    import cattrs

__all__ = ["FieldError", "converter", "structure_record", "unstructure_record"]

T = TypeVar("T")


class FieldError(Exception):
    """A value that does not fit its field; ``path`` is a JSON path like ``$.when``."""

    def __init__(self, path: str, message: str) -> None:
        self.path = path
        self.message = message
        super().__init__(f"{path}: {message}")


def _json_type(value: object) -> str:
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "boolean"
    if isinstance(value, (int, float)):
        return "number"
    if isinstance(value, str):
        return "string"
    if isinstance(value, list):
        return "array"
    if isinstance(value, dict):
        return "object"
    return type(value).__name__


def _expect(value: object, kind: type | tuple[type, ...], wanted: str) -> None:
    if not isinstance(value, kind) or (isinstance(value, bool) and bool not in _as_tuple(kind)):
        raise TypeError(f"expected {wanted}, got {_json_type(value)}")


def _as_tuple(kind: type | tuple[type, ...]) -> tuple[type, ...]:
    return kind if isinstance(kind, tuple) else (kind,)


def _structure_str(value: object, _: object) -> str:
    _expect(value, str, "a string")
    return typing.cast(str, value)


def _structure_int(value: object, _: object) -> int:
    _expect(value, int, "an integer")
    return typing.cast(int, value)


def _structure_number(value: object, _: object) -> int | float:
    _expect(value, (int, float), "a number")
    return typing.cast("int | float", value)


def _structure_bool(value: object, _: object) -> bool:
    if not isinstance(value, bool):
        raise TypeError(f"expected true or false, got {_json_type(value)}")
    return value


def _structure_span(value: object, _: object) -> DateSpan:
    _expect(value, str, "an EDTF date string")
    return DateSpan.parse(typing.cast(str, value))


def _structure_date(value: object, _: object) -> date:
    _expect(value, str, "an ISO date string YYYY-MM-DD")
    span = DateSpan.parse(typing.cast(str, value))
    if value != span.earliest.isoformat() or span.latest != span.earliest:  # no month, interval or qualifier
        raise ValueError(f"expected an ISO date YYYY-MM-DD, got {value!r}")
    return span.earliest


def _enum_hook(enum_type: type[enum.Enum]) -> Callable[[object, object], enum.Enum]:
    allowed = ", ".join(repr(member.value) for member in enum_type)

    def structure(value: object, _: object) -> enum.Enum:
        if isinstance(value, str):
            try:
                return enum_type(value)
            except ValueError:
                pass
        raise ValueError(f"{value!r} is not a {enum_type.__name__}; allowed: {allowed}")

    return structure


def _tuple_hook(converter: cattrs.Converter, item_type: Any) -> Callable[[object, object], tuple[Any, ...]]:
    item_hook = converter.get_structure_hook(item_type)

    def structure(value: object, _: object) -> tuple[Any, ...]:
        if not isinstance(value, list):
            raise TypeError(f"expected an array, got {_json_type(value)}")
        items = []
        for index, item in enumerate(value):
            try:
                items.append(item_hook(item, item_type))
            except FieldError as error:
                raise FieldError(f"$[{index}]{error.path[1:]}", error.message) from None
            except (TypeError, ValueError) as error:
                raise FieldError(f"$[{index}]", str(error)) from None
        return tuple(items)

    return structure


def _optional_hook(converter: cattrs.Converter, inner: Any) -> Callable[[object, object], Any]:
    inner_hook = converter.get_structure_hook(inner)

    def structure(value: object, _: object) -> Any:
        return None if value is None else inner_hook(value, inner)

    return structure


def _is_tuple(kind: Any) -> bool:
    return bool(typing.get_origin(kind) is tuple)


def _is_optional(kind: Any) -> bool:
    origin = typing.get_origin(kind)
    return origin in (typing.Union, types.UnionType) and type(None) in typing.get_args(kind)


def _is_number(kind: Any) -> bool:
    origin = typing.get_origin(kind)
    return origin in (typing.Union, types.UnionType) and set(typing.get_args(kind)) == {int, float}


def _record_hook(converter: cattrs.Converter, cls: type[Any]) -> Callable[[object, object], Any]:
    """Structure one attrs class field by field, so an error knows its field."""
    fields = attrs.fields(attrs.resolve_types(cls))
    hooks = {field.name: converter.get_structure_hook(field.type) for field in fields}
    kinds = {field.name: field.type for field in fields}
    required = [field.name for field in fields if field.default is attrs.NOTHING]
    known = set(hooks)

    def structure(value: object, _: object) -> Any:
        if not isinstance(value, dict):
            raise FieldError("$", f"expected an object, got {_json_type(value)}")
        unknown = sorted(set(value) - known)
        if unknown:
            raise FieldError(f"$.{unknown[0]}", f"unknown field; {cls.__name__} has: {', '.join(sorted(known))}")
        missing = [name for name in required if name not in value]
        if missing:
            raise FieldError(f"$.{missing[0]}", "required field is missing")
        kwargs = {}
        for name, raw in value.items():
            try:
                kwargs[name] = hooks[name](raw, kinds[name])
            except FieldError as error:
                raise FieldError(f"$.{name}{error.path[1:]}", error.message) from None
            except (TypeError, ValueError) as error:
                raise FieldError(f"$.{name}", str(error)) from None
        try:
            return cls(**kwargs)
        except (TypeError, ValueError) as error:
            raise FieldError(_path_of(error, cls, kwargs), _message_of(error)) from None

    return structure


def _path_of(error: Exception, cls: type[Any], kwargs: dict[str, Any]) -> str:
    """The field an attrs validator complained about: as it says, or found by replaying validators.

    ``$`` when no single field is at fault (a rule of the whole record).
    """
    if len(error.args) >= 2 and isinstance(error.args[1], attrs.Attribute):
        return f"$.{error.args[1].name}"
    failing = _failing_field(cls, kwargs)
    return "$" if failing is None else f"$.{failing}"


def _failing_field(cls: type[Any], kwargs: dict[str, Any]) -> str | None:
    """The first field whose validator refuses ``kwargs`` (a cross-field rule such as a state's id).

    Replays each validator on a bare instance; runs only once a record has
    already been refused, so it costs nothing on the way to a valid load.
    """
    fields = attrs.fields(cls)
    instance = object.__new__(cls)
    for field in fields:
        if field.name in kwargs:
            value = kwargs[field.name]
        elif isinstance(field.default, attrs.Factory):  # type: ignore[arg-type]
            value = field.default.factory()
        else:
            value = field.default
        object.__setattr__(instance, field.name, value)
    for field in fields:
        if field.validator is None:
            continue
        try:
            field.validator(instance, field, getattr(instance, field.name))
        except (TypeError, ValueError):
            name: str = field.name
            return name
    return None


def _message_of(error: Exception) -> str:
    if len(error.args) >= 2 and isinstance(error.args[1], attrs.Attribute):
        return str(error.args[0])
    return str(error)


def _unstructure_span(value: DateSpan) -> str:
    return str(value)


@functools.cache
def converter() -> cattrs.Converter:
    """The strict converter (built once; cattrs itself is imported on first use)."""
    from cattrs.gen import make_dict_unstructure_fn
    from cattrs.preconf.json import make_converter

    conv = make_converter(forbid_extra_keys=True)
    conv.register_structure_hook(str, _structure_str)
    conv.register_structure_hook(int, _structure_int)
    conv.register_structure_hook(bool, _structure_bool)
    conv.register_structure_hook_func(_is_number, _structure_number)
    conv.register_structure_hook(DateSpan, _structure_span)
    conv.register_structure_hook(date, _structure_date)
    conv.register_unstructure_hook(DateSpan, _unstructure_span)
    conv.register_structure_hook_factory(lambda t: isinstance(t, type) and issubclass(t, enum.Enum), _enum_hook)
    conv.register_structure_hook_factory(_is_tuple, lambda t: _tuple_hook(conv, typing.get_args(t)[0]))
    conv.register_structure_hook_factory(
        _is_optional,
        lambda t: _optional_hook(conv, next(a for a in typing.get_args(t) if a is not type(None))),
    )
    for cls in (SourceRef, Reading, *RECORD_TYPES.values()):
        conv.register_structure_hook(cls, _record_hook(conv, cls))
        conv.register_unstructure_hook(cls, make_dict_unstructure_fn(cls, conv))
    # The manifest's classes too: cattrs' generated hooks would let an attrs
    # validator's error escape as a ClassValidationError group (a bad release id
    # in release.json crashed `sinorussia validate`). TableInfo first: the
    # ReleaseInfo hook looks up the hook of its tuple of TableInfo when built.
    from sinorussia._manifest import ReleaseInfo, TableInfo

    for manifest_cls in (TableInfo, ReleaseInfo):
        conv.register_structure_hook(manifest_cls, _record_hook(conv, manifest_cls))
    return conv


def structure_record(raw: object, cls: type[T]) -> T:
    """Structure one decoded JSON value into ``cls``, or raise FieldError.

    A valid record takes the generated fast path (``_fastpath``); anything it
    declines goes through the converter, which names the field at fault. So
    cattrs is imported only when a value is refused, or a record unstructured.
    """
    fast = compiled(cls)
    if fast is not None:
        try:
            result: T = fast(raw)
        except Exception:  # noqa: BLE001 - declined, for any reason: the converter decides and explains
            pass
        else:
            return result
    structured: T = converter().structure(raw, cls)
    return structured


def unstructure_record(record: Record | SourceRef | Reading) -> dict[str, Any]:
    """The JSON-ready mapping of a record (all fields, enums as values)."""
    return typing.cast("dict[str, Any]", converter().unstructure(record))
