"""The reports' commands: ``changes``, ``brief``, ``feed`` and ``datapackage``.

A brief or a feed speaks the reader's language: its words and view models come from views/, the
format writers from loaders/publish.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from datetime import date
from pathlib import Path

import click

from cli.options import (
    Choice,
    Refusal,
    checked_out,
    chosen,
    group_option,
    in_range,
    instrument_option,
    lang_option,
    language,
    open_dataset,
    out_option,
    parse_day,
    reader_day,
    say,
    snapshot_option,
    write_csv,
    write_out,
)
from loaders.derive.acts import acts
from loaders.derive.cut import dataset_on
from loaders.model.languages import LANGUAGES
from loaders.outcomes.errors import OutcomesFormatError
from loaders.outcomes.store import Outcomes, load_outcomes
from loaders.paths import data_dir, edition_dir, edition_enabled, feed_dir
from loaders.publish.datapackage import write_datapackage
from loaders.publish.files import write_atomically
from loaders.publish.pdf import render_pdf
from loaders.store.dataset import Dataset, load_dataset
from loaders.store.snapshot import SnapshotError, refresh_lock
from views.edition.build import DEFAULT_APP, DEFAULT_BASE, build_edition
from views.edition.write import publish_edition, write_tree
from views.models.brief import group_brief, state_brief
from views.models.changes import FEED_PATH, acts_feed, feed_name, scoped_feeds
from views.text.localized import localized

EDITION_BASE_VARIABLE = "RATIFY_EDITION_BASE"  # the edition's public address, e.g. https://x/read/
APP_URL_VARIABLE = "RATIFY_APP_URL"  # the dashboard's, for the edition's "interactive view" links
FIRST_DAY = date(2000, 12, 12)  # the Convention opened for signature: no act before it


@click.command("changes", help="the acts between two dates, as CSV or Atom")
@click.option("--since", required=True, help="first day, YYYY-MM-DD")
@click.option("--until", help="last day, YYYY-MM-DD (default: today)")
@instrument_option()
@group_option("a group id, e.g. CARICOM (repeatable)")
@click.option("--state", "state", multiple=True, help="an ISO3 code, e.g. ATG (repeatable)")
@click.option("--format", "format_", type=Choice(["csv", "atom"]), default="csv")
@lang_option("the feed's words: en, es, pt or fr")
@out_option()
@snapshot_option()
def changes(
    since: str,
    until: str | None,
    instrument: tuple[str, ...],
    group: tuple[str, ...],
    state: tuple[str, ...],
    format_: str,
    lang: str,
    out: Path | None,
    snapshot: str | None,
) -> int:
    first, last = parse_day(since, "--since"), parse_day(until, "--until")
    words = language(lang)
    out = checked_out(out)
    dataset = open_dataset(snapshot)
    first = reader_day(since, "--since", dataset, None)
    last = in_range(last or date.today(), "--until", dataset)
    if first > last:
        raise Refusal(f"--since {first} is after --until {last}")
    instruments = chosen(instrument, dataset.instrument_ids, "instrument")
    groups = chosen(group, dataset.group_ids, "group") if group else []
    states = chosen(state, list(dataset.states.index), "state") if state else []
    if format_ == "atom":
        content = acts_feed(
            localized(dataset, words), first, last, instruments, groups, states, words
        )
        write_out(content, out, "an Atom feed")
        return 0
    table = acts(dataset, first, last, instruments, groups, states)
    flags = table["kind_inferred"].map(_flag)
    table = table.assign(date=table["date"].map(str), kind_inferred=flags)
    write_csv(table, out, f"{len(table)} acts")
    return 0


def _outcomes() -> Outcomes | None:
    """The outcomes tables for the brief's "after ratification" section; without them (a data
    folder that has none) the brief leaves the section out."""
    try:
        return load_outcomes(data_dir())
    except (OutcomesFormatError, OSError):
        return None


def brief_pdf(
    dataset: Dataset, state: str | None, group: str | None, as_of: date, language: str
) -> bytes:
    """The brief's PDF (``dataset``: as loaded; names are put in ``language`` here)."""
    local = localized(dataset, language)
    document = (
        state_brief(local, state, as_of, language, outcomes=_outcomes())
        if state
        else group_brief(local, group or "", as_of, language)
    )
    return render_pdf(document)


@click.command("brief", help="a one- or two-page PDF brief on a state or group")
@click.option("--state", help="an ISO3 code, e.g. BRB")
@click.option("--group", help="a group id, e.g. CARICOM")
@click.option("--as-of", "as_of", help="status on this date, YYYY-MM-DD (default: today)")
@lang_option("en, es, pt or fr")
@out_option(required=True, help_text="the PDF file to write; its folder must exist")
@snapshot_option()
def brief(
    state: str | None,
    group: str | None,
    as_of: str | None,
    lang: str,
    out: Path,
    snapshot: str | None,
) -> int:
    if state and group:
        raise click.UsageError("argument --group: not allowed with argument --state")
    if not (state or group):
        raise click.UsageError("one of the arguments --state --group is required")
    day = parse_day(as_of, "--as-of")
    words = language(lang)
    out = checked_out(out) or out
    dataset = open_dataset(snapshot)
    day = in_range(day or date.today(), "--as-of", dataset)
    iso3 = chosen([state], list(dataset.states.index), "state")[0] if state else None
    group_id = chosen([group], dataset.group_ids, "group")[0] if group else None
    write_out(brief_pdf(dataset, iso3, group_id, day, words), out, "the brief")
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
    for words in LANGUAGES:
        local = dataset_on(localized(dataset, words), last)  # cut once, not once a feed
        name = feed_name(words)
        content = acts_feed(
            local,
            FIRST_DAY,
            last,
            language=words,
            self_link=f"/{FEED_PATH}{name}",
            feed_id=f"{FEED_TAG}{words}",  # the ids their subscribers know
        )
        write_atomically(folder / name, content)
        # made again by every refresh: no wait for the disk for each of them
        for scoped, feed in scoped_feeds(local, FIRST_DAY, last, words, f"/{FEED_PATH}").items():
            write_atomically(folder / scoped, feed, durable=False)
    return folder


