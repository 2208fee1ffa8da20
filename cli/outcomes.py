"""The commands on what followed ratification: ``outcomes`` (UNODC's published series, per state
or for a group) and ``recommendations`` (the Universal Periodic Review's, with what followed), both
as CSV; ``import-outcomes`` brings a later UNODC release or a UHRI export in."""

from __future__ import annotations

import argparse
import csv
import io
import sys
from collections.abc import Callable
from datetime import date
from pathlib import Path

from loaders.derive.views import SelectionError, resolve
from loaders.model.dates import DateFormatError, parse_iso_date
from loaders.model.languages import LANGUAGES
from loaders.model.names import state_name
from loaders.outcomes.errors import OutcomesFormatError
from loaders.outcomes.store import POPULATION_SOURCE, Outcomes, load_outcomes
from loaders.paths import data_dir
from loaders.store.dataset import Dataset, load_dataset
from views.models.outcomes import (
    INDICATOR_IDS,
    group_outcomes,
    recommendations_followed,
    state_outcomes,
)
from views.text.i18n import Translator
from views.text.outcomes import (
    followed_text,
    group_never,
    group_note,
    indicator_label,
    source_line,
)

USAGE_ERROR = 2
OUTCOME_COLUMNS = [
    "iso3",
    "state",
    "indicator",
    "indicator_label",
    "year",
    "value",
    "number",
    "censored",
    "per_100k",
    "source",
    "release",
    "note",
]
RECOMMENDATION_COLUMNS = [
    "iso3",
    "state",
    "upr_year",
    "recommending_state",
    "position",
    "kind",
    "instrument",
    "outcome",
    "consent_date",
    "verified_through",
    "what_followed",
    "text",
    "source",
]


class UsageError(ValueError):
    """A bad option: one line, exit 2."""


def _states(dataset: Dataset, args: argparse.Namespace, as_of: date) -> list[str]:
    """The states asked for (``--state``, or the full members of ``--group``), registry order."""
    from loaders.derive.groups import members_on

    valid = list(dataset.states.index)
    chosen = set(resolve(args.state, valid, "state")) if args.state else set()
    if args.group:
        group = resolve([args.group], dataset.group_ids, "group")[0]
        members = members_on(dataset.memberships, as_of)
        chosen |= set(members.loc[members["group_id"] == group, "iso3"])
    return [iso3 for iso3 in valid if iso3 in chosen] if chosen else valid


def outcome_rows(
    outcomes: Outcomes,
    dataset: Dataset,
    states: list[str],
    indicators: list[str],
    as_of: date,
    language: str,
) -> list[dict[str, str]]:
    """One row per state, indicator and year reported; a state that reports nothing gets one row
    saying so (no value: no data is not zero)."""
    t = Translator(language)
    rows = []
    for iso3 in states:
        view = state_outcomes(outcomes, dataset, iso3, as_of, indicators)
        name = state_name(iso3, language)
        base = {"iso3": iso3, "state": name, "source": "UNODC GLOTIP", "release": view.release}
        if view.reports_nothing:
            rows.append(base | {"note": t("outcomes.reports_nothing", state=name)})
            continue
        for indicator, series in view.series.items():
            for point in series.points:
                rate = "" if point.per_100k is None else f"{point.per_100k:.2f}"
                rows.append(
                    base
                    | {
                        "indicator": indicator,
                        "indicator_label": indicator_label(indicator, language),
                        "year": str(point.year),
                        "value": point.value,
                        "number": "" if point.number is None else str(point.number),
                        "censored": "yes" if point.number is None else "no",
                        "per_100k": rate,
                    }
                )
    return rows


def group_rows(
    outcomes: Outcomes,
    dataset: Dataset,
    group: str,
    indicators: list[str],
    as_of: date,
    language: str,
) -> list[dict[str, str]]:
    """The group's sum per year where every full member published a number; else no sum, and the
    members without one named in the note."""
    rows = []
    for indicator in indicators:
        view = group_outcomes(outcomes, dataset, group, indicator, as_of)
        for year in view.years:
            note = group_note(year, language)
            rows.append(
                {
                    "iso3": group,
                    "state": group,
                    "indicator": indicator,
                    "indicator_label": indicator_label(indicator, language),
                    "year": str(year.year),
                    "value": "" if year.total is None else str(year.total),
                    "number": "" if year.total is None else str(year.total),
                    "censored": "",
                    "source": "UNODC GLOTIP (sum of members)",
                    "release": outcomes.release,
                    "note": note,
                }
            )
        if view.never:
            rows.append(
                {
                    "iso3": group,
                    "state": group,
                    "indicator": indicator,
                    "note": group_never(view, language),
                }
            )
    return rows


