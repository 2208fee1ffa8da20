"""Pure helpers for the dashboard: dates in words, honest status phrases, frames for each chart.

No streamlit here. The pages stay short and every sentence the dashboard writes about a state is
worded (and tested) once, in the catalogues of locales/ (``language``: en, es, pt or fr; see
pages.text.i18n). Statuses follow loaders.derive: a status on a date only counts acts dated
on or before it, and ``status_verified`` is False where the snapshot cannot vouch for a non-party
status on that date (the state may have acted since its row was last verified).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace
from datetime import date

import pandas as pd

from loaders.derive import (
    PARTY,
    RESOLUTION_DATE,
    SIGNATORY,
    group_summary,
    members_on,
    parties_over_time,
    status_on,
)
from loaders.derive.views import status_view
from loaders.model.dates import PartialDate
from loaders.store.dataset import Dataset
from pages.text.i18n import (
    Translator,
    catalogue,
    collation_key,
    format_date,
    format_month,
    format_number,
    format_short_date,
    state_name,
    translate,
    translate_count,
)
from pages.text.i18n import join_words as _join_words

RESOLUTION_SYMBOL = "AG/RES. 2456 (XXXIX-O/09)"
RESOLUTION_PARAGRAPH = 6
# Paragraph 6 names the Convention and its Trafficking in Persons Protocol, nothing else.
RESOLUTION_INSTRUMENTS = ("UNTOC", "TIP")
STALE_AFTER_DAYS = 180
DAYS_PER_YEAR = 365.25
REFRESH_COMMAND, MAKE_REFRESH = "`python -m loaders refresh`", "`make refresh`"


def refresh_how(language: str = "en") -> str:
    """``python -m loaders refresh`` (or ``make refresh``), in words of ``language``."""
    return translate(language, "refresh.how", command=REFRESH_COMMAND, make=MAKE_REFRESH)


# --- dates in words ---------------------------------------------------------------------------


def long_date(value: date | pd.Timestamp | None, language: str = "en") -> str:
    """``4 June 2009``, ``4 de junio de 2009``…; empty for a missing date."""
    if value is None or pd.isna(value):
        return ""
    return format_date(value, language)


def short_date(value: date | pd.Timestamp | None, language: str = "en") -> str:
    """``4 Jun 2009``, ``4 jun 2009``…, for tables; empty for a missing date."""
    if value is None or pd.isna(value):
        return ""
    return format_short_date(value, language)


def partial_date_text(text: str, language: str = "en") -> str:
    """A partial date in words at its precision: ``2014``, ``January 2014``, ``27 January 2014``."""
    if not text:
        return ""
    partial = PartialDate.parse(text)
    day = partial.earliest()
    if partial.precision == "day":
        return long_date(day, language)
    return format_month(day, language) if partial.precision == "month" else f"{day:%Y}"


def age_text(then: date, today: date, language: str = "en") -> str:
    """How long ago ``then`` was, in the largest whole unit: ``12 years ago``, ``3 months ago``."""
    days = (today - then).days
    years = today.year - then.year - ((today.month, today.day) < (then.month, then.day))
    months = (today.year - then.year) * 12 + today.month - then.month - (today.day < then.day)
    if years >= 1:
        return translate_count(language, "age.years", years)
    if months >= 1:
        return translate_count(language, "age.months", months)
    if days <= 0:
        return translate(language, "age.today")
    return translate_count(language, "age.days", days)


def duration_text(days: float | None, language: str = "en") -> str:
    """A span of days read naturally: ``25 days``, ``7 months``, ``4.2 years``."""
    if days is None or pd.isna(days):
        return ""
    days = int(days)
    if days < 61:
        return translate_count(language, "duration.days", days)
    if days < 2 * DAYS_PER_YEAR:
        return translate(language, "duration.months", n=round(days / 30.44))
    return translate(language, "duration.years", n=format_number(days / DAYS_PER_YEAR, language, 1))


def data_age(dataset: Dataset, today: date) -> tuple[date, int] | None:
    """The oldest per-instrument "status as at" date of the snapshot, and its age in days."""
    dates = [m.status_as_at for m in dataset.meta.instruments.values() if m.status_as_at]
    if not dates:
        return None
    oldest = min(dates)
    return oldest, (today - oldest).days


# --- statuses in words --------------------------------------------------------------------------


def status_category(status: str, verified: bool) -> str:
    """The status, with ``_unverified`` where the snapshot cannot vouch for it on the date."""
    return status if verified or status == PARTY else f"{status}_unverified"


def status_label(
    status: str, verified: bool, verified_through: str = "", language: str = "en"
) -> str:
    """A short label: ``Party``, ``Signed, not party``, ``No action as of July 2014 (not verified
    since)``."""
    label = translate(language, f"status.{status}")
    if verified or status == PARTY:
        return label
    checked = partial_date_text(verified_through, language)
    return translate(language, "status.unverified", status=label, checked=checked)


def category_label(category: str, language: str = "en") -> str:
    """A status category (see :func:`status_category`) in words, for legends and badges."""
    return translate(language, f"category.{category}")


def kind_text(kind: str, inferred: bool = False, language: str = "en") -> str:
    if not kind:
        return ""
    key = f"kind.{kind}"
    words = translate(language, key) if key in catalogue(language) else kind
    return translate(language, "kind.inferred", kind=words) if inferred else words


def status_sentence(row: pd.Series | dict, language: str = "en") -> str:
    """What a state has done on an instrument, honest about what the snapshot cannot vouch for."""
    status = row["status"]
    if status == PARTY:
        kind = kind_text(row["consent_kind"], bool(row.get("kind_inferred")), language)
        return translate(
            language, "sentence.party", date=long_date(row["consent_date"], language), kind=kind
        )
    done = (
        translate(language, "sentence.signatory", date=long_date(row["signature_date"], language))
        if status == SIGNATORY
        else translate(language, "sentence.no_action")
    )
    if row["status_verified"]:
        return done
    checked = partial_date_text(row["verified_through"], language)
    return translate(language, "sentence.unverified", done=done, checked=checked)


def status_brief(row: pd.Series | dict, language: str = "en") -> str:
    """:func:`status_sentence` for lists: ``signed 20 March 2002; not party as of May 2020 (not
    verified since)``, ``no action as of July 2014 (not verified since)``."""
    status = row["status"]
    if status == PARTY:
        return translate(language, "brief.party", date=long_date(row["consent_date"], language))
    signed = long_date(row["signature_date"], language)
    if row["status_verified"]:
        return translate(language, f"brief.{status}", date=signed)
    checked = partial_date_text(row["verified_through"], language)
    return translate(language, f"brief.{status}_unverified", date=signed, checked=checked)


def confidence_text(confidence: str, language: str = "en") -> str:
    """Empty for confirmed facts, a warning phrase otherwise."""
    return "" if confidence == "high" else translate(language, f"caution.{confidence}")


def confidence_word(confidence: str, language: str = "en") -> str:
    """``high``, ``medium`` or ``low`` in words of ``language``."""
    return translate(language, f"confidence.{confidence}")


def role_word(role: str, language: str = "en") -> str:
    """``member``, ``associate`` or ``observer`` in words of ``language``."""
    return translate(language, f"role.{role}")


def group_label(name: str) -> str:
    """A short name for a group: the acronym in brackets, or the region of a UN M49 group."""
    if name.startswith("UN M49:"):
        return f"{name.removeprefix('UN M49:').strip()} (UN M49)"
    bracket = re.search(r"\(([^)]*)\)\s*$", name)
    if bracket and bracket.group(1).isupper():
        return bracket.group(1)
    return name.split(" (")[0]


def group_labels(dataset: Dataset, language: str = "en") -> dict[str, str]:
    """Group id -> short name in ``language`` (the catalogue's, or one made from the group's name
    for a group the catalogues do not know yet)."""
    names = dataset.memberships.drop_duplicates("group_id").set_index("group_id")["group_name"]
    texts = catalogue(language)
    return {g: texts.get(f"group.{g}.label") or group_label(names[g]) for g in dataset.group_ids}


def instrument_label(dataset: Dataset, instrument: str) -> str:
    """The instrument's short title (in the language of a :func:`localized` dataset)."""
    return str(dataset.instruments.loc[instrument, "short_title"])


