"""The reports' commands: ``changes``, ``brief``, ``datapackage``, ``feed`` (cli.main adds them).

The one module of loaders/ that reaches into pages/: a brief or a feed speaks the reader's
language, and the dashboard's words live in views/text and views/models, which are pure (no
streamlit, no plotly: tests/test_layers.py holds them to it). Everything else of loaders/ stays
free of pages/.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from datetime import date
from pathlib import Path

import pandas as pd

from loaders.derive.acts import acts
from loaders.derive.cut import dataset_on
from loaders.derive.views import SelectionError, resolve
from loaders.export import csv_bytes, export_metadata
from loaders.model.dates import DateFormatError, parse_iso_date
from loaders.model.languages import LANGUAGES
from loaders.paths import data_dir, feed_dir
from loaders.publish.datapackage import write_datapackage
from loaders.publish.files import write_atomically
from loaders.publish.pdf import render_pdf
from loaders.publish.xlsx import workbook_bytes
from loaders.store.dataset import Dataset, load_dataset
from loaders.store.snapshot import SnapshotError, refresh_lock
from views.models.brief import group_brief, state_brief
from views.models.changes import FEED_PATH, acts_feed, feed_name, scoped_feeds
from views.text.localized import localized

USAGE_ERROR = 2
FIRST_DAY = date(2000, 12, 12)  # the Convention opened for signature: no act before it


class UsageError(ValueError):
    """A bad argument, said in one line that names the valid choices."""


def add_commands(commands: argparse._SubParsersAction) -> dict[str, Callable]:
    """Add the reports' subcommands to ``commands``; returns name -> handler."""
    changes = commands.add_parser("changes", help="the acts between two dates, as CSV or Atom")
    changes.add_argument("--since", required=True, help="first day, YYYY-MM-DD")
    changes.add_argument("--until", help="last day, YYYY-MM-DD (default: today)")
    changes.add_argument("--instrument", action="append", help="UNTOC, TIP, SOM or FIREARMS")
    changes.add_argument("--group", action="append", help="a group id, e.g. CARICOM")
    changes.add_argument("--state", action="append", help="an ISO3 code, e.g. ATG")
    changes.add_argument("--format", choices=["csv", "atom"], default="csv")
    changes.add_argument("--lang", default="en", help="the feed's words: en, es, pt or fr")
    changes.add_argument("--out", type=Path, help="file to write (default: standard output)")
    brief = commands.add_parser("brief", help="a one- or two-page PDF brief on a state or group")
    subject = brief.add_mutually_exclusive_group(required=True)
    subject.add_argument("--state", help="an ISO3 code, e.g. BRB")
    subject.add_argument("--group", help="a group id, e.g. CARICOM")
    brief.add_argument("--as-of", help="status on this date, YYYY-MM-DD (default: today)")
    brief.add_argument("--lang", default="en", help="en, es, pt or fr")
    brief.add_argument("--out", type=Path, required=True, help="the PDF file to write")
    commands.add_parser("datapackage", help="rewrite data/datapackage.json")
    commands.add_parser("feed", help="rewrite the published Atom feeds (static/feed/)")
    return {"changes": _changes, "brief": _brief, "datapackage": _datapackage, "feed": _feed}


def _day(text: str | None, option: str, default: date | None = None) -> date:
    if not text and default is not None:
        return default
    try:
        return parse_iso_date(text or "")
    except DateFormatError as exc:
        raise UsageError(f"{option}: {exc}") from exc


def _language(text: str) -> str:
    try:
        return resolve([text], list(LANGUAGES), "language")[0]
    except SelectionError as exc:
        raise UsageError(str(exc)) from exc


def _write(content: bytes, out: Path | None, what: str) -> None:
    if out is None:
        sys.stdout.buffer.write(content)
    else:
        write_atomically(out, content)
        print(f"wrote {what} to {out}", file=sys.stderr)


def _changes(args: argparse.Namespace) -> int:
    try:
        since = _day(args.since, "--since")
        until = _day(args.until, "--until", date.today())
        language = _language(args.lang)
        if since > until:
            raise UsageError(f"--since {since} is after --until {until}")
        dataset = load_dataset()
        instruments = resolve(args.instrument, dataset.instrument_ids, "instrument")
        groups = resolve(args.group, dataset.group_ids, "group") if args.group else []
        states = resolve(args.state, list(dataset.states.index), "state") if args.state else []
    except (UsageError, SelectionError) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return USAGE_ERROR
    if args.format == "atom":
        content = acts_feed(
            localized(dataset, language), since, until, instruments, groups, states, language
        )
        _write(content, args.out, "an Atom feed")
        return 0
    table = acts(dataset, since, until, instruments, groups, states)
    flags = table["kind_inferred"].map(_flag)
    table = table.assign(date=table["date"].map(str), kind_inferred=flags)
    content = csv_bytes(table)
    _write(content, args.out, f"{len(table)} acts")
    return 0


