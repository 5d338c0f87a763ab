"""The command line's output commands: ``export`` and ``plot timeline``.

Kept apart from ``_cli`` so each file keeps one job; ``_cli`` adds these
parsers and hands over the loaded dataset. Problems the user can fix (a missing
extra, a directory that cannot be written) are raised as SinorussiaError, which
the command line prints as one line with exit status 2.
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any, TextIO

from sinorussia.exceptions import QueryError

__all__ = ["COMMANDS", "add_output_parsers", "run_output"]

COMMANDS = ("export", "plot")


def _add_dataset_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--release", action="append", metavar="ID", help="only this installed release (repeatable)")
    parser.add_argument("--path", metavar="DIR", help="a release directory that is not installed")


def add_output_parsers(sub: Any) -> None:
    """Add ``export`` and ``plot`` to the command line's subcommands."""
    from sinorussia._export import FORMATS

    p = sub.add_parser("export", help="write every table into OUTDIR as csv, jsonl, parquet, datapackage or icews")
    p.add_argument("--format", required=True, choices=FORMATS, help="the file format to write")
    p.add_argument("outdir", help="the directory to write into (created if absent)")
    _add_dataset_options(p)

    p = sub.add_parser("plot", help="draw a figure (needs the plot extra: matplotlib)")
    figures = p.add_subparsers(dest="figure", required=True)
    t = figures.add_parser("timeline", help="events by date and kind, each at the precision of its date")
    t.add_argument("out", help="the image to write (.png, .svg or .pdf)")
    t.add_argument("--between", nargs=2, metavar=("FIRST", "LAST"), help="the window; default: the releases' coverage")
    t.add_argument("--kind", action="append", help="only events of this kind (repeatable)")
    t.add_argument("--labels", choices=("all", "chronology", "none"), default="all", help="which events to label")
    t.add_argument("--title", help="a title above the plot")
    _add_dataset_options(t)


def run_output(args: argparse.Namespace, dataset: Any, out: TextIO) -> int:
    """Run ``export`` or ``plot``; returns the exit status."""
    try:
        if args.command == "export":
            from sinorussia._export import export

            for path in export(args.outdir, format=args.format, dataset=dataset):
                out.write(f"{path}\n")
            return 0
        from sinorussia.plot import save_timeline, timeline

        try:
            figure = timeline(
                dataset=dataset,
                between=tuple(args.between) if args.between else None,
                kind=args.kind,
                labels=args.labels,
                title=args.title,
            )
        except ValueError as error:
            raise QueryError(f"plot timeline: {error}") from None
        save_timeline(Path(args.out), figure)
        out.write(f"{args.out}\n")
        return 0
    except OSError as error:
        raise QueryError(f"cannot write {error.filename or ''}: {error.strerror or error}") from None
