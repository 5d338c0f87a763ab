"""The ``sinorussia`` command line (also ``python -m sinorussia``).

Query commands print a readable table, or JSON Lines with ``--json``. A bad
argument or a release that cannot be loaded gives a one-line message on
standard error and exit status 2, never a traceback. ``validate`` reports
invalid data as its answer: exit status 1, every error listed (bounded).
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any, TextIO

from sinorussia._cli_outputs import COMMANDS as OUTPUT_COMMANDS
from sinorussia._cli_outputs import add_output_parsers, run_output
from sinorussia._render import record_json, render_records, render_table
from sinorussia.exceptions import ReleaseError, SinorussiaError

__all__ = ["main"]


class _Parser(argparse.ArgumentParser):
    """argparse that raises instead of exiting, so every usage error is one line."""

    def error(self, message: str) -> None:  # type: ignore[override]
        raise _UsageError(f"{self.prog}: {message}")


class _UsageError(Exception):
    pass


def _dataset(args: argparse.Namespace) -> Any:
    import sinorussia as sr

    if getattr(args, "path", None):
        return sr.load_path(args.path)
    if getattr(args, "release", None):
        return sr.load(*args.release)
    return sr.load()


def _add_common(parser: argparse.ArgumentParser, *, dated: bool = False) -> None:
    parser.add_argument("--json", action="store_true", help="print JSON Lines instead of a table")
    parser.add_argument("--release", action="append", metavar="ID", help="query only this release (repeatable)")
    parser.add_argument("--path", metavar="DIR", help="query a release directory that is not installed")
    if dated:
        parser.add_argument("--on", metavar="DAY", help="records whose date contains DAY (YYYY-MM-DD)")
        parser.add_argument("--between", nargs=2, metavar=("FIRST", "LAST"), help="records overlapping [FIRST, LAST]")
        parser.add_argument("--within", action="store_true", help="with --between: only records entirely inside")


def _window(args: argparse.Namespace) -> dict[str, Any]:
    filters: dict[str, Any] = {}
    if args.on:
        filters["on"] = args.on
    if args.between:
        filters["between"] = tuple(args.between)
    if args.within:
        filters["match"] = "within"
    return filters


def _maybe(filters: dict[str, Any], **more: Any) -> dict[str, Any]:
    return {**filters, **{key: value for key, value in more.items() if value is not None}}


def _build_parser() -> _Parser:
    parser = _Parser(prog="sinorussia", description="Query the sinorussia dataset of China-Russia relations.")
    parser.add_argument("--version", action="store_true", help="print the package version")
    sub = parser.add_subparsers(dest="command", parser_class=_Parser)

    p = sub.add_parser("releases", help="list installed releases")
    p.add_argument("--json", action="store_true")

    p = sub.add_parser("events", help="events, by date")
    _add_common(p, dated=True)
    p.add_argument("--actor", action="append", help="an actor id, name or alias (repeatable: any)")
    p.add_argument("--kind", action="append", help="an event kind, e.g. visit (repeatable)")
    p.add_argument("--cameo", action="append", help="a CAMEO code or prefix (repeatable)")
    p.add_argument("--chronology", action="store_true", help="only entries of the article's chronology")
    p.add_argument("--text", help="words to find in title or summary")

    p = sub.add_parser("documents", help="statements, treaties, memoranda, editorials ...")
    _add_common(p, dated=True)
    p.add_argument("--party", action="append")
    p.add_argument("--kind", action="append")
    p.add_argument("--issue", action="append")
    p.add_argument("--text")

    p = sub.add_parser("sco", help="SCO status of a state on a day, or the whole roster")
    _add_common(p)
    p.add_argument("state", nargs="?", help="ISO alpha-3 code or name; omit for the roster")
    p.add_argument("--on", required=True, metavar="DAY")

    p = sub.add_parser("positions", help="stances of actors on issues")
    _add_common(p, dated=True)
    p.add_argument("--actor", action="append")
    p.add_argument("--issue", action="append")
    p.add_argument("--stance", action="append")

    p = sub.add_parser("actors", help="states, organizations, persons, media")
    _add_common(p)
    p.add_argument("--kind", action="append")
    p.add_argument("--country", action="append")
    p.add_argument("--text")

    for name, helptext in (
        ("issues", "the issues positions are about"),
        ("figures", "the numbers the article states"),
        ("discrepancies", "where the source contradicts itself"),
        ("sources", "the works cited"),
    ):
        p = sub.add_parser(name, help=helptext)
        _add_common(p)

    p = sub.add_parser("show", help="one record, every field")
    _add_common(p)
    p.add_argument("id")

    p = sub.add_parser("cite", help="how to cite the data")
    p.add_argument("--format", default="text", choices=("text", "bibtex", "csl-json"))

    _add_release_tools(sub)
    add_output_parsers(sub)
    return parser


def _add_release_tools(sub: Any) -> None:
    """The release authors' commands: new, seal, validate, schema."""
    p = sub.add_parser("validate", help="check a release directory (exit 1 when invalid)")
    p.add_argument("dir")
    p.add_argument("--json", action="store_true", help="errors as JSON Lines")

    p = sub.add_parser("schema", help="write the JSON Schema documents of the manifest and every table")
    p.add_argument("outdir")

    p = sub.add_parser("new", help="scaffold a valid, empty release")
    p.add_argument("dir")
    p.add_argument("--id", required=True)
    p.add_argument("--title")

    p = sub.add_parser("seal", help="rewrite tables canonically and the manifest's counts and hashes")
    p.add_argument("dir")
    p.add_argument("--check", action="store_true", help="write nothing; exit 1 if anything would change")
    p.add_argument("--json", action="store_true", help="errors as JSON Lines")


