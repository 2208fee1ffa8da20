"""The Americas in the world: every state's standing on one Palermo instrument on the date, the
gaps the 35 hold among the world's, and the groups of states compared.

Counts outside the 35 rest on UNTC's last complete participant list of each instrument (the 2014
captures, or a refresh that read every participant) plus the later acts found; UNTC's own count
may name more parties than the snapshot can, so after the list's date a count of parties outside
the 35 is a lower bound ("at least"), said with the number of acts it cannot name. Nothing here
enters paragraph 6's figures, which stay the 35's (views.models.overview).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

import pandas as pd

from loaders.derive.groups import every_group_id
from loaders.derive.participation import capture_months, participation_view
from loaders.derive.regions import ALL, GAPS, group_shares, shares_over_time, unnamed_acts
from loaders.derive.views import status_view
from loaders.model.dates import PartialDate
from loaders.model.names import state_name
from loaders.model.status import PARTY
from loaders.store.dataset import Dataset
from views.models.selection import Selection
from views.models.shared import status_category

OAS = "OAS"  # the 35, a comparison entity beside the world's groups
# The world's groups compared by default: the five UN regional groups and the largest
# organisations of states, beside the OAS.
COMPARED = (
    "UNRG_AFRICAN", "UNRG_APG", "UNRG_EEG", "UNRG_GRULAC", "UNRG_WEOG",
    "EU", "AU", "ASEAN", "COE", "COMMONWEALTH",
)  # fmt: skip


@dataclass(frozen=True)
class WorldGaps:
    """The world's states not party to an instrument, and how sure the figure is."""

    states: int  # states in the world (UN members, observers, and other participating states)
    gaps: int  # of them, not party
    basis: str  # "untc_count" (UNTC's own count, as at ``as_at``), "complete" or "at_most"
    as_at: date | None  # the date of UNTC's count, for "untc_count"
    unnamed: int  # acts UNTC counts that the snapshot cannot name ("at_most")
    oas: int  # the 35's gaps on the same date as the world's figure


@dataclass(frozen=True)
class WorldModel:
    instrument: str
    # every state: iso3, name, oas (one of the 35), category (party, signatory, no_action, with
    # _unverified where the snapshot cannot vouch for it on the date), checked (last check)
    frame: pd.DataFrame
    world: WorldGaps
    oas_gaps: list[str]  # the 35 not party on the date, in reading order (names)
    oas_unverified: dict[str, str]  # name -> last check, for those not verified since
    named_parties: int  # parties the snapshot names on the date, world states only
    lower_bound: bool  # named_parties may miss later acts
    # UNTC's own count of parties (states and organisations), its "as at" date, the parties the
    # snapshot names, and the acts it cannot name
    untc: tuple[int, date, int, int] | None

    @property
    def empty(self) -> bool:
        return bool(self.frame.empty)


@dataclass(frozen=True)
class RegionsModel:
    # per group (OAS first) and instrument (and ALL): group_id, group_name, instrument,
    # members, parties, unknown, share, lower_bound, unnamed_acts
    shares: pd.DataFrame
    instruments: list[str]


def world_model(dataset: Dataset, selection: Selection, instrument: str) -> WorldModel:
    """``dataset``: localized to the reader's language (the 35's names); other states keep the
    snapshot's names (UNTC's English) where the catalogue has none."""
    as_of = selection.as_of
    oas = status_view(dataset, as_of, [instrument])
    oas_frame = pd.DataFrame(
        {
            "iso3": oas["iso3"],
            "name": oas["state"],
            "oas": True,
            "category": [
                status_category(s, bool(v))
                for s, v in zip(oas["status"], oas["status_verified"], strict=True)
            ],
            "checked": oas["verified_through"].astype(str),
        }
    )
    states = dataset.participants[dataset.participants["kind"] == "state"]
    others = [c for c in states["iso3"] if c not in set(oas["iso3"])]
    rest = participation_view(dataset, as_of, [instrument], others)
    names = {
        code: _name(code, english, selection.language)
        for code, english in zip(states["iso3"], states["name"], strict=True)
    }
    rest_frame = pd.DataFrame(
        {
            "iso3": rest["iso3"],
            "name": rest["iso3"].map(names),
            "oas": False,
            "category": [
                status_category(s, bool(v))
                for s, v in zip(rest["status"], rest["status_verified"], strict=True)
            ],
            "checked": rest["verified_through"].astype(str),
        }
    )
    frame = pd.concat([oas_frame, rest_frame], ignore_index=True)
    not_party = oas[oas["status"].isin(GAPS)]
    return WorldModel(
        instrument=instrument,
        frame=frame,
        world=world_gaps(dataset, instrument, as_of, len(states)),
        oas_gaps=list(not_party["state"]),
        oas_unverified={
            name: str(checked)
            for name, checked, verified in zip(
                not_party["state"],
                not_party["verified_through"],
                not_party["status_verified"],
                strict=True,
            )
            if not verified
        },
        named_parties=int((frame["category"] == PARTY).sum()),
        lower_bound=as_of > _capture(dataset, instrument),
        untc=_untc(dataset, instrument),
    )


