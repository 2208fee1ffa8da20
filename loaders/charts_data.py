"""Pure helpers for the dashboard: dates in words, honest status phrases, frames for each chart.

No streamlit here. The pages stay short and every sentence the dashboard writes about a state is
worded (and tested) once. Statuses follow loaders.derive: a status on a date only counts acts dated
on or before it, and ``status_verified`` is False where the snapshot cannot vouch for a non-party
status on that date (the state may have acted since its row was last verified).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import date

import pandas as pd

from loaders.dataset import Dataset
from loaders.dates import PartialDate
from loaders.derive import (
    NO_ACTION,
    PARTY,
    RESOLUTION_DATE,
    SIGNATORY,
    group_summary,
    members_on,
    parties_over_time,
)
from loaders.views import status_view

RESOLUTION_SYMBOL = "AG/RES. 2456 (XXXIX-O/09)"
RESOLUTION_PARAGRAPH = 6
# Paragraph 6 names the Convention and its Trafficking in Persons Protocol, nothing else.
RESOLUTION_INSTRUMENTS = ("UNTOC", "TIP")
RESOLUTION_TEXT = (
    "To urge those member states that have not yet done so to consider ratifying, acceding to, "
    "or accepting, as the case may be, the United Nations Convention against Transnational "
    "Organized Crime (Palermo Convention) and its Protocol to Prevent, Suppress and Punish "
    "Trafficking in Persons, Especially Women and Children, as well as other initiatives and "
    "actions intended to prevent trafficking in persons, prosecute its perpetrators, and protect "
    "and assist its victims."
)
STALE_AFTER_DAYS = 180
REFRESH_HOW = "`python -m loaders refresh` (or `make refresh`)"
DAYS_PER_YEAR = 365.25

STATUS_WORDS = {PARTY: "Party", SIGNATORY: "Signed, not party", NO_ACTION: "No action"}
KIND_WORDS = {
    "ratification": "ratification",
    "acceptance": "acceptance",
    "approval": "approval",
    "accession": "accession",
    "succession": "succession",
    "formal_confirmation": "formal confirmation",
}


# --- dates in words ---------------------------------------------------------------------------


def long_date(value: date | pd.Timestamp | None) -> str:
    """``4 June 2009``; empty for a missing date."""
    if value is None or pd.isna(value):
        return ""
    return f"{value.day} {value:%B %Y}"


def short_date(value: date | pd.Timestamp | None) -> str:
    """``4 Jun 2009``, for tables; empty for a missing date."""
    if value is None or pd.isna(value):
        return ""
    return f"{value.day} {value:%b %Y}"


def partial_date_text(text: str) -> str:
    """A partial date in words at its precision: ``2014``, ``January 2014``, ``27 January 2014``."""
    if not text:
        return ""
    partial = PartialDate.parse(text)
    day = partial.earliest()
    if partial.precision == "day":
        return long_date(day)
    return f"{day:%B %Y}" if partial.precision == "month" else f"{day:%Y}"


def age_text(then: date, today: date) -> str:
    """How long ago ``then`` was, in the largest whole unit: ``12 years ago``, ``3 months ago``."""
    days = (today - then).days
    years = today.year - then.year - ((today.month, today.day) < (then.month, then.day))
    months = (today.year - then.year) * 12 + today.month - then.month - (today.day < then.day)
    if years >= 1:
        return f"{years} year{'s' if years > 1 else ''} ago"
    if months >= 1:
        return f"{months} month{'s' if months > 1 else ''} ago"
    return "today" if days <= 0 else f"{days} day{'s' if days > 1 else ''} ago"


def duration_text(days: float | None) -> str:
    """A span of days read naturally: ``25 days``, ``7 months``, ``4.2 years``."""
    if days is None or pd.isna(days):
        return ""
    days = int(days)
    if days < 61:
        return f"{days} day{'s' if days != 1 else ''}"
    if days < 2 * DAYS_PER_YEAR:
        return f"{round(days / 30.44)} months"
    return f"{days / DAYS_PER_YEAR:.1f} years"


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


def status_label(status: str, verified: bool, verified_through: str = "") -> str:
    """A short label: ``Party``, ``Signed, not party``, ``No action as of July 2014 (not verified
    since)``."""
    label = STATUS_WORDS[status]
    if verified or status == PARTY:
        return label
    return f"{label} as of {partial_date_text(verified_through)} (not verified since)"


def kind_text(kind: str, inferred: bool = False) -> str:
    words = KIND_WORDS.get(kind, kind)
    return f"{words} (inferred: UNTC gives no suffix)" if inferred and words else words


def status_sentence(row: pd.Series | dict) -> str:
    """What a state has done on an instrument, honest about what the snapshot cannot vouch for."""
    status = row["status"]
    if status == PARTY:
        kind = kind_text(row["consent_kind"], bool(row.get("kind_inferred")))
        return f"Party since {long_date(row['consent_date'])} ({kind})"
    done = (
        f"Signed {long_date(row['signature_date'])}, not party"
        if status == SIGNATORY
        else "No signature or consent"
    )
    if row["status_verified"]:
        return done
    checked = partial_date_text(row["verified_through"])
    return f"{done} as of {checked} (not verified since)"


def status_brief(row: pd.Series | dict) -> str:
    """:func:`status_sentence` for lists: ``signed 20 March 2002; not party as of May 2020 (not
    verified since)``, ``no action as of July 2014 (not verified since)``."""
    status = row["status"]
    if status == PARTY:
        return f"party since {long_date(row['consent_date'])}"
    done = f"signed {long_date(row['signature_date'])}" if status == SIGNATORY else "no action"
    if row["status_verified"]:
        return f"{done}, not party" if status == SIGNATORY else done
    checked = partial_date_text(row["verified_through"])
    joiner = "; not party" if status == SIGNATORY else ""
    return f"{done}{joiner} as of {checked} (not verified since)"


def confidence_text(confidence: str) -> str:
    """Empty for confirmed facts, a warning phrase otherwise."""
    return "" if confidence == "high" else f"not fully confirmed ({confidence} confidence)"


def group_label(name: str) -> str:
    """A short name for a group: the acronym in brackets, or the region of a UN M49 group."""
    if name.startswith("UN M49:"):
        return f"{name.removeprefix('UN M49:').strip()} (UN M49)"
    bracket = re.search(r"\(([^)]*)\)\s*$", name)
    if bracket and bracket.group(1).isupper():
        return bracket.group(1)
    return name.split(" (")[0]


def instrument_label(dataset: Dataset, instrument: str) -> str:
    return str(dataset.instruments.loc[instrument, "short_title"])


def code_text(text: str) -> str:
    """Text from a link, safe inside a markdown code span: no backticks, at most 60 characters."""
    shown = text.replace("`", "'")
    return shown if len(shown) <= 60 else shown[:59] + "…"


def join_words(words: Sequence[str]) -> str:
    """``A``, ``A and B``, ``A, B and C``."""
    words = list(words)
    if len(words) <= 1:
        return "".join(words)
    return f"{', '.join(words[:-1])} and {words[-1]}"


# --- frames for the pages -------------------------------------------------------------------------


def paragraph6_view(
    dataset: Dataset, as_of: date, instruments: Sequence[str], groups: Sequence[str]
) -> pd.DataFrame:
    """The status view on ``as_of``, with each row's status on 4 June 2009 and if it joined since.

    The states are those of the view (group membership as on ``as_of``); their 2009 status is
    looked up for the same states, so the two counts compare like with like.
    """
    now = status_view(dataset, as_of, instruments, groups)
    then = status_view(dataset, RESOLUTION_DATE, instruments)[["iso3", "instrument", "status"]]
    frame = now.merge(then.rename(columns={"status": "status_2009"}), on=["iso3", "instrument"])
    frame["joined_since_resolution"] = (frame["status"] == PARTY) & (frame["status_2009"] != PARTY)
    return _described(frame)


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


def map_frame(view: pd.DataFrame, states: pd.DataFrame) -> pd.DataFrame:
    """One instrument's view with marker positions, a status category and hover text."""
    frame = _described(view).assign(
        marker_lat=view["iso3"].map(states["marker_lat"]),
        marker_lon=view["iso3"].map(states["marker_lon"]),
    )
    frame["hover"] = frame.apply(_hover, axis=1) if len(frame) else ""
    return frame


