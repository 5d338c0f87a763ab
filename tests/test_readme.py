"""The README's promises: two set-up commands, and CI runs the second one."""

from __future__ import annotations

from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def _test_command() -> str:
    lines = (ROOT / "README.md").read_text(encoding="utf-8").splitlines()
    marker = lines.index("<!-- test-command -->")
    return lines[marker + 2]


def test_readme_test_command_installs_the_test_extra_and_runs_pytest() -> None:
    """The second set-up command installs .[test] and runs pytest."""
    command = _test_command()
    assert 'pip install ".[test]"' in command
    assert "pytest" in command


def test_ci_runs_the_readme_test_command() -> None:
    """.ci/run takes its test command from the README's marked block."""
    script = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert "<!-- test-command -->" in script
    assert 'bash -c "$test_command"' in script


def test_readme_first_command_installs_and_queries_june() -> None:
    """The first set-up command installs the package and prints June 2016's events."""
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    assert "pip install . && sinorussia events --between 2016-06-01 2016-06-30" in text


def test_readme_shows_the_timeline_image() -> None:
    """The README embeds the May-August 2016 timeline, and the image exists."""
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    assert "](docs/_static/timeline-2016.png)" in text
    assert (ROOT / "docs" / "_static" / "timeline-2016.png").is_file()
