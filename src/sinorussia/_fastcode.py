"""The fast path's second gear: structure functions written out as Python source, for bulk loads.

``_fastpath`` assembles each class's structure function from small steps, one
call per field and per check. For a release of 10^5 events those calls are
much of the load, so a class whose records are structured often enough (see
``_fastpath.PROMOTE_AFTER``) gets the same steps written out inline as Python
source and compiled. Compiling costs about a millisecond per class: more than
the shipped release would win back, so the first query never pays it.

The written function does exactly what the assembled one does (the same
exact-type checks, interning, spans parsed once, instance set up as attrs'
``__init__`` does, attrs' own validators inline and any other called as attrs
calls it) and declines the same way, by raising. A record that leaves fields
out is handed to the assembled function, which fills in the defaults.
``tests/test_fastpath.py`` runs its checks against both.
"""

from __future__ import annotations

import enum
import sys
import typing
from collections.abc import Callable, Mapping
from datetime import date
from typing import Any

import attrs

from sinorussia._dates import DateSpan
from sinorussia._fastchecks import (
    AND,
    DEEP_ITERABLE,
    INSTANCE_OF,
    MATCHES_RE,
    MIN_LEN,
    OPTIONAL,
    DeclinedError,
    is_union,
    item_kind,
    produced,
    without_none,
)

__all__ = ["write"]

Structure = Callable[[object], Any]


class _Writer:
    """Collects the source of one structure function and the objects its names stand for."""

    def __init__(self, helpers: Mapping[str, object]) -> None:
        self.names: dict[str, object] = {"DeclinedError": DeclinedError, "intern": sys.intern}
        self.helpers = helpers
        self.lines: list[str] = []

    def bind(self, prefix: str, value: object) -> str:
        name = f"{prefix}{len(self.names)}"
        self.names[name] = value
        return name

    def convert(self, var: str, kind: Any, shared: bool, indent: str) -> None:
        """Lines that check ``var`` against ``kind`` and replace it by the field's value."""
        emit = self.lines.append
        if is_union(kind) and type(None) in typing.get_args(kind):
            emit(f"{indent}if {var} is not None:")
            self.convert(var, without_none(kind), shared, indent + "    ")
        elif kind is str and shared:
            emit(f"{indent}{var} = intern({var})")  # refuses anything but an exact str
        elif kind is str:
            emit(f"{indent}if {var}.__class__ is not str: raise DeclinedError")
        elif kind is bool:
            emit(f"{indent}if {var} is not True and {var} is not False: raise DeclinedError")
        elif kind is int:
            emit(f"{indent}if {var}.__class__ is not int: raise DeclinedError")
        elif is_union(kind) and set(typing.get_args(kind)) == {int, float}:
            emit(f"{indent}if {var}.__class__ is not int and {var}.__class__ is not float: raise DeclinedError")
        elif kind is DateSpan or kind is date:
            helper = self.bind("parse", self.helpers["span" if kind is DateSpan else "date"])
            emit(f"{indent}{var} = {helper}({var})")
        elif isinstance(kind, type) and issubclass(kind, enum.Enum):
            members = {member.value: member for member in kind if isinstance(member.value, str)}
            emit(f"{indent}{var} = {self.bind('members', members)}[{var}]")  # KeyError, TypeError: declined
        elif item_kind(kind) is not None:
            self._convert_items(var, item_kind(kind), shared, indent)
        elif isinstance(kind, type) and attrs.has(kind):
            emit(f"{indent}{var} = {self._nested(kind)}({var})")
        else:
            raise TypeError(f"no rule for {kind!r}")

    def _convert_items(self, var: str, item: Any, shared: bool, indent: str) -> None:
        emit = self.lines.append
        emit(f"{indent}if {var}.__class__ is not list: raise DeclinedError")
        if item is str and shared:
            emit(f"{indent}{var} = tuple(map(intern, {var}))")
        elif item is str:
            emit(f"{indent}''.join({var})")  # TypeError unless every item is a str
            emit(f"{indent}{var} = tuple({var})")
        elif isinstance(item, type) and attrs.has(item):
            emit(f"{indent}{var} = tuple(map({self._nested(item)}, {var}))")
        else:
            raise TypeError(f"no rule for items {item!r}")

    def _nested(self, cls: type[Any]) -> str:
        """An expression for the nested class's current structure function (it may be promoted later)."""
        return f"{self.bind('functions', self.helpers['functions'])}[{self.bind('cls', cls)}]"

    def validate(self, var: str, validator: Any, field: attrs.Attribute[Any], kind: Any, indent: str) -> None:
        """Lines that run ``validator`` on ``var`` as attrs' ``__init__`` would, declining instead of raising."""
        emit = self.lines.append
        validator_type = type(validator)
        try:
            if validator_type is AND:
                for inner in validator._validators:
                    self.validate(var, inner, field, kind, indent)
            elif validator_type is OPTIONAL:
                inner = validator.validator
                self._block(f"{indent}if {var} is not None:", var, inner, field=field, kind=without_none(kind))
            elif validator_type is DEEP_ITERABLE:
                member, iterable = validator.member_validator, validator.iterable_validator
                if iterable is not None:
                    self.validate(var, iterable, field, kind, indent)
                item = f"i{len(self.names)}_{len(self.lines)}"
                self._block(f"{indent}for {item} in {var}:", item, member, field=field, kind=item_kind(kind))
            elif validator_type is INSTANCE_OF:
                made = produced(kind)
                if made is None or not issubclass(made, validator.type):
                    emit(f"{indent}if not isinstance({var}, {self.bind('type', validator.type)}): raise DeclinedError")
            elif validator_type is MATCHES_RE:
                emit(f"{indent}if not {self.bind('match', validator.match_func)}({var}): raise DeclinedError")
            elif validator_type is MIN_LEN:
                emit(f"{indent}if len({var}) < {self.bind('length', validator.min_length)}: raise DeclinedError")
            else:
                raise AttributeError(validator_type)  # not one of attrs' own: call it
        except AttributeError:  # not attrs' own, or another attrs version's internals: call it, as attrs does
            emit(f"{indent}{self.bind('validator', validator)}(self, {self.bind('field', field)}, {var})")

    def _block(self, header: str, var: str, validator: Any, *, field: attrs.Attribute[Any], kind: Any) -> None:
        """A block (``if``, ``for``) validating ``var``; left out when nothing in it needs checking."""
        self.lines.append(header)
        mark = len(self.lines)
        indent = header[: len(header) - len(header.lstrip())] + "    "
        self.validate(var, validator, field, kind, indent)
        if len(self.lines) == mark:
            self.lines.pop()


