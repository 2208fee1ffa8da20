"""Command line: ``python -m loaders {export,declarations,refresh,compile-reference,check,
restore,changes,brief,datapackage,feed}``."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from datetime import date
from pathlib import Path

from cli import reports as reports_cli
from loaders.derive.views import SelectionError, resolve, status_view
from loaders.export import csv_bytes, export_metadata, export_table
from loaders.model.dates import DateFormatError, check_reader_date, parse_iso_date
from loaders.model.languages import LANGUAGES
from loaders.paths import data_dir
from loaders.store.dataset import load_dataset
from loaders.store.registry import ReferenceDataError
from loaders.store.snapshot import SnapshotError

DEFAULT_TIMEOUT = 300.0  # the same as loaders.ingest.refresh.DEFAULT_TIMEOUT (not imported here)

USAGE_ERROR = 2


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> None:  # one line, exit 2, as for every bad argument
        self.exit(USAGE_ERROR, f"error: {message} (see --help)\n")


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(prog="python -m loaders", description=__doc__)
    commands = parser.add_subparsers(dest="command", required=True, parser_class=_Parser)
    export = commands.add_parser("export", help="write the status table as CSV")
    export.add_argument("--as-of", help="status on this date, YYYY-MM-DD (default: today)")
    export.add_argument("--instrument", action="append", help="UNTOC, TIP, SOM or FIREARMS")
    export.add_argument("--group", action="append", help="a group id, e.g. MERCOSUR, SICA, CAN")
    export.add_argument("--out", type=Path, help="file to write (default: standard output)")
    export.add_argument("--lang", default="en", help="also name each state in es, pt or fr")
    export.add_argument(
        "--format", choices=["csv", "xlsx"], default="csv", help="xlsx: a formatted matrix"
    )
    declared = commands.add_parser(
        "declarations", help="write the declarations and reservations texts as CSV"
    )
    declared.add_argument("--instrument", action="append", help="UNTOC, TIP, SOM or FIREARMS")
    declared.add_argument("--group", action="append", help="a group id (full members today)")
    declared.add_argument("--out", type=Path, help="file to write (default: standard output)")
    declared.add_argument("--lang", default="en", help="also name each state in es, pt or fr")
    refresh = commands.add_parser("refresh", help="fetch UNTC and replace the snapshot")
    refresh.add_argument("--instrument", action="append", help="only these instruments")
    refresh.add_argument(
        "--base-url", default="https://treaties.un.org", help="a mirror of treaties.un.org"
    )
    refresh.add_argument(
        "--timeout",
        type=_seconds,
        default=DEFAULT_TIMEOUT,
        help=f"seconds the whole refresh may take, every request included (default "
        f"{DEFAULT_TIMEOUT:g})",
    )
    commands.add_parser("compile-reference", help="rebuild the snapshot from data/reference")
    commands.add_parser("check", help="verify the current snapshot and print its provenance")
    commands.add_parser(
        "restore",
        help="make a damaged current snapshot good again: the newest good one in the history, "
        "else one rebuilt from data/reference",
    )
    COMMANDS.update(reports_cli.add_commands(commands))  # changes, brief, datapackage, feed
    return parser


def _seconds(text: str) -> float:
    try:
        value = float(text)
    except ValueError:
        value = float("nan")
    if not 0 < value <= 86_400:
        raise argparse.ArgumentTypeError(
            f"not a number of seconds above 0 and at most 86400: {text!r}"
        )
    return value


def _chosen(args: argparse.Namespace, dataset) -> tuple[str, list[str], list[str]]:
    """The ``--lang``, ``--instrument`` and ``--group`` asked for, each matched against the valid
    choices (a SelectionError names them)."""
    language = resolve([args.lang], list(LANGUAGES), "language")[0]
    instruments = resolve(args.instrument, dataset.instrument_ids, "instrument")
    groups = resolve(args.group, dataset.group_ids, "group") if args.group else []
    return language, instruments, groups


def _export(args: argparse.Namespace) -> int:
    try:
        as_of = parse_iso_date(args.as_of) if args.as_of else date.today()
    except DateFormatError as exc:
        print(f"error: --as-of: {exc}", file=sys.stderr)
        return USAGE_ERROR
    dataset = load_dataset()
    if dataset.warning:
        print(f"warning: {dataset.warning}", file=sys.stderr)
    try:
        check_reader_date(as_of, min(dataset.instruments["adopted"]), date.today())
    except DateFormatError as exc:
        print(f"error: --as-of: {exc}", file=sys.stderr)
        return USAGE_ERROR
    try:
        language, instruments, groups = _chosen(args, dataset)
    except SelectionError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return USAGE_ERROR
    table = export_table(status_view(dataset, as_of, instruments, groups), as_of, language)
    if args.format == "xlsx":
        return reports_cli.export_xlsx(dataset, table, as_of, instruments, groups, args.out)
    content = csv_bytes(table)
    if args.out is None:
        sys.stdout.buffer.write(content)
        return 0
    meta = export_metadata(dataset, as_of, instruments, groups, len(table))
    args.out.write_bytes(content)
    Path(f"{args.out}.meta.json").write_text(json.dumps(meta, indent=2) + "\n", encoding="utf-8")
    print(
        f"wrote {len(table)} rows to {args.out} (metadata: {args.out}.meta.json)", file=sys.stderr
    )
    return 0


def _declarations(args: argparse.Namespace) -> int:
    """One row per state and instrument with a text (loaders.derive.declarations)."""
    from loaders.derive.declarations import declarations_table
    from loaders.model.names import state_name

    dataset = load_dataset()
    try:
        language, instruments, groups = _chosen(args, dataset)
    except SelectionError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return USAGE_ERROR
    table = declarations_table(dataset, instruments, groups)
    if language != "en":
        table[f"state_{language}"] = table["iso3"].map(lambda code: state_name(code, language))
    content = csv_bytes(table)
    if args.out is None:
        sys.stdout.buffer.write(content)
    else:
        args.out.write_bytes(content)
        print(f"wrote {len(table)} rows to {args.out}", file=sys.stderr)
    return 0


PARTLY_PUBLISHED = 3  # the new snapshot is current; its data package or feeds are not written


def _refresh(args: argparse.Namespace) -> int:
    from loaders.ingest.refresh import RefreshError, refresh  # requests/lxml only when refreshing
    from loaders.store.registry import load_instruments
    from loaders.store.snapshot import PublishError

    data = data_dir()
    try:
        valid = [i.id for i in load_instruments(data)]
        ids = resolve(args.instrument, valid, "instrument") if args.instrument else None
        folder = refresh(
            data,
            ids,
            args.base_url,
            progress=lambda line: print(line, file=sys.stderr),
            timeout=args.timeout,
        )
    except SelectionError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return USAGE_ERROR
    except PublishError as exc:  # the clean-up itself failed: say what is left
        state = "snapshot unchanged" if exc.unchanged else "new files left behind"
        print(f"refresh failed, {state}: {exc}", file=sys.stderr)
        return 1
    except (RefreshError, SnapshotError, OSError) as exc:  # OSError: e.g. disk full mid-write
        print(f"refresh failed, snapshot unchanged: {exc}", file=sys.stderr)
        return 1
    print(f"new snapshot {folder.name}; changes in {folder / 'changes.md'}", file=sys.stderr)
    failed = reports_cli.after_publish(data)  # the data package and the feeds follow it
    if failed:
        print(
            f"refresh PARTLY published: snapshot {folder.name} is current; "
            f"not written: {'; '.join(failed)}",
            file=sys.stderr,
        )
        return PARTLY_PUBLISHED
    return 0


def _compile_reference(_: argparse.Namespace) -> int:
    from loaders.ingest.reference import compile_reference_snapshot
    from loaders.store.registry import load_instruments

    data = data_dir()
    folder = compile_reference_snapshot(data, load_instruments(data))
    print(f"new snapshot {folder.name}", file=sys.stderr)
    reports_cli.after_publish(data)  # the data package and the feeds follow the new snapshot
    return 0


def _check(_: argparse.Namespace) -> int:
    dataset = load_dataset()
    if dataset.warning:
        print(f"warning: {dataset.warning}", file=sys.stderr)
    meta = dataset.meta
    print(f"snapshot {meta.snapshot_id} ({meta.method}), compiled {meta.compiled_at:%Y-%m-%d}")
    for instrument_id, info in meta.instruments.items():
        print(f"  {instrument_id:9} {info.mtdsg_no:11} status as at {info.status_as_at}")
    return 1 if dataset.warning else 0


def _restore(_: argparse.Namespace) -> int:
    from loaders.ingest.reference import compile_reference_snapshot
    from loaders.store.registry import load_instruments
    from loaders.store.snapshot import restore

    data = data_dir()
    name, how = restore(data, lambda: compile_reference_snapshot(data, load_instruments(data)))
    print(
        {
            "unchanged": f"the current snapshot {name} is good; nothing to restore",
            "history": f"restored: CURRENT now names {name}, the newest good snapshot in the "
            "history (the damaged one is kept beside it, never read)",
            "rebuilt": f"restored: no good snapshot in the history, so {name} was rebuilt from "
            "the reference facts in data/reference",
        }[how],
        file=sys.stderr,
    )
    return 0


COMMANDS: dict = {
    "export": _export,
    "declarations": _declarations,
    "refresh": _refresh,
    "compile-reference": _compile_reference,
    "check": _check,
    "restore": _restore,
}


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        return COMMANDS[args.command](args)
    except (SnapshotError, ReferenceDataError) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
