"""The built distributions: reproducible, complete, clean, and working once installed elsewhere.

Builds run offline (``--no-isolation``, with the pinned backend installed in the
test environment) from a snapshot of the source tree; the fresh venv gets the
runtime dependencies copied from the current environment, so nothing is
downloaded.
"""

from __future__ import annotations

import hashlib
import json
import shutil
import subprocess
import sys
import tarfile
import tomllib
import zipfile
from importlib.metadata import PackageNotFoundError, distribution, version
from pathlib import Path

import pytest

pytestmark = pytest.mark.slow

SOURCE = Path(__file__).resolve().parent.parent
PYPROJECT = tomllib.loads((SOURCE / "pyproject.toml").read_text())
VERSION = PYPROJECT["project"]["version"]
#: The runtime dependencies (and theirs) on this interpreter, copied into the fresh venv.
RUNTIME = ("attrs", "cattrs", "importlib_resources", "typing_extensions")
CACHES = ("__pycache__", ".pyc", ".hypothesis", ".mypy_cache", ".ruff_cache", ".pytest_cache", ".coverage")


def _build(tree: Path, outdir: Path) -> tuple[Path, Path]:
    """Build the sdist, then the wheel from the sdist (which proves the sdist complete)."""
    subprocess.run(
        [sys.executable, "-m", "build", "--no-isolation", "--outdir", str(outdir), str(tree)],
        check=True,
        capture_output=True,
    )
    (wheel,) = outdir.glob("*.whl")
    (sdist,) = outdir.glob("*.tar.gz")
    return wheel, sdist


