"""What every command shares: its refusals, the options it repeats, one rule for dates, one for
``--out``, and the one place the command line loads the data."""

from __future__ import annotations

import sys
from collections.abc import Callable, Sequence
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

import click

from loaders.derive.views import SelectionError, resolve
from loaders.export import csv_bytes, spreadsheet_csv
from loaders.model.dates import DateFormatError, check_reader_date, parse_iso_date
from loaders.model.languages import LANGUAGES
from loaders.publish.files import write_atomically
from loaders.store.dataset import Dataset, load_dataset
from loaders.store.snapshot import UnknownSnapshotError

if TYPE_CHECKING:
    import pandas as pd

USAGE_ERROR = 2
F = TypeVar("F", bound=Callable[..., Any])


class Refusal(Exception):
    """A bad argument found once the command runs: one line, exit 2 (cli.main prints it)."""


class Choice(click.Choice[str]):
    """A fixed choice whose refusal names the choices, in the words the docs and tests quote."""

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> Any:
        if value in self.choices:
            return value
        choices = ", ".join(repr(c) for c in self.choices)
        self.fail(f"invalid choice: {value!r} (choose from {choices})", param, ctx)


def say(line: str) -> None:
    """A line for the person at the terminal (standard error: standard output carries data)."""
    print(line, file=sys.stderr)


# ---------------------------------------------------------------------------------------------
# Options repeated across commands, declared once


def instrument_option(
    help_text: str = "UNTOC, TIP, SOM or FIREARMS (repeatable)",
) -> Callable[[F], F]:
    return click.option("--instrument", "instrument", multiple=True, help=help_text)


def group_option(
    help_text: str = "a group id, e.g. MERCOSUR, SICA, CAN (repeatable)",
) -> Callable[[F], F]:
    return click.option("--group", "group", multiple=True, help=help_text)


def lang_option(help_text: str = "also name each state in es, pt or fr") -> Callable[[F], F]:
    return click.option("--lang", default="en", show_default=True, help=help_text)


def snapshot_option() -> Callable[[F], F]:
    return click.option(
        "--snapshot",
        "snapshot",
        metavar="ID",
        help="read this snapshot of the history (default: the current one; `check` names it)",
    )


def out_option(required: bool = False, help_text: str | None = None) -> Callable[[F], F]:
    text = help_text or "file to write (default: standard output); its folder must exist"
    return click.option("--out", type=click.Path(path_type=Path), required=required, help=text)


# ---------------------------------------------------------------------------------------------
# One rule for each kind of argument


def parse_day(text: str | None, option: str) -> date | None:
    """``text`` as a date in the form YYYY-MM-DD (None if not given); a Refusal otherwise."""
    if not text:
        return None
    try:
        return parse_iso_date(text)
    except DateFormatError as exc:
        raise Refusal(f"{option}: {exc}") from exc


def in_range(day: date, option: str, dataset: Dataset) -> date:
    """``day`` if the data covers it: from the first instrument's adoption to today. The one
    date rule of every command (export, changes, brief)."""
    try:
        return check_reader_date(day, min(dataset.instruments["adopted"]), date.today())
    except DateFormatError as exc:
        raise Refusal(f"{option}: {exc}") from exc


def reader_day(text: str | None, option: str, dataset: Dataset, default: date | None) -> date:
    """A date option checked by the one rule; ``default`` when it is not given."""
    day = parse_day(text, option) or default
    if day is None:
        raise Refusal(f"{option}: a date in the form YYYY-MM-DD is needed")
    return in_range(day, option, dataset)


def language(text: str) -> str:
    try:
        return resolve([text], list(LANGUAGES), "language")[0]
    except SelectionError as exc:
        raise Refusal(str(exc)) from exc


def chosen(given: Sequence[str], valid: list[str], what: str) -> list[str]:
    """The ids asked for (all of ``valid`` if none), matched case-insensitively."""
    try:
        return resolve(list(given) or None, valid, what)
    except SelectionError as exc:
        raise Refusal(str(exc)) from exc


def checked_out(out: Path | None) -> Path | None:
    """``--out``, refused unless it names a file in a folder that exists: no folder is made, none
    is written over, and nothing is left behind by a write that could not succeed."""
    if out is None:
        return None
    if str(out) == "" or out.is_dir() or str(out).endswith(("/", "\\")):
        raise Refusal(f"--out: {str(out) or repr('')} is a folder; name a file to write")
    folder = out.parent
    if not folder.is_dir():
        what = "is not a folder" if folder.exists() else "does not exist (create it first)"
        raise Refusal(f"--out: the folder {folder} {what}")
    return out


def write_out(content: bytes, out: Path | None, what: str) -> None:
    """``content`` to standard output, or whole to ``out`` (checked first by checked_out)."""
    if out is None:
        sys.stdout.buffer.write(content)
        sys.stdout.flush()
        return
    write_atomically(out, content)
    say(f"wrote {what} to {out}")


def write_csv(table: pd.DataFrame, out: Path | None, what: str) -> None:
    """``table`` as CSV: to a file with UTF-8's byte-order mark (a spreadsheet opened by
    double-click then reads its accents right), to standard output without (programs read it)."""
    if out is None:
        write_out(csv_bytes(table), None, what)
    else:
        write_out(spreadsheet_csv(table), out, what)


# ---------------------------------------------------------------------------------------------
# The data


def open_dataset(snapshot: str | None = None) -> Dataset:
    """The dataset the commands read: snapshot ``snapshot`` of the history (an unknown id is a
    Refusal naming the ids there are), else the current one, with its warning (a damaged
    snapshot) said once."""
    try:
        dataset = load_dataset(snapshot_id=snapshot) if snapshot else load_dataset()
    except UnknownSnapshotError as exc:
        raise Refusal(f"--snapshot: {exc}") from exc
    if dataset.warning:
        say(f"warning: {dataset.warning}")
    return dataset