def brief_pdf(
    dataset: Dataset, state: str | None, group: str | None, as_of: date, language: str
) -> bytes:
    """The brief's PDF (``dataset``: as loaded; names are put in ``language`` here)."""
    local = localized(dataset, language)
    document = (
        state_brief(local, state, as_of, language)
        if state
        else group_brief(local, group or "", as_of, language)
    )
    return render_pdf(document)


def _brief(args: argparse.Namespace) -> int:
    try:
        as_of = _day(args.as_of, "--as-of", date.today())
        language = _language(args.lang)
        dataset = load_dataset()
        states = list(dataset.states.index)
        state = resolve([args.state], states, "state")[0] if args.state else None
        group = resolve([args.group], dataset.group_ids, "group")[0] if args.group else None
    except (UsageError, SelectionError) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return USAGE_ERROR
    _write(brief_pdf(dataset, state, group, as_of, language), args.out, "the brief")
    return 0


def export_xlsx(
    dataset: Dataset,
    table: pd.DataFrame,
    as_of: date,
    instruments: list[str],
    groups: list[str],
    out: Path | None,
) -> int:
    """``export --format xlsx``: a workbook is not for a terminal, so --out is required."""
    if out is None:
        print("error: --format xlsx needs --out FILE.xlsx", file=sys.stderr)
        return USAGE_ERROR
    meta = export_metadata(dataset, as_of, instruments, groups, len(table))
    write_atomically(out, workbook_bytes(table, meta, instruments))
    print(f"wrote {len(table)} rows to {out} (sheets: Status, Rows, Provenance)", file=sys.stderr)
    return 0


def _flag(value: object) -> str:
    return "true" if bool(value) else "false"


FEED_TAG = "tag:ratify-americas,2026:feed/"


def write_feeds(data: Path, dataset: Dataset | None = None, until: date | None = None) -> Path:
    """The published feeds, one per language (``changes.atom``, ``changes-es.atom`` ...) of every
    act in the data, and one per language of each state, group and instrument (``state/BOL.atom``,
    ``group/CARICOM-es.atom``, ``instrument/TIP-fr.atom``). Written atomically; the folder is
    loaders.paths.feed_dir."""
    dataset = dataset or load_dataset(data)
    folder = feed_dir(data)
    last = until or date.today()
    for language in LANGUAGES:
        local = dataset_on(localized(dataset, language), last)  # cut once, not once a feed
        name = feed_name(language)
        content = acts_feed(
            local,
            FIRST_DAY,
            last,
            language=language,
            self_link=f"/{FEED_PATH}{name}",
            feed_id=f"{FEED_TAG}{language}",  # the ids their subscribers know
        )
        write_atomically(folder / name, content)
        # made again by every refresh: no wait for the disk for each of them
        for scoped, feed in scoped_feeds(local, FIRST_DAY, last, language, f"/{FEED_PATH}").items():
            write_atomically(folder / scoped, feed, durable=False)
    return folder


def after_publish(data: Path) -> list[str]:
    """What a new snapshot publishes for reuse: the data package and the feeds, each written
    whole (loaders.publish.files), under the refresh lock so that two writers cannot leave an
    older snapshot's files over a newer one's. If another refresh holds the lock, it writes
    them itself once it has published: nothing is lost by leaving them to it.

    Returns what could not be written (``"data package: <why>"``, ``"feeds: <why>"``), each
    also said on standard error: the snapshot itself is published whatever fails here."""
    failed: list[str] = []
    try:
        with refresh_lock(data):
            for what, write in (
                ("data package", lambda: write_datapackage(data)),
                ("feeds", lambda: write_feeds(data)),
            ):
                try:
                    where = write()
                except (OSError, SnapshotError) as exc:  # a full disk, a read-only folder
                    failed.append(f"{what}: {exc.__class__.__name__}: {exc}")
                    print(f"NOT written: {failed[-1]}", file=sys.stderr)
                else:
                    print(f"wrote the {what}: {where}", file=sys.stderr)
    except SnapshotError as busy:
        print(f"note: data package and feeds left to the other writer ({busy})", file=sys.stderr)
    return failed


def _datapackage(_: argparse.Namespace) -> int:
    with refresh_lock(data_dir()):  # SnapshotError (busy) is reported by cli.main.main
        print(f"wrote {write_datapackage(data_dir())}", file=sys.stderr)
    return 0


def _feed(_: argparse.Namespace) -> int:
    with refresh_lock(data_dir()):
        print(f"wrote the feeds in {write_feeds(data_dir())}", file=sys.stderr)
    return 0
