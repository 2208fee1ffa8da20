"""The commands on what followed ratification: ``outcomes`` (UNODC's published series, per state
or for a group) and ``recommendations`` (the Universal Periodic Review's, with what followed), both
as CSV; ``import-outcomes`` brings a later UNODC release or a UHRI export in."""

from __future__ import annotations

import csv
import io
from collections.abc import Callable
from datetime import date
from pathlib import Path

import click

from cli.options import (
    Choice,
    checked_out,
    chosen,
    lang_option,
    language,
    open_dataset,
    out_option,
    parse_day,
    say,
    write_out,
)
from loaders.model.names import state_name
from loaders.outcomes.errors import OutcomesFormatError
from loaders.outcomes.store import POPULATION_SOURCE, Outcomes, load_outcomes
from loaders.paths import data_dir
from loaders.store.dataset import Dataset
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


def _states(dataset: Dataset, state: tuple[str, ...], group: str | None, day: date) -> list[str]:
    """The states asked for (``--state``, and the full members of ``--group`` on the date), in
    registry order; every state when neither is given."""
    from loaders.derive.groups import members_on

    valid = list(dataset.states.index)
    picked = set(chosen(state, valid, "state")) if state else set()
    if group:
        (group_id,) = chosen([group], dataset.group_ids, "group")
        members = members_on(dataset.memberships, day)
        picked |= set(members.loc[members["group_id"] == group_id, "iso3"])
    return [iso3 for iso3 in valid if iso3 in picked] if picked else valid


def _opened(as_of: str | None) -> tuple[Dataset, Outcomes, date] | None:
    """The dataset, the outcomes tables and the date; None (said in one line) when the outcomes
    tables cannot be read."""
    day = parse_day(as_of, "--as-of") or date.today()
    dataset = open_dataset()
    try:
        return dataset, load_outcomes(data_dir()), day
    except OutcomesFormatError as exc:
        say(f"error: {exc}")
        return None


def _subject_options(command: Callable[..., int]) -> Callable[..., int]:
    for option in reversed(
        [
            click.option(
                "--state", "state", multiple=True, help="an ISO3 code, e.g. USA (repeatable)"
            ),
            click.option("--group", help="a group id, e.g. CARICOM (its full members on the date)"),
            click.option(
                "--as-of", "as_of", help="as known on this date, YYYY-MM-DD (default: today)"
            ),
            lang_option("words in en, es, pt or fr"),
            out_option(),
        ]
    ):
        command = option(command)
    return command


@click.command("outcomes", help="UNODC's trafficking data per state (or a group's sums) as CSV")
@_subject_options
@click.option(
    "--indicator", "indicator", multiple=True, help=", ".join(INDICATOR_IDS) + " (repeatable)"
)
def outcomes(
    state: tuple[str, ...],
    group: str | None,
    as_of: str | None,
    lang: str,
    out: Path | None,
    indicator: tuple[str, ...],
) -> int:
    words = language(lang)
    out = checked_out(out)
    opened = _opened(as_of)
    if opened is None:
        return 1
    dataset, tables, day = opened
    indicators = chosen(indicator, INDICATOR_IDS, "indicator")
    rows = outcome_rows(
        tables, dataset, _states(dataset, state, group, day), indicators, day, words
    )
    if group:
        rows += group_rows(
            tables, dataset, chosen([group], dataset.group_ids, "group")[0], indicators, day, words
        )
    for row in rows:
        if not row.get("year") and row.get("note"):
            say(row["note"])  # who reports nothing, said where it is read
    say(source_line(tables.release, words))
    say(f"population for per_100k: {POPULATION_SOURCE}")
    write_out(csv_text(rows, OUTCOME_COLUMNS).encode("utf-8"), out, f"{len(rows)} rows")
    return 0


@click.command(
    "recommendations", help="UPR recommendations on the Palermo instruments and what followed"
)
@_subject_options
def recommendations(
    state: tuple[str, ...], group: str | None, as_of: str | None, lang: str, out: Path | None
) -> int:
    words = language(lang)
    out = checked_out(out)
    opened = _opened(as_of)
    if opened is None:
        return 1
    dataset, tables, day = opened
    rows = recommendation_rows(tables, dataset, _states(dataset, state, group, day), day, words)
    write_out(csv_text(rows, RECOMMENDATION_COLUMNS).encode("utf-8"), out, f"{len(rows)} rows")
    return 0


@click.command(
    "import-outcomes", help="bring in a UNODC data_glotip.xlsx release or a UHRI CSV export"
)
@click.argument("kind", type=Choice(["glotip", "uhri"]))
@click.argument("file", type=click.Path(path_type=Path))
def import_outcomes(kind: str, file: Path) -> int:
    from loaders.outcomes.refresh import import_glotip, import_uhri
    from loaders.publish.datapackage import write_datapackage

    reader = {"glotip": import_glotip, "uhri": import_uhri}[kind]
    data = data_dir()
    try:
        line = reader(file, data)
    except (OutcomesFormatError, OSError) as exc:
        say(f"import failed, data unchanged: {exc}")
        return 1
    say(line)
    write_datapackage(data)  # the package describes the new table
    return 0
