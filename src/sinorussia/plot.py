"""Timelines of events (needs the ``plot`` extra: matplotlib).

:func:`timeline` draws events by date, one band per kind. Each event is drawn
over the whole span its date may cover, at its precision: a known day or
interval as a solid bar, a month as a hatched band over the month, a year as a
faint dotted band; an uncertain or approximate date gets a dashed outline.
Entries of the source's chronology are marked with a diamond. Events are
packed into lanes so that neither bars nor labels overlap.

Examples:
    >>> import sinorussia.plot  # matplotlib is imported only when a timeline is drawn
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Sequence
from datetime import date
from typing import TYPE_CHECKING, Any, Literal, NamedTuple

from sinorussia._dates import Precision, as_date
from sinorussia._enums import EventKind
from sinorussia._extras import require

if TYPE_CHECKING:
    from sinorussia._dataset import Dataset
    from sinorussia._models import Event

__all__ = ["Layout", "Placed", "layout", "save_timeline", "timeline"]

Labels = Literal["all", "chronology", "none"]
LabelPlace = Literal["inside", "after", "before", "none"]

#: Inches per lane; the mean width of a label character in inches (8 pt sans-serif,
#: measured on the titles of cc-2016-2); the share of the figure's width the axes take.
_LANE_INCHES = 0.27
_CHAR_INCHES = 0.06
_FONT_SIZE = 8
_AXES_SHARE = 0.87
#: How solid, and how hatched, a bar is at each precision of its date.
_ALPHA = {Precision.DAY: 0.95, Precision.MONTH: 0.35, Precision.YEAR: 0.15}
_HATCH = {Precision.DAY: None, Precision.MONTH: "////", Precision.YEAR: "...."}


def _window(
    events: Sequence[Event], between: tuple[date | str, date | str] | None, dataset: Dataset | None
) -> tuple[date, date]:
    coverage = [r.coverage for r in dataset.releases] if dataset is not None else []
    if between is not None:
        first, last = as_date(between[0]), as_date(between[1])
    elif coverage and all(span.latest is not None for span in coverage):
        first = min(span.earliest for span in coverage)
        last = max(span.latest or span.earliest for span in coverage)
    else:  # no releases to go by, or one still open: the events' own extent
        if not events and dataset is not None:
            events = dataset.events()
        if not events:
            raise ValueError("no events to draw, and no window given (between=)")
        first = min(e.when.earliest for e in events)
        last = max(e.when.latest or e.when.earliest for e in events)
    if last < first:
        raise ValueError(f"between=({first}, {last}): the window ends before it starts")
    return first, last


def _select(
    events: Iterable[Event] | None,
    between: tuple[date | str, date | str] | None,
    dataset: Dataset | None,
    kind: EventKind | str | Iterable[EventKind | str] | None,
) -> tuple[list[Event], tuple[date, date]]:
    if events is None:
        if dataset is None:
            from sinorussia._registry import load

            dataset = load()
        first, last = _window((), between, dataset)
        return list(dataset.events(between=(first, last), kind=kind)), (first, last)
    chosen = list(events)
    if kind is not None:
        from sinorussia._filters import enum_set

        kinds = enum_set(EventKind, kind, "kind")
        chosen = [e for e in chosen if e.kind in kinds]
    return chosen, _window(chosen, between, dataset)


def _lanes(spans: list[tuple[str, float, float]]) -> tuple[dict[str, int], int]:
    """Greedy interval packing: each event to the first lane that is free where it starts.

    ``spans`` holds ``(event id, first, last)`` in days: the room the event's
    bar and its label take together.
    """
    ends: list[float] = []
    lane_of: dict[str, int] = {}
    for event_id, first, last in sorted(spans, key=lambda s: (s[1], s[2], s[0])):
        for lane, end in enumerate(ends):
            if first >= end:
                ends[lane] = last
                break
        else:
            lane = len(ends)
            ends.append(last)
        lane_of[event_id] = lane
    return lane_of, len(ends)


class Placed(NamedTuple):
    """Where one event is drawn: its bar ``[start, end)`` in day ordinals, its row, its label."""

    event: Event
    start: float
    end: float
    row: int
    label: LabelPlace
    #: The days the bar and its label take together (they overlap nothing else in the row).
    room: tuple[float, float]


class Layout(NamedTuple):
    """Every event placed, the band of each kind as ``(kind, first row, rows)``, and the total rows."""

    placed: tuple[Placed, ...]
    bands: tuple[tuple[EventKind, int, int], ...]
    rows: int


def _label_place(start: float, end: float, text: float | None, right: float) -> tuple[LabelPlace, tuple[float, float]]:
    """Where a label of ``text`` days goes, and the room bar and label take together."""
    if text is None:
        return "none", (start, end)
    if end - start >= text:
        return "inside", (start, end)
    if end + text <= right:
        return "after", (start, end + text)
    return "before", (start - text, end)


def layout(events: Sequence[Event], first: date, last: date, *, labels: Labels, days_per_char: float) -> Layout:
    """Place events in bands by kind and lanes within a band; pure arithmetic, no matplotlib.

    A label goes inside its bar when the bar is wide enough, else after it, else
    (at the right edge of the window) before it. Rows of different bands are
    separated by one empty row.
    """
    left, right = first.toordinal(), last.toordinal() + 1
    placed: list[Placed] = []
    bands: list[tuple[EventKind, int, int]] = []
    row = 0
    for kind in (k for k in EventKind if any(e.kind is k for e in events)):
        spans: list[tuple[str, float, float]] = []
        pending: dict[str, tuple[Event, float, float, LabelPlace, tuple[float, float]]] = {}
        for event in (e for e in events if e.kind is kind):
            start = float(max(left, event.when.earliest.toordinal()))
            end = float(min(right, (event.when.latest or last).toordinal() + 1))
            labelled = labels == "all" or (labels == "chronology" and event.chronology)
            where, room = _label_place(start, end, (len(event.title) + 2) * days_per_char if labelled else None, right)
            pending[event.id] = (event, start, end, where, room)
            spans.append((event.id, *room))
        lane_of, count = _lanes(spans)
        for event_id, (event, start, end, where, room) in pending.items():
            placed.append(Placed(event, start, end, row + lane_of[event_id], where, room))
        bands.append((kind, row, count))
        row += count + 1
    return Layout(tuple(placed), tuple(bands), max(row - 1, 0))


def timeline(
    events: Iterable[Event] | None = None,
    *,
    between: tuple[date | str, date | str] | None = None,
    dataset: Dataset | None = None,
    kind: EventKind | str | Iterable[EventKind | str] | None = None,
    labels: Labels = "all",
    title: str | None = None,
    width: float = 13.0,
) -> Any:
    """Draw events on a timeline; returns a ``matplotlib.figure.Figure``.

    Args:
        events: the events to draw; by default those of ``dataset`` (the
            installed releases) that overlap ``between``.
        between: the window ``(first, last)`` as dates or ISO strings; by
            default the releases' coverage, or the events' own extent.
        dataset: where to take events from when ``events`` is not given.
        kind: keep only events of this kind (or kinds).
        labels: label ``"all"`` events, only ``"chronology"`` entries, or ``"none"``.
        title: a title above the plot.
        width: the figure's width in inches; its height follows the lanes.

    Raises:
        MissingExtraError: matplotlib is not installed (``pip install "sinorussia[plot]"``).
    """
    matplotlib = require("matplotlib", extra="plot", feature="sinorussia.plot.timeline")
    for part in ("figure", "dates", "patches", "lines"):
        require(f"matplotlib.{part}", extra="plot", feature="sinorussia.plot.timeline")
    mdates = matplotlib.dates

    chosen, (first, last) = _select(events, between, dataset, kind)
    days = last.toordinal() + 1 - first.toordinal()
    plan = layout(chosen, first, last, labels=labels, days_per_char=_CHAR_INCHES * days / (width * _AXES_SHARE))
    height = 1.3 + _LANE_INCHES * plan.rows
    figure = matplotlib.figure.Figure(figsize=(width, height), layout="constrained")
    ax = figure.subplots()
    # matplotlib counts days from its epoch; the layout counts from year 1 (date ordinals).
    offset = mdates.date2num(first) - first.toordinal()
    colors = _colors(matplotlib, len(EventKind))
    for item in plan.placed:
        _draw(ax, matplotlib, item, offset=offset, color=colors[list(EventKind).index(item.event.kind)])
    for _, first_row, _ in plan.bands[1:]:
        ax.axhline(first_row - 1, color="0.85", linewidth=0.6)
    _axes(ax, mdates, plan, (first.toordinal() + offset, last.toordinal() + 1 + offset))
    if title:
        ax.set_title(title, fontsize=11, loc="left")
    ax.legend(
        handles=_legend(matplotlib),
        loc="upper center",
        bbox_to_anchor=(0.5, -0.25 / height),
        ncols=5,
        fontsize=8,
        frameon=False,
    )
    return figure


def _axes(ax: Any, mdates: Any, plan: Layout, window: tuple[float, float]) -> None:
    ax.set_xlim(*window)
    ax.set_ylim(plan.rows - 0.5, -0.7)
    ax.set_yticks([first + (count - 1) / 2 for _, first, count in plan.bands], [k.value for k, _, _ in plan.bands])
    ax.tick_params(axis="y", length=0, labelsize=9)
    ax.tick_params(axis="x", labelsize=9)
    ax.xaxis.set_major_locator(mdates.MonthLocator())
    ax.xaxis.set_major_formatter(mdates.DateFormatter("%b %Y"))
    ax.xaxis.set_minor_locator(mdates.WeekdayLocator(byweekday=mdates.MO))
    ax.grid(axis="x", which="major", color="0.8", linewidth=0.8)
    ax.grid(axis="x", which="minor", color="0.93", linewidth=0.5)
    ax.set_axisbelow(True)
    for side in ("top", "right", "left"):
        ax.spines[side].set_visible(False)


def _colors(matplotlib: Any, count: int) -> list[Any]:
    # Saturated colours only (tab10, then Dark2): pale shades vanish under the hatching.
    palette = [*matplotlib.colormaps["tab10"].colors, *matplotlib.colormaps["Dark2"].colors]
    return [palette[i % len(palette)] for i in range(count)]


def _draw(ax: Any, matplotlib: Any, item: Placed, *, offset: float, color: Any) -> None:
    when = item.event.when
    dashed = when.uncertain or when.approximate
    start, end = item.start + offset, item.end + offset
    ax.add_patch(
        matplotlib.patches.Rectangle(
            (start, item.row - 0.36),
            max(end - start, 0.8),
            0.72,
            facecolor=color,
            alpha=_ALPHA[when.precision] * (0.5 if dashed else 1.0),  # a 1-day bar is too small to show dashes
            hatch=_HATCH[when.precision],
            edgecolor="0.2" if dashed else color,
            linestyle="--" if dashed else "-",
            linewidth=1.0 if dashed else 0.5,
        )
    )
    if item.event.chronology:
        ax.plot(start, item.row, marker="D", markersize=5, color="black", markeredgecolor="white", markeredgewidth=0.6)
    if item.label != "none":
        x, align = {"inside": (start + 0.3, "left"), "after": (end + 0.4, "left"), "before": (start - 0.7, "right")}[
            item.label
        ]
        ax.text(x, item.row, item.event.title, fontsize=_FONT_SIZE, va="center", ha=align, clip_on=True)


def _legend(matplotlib: Any) -> list[Any]:
    patch, line = matplotlib.patches.Patch, matplotlib.lines.Line2D
    return [
        *(
            patch(facecolor="0.45", alpha=_ALPHA[p], hatch=_HATCH[p], label=f"known to the {p.value}")
            for p in Precision
        ),
        patch(facecolor="0.45", alpha=0.45, edgecolor="0.2", linestyle="--", label="uncertain or approximate"),
        line(
            [],
            [],
            marker="D",
            color="black",
            markeredgecolor="white",
            linestyle="",
            label="in the article's chronology",
        ),
    ]


def save_timeline(path: str | os.PathLike[str], figure: Any, *, dpi: int = 150) -> None:
    """Save a timeline figure; PNG files carry no software version, so rebuilds are stable."""
    metadata = {"Software": None} if str(path).lower().endswith(".png") else None
    figure.savefig(path, dpi=dpi, metadata=metadata)