def _described(view: pd.DataFrame) -> pd.DataFrame:
    """Adds the status category, its short label and the sentence of what the state has done."""
    frame = view.copy()
    if frame.empty:
        return frame.assign(category="", label="", what_done="", brief="")
    frame["category"] = frame.apply(
        lambda r: status_category(r["status"], r["status_verified"]), axis=1
    )
    frame["label"] = frame.apply(
        lambda r: status_label(r["status"], r["status_verified"], r["verified_through"]), axis=1
    )
    frame["what_done"] = frame.apply(status_sentence, axis=1)
    frame["brief"] = frame.apply(status_brief, axis=1)
    return frame


def _hover(row: pd.Series) -> str:
    lines = [f"<b>{row['state']}</b>", row["label"]]
    if pd.notna(row["signature_date"]):
        lines.append(f"Signed: {long_date(row['signature_date'])}")
    if pd.notna(row["consent_date"]):
        lines.append(f"Consent: {long_date(row['consent_date'])} ({row['consent_kind']})")
        lines.append(f"In force for it: {long_date(row['entry_into_force'])}")
    lines.append(f"Verified through: {partial_date_text(row['verified_through'])}")
    if row["confidence"] != "high":
        lines.append(confidence_text(row["confidence"]).capitalize())
    lines.append("<i>Click to open the profile</i>")
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
    dataset: Dataset, as_of: date, instruments: Sequence[str], groups: Sequence[str]
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
    summary["group_label"] = summary["group_name"].map(group_label)
    summary["missing_detail"] = [
        _missing_detail(status, members, g, i)
        for g, i in zip(summary["group_id"], summary["instrument"], strict=True)
    ]
    order = {g: n for n, g in enumerate(dataset.group_ids)}
    summary["_order"] = summary["group_id"].map(order)
    return summary.sort_values(["_order"], kind="stable").drop(columns="_order")