def _name(iso3: str, english: str, language: str) -> str:
    """A state's name in ``language`` (ISO 3166's translation); the snapshot's English for the
    few participants ISO 3166 does not name."""
    if language == "en":
        return english
    try:
        return state_name(iso3, language)
    except KeyError:
        return english


def _untc(dataset: Dataset, instrument: str) -> tuple[int, date, int, int] | None:
    acts = unnamed_acts(dataset)
    if instrument not in acts.index or pd.isna(acts.loc[instrument, "untc_parties"]):
        return None
    row = acts.loc[instrument]
    as_at = pd.Timestamp(row["status_as_at"]).date()
    return int(row["untc_parties"]), as_at, int(row["named_parties"]), int(row["unnamed"])


def world_gaps(dataset: Dataset, instrument: str, as_of: date, states: int) -> WorldGaps:
    """The states of the world not party on ``as_of``: from UNTC's own count where its "as at"
    is on or before the date (labelled with it), exactly from the snapshot up to the 2014
    capture, else at most the snapshot's figure (later acts may be unnamed)."""
    counts = dataset.world_counts
    organisations = _organisations_party(dataset, instrument, as_of)
    if instrument in counts.index:
        as_at = pd.Timestamp(counts.loc[instrument, "status_as_at"]).date()
        if as_at <= as_of:
            parties = int(counts.loc[instrument, "parties"]) - organisations
            oas = _oas_gaps(dataset, instrument, as_at)
            return WorldGaps(states, states - parties, "untc_count", as_at, 0, oas)
    oas = _oas_gaps(dataset, instrument, as_of)
    coded = [c for c in dataset.participants["iso3"] if c]
    frame = participation_view(dataset, as_of, [instrument], _beyond_the_35(dataset, coded))
    named = int(((frame["status"] == PARTY) & (frame["kind"] == "state")).sum())
    named += int((status_view(dataset, as_of, [instrument])["status"] == PARTY).sum())
    if as_of <= _capture(dataset, instrument):
        return WorldGaps(states, states - named, "complete", None, 0, oas)
    unnamed = int(unnamed_acts(dataset).loc[instrument, "unnamed"])
    return WorldGaps(states, states - named, "at_most", None, unnamed, oas)


def _beyond_the_35(dataset: Dataset, codes: list[str]) -> list[str]:
    """The codes not of the 35, whose Palermo facts are status.csv's."""
    return [c for c in codes if c not in dataset.states.index]


def _oas_gaps(dataset: Dataset, instrument: str, day: date) -> int:
    return int(status_view(dataset, day, [instrument])["status"].isin(GAPS).sum())


def regions_model(
    dataset: Dataset, selection: Selection, groups: tuple[str, ...] = ()
) -> RegionsModel:
    """The OAS (the 35) and ``groups`` (any group of the world or of the OAS's subregions; the
    default comparison when none) on the date, on the four Palermo instruments and on all four
    together."""
    instruments = list(dataset.instrument_ids)
    chosen = [g for g in groups if g in every_group_id(dataset)] or list(COMPARED)
    shares = group_shares(dataset, selection.as_of, chosen, instruments)
    return RegionsModel(pd.concat([_oas_row(dataset, selection.as_of, instruments), shares],
                                  ignore_index=True), instruments)  # fmt: skip


