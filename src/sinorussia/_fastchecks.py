"""attrs validators run as direct checks: the validating half of the fast path (``_fastpath``).

attrs calls a field's validators through a chain of small objects (``and_``
of ``optional`` of ``deep_iterable`` of ``matches_re`` ...). For attrs' own
validators each step here does the same test directly; any other validator
(a method like ``Actor._check_id``) is called exactly as attrs calls it. A
check that fails declines, by raising :class:`DeclinedError`, and the
converter then decides and explains. An ``instance_of`` the conversion already
guarantees is left out.
"""

from __future__ import annotations

import enum
import functools
import operator
import types
import typing
from collections.abc import Callable
from datetime import date
from typing import Any

import attrs
from attrs import validators

from sinorussia._dates import DateSpan

__all__ = [
    "AND",
    "DEEP_ITERABLE",
    "INSTANCE_OF",
    "MATCHES_RE",
    "MIN_LEN",
    "OPTIONAL",
    "Check",
    "DeclinedError",
    "checker",
    "is_union",
    "item_kind",
    "produced",
    "without_none",
]

Check = Callable[[Any, Any], None]


class DeclinedError(Exception):
    """Raised by a fast function for a value it leaves to the converter."""


def is_union(kind: Any) -> bool:
    """Whether ``kind`` is a union (``A | B``, ``Optional[A]``)."""
    return typing.get_origin(kind) in (typing.Union, types.UnionType)


def without_none(kind: Any) -> Any:
    """``kind`` without ``None`` (``str | None`` -> ``str``)."""
    if is_union(kind) and type(None) in typing.get_args(kind):
        return functools.reduce(operator.or_, [arg for arg in typing.get_args(kind) if arg is not type(None)])
    return kind


def item_kind(kind: Any) -> Any:
    """The item type of ``tuple[X, ...]``, or None when ``kind`` is not one."""
    args = typing.get_args(kind)
    return args[0] if typing.get_origin(kind) is tuple and len(args) == 2 and args[1] is ... else None


def produced(kind: Any) -> type | None:
    """The one class the conversion to ``kind`` always yields, or None (several, or None itself)."""
    if kind in (str, bool, int, DateSpan, date):
        return typing.cast(type, kind)
    if item_kind(kind) is not None:
        return tuple
    if isinstance(kind, type) and (issubclass(kind, enum.Enum) or attrs.has(kind)):
        return kind
    return None


# The types of attrs' own validators, which are checked directly (their
# classes are private; reach them through the public factories).
AND: type[Any] = type(validators.and_())
DEEP_ITERABLE = type(validators.deep_iterable(validators.instance_of(object)))
INSTANCE_OF = type(validators.instance_of(object))
MATCHES_RE = type(validators.matches_re(""))
MIN_LEN: type[Any] = type(validators.min_len(0))
OPTIONAL = type(validators.optional(validators.instance_of(object)))


def checker(validator: Any, field: attrs.Attribute[Any], kind: Any) -> Check | None:
    """A step that runs ``validator`` as attrs' ``__init__`` would, declining instead of raising.

    None when there is nothing to check: an ``instance_of`` that the conversion
    to ``kind`` already guarantees.
    """
    validator_type = type(validator)
    try:
        if validator_type is AND:
            return _all_of([checker(inner, field, kind) for inner in validator._validators])
        if validator_type is OPTIONAL:
            return _unless_none(checker(validator.validator, field, without_none(kind)))
        if validator_type is DEEP_ITERABLE:
            member, iterable = validator.member_validator, validator.iterable_validator
            outer = checker(iterable, field, kind) if iterable is not None else None
            return _all_of([outer, _each(checker(member, field, item_kind(kind)), member)])
        if validator_type is INSTANCE_OF:
            made, wanted = produced(kind), validator.type
            return None if made is not None and issubclass(made, wanted) else _instance_of(wanted)
        if validator_type is MATCHES_RE:
            return _matching(validator.match_func)
        if validator_type is MIN_LEN:
            return _at_least(validator.min_length)
    except AttributeError:  # another attrs version's internals: call it, as attrs does
        pass
    return functools.partial(_call_validator, validator, field)


def _call_validator(validator: Any, field: attrs.Attribute[Any], instance: Any, value: Any) -> None:
    validator(instance, field, value)


def _all_of(checks: list[Check | None]) -> Check | None:
    present = [check for check in checks if check is not None]
    if len(present) <= 1:
        return present[0] if present else None

    def check(instance: Any, value: Any) -> None:
        for one in present:
            one(instance, value)

    return check


def _unless_none(inner: Check | None) -> Check | None:
    if inner is None:
        return None
    length = getattr(inner, "min_length", None)
    if length is not None:  # optional text: the commonest, in one step

        def check_text(_: Any, value: Any) -> None:
            if value is not None and len(value) < length:
                raise DeclinedError

        return check_text

    def check(instance: Any, value: Any) -> None:
        if value is not None:
            inner(instance, value)

    return check


def _each(inner: Check | None, member: Any) -> Check | None:
    if inner is None:
        return None
    if type(member) is MATCHES_RE:  # tuples of ids: the common case, one loop and no call per item
        match = typing.cast(Any, member).match_func

        def check_ids(_: Any, value: Any) -> None:
            for item in value:
                if not match(item):
                    raise DeclinedError

        return check_ids

    def check(instance: Any, value: Any) -> None:
        for item in value:
            inner(instance, item)

    return check


def _instance_of(wanted: type | tuple[type, ...]) -> Check:
    def check(_: Any, value: Any) -> None:
        if not isinstance(value, wanted):
            raise DeclinedError

    return check


def _matching(match: Callable[[Any], object]) -> Check:
    def check(_: Any, value: Any) -> None:
        if not match(value):
            raise DeclinedError

    return check


def _at_least(length: int) -> Check:
    def check(_: Any, value: Any) -> None:
        if len(value) < length:
            raise DeclinedError

    check.min_length = length  # type: ignore[attr-defined]  # lets _unless_none fuse the two
    return check