def _missing_detail(
    status: pd.DataFrame, members: pd.DataFrame, group: str, instrument: str
) -> str:
    """The members of ``group`` not party to ``instrument``; ``(checked July 2014)`` after one
    whose status the snapshot cannot vouch for on the date (not verified since that check)."""
    iso3s = set(members.loc[members["group_id"] == group, "iso3"])
    rows = status[
        status["iso3"].isin(iso3s)
        & (status["instrument"] == instrument)
        & (status["status"] != PARTY)
    ].sort_values("state")
    return ", ".join(
        row.state
        if row.status_verified
        else f"{row.state} (checked {partial_date_text(row.verified_through)})"
        for row in rows.itertuples()
    )


def groups_without_members(dataset: Dataset, as_of: date, groups: Sequence[str]) -> list[str]:
    """Chosen groups (all when none are chosen) with no full member among the 35 on ``as_of``."""
    members = members_on(dataset.memberships, as_of)
    wanted = list(groups) or dataset.group_ids
    return [g for g in wanted if g not in set(members["group_id"])]


def membership_history(dataset: Dataset, iso3: str) -> pd.DataFrame:
    """All group memberships recorded for one state, with readable dates."""
    rows = dataset.memberships[dataset.memberships["iso3"] == iso3].copy()
    rows["group"] = rows["group_name"].map(group_label)
    rows["from"] = rows["from_date"].fillna("").map(partial_date_text)
    rows["until"] = rows["to_date"].fillna("").map(partial_date_text)
    columns = ["group", "group_name", "role", "from", "until", "note", "confidence"]
    return rows[columns].reset_index(drop=True)


def noted_states(dataset: Dataset, iso3s: Sequence[str]) -> pd.DataFrame:
    """States among ``iso3s`` whose OAS membership note affects how they are counted."""
    states = dataset.states
    noted = states[states["count_note"].astype(bool) & states["iso3"].isin(list(iso3s))]
    return noted[["iso3", "name", "count_note"]].reset_index(drop=True)