def write_edition(data: Path, dataset: Dataset | None = None, as_of: date | None = None) -> Path:
    """The reader's edition of the current snapshot, published whole at
    loaders.paths.edition_dir (its ``current`` link swapped once every file is written); a
    failure leaves the published edition as it was."""
    dataset = dataset or load_dataset(data)
    files = build_edition(
        dataset,
        as_of or date.today(),
        base=os.environ.get(EDITION_BASE_VARIABLE, DEFAULT_BASE),
        app=os.environ.get(APP_URL_VARIABLE, DEFAULT_APP),
    )
    return publish_edition(edition_dir(data), files, dataset.meta.snapshot_id)


def after_publish(data: Path) -> list[str]:
    """What a new snapshot publishes for reuse: the data package, the feeds and the reader's
    edition, each written whole (loaders.publish.files, views.edition.write), under the refresh
    lock so that two writers cannot leave an older snapshot's files over a newer one's. If
    another refresh holds the lock, it writes them itself once it has published: nothing is
    lost by leaving them to it.

    Returns what could not be written (``"data package: <why>"``, ``"feeds: <why>"``), each
    also said on standard error: the snapshot itself is published whatever fails here. An
    edition that cannot be written is said too, and the previous one stays served."""
    failed: list[str] = []
    writers: list[tuple[str, Callable[[], object]]] = [
        ("data package", lambda: write_datapackage(data)),
        ("feeds", lambda: write_feeds(data)),
    ]
    if edition_enabled():
        writers.append(("reader's edition", lambda: write_edition(data)))
    try:
        with refresh_lock(data):
            for what, write in writers:
                try:
                    where = write()
                except (OSError, ValueError, SnapshotError) as exc:  # full disk, read-only
                    failed.append(f"{what}: {exc.__class__.__name__}: {exc}")
                    say(f"NOT written: {failed[-1]}")
                    if what == "reader's edition":
                        say("warning: edition not written, the previous one stays served")
                else:
                    say(f"wrote the {what}: {where}")
    except SnapshotError as busy:
        say(f"note: data package, feeds and edition left to the other writer ({busy})")
    return failed


@click.command("datapackage", help="rewrite data/datapackage.json")
def datapackage() -> int:
    with refresh_lock(data_dir()):  # SnapshotError (busy) is reported by cli.main.main
        say(f"wrote {write_datapackage(data_dir())}")
    return 0


@click.command("feed", help="rewrite the published Atom feeds (static/feed/)")
def feed() -> int:
    with refresh_lock(data_dir()):
        say(f"wrote the feeds in {write_feeds(data_dir())}")
    return 0


@click.command("edition", help="write the reader's edition: static HTML, Markdown and data files")
@click.option(
    "--out",
    type=click.Path(path_type=Path),
    help="a new (or empty) folder to write it to, for any static host "
    "(default: publish it at data/edition/current)",
)
@click.option("--as-of", "as_of", help="status on this date, YYYY-MM-DD (default: today)")
@click.option(
    "--base",
    default=lambda: os.environ.get(EDITION_BASE_VARIABLE, DEFAULT_BASE),
    help=f"the edition's public address (default: {DEFAULT_BASE}, or {EDITION_BASE_VARIABLE})",
)
@click.option(
    "--app",
    default=lambda: os.environ.get(APP_URL_VARIABLE, DEFAULT_APP),
    help=f"the dashboard's address, for its links (default: {DEFAULT_APP}, or {APP_URL_VARIABLE})",
)
def edition(out: Path | None, as_of: str | None, base: str, app: str) -> int:
    """Publish the reader's edition, or write it to a folder any static host serves as it is."""
    if out is not None and out.exists() and (not out.is_dir() or any(out.iterdir())):
        raise Refusal(f"--out: {out} is not an empty folder; give a new or empty one")
    dataset = open_dataset()
    day = in_range(parse_day(as_of, "--as-of") or date.today(), "--as-of", dataset)
    if out is None:
        with refresh_lock(data_dir()):  # SnapshotError (busy) is reported by cli.main.main
            say(f"wrote the reader's edition in {write_edition(data_dir(), dataset, day)}")
        return 0
    files = build_edition(dataset, day, base=base, app=app)
    if out.exists():
        out.rmdir()
    write_tree(out, files)
    say(f"wrote {len(files)} files of the reader's edition to {out}")
    return 0