def instrument_brief(dataset: Dataset, instrument: str) -> str:
    """The shortest name, for counts and buttons: ``Trafficking in Persons``, ``Firearms``."""
    return str(dataset.instruments.loc[instrument, "brief"])


def instrument_abbr(dataset: Dataset, instrument: str) -> str:
    """One word, for narrow table columns: ``Convention``, ``Trafficking``, ``Firearms``."""
    return str(dataset.instruments.loc[instrument, "abbr"])


def code_text(text: str) -> str:
    """Text from a link, safe inside a markdown code span: no backticks, at most 60 characters."""
    shown = text.replace("`", "'")
    return shown if len(shown) <= 60 else shown[:59] + "…"


def join_words(words: Sequence[str], language: str = "en") -> str:
    """``A``, ``A and B``, ``A, B and C`` (``A, B y C``, ``A, B e C``, ``A, B et C``)."""
    return _join_words(words, language)


# --- the dataset in a language ----------------------------------------------------------------


def localized(dataset: Dataset, language: str) -> Dataset:
    """The dataset with state, group and instrument names in ``language``.

    States: pycountry's translation or the OAS's usage (pages.text.i18n.state_name); groups and
    instruments: their official names from the catalogues, the data's own English where a
    catalogue lacks one. Codes, dates and facts are untouched. English keeps data/'s names.
    """
    texts = catalogue(language)
    instruments = dataset.instruments.copy()
    brief = instruments["short_title"].str.removesuffix(" Protocol")
    for column, suffix in (
        ("title", "title"),
        ("short_title", "short"),
        ("brief", "brief"),
        ("abbr", "abbr"),
    ):
        fallback = brief if column in ("brief", "abbr") else instruments[column]
        instruments[column] = [
            texts.get(f"instrument.{i}.{suffix}", fallback[i]) for i in instruments.index
        ]
    if language == "en":
        return replace(dataset, instruments=instruments)
    states = dataset.states.copy()
    states["name"] = [state_name(iso3, language) for iso3 in states.index]
    memberships = dataset.memberships.copy()
    memberships["group_name"] = [
        texts.get(f"group.{g}.name", name)
        for g, name in zip(memberships["group_id"], memberships["group_name"], strict=True)
    ]
    memberships["state"] = memberships["iso3"].map(states["name"])
    return replace(dataset, instruments=instruments, states=states, memberships=memberships)


