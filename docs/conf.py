"""Sphinx configuration for the sinorussia docs (Furo theme, MyST Markdown).

Build with warnings as errors, as CI does (``.ci/docs.sh``)::

    sphinx-build -W -b html docs docs/_build/html

The data dictionary and the discrepancy register are written from the models
and the installed releases at the start of every build (``_ext/sinorussia_pages.py``),
so they never drift from the data.
"""

from __future__ import annotations

import sys
from importlib.metadata import version as _version
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent / "_ext"))

project = "sinorussia"
author = "sinorussia contributors"
copyright = "sinorussia contributors; data CC BY 4.0"  # noqa: A001 - Sphinx's name
release = _version("sinorussia")
version = release

extensions = [
    "myst_parser",
    "sphinx.ext.autodoc",
    "sphinx.ext.napoleon",
    "sinorussia_pages",
]
source_suffix = {".md": "markdown"}
root_doc = "index"
exclude_patterns = ["_build", "Thumbs.db", ".DS_Store", "README.md"]

# Quotations are verbatim: keep their straight quotes (docutils would curl them).
smartquotes = False

myst_enable_extensions = ["colon_fence", "deflist"]
myst_heading_anchors = 3

autodoc_member_order = "bysource"
autodoc_typehints = "signature"
autodoc_default_options = {"members": True, "show-inheritance": False}
napoleon_google_docstring = True
napoleon_numpy_docstring = False
napoleon_use_ivar = True

html_theme = "furo"
html_title = f"sinorussia {release}"
html_static_path = ["_static"]
