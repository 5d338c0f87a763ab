"""Optional dependencies: a feature whose extra is missing says what to install."""

from __future__ import annotations

import io
import sys
from pathlib import Path

import pytest

import sinorussia as sr
from sinorussia._cli import main
from sinorussia._extras import require


def _uninstall(monkeypatch: pytest.MonkeyPatch, *modules: str) -> None:
    """Make ``import module`` fail as if it were not installed (None in sys.modules)."""
    for module in modules:
        monkeypatch.setitem(sys.modules, module, None)


def test_missing_extra_is_an_import_error_and_a_sinorussia_error(monkeypatch: pytest.MonkeyPatch) -> None:
    """MissingExtraError names the package and the extra; old `except ImportError` still catches it."""
    _uninstall(monkeypatch, "pandas")
    with pytest.raises(sr.MissingExtraError) as caught:
        sr.load().to_pandas("events")
    assert isinstance(caught.value, ImportError)
    assert isinstance(caught.value, sr.SinorussiaError)
    assert ("pandas", "pandas") == (caught.value.name, caught.value.extra)
    assert 'pip install "sinorussia[pandas]"' in str(caught.value)


def test_parquet_without_pyarrow_names_the_arrow_extra(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """Parquet export without pyarrow asks for the arrow extra, and writes nothing."""
    _uninstall(monkeypatch, "pyarrow", "pyarrow.parquet")
    with pytest.raises(sr.MissingExtraError, match=r"sinorussia\[arrow\]"):
        sr.export(tmp_path / "out", format="parquet")
    assert not (tmp_path / "out").exists()


def test_timeline_without_matplotlib_names_the_plot_extra(monkeypatch: pytest.MonkeyPatch) -> None:
    """The plot module imports; drawing asks for the plot extra."""
    from sinorussia.plot import timeline

    _uninstall(monkeypatch, "matplotlib", "matplotlib.figure")
    with pytest.raises(sr.MissingExtraError, match=r"sinorussia\[plot\]"):
        timeline(between=("2016-06-01", "2016-06-30"))


def test_the_command_line_reports_a_missing_extra_in_one_line(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """`sinorussia plot timeline` without matplotlib exits 2 with the pip command."""
    _uninstall(monkeypatch, "matplotlib", "matplotlib.figure")
    assert 2 == main(["plot", "timeline", str(tmp_path / "t.png")], out=io.StringIO())
    err = capsys.readouterr().err
    assert 1 == len(err.splitlines())
    assert 'pip install "sinorussia[plot]"' in err


def test_a_broken_installed_module_is_not_reported_as_missing(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """When a package is there but fails inside, the real error shows, not 'install the extra'."""
    (tmp_path / "broken_pkg_xyz.py").write_text("import a_dependency_that_is_not_there_xyz\n", encoding="utf-8")
    monkeypatch.syspath_prepend(str(tmp_path))
    with pytest.raises(ModuleNotFoundError) as caught:
        require("broken_pkg_xyz", extra="x", feature="y")
    assert not isinstance(caught.value, sr.MissingExtraError)
    assert "a_dependency_that_is_not_there_xyz" == caught.value.name
    monkeypatch.delitem(sys.modules, "broken_pkg_xyz", raising=False)
