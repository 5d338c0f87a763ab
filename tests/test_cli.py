"""The command line: readable answers, JSON Lines, and exit statuses 0, 1 and 2."""

from __future__ import annotations

import io
import json
import subprocess
import sys
from pathlib import Path

import pytest

from releases import write_raw
from sinorussia._cli import main


def run(*argv: str) -> tuple[int, str]:
    """Run the CLI in-process; return (status, stdout)."""
    out = io.StringIO()
    status = main(list(argv), out=out)
    return status, out.getvalue()


def test_june_events_include_putins_visit() -> None:
    """The README's first command prints June 2016's events, Putin's visit among them."""
    status, out = run("events", "--between", "2016-06-01", "2016-06-30")
    assert 0 == status
    assert "2016-06-25-putin-visits-beijing" in out
    assert "Putin visits Beijing" in out


def test_json_lines_are_records() -> None:
    """--json prints one JSON object per line, with the CAMEO code as a string."""
    status, out = run("events", "--on", "2016-06-25", "--kind", "visit", "--json")
    assert 0 == status
    rows = [json.loads(line) for line in out.splitlines()]
    visit = next(r for r in rows if r["id"] == "2016-06-25-putin-visits-beijing")
    assert "042" == visit["cameo"]
    assert 1.9 == visit["goldstein"]


@pytest.mark.parametrize(
    ("argv", "expected"),
    [
        (("sco", "IRN", "--on", "2016-06-24"), "applicant"),
        (("sco", "--on", "2016-06-24"), "CHN China"),
        (("documents", "--kind", "joint_statement", "--party", "CHN"), "joint_statement"),
        (("positions", "--issue", "sco-expansion"), "sco-expansion"),
        (("actors", "--kind", "person", "--text", "putin"), "vladimir-putin"),
        (("show", "CHN"), '"name": "China"'),
        (("releases",), "cc-2016-2"),
        (("cite",), "Yu Bin"),
        (("cite", "--format", "bibtex"), "@article{"),
        (("discrepancies",), "adopted"),
        (("figures",), "more_than"),
        (("issues",), "sco-expansion"),
        (("sources",), "yu-2016-reluctant-allies"),
        (("--version",), "sinorussia 0.1.0"),
    ],
)
def test_commands_answer(argv: tuple[str, ...], expected: str) -> None:
    """Each query command exits 0 and prints the expected answer."""
    status, out = run(*argv)
    assert 0 == status
    assert expected in out


@pytest.mark.parametrize(
    "argv",
    [
        ("events", "--on", "June 2016"),
        ("events", "--kind", "banquet"),
        ("events", "--actor", "nobody-at-all"),
        ("show", "no-such-record"),
        ("sco", "IND"),
        ("frobnicate",),
        (),
        ("events", "--path", "/nonexistent/release"),
    ],
)
def test_bad_arguments_exit_2_with_one_line(argv: tuple[str, ...], capsys: pytest.CaptureFixture[str]) -> None:
    """A bad argument gives exit status 2 and a single line on stderr, no traceback."""
    status, _ = run(*argv)
    err = capsys.readouterr().err
    assert 2 == status
    assert 1 == len(err.strip().splitlines())
    assert "Traceback" not in err


def test_validate_reports_invalid_data_with_status_1(tmp_path: Path) -> None:
    """validate lists each problem (file, line, field) and exits 1; valid data exits 0."""
    bad = write_raw(tmp_path / "bad", "bad-release", {"issues": b'{"id": "x"}\n'})
    status, out = run("validate", str(bad))
    assert 1 == status
    assert "issues.jsonl:1" in out
    status, out = run("validate", str(bad), "--json")
    assert 1 == status
    assert "issues.jsonl" == json.loads(out.splitlines()[0])["file"]
    good = write_raw(tmp_path / "good", "good-release", {})
    assert 0 == run("validate", str(good))[0]


def test_validate_usage_error_is_status_2(tmp_path: Path) -> None:
    """validate of something that is not a directory is a usage error."""
    assert 2 == run("validate", str(tmp_path / "missing"))[0]


def test_python_dash_m_runs_the_same_cli() -> None:
    """python -m sinorussia answers like the sinorussia command."""
    done = subprocess.run(
        [sys.executable, "-m", "sinorussia", "sco", "IND", "--on", "2016-06-24"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert 0 == done.returncode
    assert "acceding" in done.stdout