def by_name(frame: pd.DataFrame, column: str = "state") -> pd.DataFrame:
    """``frame`` in the alphabetical order of ``column`` as a reader expects it in any language
    (``États-Unis`` among the E's), stable otherwise."""
    return frame.sort_values(column, key=lambda s: s.map(collation_key), kind="stable")


def local_view(
    dataset: Dataset,
    as_of: date,
    instruments: Sequence[str] | None = None,
    groups: Sequence[str] | None = None,
) -> pd.DataFrame:
    """:func:`loaders.derive.views.status_view` of a :func:`localized` dataset, states in the
    reader's alphabetical order within each instrument."""
    view = by_name(status_view(dataset, as_of, instruments, groups))
    order = {i: n for n, i in enumerate(dataset.instrument_ids)}
    return view.sort_values("instrument", key=lambda s: s.map(order), kind="stable").reset_index(
        drop=True
    )


def state_names(dataset: Dataset) -> pd.Series:
    """iso3 -> name of a (localized) dataset's states, in alphabetical order."""
    return dataset.states["name"].sort_values(key=lambda s: s.map(collation_key), kind="stable")


# --- frames for the pages -------------------------------------------------------------------------


def paragraph6_view(
    dataset: Dataset,
    as_of: date,
    instruments: Sequence[str],
    groups: Sequence[str],
    language: str = "en",
) -> pd.DataFrame:
    """The status view on ``as_of``, with each row's status on 4 June 2009 and if it joined since.

    The states are those of the view (group membership as on ``as_of``); their 2009 status is
    looked up for the same states, so the two counts compare like with like.
    """
    now = local_view(dataset, as_of, instruments, groups)
    # The 2009 status of the raw rows is enough: the merge keeps the view's states, so a second
    # status_view (names, groups, order) would be built only to be thrown away.
    then = status_on(dataset.status, RESOLUTION_DATE)[["iso3", "instrument", "status"]]
    frame = now.merge(then.rename(columns={"status": "status_2009"}), on=["iso3", "instrument"])
    frame["joined_since_resolution"] = (frame["status"] == PARTY) & (frame["status_2009"] != PARTY)
    return _described(frame, language)