def _run(args: argparse.Namespace, out: TextIO) -> int:
    command = args.command
    if command == "releases":
        import sinorussia as sr

        infos = sr.releases()
        if args.json:
            for info in infos:
                out.write(
                    json.dumps(
                        {
                            "id": info.id,
                            "title": info.title,
                            "data_version": info.data_version,
                            "schema_version": info.schema_version,
                            "origin": info.origin,
                            "rows": info.rows,
                        }
                    )
                    + "\n"
                )
        else:
            rows = [
                (i.id, i.data_version, str(i.coverage), str(sum(i.rows.values())), i.origin, i.title) for i in infos
            ]
            out.write(render_table(("id", "version", "coverage", "rows", "origin", "title"), rows))
        return 0
    if command == "cite":
        import sinorussia as sr

        out.write(sr.cite(format=args.format) + "\n")
        return 0
    if command in ("validate", "new", "seal", "schema"):
        return _release_tool(args, out)
    ds = _dataset(args)
    if command in OUTPUT_COMMANDS:
        return run_output(args, ds, out)
    if command == "events":
        records: Sequence[Any] = ds.events(
            **_maybe(
                _window(args),
                actor=args.actor,
                kind=args.kind,
                cameo=args.cameo,
                chronology=True if args.chronology else None,
                text=args.text,
            )
        )
    elif command == "documents":
        records = ds.documents(
            **_maybe(_window(args), party=args.party, kind=args.kind, issue=args.issue, text=args.text)
        )
    elif command == "positions":
        records = ds.positions(**_maybe(_window(args), actor=args.actor, issue=args.issue, stance=args.stance))
    elif command == "actors":
        records = ds.actors(**_maybe({}, kind=args.kind, country=args.country, text=args.text))
    elif command == "sco":
        return _sco(ds, args, out)
    elif command == "show":
        records = (ds.lookup(args.id),)
        if not args.json:
            out.write(json.dumps(record_json(records[0]), indent=2, ensure_ascii=False) + "\n")
            return 0
    else:
        records = ds.table(command)
    out.write(
        "".join(json.dumps(record_json(r), ensure_ascii=False) + "\n" for r in records)
        if args.json
        else render_records(records)
    )
    return 0