def write(
    cls: type[Any],
    types_of: Mapping[str, Any],
    shared_fields: frozenset[str],
    helpers: Mapping[str, object],
) -> Structure:
    """Write and compile the structure function of ``cls``.

    ``helpers``: ``span`` and ``date`` (the parsers), ``functions`` (the class
    -> structure function table, for nested classes) and ``assembled`` (this
    class's assembled function, for records that leave fields out).
    Raises TypeError for a type it has no rule for.
    """
    fields = attrs.fields(cls)
    writer = _Writer(helpers)
    emit = writer.lines.append
    known = writer.bind("known", frozenset(field.name for field in fields))
    assembled = writer.bind("assembled", helpers["assembled"])
    emit("def structure(value):")
    emit(f"    if value.__class__ is not dict or len(value) != {len(fields)}: return {assembled}(value)")
    emit(f"    if not value.keys() <= {known}: raise DeclinedError")
    for number, field in enumerate(fields):
        emit(f"    v{number} = value[{field.name!r}]")
        writer.convert(f"v{number}", types_of[field.name], field.name in shared_fields, "    ")
    emit(f"    self = {writer.bind('new', object.__new__)}({writer.bind('cls', cls)})")
    assign = writer.bind("assign", object.__setattr__)
    for number, field in enumerate(fields):
        emit(f"    {assign}(self, {field.name!r}, v{number})")
    for number, field in enumerate(fields):
        if field.validator is not None:
            writer.validate(f"v{number}", field.validator, field, types_of[field.name], "    ")
    emit("    return self")
    namespace = dict(writer.names)
    code = compile("\n".join(writer.lines), f"<sinorussia structure {cls.__qualname__}>", "exec")
    exec(code, namespace)  # our own source, written above from the class's fields
    return typing.cast(Structure, namespace["structure"])