def party_counts(frame: pd.DataFrame) -> pd.DataFrame:
    """Per instrument of a :func:`paragraph6_view`: states, parties now, in 2009, joined since."""
    grouped = frame.groupby("instrument", sort=False)
    return pd.DataFrame(
        {
            "states": grouped["iso3"].nunique(),
            "parties": grouped["status"].apply(lambda s: int((s == PARTY).sum())),
            "parties_2009": grouped["status_2009"].apply(lambda s: int((s == PARTY).sum())),
            "joined": grouped["joined_since_resolution"].sum().astype(int),
            "unverified": grouped["status_verified"].apply(lambda s: int((~s).sum())),
        }
    )


def map_frame(view: pd.DataFrame, states: pd.DataFrame, language: str = "en") -> pd.DataFrame:
    """One instrument's view with marker positions, a status category and hover text."""
    frame = _described(view, language).assign(
        marker_lat=view["iso3"].map(states["marker_lat"]),
        marker_lon=view["iso3"].map(states["marker_lon"]),
    )
    frame["hover"] = frame.apply(_hover, axis=1, language=language) if len(frame) else ""
    return frame


def _described(view: pd.DataFrame, language: str = "en") -> pd.DataFrame:
    """Adds the status category, its short label and the sentence of what the state has done."""
    frame = view.copy()
    if frame.empty:
        return frame.assign(category="", label="", what_done="", brief="")
    # Plain dicts: DataFrame.apply over rows took 60 % longer, on every script run.
    rows = frame.to_dict("records")
    frame["category"] = [status_category(r["status"], r["status_verified"]) for r in rows]
    frame["label"] = [
        status_label(r["status"], r["status_verified"], r["verified_through"], language)
        for r in rows
    ]
    frame["what_done"] = [status_sentence(r, language) for r in rows]
    frame["brief"] = [status_brief(r, language) for r in rows]
    return frame


def _hover(row: pd.Series, language: str = "en") -> str:
    t = Translator(language)
    lines = [f"<b>{row['state']}</b>", row["label"]]
    if pd.notna(row["signature_date"]):
        lines.append(t("hover.signed", date=long_date(row["signature_date"], language)))
    if pd.notna(row["consent_date"]):
        kind = kind_text(row["consent_kind"], language=language)
        lines.append(t("hover.consent", date=long_date(row["consent_date"], language), kind=kind))
        lines.append(t("hover.in_force", date=long_date(row["entry_into_force"], language)))
    lines.append(t("hover.verified", date=partial_date_text(row["verified_through"], language)))
    if row["confidence"] != "high":
        caution = confidence_text(row["confidence"], language)
        lines.append(caution[:1].upper() + caution[1:])
    lines.append(f"<i>{t('hover.open_profile')}</i>")
    return "<br>".join(lines)


def ratify_times(view: pd.DataFrame) -> pd.DataFrame:
    """Parties of the view with the years from opening for signature and from the resolution."""
    parties = view[view["status"] == PARTY].copy()
    parties["years_from_opening"] = parties["days_from_opening"].astype(float) / DAYS_PER_YEAR
    parties["years_from_resolution"] = parties["days_from_resolution"].astype(float) / DAYS_PER_YEAR
    columns = [
        "iso3",
        "state",
        "instrument",
        "consent_date",
        "consent_kind",
        "years_from_opening",
        "years_from_resolution",
        "confidence",
    ]
    order = {i: n for n, i in enumerate(dict.fromkeys(view["instrument"]))}
    parties = parties.sort_values(
        ["instrument", "consent_date"], key=lambda s: s.map(order) if s.name == "instrument" else s
    )
    return parties[columns].reset_index(drop=True)


def timeline_series(view: pd.DataFrame, dataset: Dataset, until: date) -> pd.DataFrame:
    """Step series of parties among the view's states per instrument, up to ``until``."""
    return parties_over_time(view, dataset.instruments, until)