def _sco(ds: Any, args: argparse.Namespace, out: TextIO) -> int:
    if args.state:
        actor = ds.actor(args.state)
        status = ds.sco_status(actor, on=args.on)
        if args.json:
            out.write(json.dumps({"state": actor.id, "on": args.on, "status": status.value if status else None}) + "\n")
        else:
            out.write(f"{actor.id} ({actor.name}) on {args.on}: {status.value if status else 'no SCO status'}\n")
        return 0
    roster = ds.sco_roster(on=args.on)
    if args.json:
        for status, actors in roster.items():
            for actor in actors:
                out.write(json.dumps({"state": actor.id, "on": args.on, "status": status.value}) + "\n")
    else:
        rows = [(status.value, ", ".join(f"{a.id} {a.name}" for a in actors)) for status, actors in roster.items()]
        out.write(render_table(("status", "states"), rows))
    return 0


def _report(error: ReleaseError, out: TextIO, *, as_json: bool) -> int:
    """List every problem of ``error`` (bounded); the exit status of invalid data."""
    for problem in error.problems:
        out.write(json.dumps(problem.details()) + "\n" if as_json else f"{problem}\n")
    if error.truncated:
        out.write(json.dumps({"truncated": True}) + "\n" if as_json else "(more problems not shown)\n")
    return 1


def _release_tool(args: argparse.Namespace, out: TextIO) -> int:
    from sinorussia._tools import new_release, seal, unsealed

    if args.command == "new":
        try:
            new_release(Path(args.dir), args.id, title=args.title)
        except (OSError, ValueError) as error:
            raise _UsageError(f"sinorussia new: {error}") from None
        out.write(f"created an empty release {args.id!r} in {args.dir}\n")
        return 0
    if args.command == "schema":
        from sinorussia._schema import write_schemas

        try:
            names = write_schemas(Path(args.outdir))
        except OSError as error:
            raise _UsageError(f"sinorussia schema: {error}") from None
        out.write(f"wrote {len(names)} JSON Schema documents to {args.outdir}: {', '.join(names)}\n")
        return 0
    if args.command == "seal":
        if not (Path(args.dir) / "release.json").is_file():
            raise _UsageError(f"sinorussia seal: {args.dir} holds no release.json")
        try:
            changed = seal(Path(args.dir), check=args.check)
        except ReleaseError as error:
            return _report(error, out, as_json=args.json)
        verb = "would change" if args.check else "rewrote"
        out.write(f"{verb}: {', '.join(changed)}\n" if changed else "already sealed\n")
        return 1 if args.check and changed else 0
    import sinorussia as sr

    if not Path(args.dir).is_dir():
        raise _UsageError(f"sinorussia validate: {args.dir} is not a directory")
    try:
        dataset = sr.validate_path(args.dir)
        unsealed(Path(args.dir))
    except ReleaseError as error:
        return _report(error, out, as_json=args.json)
    if args.json:
        out.write(json.dumps({"valid": True, "counts": dataset.counts()}) + "\n")
    else:
        out.write(f"valid: {args.dir}\n")
    return 0


def main(argv: Sequence[str] | None = None, out: TextIO | None = None) -> int:
    """Run the command line; returns the exit status."""
    import warnings

    out = out or sys.stdout
    try:
        args = _build_parser().parse_args(argv)
        if args.version:
            import sinorussia as sr

            out.write(f"sinorussia {sr.__version__}\n")
            return 0
        if args.command is None:
            raise _UsageError("sinorussia: give a command; see sinorussia --help")
        with warnings.catch_warnings():
            warnings.simplefilter("default")
            return _run(args, out)
    except _UsageError as error:
        sys.stderr.write(str(error).splitlines()[0] + "\n")
        return 2
    except SinorussiaError as error:
        sys.stderr.write(f"sinorussia: {str(error).splitlines()[0]}\n")
        return 2
    except BrokenPipeError:  # e.g. piped into head
        return 0
