"""The docstring examples of the installed package run and pass."""

from __future__ import annotations

import doctest
import importlib
import pkgutil

import pytest

import sinorussia

MODULES = sorted(
    name for _, name, _ in pkgutil.walk_packages(sinorussia.__path__, "sinorussia.") if not name.endswith("__main__")
)


@pytest.mark.parametrize("name", ["sinorussia", *MODULES])
def test_docstring_examples(name: str) -> None:
    """Every Examples: section in the module's docstrings gives what it shows."""
    module = importlib.import_module(name)
    result = doctest.testmod(module, optionflags=doctest.ELLIPSIS | doctest.NORMALIZE_WHITESPACE, verbose=False)
    assert 0 == result.failed, f"{result.failed} of {result.attempted} examples failed in {name}"
