"""The public API under mypy --strict: this file is type-checked, not run."""

from __future__ import annotations

import datetime
import pathlib
from collections.abc import Mapping

import sinorussia as sr
import sinorussia.plot

ds: sr.Dataset = sr.load()
events: tuple[sr.Event, ...] = ds.events(between=("2016-06-01", datetime.date(2016, 6, 30)), actor="RUS", kind="visit")
first: sr.Event = events[0]
score: float = first.goldstein
quad: sr.QuadClass = first.quad_class
span: sr.DateSpan = first.when
earliest: datetime.date = span.earliest
latest: datetime.date | None = span.latest
docs: tuple[sr.Document, ...] = ds.joint_statements(on="2016-06-25")
status: sr.MembershipStatus | None = sr.sco_status("IRN", on="2016-06-24")
roster: Mapping[sr.MembershipStatus, tuple[sr.Actor, ...]] = sr.sco_roster(on="2016-06-24")
positions: tuple[sr.Position, ...] = ds.positions(issue="sco-expansion", actor=["RUS", "CHN"])
divergences: tuple[sr.Divergence, ...] = ds.divergences("CHN", "RUS")
putin: sr.Actor = sr.actor("Putin")
record: sr.Record | None = sr.get("CHN")
infos: tuple[sr.ReleaseInfo, ...] = sr.releases()
citation: str = sr.cite(format="bibtex")
try:
    sr.lookup("nothing")
except sr.NotFoundError as error:
    key: object = error.key
try:
    sr.load_path("missing")
except sr.ReleaseError as error:
    where: tuple[str | None, str | None, int | None, str | None] = (error.release, error.file, error.line, error.field)
written: list[pathlib.Path] = sr.export("out", format="csv", dataset=ds)
html: str = sr.table_html(events)
try:
    frame: object = ds.to_pandas("events")
except sr.MissingExtraError as missing:
    extra: str = missing.extra
figure: object = sinorussia.plot.timeline(between=("2016-05-01", "2016-08-31"), kind="visit", labels="chronology")
