"""What `import sinorussia` and the first query load, checked in fresh interpreters.

Speed lives in benchmarks/ (docs/performance.md); these tests check the causes
of speed that can be checked without a clock: an import reads no file and
imports neither cattrs, json, importlib.resources, importlib.metadata nor the
loader; the first query imports no more than it needs.
"""

from __future__ import annotations

import ast
import os
import subprocess
import sys
import textwrap
from pathlib import Path
from typing import Any

import pytest

import sinorussia as sr
from releases import write_release
from sinorussia import Source, SourceKind

#: Modules `import sinorussia` must not import (each costs more than the package itself).
HEAVY = [
    "cattrs",
    "json",
    "importlib.resources",
    "importlib_resources",
    "importlib.metadata",
    "attrs",
    "sinorussia._loader",
    "sinorussia._registry",
    "sinorussia._convert",
    "sinorussia._models",
]

# Runs in the child: records every file opened (audit event "open") and, at the end, the modules loaded.
PROBE = """
import sys
opened = []
sys.addaudithook(lambda event, args: opened.append(str(args[0])) if event == "open" else None)
{code}
print(repr({{"loaded": sorted(sys.modules), "opened": opened}}))
"""


def _probe(code: str) -> dict[str, Any]:
    """Run ``code`` in a fresh interpreter; the modules loaded and the files opened."""
    script = PROBE.format(code=textwrap.dedent(code))
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True)
    report: dict[str, Any] = ast.literal_eval(result.stdout.splitlines()[-1])
    return report


def test_import_loads_nothing_heavy_and_reads_no_file() -> None:
    """`import sinorussia` imports none of the heavy modules and opens no file of the package's data."""
    report = _probe("import sinorussia")
    assert [] == [name for name in HEAVY if name in report["loaded"]]
    data = str(Path(sr.__file__).parent / "data")
    assert [] == [path for path in report["opened"] if path.startswith(data) or path.endswith((".jsonl", ".csv"))]


def test_every_public_name_resolves() -> None:
    """The names resolved lazily are all there: dir() lists __all__, and each one is an attribute."""
    assert sorted(sr.__all__) == dir(sr)
    assert [] == [name for name in sr.__all__ if getattr(sr, name, None) is None]


def test_first_query_needs_neither_cattrs_nor_importlib_metadata() -> None:
    """The first answer is built by the fast path: cattrs waits for a refusal or an export.

    importlib.metadata is imported only when some installed distribution names
    the plugin group (none does in this environment, unless the check says so).
    """
    report = _probe(
        """
        import sinorussia as sr
        sr.events(on="2016-06-25")
        """
    )
    assert "cattrs" not in report["loaded"]
    assert "importlib_resources" not in report["loaded"]
    # The built-in release comes from its prevalidated form (tests/test_prevalidated.py):
    # neither the strict loader, nor the merge, nor pathlib, nor hashlib (OpenSSL) is needed.
    unneeded = ["sinorussia._loader", "sinorussia._merge", "sinorussia._convert", "json", "pathlib", "hashlib"]
    assert [] == [name for name in unneeded if name in report["loaded"]]
    plugins = subprocess.run(
        [sys.executable, "-c", "from sinorussia._entrypoints import may_declare as m; print(m('sinorussia.releases'))"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout.strip()
    if plugins == "False":
        assert "importlib.metadata" not in report["loaded"]


def test_a_real_plugin_distribution_is_still_found(tmp_path: Path) -> None:
    """The cheap look over sys.path must not hide a plugin: a dist-info naming the group makes it count.

    A real distribution on PYTHONPATH (a dist-info folder with entry_points.txt,
    a package holding a release), found by a fresh interpreter.
    """
    site = tmp_path / "site"
    package = site / "srplugin_example"
    package.mkdir(parents=True)
    (package / "__init__.py").write_text("")
    source = Source(id="plugin-example-src", title="A plugin's source", kind=SourceKind.ARTICLE)
    write_release(package, "plugin-example", {"sources": [source]})
    info = site / "srplugin_example-1.0.dist-info"
    info.mkdir()
    (info / "METADATA").write_text("Metadata-Version: 2.1\nName: srplugin-example\nVersion: 1.0\n")
    (info / "entry_points.txt").write_text("[sinorussia.releases]\nplugin-example = srplugin_example\n")
    report = subprocess.run(
        [sys.executable, "-c", "import sinorussia as sr; print([r.id for r in sr.releases()])"],
        capture_output=True,
        text=True,
        check=True,
        env={**os.environ, "PYTHONPATH": os.pathsep.join([str(site), os.environ.get("PYTHONPATH", "")])},
    )
    assert "plugin-example" in report.stdout


@pytest.mark.parametrize(
    ("layout", "expected"),
    [
        ({}, False),
        ({"other-1.0.dist-info/entry_points.txt": "[console_scripts]\nx = y\n"}, False),
        ({"other-1.0.dist-info/METADATA": "Name: other\n"}, False),
        ({"old.egg-info": "a file, as old distutils wrote it"}, False),
        ({"p-1.0.dist-info/entry_points.txt": "[sinorussia.releases]\nr = p\n"}, True),
        ({"P-1.0.EGG-INFO/entry_points.txt": "[sinorussia.releases]\nr = p\n"}, True),
    ],
)
def test_the_look_over_one_path_entry(tmp_path: Path, layout: dict[str, str], expected: bool) -> None:
    """Only a distribution whose entry points name the group counts; the rest, or nothing, does not."""
    from sinorussia._entrypoints import _entry_may_declare

    for name, text in layout.items():
        path = tmp_path / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text)
    assert expected == _entry_may_declare(str(tmp_path), b"sinorussia.releases")


def test_entries_it_cannot_look_into_are_left_to_importlib_metadata(tmp_path: Path) -> None:
    """A zip file on sys.path may hold distributions: it counts; a missing folder holds none."""
    from sinorussia._entrypoints import _entry_may_declare

    archive = tmp_path / "bundle.zip"
    archive.write_bytes(b"PK\x05\x06" + bytes(18))
    assert _entry_may_declare(str(archive), b"sinorussia.releases")
    assert not _entry_may_declare(str(tmp_path / "missing"), b"sinorussia.releases")