@pytest.fixture(scope="module")
def tree(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A snapshot of the source tree (others may be editing it), without caches or VCS data."""
    snapshot = tmp_path_factory.mktemp("source") / "sinorussia"
    ignore = shutil.ignore_patterns(".git", "dist", "build", "*.egg-info", *(f"*{c}" for c in CACHES))
    shutil.copytree(SOURCE, snapshot, ignore=ignore)
    return snapshot


@pytest.fixture(scope="module")
def built(tree: Path, tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """The wheel and sdist built once from the snapshot."""
    return _build(tree, tmp_path_factory.mktemp("dist"))


def test_the_build_backend_is_pinned() -> None:
    """Every build requirement names one exact version, and that version is what the tests build with."""
    requires = PYPROJECT["build-system"]["requires"]
    assert requires
    assert all("==" in requirement for requirement in requires), requires
    pins = dict(requirement.split("==") for requirement in requires)
    assert pins == {name: version(name) for name in pins}
    assert f"hatchling=={pins['hatchling']}" in PYPROJECT["project"]["optional-dependencies"]["test"]


def test_building_twice_gives_identical_bytes(
    built: tuple[Path, Path], tree: Path, tmp_path_factory: pytest.TempPathFactory
) -> None:
    """Wheel and sdist built again from the same tree are byte for byte the same."""
    again = _build(tree, tmp_path_factory.mktemp("again"))
    for first, second in zip(built, again, strict=True):
        assert first.name == second.name
        assert hashlib.sha256(first.read_bytes()).hexdigest() == hashlib.sha256(second.read_bytes()).hexdigest()


def test_the_wheel_holds_every_file_each_manifest_names(built: tuple[Path, Path]) -> None:
    """Each shipped release's manifest and every table it lists are in the wheel, with matching hashes."""
    wheel, _ = built
    with zipfile.ZipFile(wheel) as archive:
        names = set(archive.namelist())
        manifests = sorted(n for n in names if n.startswith("sinorussia/data/") and n.endswith("/release.json"))
        assert manifests
        for manifest_name in manifests:
            manifest = json.loads(archive.read(manifest_name))
            folder = manifest_name.rsplit("/", 1)[0]
            for table in manifest["tables"].values():
                data = archive.read(f"{folder}/{table['file']}")
                assert table["sha256"] == hashlib.sha256(data).hexdigest()
        assert "sinorussia/py.typed" in names


def test_the_wheel_holds_the_package_only(built: tuple[Path, Path]) -> None:
    """No tests, caches or curation files: only the package and its dist-info, at the pyproject version."""
    wheel, _ = built
    with zipfile.ZipFile(wheel) as archive:
        names = archive.namelist()
        dist_info = f"sinorussia-{VERSION}.dist-info/"
        assert [] == [n for n in names if not n.startswith(("sinorussia/", dist_info))]
        assert [] == [n for n in names if any(cache in n for cache in CACHES)]
        metadata = archive.read(f"{dist_info}METADATA").decode()
    assert f"Version: {VERSION}" in metadata.splitlines()


def test_the_sdist_holds_no_caches(built: tuple[Path, Path]) -> None:
    """The sdist carries sources and tests, but no byte code or tool caches."""
    _, sdist = built
    with tarfile.open(sdist) as archive:
        names = archive.getnames()
    assert any(name.endswith("/pyproject.toml") for name in names)
    assert [] == [n for n in names if any(cache in n for cache in CACHES)]


def _copy_distribution(name: str, site: Path) -> None:
    """Install an already installed pure-Python distribution into ``site`` by copying its files.

    One this interpreter does not need (a backport) may be absent: ``pip check`` then says if it was needed.
    """
    try:
        dist = distribution(name)
    except PackageNotFoundError:
        return
    for file in dist.files or ():
        source = Path(str(dist.locate_file(file)))
        if file.parts[0] == ".." or "__pycache__" in file.parts or not source.is_file():
            continue  # scripts outside site-packages, byte code
        target = site / file
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(source, target)


def test_the_wheel_installed_in_a_fresh_venv_loads_every_shipped_release(
    built: tuple[Path, Path], tmp_path: Path
) -> None:
    """Outside the source tree: install the wheel alone, then import it, check version and py.typed, load all."""
    wheel, _ = built
    venv = tmp_path / "venv"
    subprocess.run([sys.executable, "-m", "venv", "--without-pip", str(venv)], check=True)
    python = venv / "bin" / "python"
    site = Path(
        subprocess.run(
            [str(python), "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
            check=True,
            capture_output=True,
            text=True,
        ).stdout.strip()
    )
    for name in RUNTIME:
        _copy_distribution(name, site)
    pip = [sys.executable, "-m", "pip", "--python", str(python)]
    subprocess.run([*pip, "install", "--no-deps", "--no-index", "--quiet", str(wheel)], check=True)
    subprocess.run([*pip, "check"], check=True, capture_output=True)  # every dependency is there
    script = """
import json, pathlib, sys
import sinorussia as sr
package = pathlib.Path(sr.__file__).parent
loaded = {info.id: sr.load(info.id).counts() for info in sr.releases()}
rows = {info.id: info.rows for info in sr.releases()}
from sinorussia import _registry
forms = {key: item.prevalidated is not None for key, item in _registry._discover().items() if item.builtin}
print(json.dumps({"file": sr.__file__, "version": sr.__version__, "typed": (package / "py.typed").is_file(),
                  "loaded": loaded, "rows": rows, "merged": sum(sr.load().counts().values()), "forms": forms}))
"""
    done = subprocess.run([str(python), "-I", "-c", script], cwd=tmp_path, check=True, capture_output=True, text=True)
    result = json.loads(done.stdout)
    assert Path(result["file"]).is_relative_to(site)
    assert VERSION == result["version"]
    assert result["typed"]
    assert "cc-2016-2" in result["loaded"]
    assert result["rows"] == result["loaded"]
    assert result["merged"] > 0
    # Each built-in release is installed with its prevalidated form, and the form is used (tests/test_prevalidated.py).
    assert result["forms"]
    assert all(result["forms"].values())
    assert (venv / "bin" / "sinorussia").is_file()
