"""Standing on a date beyond the 35 x 4: the treaty family of the 35 and every participant of the
four Palermo instruments, from the snapshot's participation rows.

Rules (each row's ``status`` is as at its ``verified_through``; dates keep their precision):
- An act counts on a date only where it is certain at its precision: an accession of "2015" is
  a fact from 31 December 2015; on a date inside its period the standing is ``unknown``.
- A party known without a consent date is a party from its ``verified_through`` (at its
  precision) on, and ``unknown`` before; a signatory without a signature date likewise.
- ``not_party`` is no action as at ``verified_through``: after it, no action not verified since.
- ``unknown`` (no evidence in this snapshot) stays unknown: never no action, never a party.
- A state absent from UNTC's participant list of a Palermo instrument had taken no action as at
  the list's date (the list is complete): the 2014 capture, or the "status as at" of a refresh,
  which replaces the instrument's rows beyond the 35 with every participant it read. Acts after
  that date may be unnamed, so a count of parties outside the 35 after it is a lower bound
  (``unnamed_acts``: UNTC's own count minus the parties named).
Nothing here ever enters paragraph 6's figures, which count the 35 on the four from status.csv.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, timedelta
from typing import cast

import pandas as pd
from dateutil.relativedelta import relativedelta

from loaders.derive.domestic import domestic_step_codes
from loaders.derive.groups import any_group_memberships, every_group_id, groups_of, members_on
from loaders.derive.views import SelectionError, resolve, status_view
from loaders.model.dates import PartialDate
from loaders.model.status import NO_ACTION, PARTY, SIGNATORY, UNKNOWN
from loaders.store.dataset import Dataset

NO_EVIDENCE = "no evidence in this snapshot"
VIEW_COLUMNS = [
    "iso3", "state", "instrument", "mtdsg_no", "depositary", "family", "status",
    "status_verified", "signature_date", "consent_date", "consent_kind", "kind_inferred",
    "entry_into_force", "groups", "confidence", "source", "verified_through", "domestic_step",
]  # fmt: skip


def _period(text: str) -> PartialDate | None:
    return PartialDate.parse(text) if text else None


def _act_on(text: str, day: date) -> str:
    """'yes' if the act is certain on or before ``day``, 'no' if certainly after, else 'maybe'."""
    act = _period(text)
    if act is None:
        return "none"
    if act.latest() <= day:
        return "yes"
    return "no" if act.earliest() > day else "maybe"


def standing_on(row: pd.Series, day: date) -> str:
    """The standing of one participation row on ``day`` (see the module's rules)."""
    given = row["status"]
    if given == "unknown":
        return UNKNOWN
    if given == "not_party":
        return NO_ACTION
    consent, signed = _act_on(row["consent_date"], day), _act_on(row["signature_date"], day)
    since = _act_on(row["verified_through"], day)
    if given == "party" and consent == "yes":
        return PARTY
    if given == "party" and consent == "none":
        return PARTY if since == "yes" else UNKNOWN
    if consent == "maybe" or signed == "maybe":
        return UNKNOWN
    if signed == "yes":
        return SIGNATORY
    if given == "signatory" and signed == "none":
        return SIGNATORY if since == "yes" else UNKNOWN
    return NO_ACTION  # every act listed is after the day, and none before it


def entry_into_force_text(consent: str, instrument: pd.Series, day: date) -> str:
    """The entry into force for the state, at the precision its consent allows ('' if it is not
    certain to be on or before ``day``): the delay after the act, or the instrument's own date
    when that is later (an ILO registration: twelve months)."""
    act = _period(consent)
    if act is None:
        return ""
    own: date = pd.Timestamp(instrument["entry_into_force"]).date()
    days, months = instrument.get("eif_delay_days"), instrument.get("eif_delay_months")

    def after(d: date) -> date:
        if pd.notna(months):
            return max(d + relativedelta(months=int(months)), own)
        return max(d + timedelta(days=int(days) if pd.notna(days) else 0), own)

    first, last = after(act.earliest()), after(act.latest())
    if last > day:
        return ""
    for text in (first.isoformat(), first.isoformat()[:7], first.isoformat()[:4]):
        period = PartialDate.parse(text)
        if period.earliest() <= first and last <= period.latest():
            return text
    return ""


def _shown(text: str, day: date) -> str:
    return text if _act_on(text, day) == "yes" else ""


def participation_on(rows: pd.DataFrame, registry: pd.DataFrame, day: date) -> pd.DataFrame:
    """Participation rows as on ``day``: status, certainty, and only the acts certain by then."""
    frame = rows.copy()
    frame["status"] = [standing_on(r, day) for _, r in frame.iterrows()]
    frame["signature_date"] = frame["signature_date"].map(lambda t: _shown(t, day))
    frame["consent_date"] = frame["consent_date"].map(lambda t: _shown(t, day))
    frame["consent_kind"] = frame["consent_kind"].where(frame["consent_date"] != "", "")
    frame["kind_inferred"] = (frame["kind_inferred"] == "true") & (frame["consent_date"] != "")
    frame["entry_into_force"] = [
        entry_into_force_text(c, registry.loc[i], day)
        for c, i in zip(frame["consent_date"], frame["instrument"], strict=True)
    ]
    checked = (
        frame["verified_through"]
        .map(lambda t: bool(t) and PartialDate.parse(t).earliest() >= day)
        .astype(bool)
    )  # an empty frame's map keeps the text dtype, which cannot be and-ed
    frame["status_verified"] = (frame["status"] == PARTY) | (checked & (frame["status"] != UNKNOWN))
    return frame


def capture_months(participation: pd.DataFrame) -> dict[str, str]:
    """Per Palermo instrument, the date of its last complete participant list: the
    ``verified_through`` most of its non-later world rows carry (the month of UNTC's 2014
    capture, or the day of a refresh's "status as at", which rewrites every such row)."""
    world = participation[participation["later_act"] == "false"]
    months = world.groupby("instrument")["verified_through"].agg(lambda s: s.mode().iat[0])
    return cast(dict[str, str], months.to_dict())


def resolve_instruments(choices: Sequence[str] | None, dataset: Dataset) -> list[str]:
    """Registry ids for ``choices``, each a short id (TIP, CRC_OPSC) or a depositary's number
    (XVIII-12-a, IV-11-c, C029, B-57), case-insensitive; none: the four Palermo instruments."""
    if not choices:
        return list(dataset.instrument_ids)
    registry = dataset.registry
    by_number = dict(zip(registry["mtdsg_no"].str.casefold(), registry["id"], strict=True))
    named = [by_number.get(c.casefold(), c) for c in choices]
    valid = list(registry["id"])
    try:
        return resolve(named, valid, "instrument")
    except SelectionError:
        numbers = ", ".join(registry["mtdsg_no"])
        unknown = [c for c, n in zip(choices, named, strict=True) if n.casefold() not in
                   {v.casefold() for v in valid}]  # fmt: skip
        raise SelectionError(
            f"unknown instrument {', '.join(repr(u) for u in unknown)} (choose from "
            f"{', '.join(valid)}, or a depositary's number: {numbers})"
        ) from None


def group_members_on(dataset: Dataset, groups: Sequence[str], day: date) -> list[str]:
    """The ISO codes of the full members on ``day`` of any of ``groups`` (OAS subregions or the
    world's groups); a member without an ISO code has no row of its own."""
    wanted = resolve(groups, every_group_id(dataset), "group")
    members = members_on(any_group_memberships(dataset), day)
    codes = members.loc[members["group_id"].isin(wanted), "iso3"]
    return list(dict.fromkeys(c for c in codes if c))


def _state_names(dataset: Dataset) -> dict[str, str]:
    names = dict(zip(dataset.participants["iso3"], dataset.participants["name"], strict=True))
    return {**names, **dataset.states["name"].to_dict()}


def _absent_rows(
    dataset: Dataset, codes: list[str], instrument: str, captures: dict[str, str]
) -> pd.DataFrame:
    """Rows for states the snapshot has no participation row of: no action as at the last
    complete participant list for a Palermo instrument (:func:`capture_months`), else unknown."""
    capture = captures.get(instrument, "")
    palermo = instrument in dataset.instrument_ids and bool(capture)
    return pd.DataFrame(
        {
            "iso3": codes,
            "participant": codes,
            "instrument": instrument,
            "mtdsg_no": dataset.registry.at[instrument, "mtdsg_no"],
            "status": "not_party" if palermo else "unknown",
            "signature_date": "",
            "consent_date": "",
            "consent_kind": "",
            "kind_inferred": "false",
            "verified_through": capture if palermo else "",
            "confidence": "high" if palermo else "",
            "source": (
                f"not among the participants of UNTC's status list as at {capture}"
                if palermo
                else NO_EVIDENCE
            ),
        }
    )


def participation_view(
    dataset: Dataset, day: date, instruments: list[str], codes: list[str]
) -> pd.DataFrame:
    """Rows of ``codes`` (states) on ``instruments`` from the participation table, as on
    ``day``; a state without a row is no action as at the 2014 capture (Palermo) or unknown."""
    return participation_on(participation_rows(dataset, instruments, codes), dataset.registry, day)


def participation_rows(dataset: Dataset, instruments: list[str], codes: list[str]) -> pd.DataFrame:
    """The rows of :func:`participation_view` before any date: one per state and instrument,
    :func:`standing_on` gives each its standing on a day."""
    rows = dataset.participation
    rows = rows[(rows["kind"] == "state") & rows["iso3"].isin(codes)]
    captures = capture_months(dataset.participation)
    parts = []
    for instrument in instruments:
        mine = rows[rows["instrument"] == instrument]
        missing = [c for c in codes if c not in set(mine["iso3"])]
        parts += [mine, _absent_rows(dataset, missing, instrument, captures)]
    return pd.concat(parts, ignore_index=True) if parts else rows.iloc[0:0]


def standing_view(
    dataset: Dataset,
    as_of: date,
    instruments: Sequence[str] | None = None,
    groups: Sequence[str] | None = None,
) -> pd.DataFrame:
    """One row per state and instrument on ``as_of``, any instrument of the registry and any
    group: the 35 on the four Palermo instruments exactly as :func:`status_view` gives them,
    every other pair from the participation rows. Without groups, the 35."""
    chosen = resolve_instruments(instruments, dataset)
    core = [i for i in chosen if i in dataset.instrument_ids]
    codes = group_members_on(dataset, groups, as_of) if groups else list(dataset.states.index)
    oas = [c for c in codes if c in dataset.states.index]
    parts = []
    if core and oas:
        part = status_view(dataset, as_of, core)
        parts.append(part[part["iso3"].isin(oas)])
    beyond = participation_view(dataset, as_of, chosen, codes)
    beyond = beyond[~(beyond["instrument"].isin(core) & beyond["iso3"].isin(oas))]
    if not beyond.empty:
        parts.append(_finish(dataset, beyond, as_of))
    frame = pd.concat(parts, ignore_index=True) if parts else pd.DataFrame(columns=VIEW_COLUMNS)
    registry = dataset.registry
    frame["depositary"] = frame["instrument"].map(registry["depositary"])
    frame["family"] = frame["instrument"].map(registry["family"])
    order = {i: n for n, i in enumerate(registry.index)}
    return frame.sort_values(
        ["instrument", "state"], key=lambda s: s.map(order) if s.name == "instrument" else s
    ).reset_index(drop=True)


def _finish(dataset: Dataset, frame: pd.DataFrame, as_of: date) -> pd.DataFrame:
    """Names, groups and steps at home for participation rows, as status_view gives them."""
    members = members_on(dataset.memberships, as_of)
    steps = domestic_step_codes(dataset.domestic_steps, as_of)
    names = _state_names(dataset)
    return frame.assign(
        state=frame["iso3"].map(names).fillna(frame["participant"]),
        groups=frame["iso3"].map(groups_of(members)).fillna(""),
        domestic_step=[
            steps.get(key, "") for key in zip(frame["iso3"], frame["instrument"], strict=True)
        ],
    )
