"""Draw the May-August 2016 timeline shown in the README and the docs.

Run from the repository root with the ``plot`` extra installed::

    python docs/make_timeline.py

It writes ``docs/_static/timeline-2016.png``; commit the result. The same
figure comes from the command line: ``sinorussia plot timeline OUT.png
--between 2016-05-01 2016-08-31``.
"""

from __future__ import annotations

from pathlib import Path

from sinorussia.plot import save_timeline, timeline

OUT = Path(__file__).resolve().parent / "_static" / "timeline-2016.png"


def main() -> None:
    """Draw the figure and save it next to the docs' other static files."""
    figure = timeline(
        between=("2016-05-01", "2016-08-31"),
        title="China–Russia relations, May–August 2016 (release cc-2016-2): events by kind",
    )
    OUT.parent.mkdir(parents=True, exist_ok=True)
    save_timeline(OUT, figure)
    print(f"wrote {OUT}")


if __name__ == "__main__":
    main()