def recommendation_rows(
    outcomes: Outcomes, dataset: Dataset, states: list[str], as_of: date, language: str
) -> list[dict[str, str]]:
    rows = []
    for iso3, items in recommendations_followed(outcomes, dataset, None, as_of).items():
        if iso3 not in states:
            continue
        for item in items:
            rows.append(
                {
                    "iso3": iso3,
                    "state": state_name(iso3, language),
                    "upr_year": str(item.year),
                    "recommending_state": item.recommending_state,
                    "position": item.position,
                    "kind": item.kind,
                    "instrument": item.instrument,
                    "outcome": item.outcome,
                    "consent_date": item.consent.isoformat() if item.consent else "",
                    "verified_through": item.verified_through,
                    "what_followed": followed_text(item, language),
                    "text": item.text,
                    "source": item.source,
                }
            )
    return rows


def csv_text(rows: list[dict[str, str]], columns: list[str]) -> str:
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=columns, lineterminator="\n", restval="")
    writer.writeheader()
    writer.writerows(rows)
    return out.getvalue()


def _write(text: str, out: Path | None, count: int) -> None:
    if out is None:
        sys.stdout.write(text)
        return
    out.write_text(text, encoding="utf-8")
    print(f"wrote {count} rows to {out}", file=sys.stderr)


def _common(args: argparse.Namespace) -> tuple[Dataset, Outcomes, date, str]:
    try:
        as_of = parse_iso_date(args.as_of) if args.as_of else date.today()
    except DateFormatError as exc:
        raise UsageError(f"--as-of: {exc}") from exc
    language = resolve([args.lang], list(LANGUAGES), "language")[0]
    data = data_dir()
    return load_dataset(data), load_outcomes(data), as_of, language


def _outcomes(args: argparse.Namespace) -> int:
    dataset, outcomes, as_of, language = _common(args)
    indicators = (
        resolve(args.indicator, INDICATOR_IDS, "indicator") if args.indicator else INDICATOR_IDS
    )
    states = _states(dataset, args, as_of)
    rows = outcome_rows(outcomes, dataset, states, indicators, as_of, language)
    if args.group:
        rows += group_rows(outcomes, dataset, args.group, indicators, as_of, language)
    for row in rows:
        if not row.get("year") and row.get("note"):
            print(row["note"], file=sys.stderr)  # who reports nothing, said where it is read
    print(source_line(outcomes.release, language), file=sys.stderr)
    print(f"population for per_100k: {POPULATION_SOURCE}", file=sys.stderr)
    _write(csv_text(rows, OUTCOME_COLUMNS), args.out, len(rows))
    return 0


def _recommendations(args: argparse.Namespace) -> int:
    dataset, outcomes, as_of, language = _common(args)
    rows = recommendation_rows(outcomes, dataset, _states(dataset, args, as_of), as_of, language)
    _write(csv_text(rows, RECOMMENDATION_COLUMNS), args.out, len(rows))
    return 0


def _import(args: argparse.Namespace) -> int:
    from loaders.outcomes.refresh import import_glotip, import_uhri
    from loaders.publish.datapackage import write_datapackage

    reader = {"glotip": import_glotip, "uhri": import_uhri}[args.kind]
    data = data_dir()
    try:
        line = reader(args.file, data)
    except (OutcomesFormatError, OSError) as exc:
        print(f"import failed, data unchanged: {exc}", file=sys.stderr)
        return 1
    print(line, file=sys.stderr)
    write_datapackage(data)  # the package describes the new table
    return 0


def _guarded(handler: Callable[[argparse.Namespace], int]) -> Callable[[argparse.Namespace], int]:
    def run(args: argparse.Namespace) -> int:
        try:
            return handler(args)
        except (UsageError, SelectionError) as exc:
            print(f"error: {exc}", file=sys.stderr)
            return USAGE_ERROR
        except OutcomesFormatError as exc:
            print(f"error: {exc}", file=sys.stderr)
            return 1

    return run


def add_commands(commands: argparse._SubParsersAction) -> dict[str, Callable]:
    """Add ``outcomes``, ``recommendations`` and ``import-outcomes``; returns name -> handler."""
    for name, help_text in (
        ("outcomes", "UNODC's trafficking data per state (or a group's sums) as CSV"),
        ("recommendations", "UPR recommendations on the Palermo instruments and what followed"),
    ):
        command = commands.add_parser(name, help=help_text)
        command.add_argument("--state", action="append", help="an ISO3 code, e.g. USA")
        command.add_argument("--group", help="a group id, e.g. CARICOM (its full members)")
        if name == "outcomes":
            command.add_argument("--indicator", action="append", help=", ".join(INDICATOR_IDS))
        command.add_argument("--as-of", help="as known on this date, YYYY-MM-DD (default: today)")
        command.add_argument("--lang", default="en", help="words in en, es, pt or fr")
        command.add_argument("--out", type=Path, help="file to write (default: standard output)")
    imported = commands.add_parser(
        "import-outcomes", help="bring in a UNODC data_glotip.xlsx release or a UHRI CSV export"
    )
    imported.add_argument("kind", choices=["glotip", "uhri"])
    imported.add_argument("file", type=Path)
    return {
        "outcomes": _guarded(_outcomes),
        "recommendations": _guarded(_recommendations),
        "import-outcomes": _guarded(_import),
    }
