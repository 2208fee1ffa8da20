"""The state profile: one state's standing on each instrument, its groups and its OAS record; or,
with no state chosen, every state's standing at a glance."""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from loaders.derive import PARTY
from loaders.store.dataset import Dataset
from pages.models.selection import Selection
from pages.models.shared import described, is_unconfirmed, local_view, unconfirmed_mark
from pages.text.i18n import translate
from pages.text.words import (
    confidence_word,
    group_labels,
    partial_date_text,
    role_word,
    status_label,
)


@dataclass(frozen=True)
class InstrumentFacts:
    """One instrument's column of the profile (a described status row, see shared.described)."""

    row: dict

    @property
    def is_party(self) -> bool:
        return self.row["status"] == PARTY

    @property
    def days_to_ratify(self) -> float | None:
        """Days from opening for signature to consent, for a party; None otherwise."""
        return float(self.row["days_from_opening"]) if self.is_party else None

    @property
    def days_after_resolution(self) -> float | None:
        days = self.row["days_from_resolution"]
        return None if pd.isna(days) else float(days)

    @property
    def unconfirmed(self) -> bool:
        return is_unconfirmed(self.row["confidence"])


@dataclass(frozen=True)
class StateProfile:
    iso3: str
    name: str
    groups_then: list[str]  # group labels on the date
    facts: dict[str, InstrumentFacts]  # instrument -> its facts, registry order
    declarations: pd.DataFrame  # this state's texts (mtdsg_no, section, text)
    any_declarations: bool  # the snapshot holds any declaration at all
    oas_joined: str  # partial date, empty where not recorded
    oas_note: str
    oas_source: str
    oas_confidence: str
    count_note: str  # empty where the state's OAS membership does not affect counts
    memberships: pd.DataFrame  # group, role, from, until, note, confidence (in words)


@dataclass(frozen=True)
class GlanceRow:
    iso3: str
    state: str
    category: str
    text: str  # "Party since 2004" or the status label, with † where unconfirmed


def state_profile(dataset: Dataset, selection: Selection, iso3: str) -> StateProfile:
    """``dataset``: localized to ``selection.language``; ``iso3``: one of the 35."""
    language = selection.language
    view = described(local_view(dataset, selection.as_of, selection.instruments), language)
    rows = view[view["iso3"] == iso3].to_dict("records")
    labels = group_labels(dataset, language)
    state = dataset.states.loc[iso3]
    declarations = dataset.declarations
    mine = declarations[declarations["iso3"] == iso3] if len(declarations) else declarations
    return StateProfile(
        iso3=iso3,
        name=str(state["name"]),
        groups_then=[labels[g] for g in rows[0]["groups"].split(";") if g] if rows else [],
        facts={row["instrument"]: InstrumentFacts(row) for row in rows},
        declarations=mine,
        any_declarations=not declarations.empty,
        oas_joined=_text(state["oas_joined"]),
        oas_note=_text(state["oas_note"]),
        oas_source=_text(state["oas_source"]),
        oas_confidence=str(state["oas_confidence"]),
        count_note=_text(state["count_note"]),
        memberships=membership_history(dataset, iso3, language),
    )


def glance(dataset: Dataset, selection: Selection) -> dict[str, list[GlanceRow]]:
    """Instrument -> every chosen state's standing in a few words, in reading order."""
    language = selection.language
    view = described(
        local_view(dataset, selection.as_of, selection.instruments, selection.groups), language
    )
    by_instrument: dict[str, list[GlanceRow]] = {}
    for row in view.to_dict("records"):
        if row["status"] == PARTY:
            text = _party_since(row, language)
        else:
            text = status_label(
                row["status"], row["status_verified"], row["verified_through"], language
            )
        mark = unconfirmed_mark(row["confidence"])
        by_instrument.setdefault(row["instrument"], []).append(
            GlanceRow(row["iso3"], row["state"], row["category"], text + mark)
        )
    return by_instrument


def _party_since(row: dict, language: str) -> str:
    return translate(language, "profile.party_since_year", year=f"{row['consent_date']:%Y}")


def membership_history(dataset: Dataset, iso3: str, language: str = "en") -> pd.DataFrame:
    """All group memberships recorded for one state, with readable dates."""
    rows = dataset.memberships[dataset.memberships["iso3"] == iso3].copy()
    rows["group"] = rows["group_id"].map(group_labels(dataset, language))
    rows["from"] = rows["from_date"].fillna("").map(lambda t: partial_date_text(t, language))
    rows["until"] = rows["to_date"].fillna("").map(lambda t: partial_date_text(t, language))
    rows["role"] = rows["role"].map(lambda r: role_word(r, language))
    rows["confidence"] = rows["confidence"].map(lambda c: confidence_word(c, language))
    columns = ["group", "role", "from", "until", "note", "confidence"]
    return rows[columns].reset_index(drop=True)


def _text(value: object) -> str:
    """A text field of the data; empty where it has none (NaN)."""
    return value if isinstance(value, str) else ""
