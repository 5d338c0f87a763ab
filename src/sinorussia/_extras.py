"""Optional dependencies, imported on first use with an error that says what to install.

pandas, pyarrow and matplotlib are extras (``pandas``, ``arrow``, ``plot``):
``import sinorussia`` never imports them, and a feature that needs one that is
missing raises :class:`MissingExtraError` naming the extra. The modules come
back typed ``Any``, so the package type-checks whether or not they are present.
"""

from __future__ import annotations

import importlib
from typing import Any

from sinorussia.exceptions import MissingExtraError

__all__ = ["require"]


def require(module: str, *, extra: str, feature: str) -> Any:
    """Import ``module``, or raise MissingExtraError when it (or its package) is not installed.

    Examples:
        >>> require("json", extra="none", feature="this example").dumps([1])
        '[1]'
        >>> require("no_such_module_xyz", extra="plot", feature="the timeline")
        Traceback (most recent call last):
        ...
        sinorussia.exceptions.MissingExtraError: the timeline needs no_such_module_xyz, ...
    """
    try:
        return importlib.import_module(module)
    except ModuleNotFoundError as error:
        top = module.partition(".")[0]
        if error.name not in (module, top):  # installed, but broken inside: show the real fault
            raise
        raise MissingExtraError(feature, top, extra) from error
