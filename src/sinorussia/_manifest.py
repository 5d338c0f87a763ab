"""The release manifest (``release.json``) and what it promises.

A manifest names the release, its versions and licence, and for each of the
nine tables its file, row count and sha256. Paths in it are untrusted: they are
checked as strings here, before any file is opened.
"""

from __future__ import annotations

import re
from datetime import date
from typing import Any

import attrs
from attrs import validators as v

from sinorussia._dates import DateSpan
from sinorussia._models import RECORD_TYPES, SLUG

__all__ = [
    "KNOWN_SCHEMA_MAJORS",
    "SCHEMA_VERSION",
    "ReleaseInfo",
    "TableInfo",
    "check_schema_version",
    "check_table_path",
]

#: The schema version this library writes.
SCHEMA_VERSION = "1.0"
#: The schema major versions this library can read.
KNOWN_SCHEMA_MAJORS = ("1",)

_SHA256 = re.compile(r"[0-9a-f]{64}")
_FILE_NAME = re.compile(r"[A-Za-z0-9_][A-Za-z0-9_.-]*\.jsonl")
_VERSION = re.compile(r"[0-9]+\.[0-9]+")


def check_table_path(name: str) -> str | None:
    """Why ``name`` is not a safe table file name, or None when it is.

    Only a plain file name directly inside the release directory is allowed:
    no separators, no ``..``, nothing absolute, nothing hidden.
    """
    if not name:
        return "empty file name"
    if "/" in name or "\\" in name:
        return f"{name!r} is a path; a table must be a plain file name in the release directory"
    if name.startswith("."):
        return f"{name!r} is hidden or relative; a table must be a plain file name"
    if ":" in name or "\x00" in name:
        return f"{name!r} holds a character not allowed in a file name"
    if _FILE_NAME.fullmatch(name) is None:
        return f"{name!r} is not a plain '<name>.jsonl' file name"
    return None


def check_schema_version(version: str) -> str | None:
    """Why this library cannot read a release of schema ``version``, or None when it can."""
    if _VERSION.fullmatch(version) is None:
        return f"schema_version {version!r} is not MAJOR.MINOR"
    if version.split(".", maxsplit=1)[0] not in KNOWN_SCHEMA_MAJORS:
        known = ", ".join(f"{major}.x" for major in KNOWN_SCHEMA_MAJORS)
        return (
            f"schema version {version} is not supported by this sinorussia (it reads {known});"
            " upgrade sinorussia to load this release"
        )
    return None


@attrs.frozen(kw_only=True)
class TableInfo:
    """One table of a release, as the manifest describes it."""

    name: str = attrs.field(validator=v.in_(tuple(RECORD_TYPES)))
    file: str = attrs.field()
    rows: int = attrs.field(validator=v.and_(v.instance_of(int), v.ge(0)))
    sha256: str = attrs.field(validator=v.matches_re(_SHA256))

    @file.validator
    def _check_file(self, _: attrs.Attribute[Any], value: str) -> None:
        problem = check_table_path(value)
        if problem is not None:
            raise ValueError(problem)


@attrs.frozen(kw_only=True)
class ReleaseInfo:
    """What a release is, from its manifest; nothing of its tables is read.

    ``origin`` says where it was found: ``"built-in"``, ``"plugin <name> from
    <distribution>"`` or ``"path <dir>"``.
    """

    id: str = attrs.field(validator=v.matches_re(SLUG))
    title: str = attrs.field(validator=v.min_len(1))
    data_version: str = attrs.field(validator=v.min_len(1))
    schema_version: str = attrs.field()
    coverage: DateSpan
    published: date
    license: str = attrs.field(validator=v.min_len(1))
    sources: tuple[str, ...] = ()
    requires: tuple[str, ...] = attrs.field(default=(), validator=v.deep_iterable(v.matches_re(SLUG)))
    description: str | None = None
    tables: tuple[TableInfo, ...] = attrs.field()
    origin: str = attrs.field(default="", eq=False)

    @schema_version.validator
    def _check_schema(self, _: attrs.Attribute[Any], value: str) -> None:
        problem = check_schema_version(value)
        if problem is not None:
            raise ValueError(problem)

    @tables.validator
    def _check_tables(self, _: attrs.Attribute[Any], value: tuple[TableInfo, ...]) -> None:
        names = [table.name for table in value]
        missing = [name for name in RECORD_TYPES if name not in names]
        if missing:
            raise ValueError(f"tables missing from the manifest: {', '.join(missing)}")
        files = [table.file for table in value]
        if len(set(files)) != len(files):
            raise ValueError("two tables name the same file")

    def table(self, name: str) -> TableInfo:
        """The manifest entry of one table."""
        for table in self.tables:
            if table.name == name:
                return table
        raise KeyError(name)

    @property
    def rows(self) -> dict[str, int]:
        """Row count per table, as the manifest states it."""
        return {table.name: table.rows for table in self.tables}
