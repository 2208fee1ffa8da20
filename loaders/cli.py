"""Command line: ``python -m loaders {export,refresh,compile-reference,check,changes,...}``."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from datetime import date
from pathlib import Path

from loaders import reports_cli
from loaders.derive.views import SelectionError, resolve, status_view
from loaders.export import csv_bytes, export_metadata, export_table
from loaders.model.dates import DateFormatError, parse_iso_date
from loaders.model.languages import LANGUAGES
from loaders.paths import data_dir
from loaders.store.dataset import load_dataset
from loaders.store.registry import ReferenceDataError
from loaders.store.snapshot import SnapshotError

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
    refresh = commands.add_parser("refresh", help="fetch UNTC and replace the snapshot")
    refresh.add_argument("--instrument", action="append", help="only these instruments")
    refresh.add_argument(
        "--base-url", default="https://treaties.un.org", help="a mirror of treaties.un.org"
    )
    commands.add_parser("compile-reference", help="rebuild the snapshot from data/reference")
    commands.add_parser("check", help="verify the current snapshot and print its provenance")
    COMMANDS.update(reports_cli.add_commands(commands))  # changes, brief, datapackage, feed
    return parser


def _export(args: argparse.Namespace) -> int:
    try:
        as_of = parse_iso_date(args.as_of) if args.as_of else date.today()
    except DateFormatError as exc:
        print(f"error: --as-of: {exc}", file=sys.stderr)
        return USAGE_ERROR
    dataset = load_dataset()
    try:
        language = resolve([args.lang], list(LANGUAGES), "language")[0]
        instruments = resolve(args.instrument, dataset.instrument_ids, "instrument")
        groups = resolve(args.group, dataset.group_ids, "group") if args.group else []
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


def _refresh(args: argparse.Namespace) -> int:
    from loaders.ingest.refresh import RefreshError, refresh  # requests/lxml only when refreshing
    from loaders.store.registry import load_instruments

    data = data_dir()
    try:
        valid = [i.id for i in load_instruments(data)]
        ids = resolve(args.instrument, valid, "instrument") if args.instrument else None
        folder = refresh(
            data, ids, args.base_url, progress=lambda line: print(line, file=sys.stderr)
        )
    except SelectionError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return USAGE_ERROR
    except (RefreshError, SnapshotError, OSError) as exc:  # OSError: e.g. disk full mid-write
        print(f"refresh failed, snapshot unchanged: {exc}", file=sys.stderr)
        return 1
    print(f"new snapshot {folder.name}; changes in {folder / 'changes.md'}", file=sys.stderr)
    reports_cli.after_publish(data)  # the data package and the feeds follow the new snapshot
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


COMMANDS: dict = {
    "export": _export,
    "refresh": _refresh,
    "compile-reference": _compile_reference,
    "check": _check,
}


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        return COMMANDS[args.command](args)
    except (SnapshotError, ReferenceDataError) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
