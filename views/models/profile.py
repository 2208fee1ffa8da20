"""The state profile: one state's standing on each instrument, its groups and its OAS record; or,
with no state chosen, every state's standing at a glance."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

import pandas as pd

from loaders.derive import PARTY, suspensions_on
from loaders.derive.cut import dataset_on
from loaders.derive.declarations import DISPUTE_PARAGRAPHS, coverage_frame
from loaders.derive.domestic import domestic_steps_on
from loaders.store.dataset import Dataset
from views.models.selection import Selection
from views.models.shared import (
    described,
    is_unconfirmed,
    local_view,
    unconfirmed_mark,
    untc_links,
)
from views.text.i18n import translate
from views.text.notes import count_note
from views.text.words import (
    confidence_word,
    group_labels,
    partial_date_text,
    reader_record,
    role_word,
    status_label,
)


@dataclass(frozen=True)
class InstrumentFacts:
    """One instrument's column of the profile (a described status row, see shared.described)."""

    row: dict[str, Any]

    @property
    def is_party(self) -> bool:
        return bool(self.row["status"] == PARTY)

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
class Declarations:
    """What the depositary's declarations record says of one state on one instrument."""

    coverage: str  # texts, none_in_record, not_in_record or not_party (loaders.derive)
    published_as_at: str  # the record's date, at its precision
    kinds: tuple[str, ...] = ()
    articles: tuple[str, ...] = ()
    dispute_settlement_reserved: bool = False
    dispute_paragraph: str = ""  # e.g. 15(2)
    text: str = ""  # the depositary's English
    source: str = ""


@dataclass(frozen=True)
class DomesticStep:
    """A step the state took at home, beside (never instead of) the depositary's status."""

    step: str  # approved_by_lower_chamber, approved_by_legislature, declined, ...
    date: str  # at its precision
    detail: str
    source: str
    confidence: str


@dataclass(frozen=True)
class StateProfile:
    iso3: str
    name: str
    groups_then: list[str]  # group labels on the date
    facts: dict[str, InstrumentFacts]  # instrument -> its facts, registry order
    declarations: pd.DataFrame  # this state's texts (mtdsg_no, section, text)
    any_declarations: bool  # the snapshot holds any declaration at all
    oas_joined: str  # partial date, empty where not recorded
    # Not the reference's ``status_note``: the researchers' remarks to one another ("NB: ... -
    # wrong", "date NOT retrieved"); what a reader needs of it is in ``count_note``, translated.
    oas_source: str
    oas_confidence: str
    count_note: str  # in words; empty where the state's OAS membership does not affect counts
    memberships: pd.DataFrame  # group, role, from, until, confidence (in words)
    texts: dict[str, Declarations]  # instrument -> its declarations record
    steps: dict[str, DomesticStep]  # instrument -> the latest step at home on the date
    suspensions: pd.DataFrame  # group_id, group_name, from_date, to_date: in force on the date
    untc_links: dict[str, str]  # instrument -> its UNTC status page (followed, never fetched)


@dataclass(frozen=True)
class GlanceRow:
    iso3: str
    state: str
    category: str
    text: str  # "Party since 2004" or the status label, with † where unconfirmed


def state_profile(dataset: Dataset, selection: Selection, iso3: str) -> StateProfile:
    """``dataset``: localized to ``selection.language``; ``iso3``: one of the 35."""
    dataset = dataset_on(dataset, selection.as_of)
    language = selection.language
    view = described(local_view(dataset, selection.as_of, selection.instruments), language)
    # Each row's source record as a reader reads it: without the researchers' remarks.
    rows = [
        row | {"source": reader_record(_text(row["source"]))}
        for row in view[view["iso3"] == iso3].to_dict("records")
    ]
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
        oas_source=reader_record(_text(state["oas_source"])),
        oas_confidence=str(state["oas_confidence"]),
        # In the reader's language where the catalogues translate it (the edition prints it).
        count_note=count_note(dataset, iso3, language)[0] if _text(state["count_note"]) else "",
        memberships=membership_history(dataset, iso3, language),
        texts=declarations_of(dataset, iso3),
        steps=domestic_steps_of(dataset, iso3, selection.as_of),
        suspensions=_of_state(suspensions_on(dataset.memberships, selection.as_of), iso3),
        untc_links=untc_links(dataset),
    )


def declarations_of(dataset: Dataset, iso3: str) -> dict[str, Declarations]:
    """Instrument -> what the declarations record says of ``iso3`` (see coverage_frame)."""
    frame = coverage_frame(dataset)
    rows = frame[frame["iso3"] == iso3].to_dict("records")
    return {
        row["instrument"]: Declarations(
            coverage=row["coverage"],
            published_as_at=row["published_as_at"],
            kinds=tuple(k for k in row["kinds"].split(";") if k),
            articles=tuple(a for a in row["articles"].split(";") if a),
            dispute_settlement_reserved=bool(row["dispute_settlement_reserved"]),
            dispute_paragraph=DISPUTE_PARAGRAPHS.get(row["mtdsg_no"], ""),
            text=row["text"],
            source=row["source"],
        )
        for row in rows
    }


def domestic_steps_of(dataset: Dataset, iso3: str, as_of: date) -> dict[str, DomesticStep]:
    """Instrument -> the latest step at home of ``iso3`` certain on ``as_of``."""
    steps = domestic_steps_on(dataset.domestic_steps, as_of)
    return {
        row["instrument"]: DomesticStep(
            row["step"],
            row["date"],
            reader_record(row["detail"]),
            reader_record(row["source"]),
            row["confidence"],
        )
        for row in steps[steps["iso3"] == iso3].to_dict("records")
    }


def glance(dataset: Dataset, selection: Selection) -> dict[str, list[GlanceRow]]:
    """Instrument -> every chosen state's standing in a few words, in reading order."""
    dataset = dataset_on(dataset, selection.as_of)
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


def _party_since(row: dict[str, Any], language: str) -> str:
    return translate(language, "profile.party_since_year", year=f"{row['consent_date']:%Y}")


def membership_history(dataset: Dataset, iso3: str, language: str = "en") -> pd.DataFrame:
    """All group memberships recorded for one state, with readable dates. Not the reference's
    ``note``: the researchers' remarks ("CONFLICT: ...", "Wikipedia list", "not verified"); a
    suspension, the one thing a reader needs of them, is shown from its own rows."""
    rows = dataset.memberships[dataset.memberships["iso3"] == iso3].copy()
    rows["group"] = rows["group_id"].map(group_labels(dataset, language))
    rows["from"] = rows["from_date"].fillna("").map(lambda t: partial_date_text(t, language))
    rows["until"] = rows["to_date"].fillna("").map(lambda t: partial_date_text(t, language))
    rows["role"] = rows["role"].map(lambda r: role_word(r, language))
    rows["confidence"] = rows["confidence"].map(lambda c: confidence_word(c, language))
    columns = ["group", "role", "from", "until", "confidence"]
    return rows[columns].reset_index(drop=True)


def _text(value: object) -> str:
    """A text field of the data; empty where it has none (NaN)."""
    return value if isinstance(value, str) else ""


def _of_state(frame: pd.DataFrame, iso3: str) -> pd.DataFrame:
    return frame[frame["iso3"] == iso3].reset_index(drop=True)
