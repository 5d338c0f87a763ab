"""Timelines: a layout where nothing overlaps, and the figure drawn from it (the plot extra)."""

from __future__ import annotations

import io
from datetime import date, timedelta
from itertools import pairwise
from pathlib import Path

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

import sinorussia as sr
from sinorussia._cli import main
from sinorussia.plot import layout, save_timeline, timeline
from strategies import events

WINDOW = (date(2016, 5, 1), date(2016, 8, 31))
LABELS = st.sampled_from(["all", "chronology", "none"])


def _unique(found: list[sr.Event]) -> list[sr.Event]:
    return list({e.id: e for e in found}.values())


@given(found=st.lists(events(), max_size=25).map(_unique), labels=LABELS, per_char=st.floats(0.05, 2.0))
def test_nothing_overlaps_in_a_row(found: list[sr.Event], labels: str, per_char: float) -> None:
    """In each row, the room of each bar and its label ends before the next begins."""
    plan = layout(found, *WINDOW, labels=labels, days_per_char=per_char)  # type: ignore[arg-type]
    rows: dict[int, list[tuple[float, float]]] = {}
    for item in plan.placed:
        rows.setdefault(item.row, []).append(item.room)
    for rooms in rows.values():
        rooms.sort()
        assert all(first[1] <= second[0] for first, second in pairwise(rooms))


@given(found=st.lists(events(), max_size=25).map(_unique), labels=LABELS)
def test_every_event_is_placed_once_in_its_kinds_band(found: list[sr.Event], labels: str) -> None:
    """One placement per event, inside the band of its kind; bands in EventKind order, apart."""
    plan = layout(found, *WINDOW, labels=labels, days_per_char=0.6)  # type: ignore[arg-type]
    assert sorted(e.id for e in found) == sorted(item.event.id for item in plan.placed)
    bands = {kind: (first, count) for kind, first, count in plan.bands}
    assert [k for k in sr.EventKind if k in bands] == [k for k, _, _ in plan.bands]
    for item in plan.placed:
        first, count = bands[item.event.kind]
        assert first <= item.row < first + count
    for (_, first, count), (_, following, _) in pairwise(plan.bands):
        assert first + count + 1 == following


@given(event=events(), labels=LABELS)
def test_bars_cover_the_span_clipped_to_the_window(event: sr.Event, labels: str) -> None:
    """A bar runs from the span's first day to the day after its last, within the window."""
    [item] = layout([event], *WINDOW, labels=labels, days_per_char=0.6).placed  # type: ignore[arg-type]
    left, right = WINDOW[0].toordinal(), WINDOW[1].toordinal() + 1
    last = event.when.latest or WINDOW[1]
    assert max(left, event.when.earliest.toordinal()) == item.start
    assert min(right, (last + timedelta(days=1)).toordinal()) == item.end
    labelled = labels == "all" or (labels == "chronology" and event.chronology)
    assert labelled == (item.label != "none")


def test_the_may_august_2016_figure() -> None:
    """One bar per event, one diamond per chronology entry, one band label per kind."""
    pytest.importorskip("matplotlib", reason="the plot extra (matplotlib) is not installed")
    shown = sr.events(between=("2016-05-01", "2016-08-31"))
    figure = timeline(between=("2016-05-01", "2016-08-31"), title="May-August 2016")
    [ax] = figure.axes
    assert len(shown) == len(ax.patches)
    assert sum(e.chronology for e in shown) == len([line for line in ax.lines if line.get_marker() == "D"])
    kinds = [k.value for k in sr.EventKind if any(e.kind is k for e in shown)]
    assert kinds == [label.get_text() for label in ax.get_yticklabels()]
    assert {e.title for e in shown} <= {text.get_text() for text in ax.texts}


def test_events_passed_in_are_drawn_over_their_own_extent() -> None:
    """Given events and no window, the window is the events' span; kind= filters them."""
    pytest.importorskip("matplotlib", reason="the plot extra (matplotlib) is not installed")
    visits = sr.events(kind="visit")
    figure = timeline(events=[*visits, *sr.events(kind="summit")], kind="visit", labels="none")
    [ax] = figure.axes
    assert len(visits) == len(ax.patches)
    assert 0 == len(ax.texts)


def test_a_window_that_ends_before_it_starts_is_refused() -> None:
    """between=(later, earlier) is a ValueError naming both days."""
    pytest.importorskip("matplotlib", reason="the plot extra (matplotlib) is not installed")
    with pytest.raises(ValueError, match="2016-08-01"):
        timeline(between=("2016-08-01", "2016-05-01"))


def test_saved_png_carries_no_software_version(tmp_path: Path) -> None:
    """The PNG is a PNG, and rebuilding it with another matplotlib does not change its metadata."""
    pytest.importorskip("matplotlib", reason="the plot extra (matplotlib) is not installed")
    figure = timeline(events=[attrs.evolve(sr.events(kind="summit")[0])], labels="all")
    save_timeline(tmp_path / "t.png", figure, dpi=40)
    data = (tmp_path / "t.png").read_bytes()
    assert b"\x89PNG\r\n\x1a\n" == data[:8]
    assert b"Matplotlib" not in data


def test_plot_timeline_command(tmp_path: Path) -> None:
    """`sinorussia plot timeline OUT.png --kind visit` writes the image and prints its path."""
    pytest.importorskip("matplotlib", reason="the plot extra (matplotlib) is not installed")
    out = io.StringIO()
    target = tmp_path / "visits.png"
    status = main(["plot", "timeline", str(target), "--kind", "visit", "--labels", "chronology"], out=out)
    assert (0, f"{target}\n") == (status, out.getvalue())
    assert b"\x89PNG" == target.read_bytes()[:4]


def test_plot_timeline_command_refuses_a_bad_window(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """A reversed or malformed --between is exit status 2 with one line."""
    pytest.importorskip("matplotlib", reason="the plot extra (matplotlib) is not installed")
    for window in (["2016-08-01", "2016-05-01"], ["June", "July"]):
        assert 2 == main(["plot", "timeline", str(tmp_path / "x.png"), "--between", *window], out=io.StringIO())
    assert 2 == len(capsys.readouterr().err.splitlines())
    assert not (tmp_path / "x.png").exists()


def test_an_open_coverage_falls_back_to_the_events_extent(tmp_path: Path) -> None:
    """A release covering '2016/..' (still open) is drawn over its events, not up to year 9999."""
    pytest.importorskip("matplotlib", reason="the plot extra (matplotlib) is not installed")
    from matplotlib.dates import num2date

    from strategies import write_release

    ref = (sr.SourceRef(source="a-source"),)
    tables = {
        "sources": [sr.Source(id="a-source", title="A source", kind=sr.SourceKind.ARTICLE)],
        "actors": [sr.Actor(id="CHN", kind=sr.ActorKind.STATE, name="China", sources=ref)],
        "events": [
            sr.Event(
                id="a-summit",
                when=sr.DateSpan.parse("2016-06-23/2016-06-24"),
                title="A summit",
                summary="A summit.",
                kind=sr.EventKind.SUMMIT,
                cameo="043",
                actors=("CHN",),
                sources=ref,
            )
        ],
    }
    opened = sr.load_path(write_release(tmp_path / "open", "open-release", tables, coverage="2016/.."))
    [ax] = timeline(dataset=opened).axes
    first, last = (num2date(x).date() for x in ax.get_xlim())
    assert (date(2016, 6, 23), date(2016, 6, 25)) == (first, last)
    with pytest.raises(ValueError, match="no events to draw"):
        timeline(events=[])
