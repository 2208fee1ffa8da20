"""The data's commands: ``export`` (the status table) and ``declarations`` (their texts)."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path
from typing import Any

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
    say,
    snapshot_option,
    write_csv,
)
from loaders.derive.groups import every_group_id
from loaders.derive.participation import resolve_instruments, standing_view
from loaders.derive.views import SelectionError
from loaders.export import export_metadata, export_table, spreadsheet_csv
from loaders.publish.files import write_atomically
from loaders.publish.xlsx import workbook_bytes
from loaders.store.dataset import Dataset
from views.text.conventions import conventions_words, wants_conventions
from views.text.localized import localized
from views.text.sheets import sheet_words


@click.command("export", help="write the status table as CSV")
@click.option("--as-of", "as_of", help="status on this date, YYYY-MM-DD (default: today)")
@instrument_option(
    "a short id (UNTOC, TIP, CRC_OPSC, C029, CIFTA) or a depositary's number (XVIII-12-a, "
    "IV-11-c, C029, B-57), repeatable; default: the four Palermo instruments"
)
@group_option("a group id, e.g. MERCOSUR, SICA, UNRG_AFRICAN, EU (repeatable)")
@out_option()
@lang_option()
@click.option(
    "--format",
    "format_",
    type=Choice(["csv", "xlsx"]),
    default="csv",
    help="xlsx: a formatted matrix (needs --out)",
)
@snapshot_option()
def export(
    as_of: str | None,
    instrument: tuple[str, ...],
    group: tuple[str, ...],
    out: Path | None,
    lang: str,
    format_: str,
    snapshot: str | None,
) -> int:
    day = parse_day(as_of, "--as-of")
    if format_ == "xlsx" and out is None:
        raise Refusal("--format xlsx needs --out FILE.xlsx")
    out = checked_out(out)
    dataset = open_dataset(snapshot)
    day = in_range(day or date.today(), "--as-of", dataset)
    words = language(lang)
    try:
        instruments = resolve_instruments(list(instrument) or None, dataset)
    except SelectionError as exc:
        raise Refusal(str(exc)) from exc
    groups = chosen(group, every_group_id(dataset), "group") if group else []
    table = export_table(standing_view(dataset, day, instruments, groups), day, words)
    meta = export_metadata(dataset, day, instruments, groups, len(table))
    if out is None:
        write_csv(table, None, "")
    elif format_ == "xlsx":
        sheets = sheet_words(words)
        conventions = _conventions(dataset, instruments, day, words)
        write_atomically(out, workbook_bytes(table, meta, instruments, sheets, conventions))
        names = sheets.sheet_names()
        if conventions:
            names.insert(1, conventions["sheet"])
        say(f"wrote {len(table)} rows to {out} (sheets: {', '.join(names)})")
    else:
        write_atomically(out, spreadsheet_csv(table))
        meta_file = Path(f"{out}.meta.json")
        write_atomically(meta_file, (json.dumps(meta, indent=2) + "\n").encode("utf-8"))
        say(f"wrote {len(table)} rows to {out} (metadata: {meta_file})")
    return 0


def _conventions(
    dataset: Dataset, instruments: list[str], day: date, language: str
) -> dict[str, Any] | None:
    """The conventions sheet's words when a family instrument is asked for, else None."""
    if not wants_conventions(dataset, instruments):
        return None
    return conventions_words(localized(dataset, language), instruments, day, language)


@click.command("declarations", help="write the declarations and reservations texts as CSV")
@instrument_option()
@group_option("a group id (full members today; repeatable)")
@out_option()
@lang_option()
@snapshot_option()
def declarations(
    instrument: tuple[str, ...],
    group: tuple[str, ...],
    out: Path | None,
    lang: str,
    snapshot: str | None,
) -> int:
    """One row per state and instrument with a text (loaders.derive.declarations)."""
    from loaders.derive.declarations import declarations_table
    from loaders.model.names import state_name

    out = checked_out(out)
    dataset = open_dataset(snapshot)
    words = language(lang)
    instruments = chosen(instrument, dataset.instrument_ids, "instrument")
    groups = chosen(group, dataset.group_ids, "group") if group else []
    table = declarations_table(dataset, instruments, groups)
    if words != "en":
        table[f"state_{words}"] = table["iso3"].map(lambda code: state_name(code, words))
    write_csv(table, out, f"{len(table)} rows")
    return 0