def subregion_summary(
    dataset: Dataset,
    as_of: date,
    instruments: Sequence[str],
    groups: Sequence[str],
    language: str = "en",
) -> pd.DataFrame:
    """Per group and instrument on ``as_of``: full members then, parties among them, who is missing.

    All groups when ``groups`` is empty. Groups with no members on the date are left out (see
    :func:`groups_without_members`).
    """
    status = status_view(dataset, as_of, instruments)
    members = members_on(dataset.memberships, as_of)
    wanted = list(groups) or dataset.group_ids
    members = members[members["group_id"].isin(wanted)]
    summary = group_summary(status, members, dataset.states["name"])
    if summary.empty:
        return summary
    summary["group_label"] = summary["group_id"].map(group_labels(dataset, language))
    missing = _missing_details(status, members, language)
    summary["missing_detail"] = [
        missing.get((g, i), "")
        for g, i in zip(summary["group_id"], summary["instrument"], strict=True)
    ]
    order = {g: n for n, g in enumerate(dataset.group_ids)}
    summary["_order"] = summary["group_id"].map(order)
    return summary.sort_values(["_order"], kind="stable").drop(columns="_order")


def _missing_details(
    status: pd.DataFrame, members: pd.DataFrame, language: str = "en"
) -> dict[tuple[str, str], str]:
    """(group, instrument) -> the members not party, by name; ``(checked July 2014)`` after one
    whose status the snapshot cannot vouch for on the date (not verified since that check).

    One pass over the view (a mask per group and instrument cost the page a tenth of a second).
    """
    not_party = by_name(status[status["status"] != PARTY])
    rows = not_party.merge(members[["group_id", "iso3"]].drop_duplicates(), on="iso3")
    details: dict[tuple[str, str], list[str]] = {}
    for row in rows.itertuples():
        details.setdefault((row.group_id, row.instrument), []).append(
            row.state
            if row.status_verified
            else translate(
                language,
                "subregions.checked",
                state=row.state,
                date=partial_date_text(row.verified_through, language),
            )
        )
    return {key: ", ".join(names) for key, names in details.items()}


def groups_without_members(dataset: Dataset, as_of: date, groups: Sequence[str]) -> list[str]:
    """Chosen groups (all when none are chosen) with no full member among the 35 on ``as_of``."""
    members = members_on(dataset.memberships, as_of)
    wanted = list(groups) or dataset.group_ids
    return [g for g in wanted if g not in set(members["group_id"])]


def membership_history(dataset: Dataset, iso3: str, language: str = "en") -> pd.DataFrame:
    """All group memberships recorded for one state, with readable dates."""
    rows = dataset.memberships[dataset.memberships["iso3"] == iso3].copy()
    rows["group"] = rows["group_id"].map(group_labels(dataset, language))
    rows["from"] = rows["from_date"].fillna("").map(lambda t: partial_date_text(t, language))
    rows["until"] = rows["to_date"].fillna("").map(lambda t: partial_date_text(t, language))
    rows["role"] = rows["role"].map(lambda r: role_word(r, language))
    rows["confidence"] = rows["confidence"].map(lambda c: confidence_word(c, language))
    columns = ["group", "group_name", "role", "from", "until", "note", "confidence"]
    return rows[columns].reset_index(drop=True)


def noted_states(dataset: Dataset, iso3s: Sequence[str], language: str = "en") -> pd.DataFrame:
    """States among ``iso3s`` whose OAS membership note affects how they are counted.

    ``count_note`` in ``language``: the catalogue's translation (``count_note.<iso3>``), or the
    data's English where there is none; ``translated`` says which.
    """
    states = dataset.states
    noted = states[states["count_note"].astype(bool) & states["iso3"].isin(list(iso3s))]
    noted = by_name(noted[["iso3", "name", "count_note"]], "name").reset_index(drop=True)
    return noted.assign(
        translated=[count_note(dataset, code, language)[1] for code in noted["iso3"]],
        count_note=[count_note(dataset, code, language)[0] for code in noted["iso3"]],
    )


def count_note(dataset: Dataset, iso3: str, language: str = "en") -> tuple[str, bool]:
    """A state's OAS membership note in ``language``, and whether it is translated: the catalogue
    has a translation only while its English matches the data (else the data's own English)."""
    english = str(dataset.states.loc[iso3, "count_note"])
    key = f"count_note.{iso3}"
    if language == "en" or catalogue("en").get(key) != english:
        return english, language == "en"
    return translate(language, key), True