@dataclass(frozen=True)
class RegionsOverTime:
    # per group (OAS first), date and instrument (the one shown, and ALL): group_id,
    # group_name, instrument, as_of, members (on that date), parties, unknown, share,
    # lower_bound, unnamed_acts
    shares: pd.DataFrame
    instrument: str


def regions_over_time(
    dataset: Dataset,
    selection: Selection,
    instrument: str,
    groups: tuple[str, ...] = (),
    year_ends: pd.DataFrame | None = None,
) -> RegionsOverTime:
    """The regions compared at the end of each year from the instruments' adoption, and on the
    view's date: nothing after it. A group's members are those on each date.

    ``year_ends``: :func:`year_end_shares` of the same groups, made once per snapshot (a year's
    end before the view's date does not depend on the date); only the view's date and any year
    end it lacks are counted here, and its year ends on or after the date are left out."""
    chosen = _chosen(dataset, groups)
    days = over_time_days(dataset, selection.as_of)
    instruments = list(dataset.instrument_ids)
    if year_ends is None:
        shares = shares_over_time(dataset, days, chosen, instruments, the_35=OAS)
    else:
        known = year_ends[year_ends["as_of"] < selection.as_of]
        counted_days = set(known["as_of"])
        missing = [day for day in days if day not in counted_days]
        counted = shares_over_time(dataset, missing, chosen, instruments, the_35=OAS)
        shares = pd.concat([known, counted], ignore_index=True).sort_values("as_of", kind="stable")
    shown = shares[shares["instrument"].isin([instrument, ALL])].reset_index(drop=True)
    return RegionsOverTime(shown, instrument)


def year_end_shares(dataset: Dataset, groups: tuple[str, ...], last_year: int) -> pd.DataFrame:
    """:func:`regions_over_time`'s shares of every instrument at the end of each year from the
    first adoption's to ``last_year``'s: the same for every view's date after them."""
    days = _year_end_days(dataset, last_year)
    chosen = _chosen(dataset, groups)
    return shares_over_time(dataset, days, chosen, list(dataset.instrument_ids), the_35=OAS)


def _chosen(dataset: Dataset, groups: tuple[str, ...]) -> list[str]:
    return [g for g in groups if g in every_group_id(dataset)] or list(COMPARED)


def over_time_days(dataset: Dataset, as_of: date) -> list[date]:
    """The last day of each year from the first adoption's, then ``as_of`` itself."""
    ends = _year_end_days(dataset, as_of.year - 1)
    return [day for day in ends if day < as_of] + [as_of]


def _year_end_days(dataset: Dataset, last_year: int) -> list[date]:
    """31 December of each year from the first instrument's adoption to ``last_year``."""
    first = min(pd.to_datetime(dataset.instruments["adopted"])).year
    return [date(year, 12, 31) for year in range(first, last_year + 1)]


def _oas_row(dataset: Dataset, as_of: date, instruments: list[str]) -> pd.DataFrame:
    """The 35 as one group, from the same statuses as paragraph 6's figures."""
    view = status_view(dataset, as_of, instruments)
    party = view.pivot_table(index="iso3", columns="instrument", values="status", aggfunc="first")
    size = len(party)
    rows = []
    for instrument in [*instruments, ALL]:
        parties = (
            int((party[instruments] == PARTY).all(axis=1).sum())
            if instrument == ALL
            else int((party[instrument] == PARTY).sum())
        )
        rows.append(
            {"group_id": OAS, "group_name": OAS, "instrument": instrument, "members": size,
             "parties": parties, "unknown": 0, "share": parties / size if size else float("nan"),
             "lower_bound": False, "unnamed_acts": 0}
        )  # fmt: skip
    return pd.DataFrame(rows)


def _capture(dataset: Dataset, instrument: str) -> date:
    """The last day of the last complete participant list of ``instrument`` (the month of
    UNTC's 2014 capture, or a refresh's "status as at")."""
    return PartialDate.parse(capture_months(dataset.participation)[instrument]).latest()


def _organisations_party(dataset: Dataset, instrument: str, as_of: date) -> int:
    """Regional organisations (the EU) counted among UNTC's parties: never states."""
    rows = dataset.participation
    mine = rows[(rows["instrument"] == instrument) & (rows["kind"] != "state")]
    return int((mine["status"] == PARTY).sum())
