"""The dataset as it stood on a date: one cut that every view, brief, export and feed takes.

A view on date D sees nothing after D by construction: each page model and report first takes
:func:`dataset_on` and then reads the cut, instead of each applying the date itself. The cut:

- ``status``: signatures, consents (and withdrawals) dated after D are blanked, as if not yet
  done, with the row's source and note (they speak of that act). ``verified_through`` stays:
  it dates the check, not a fact, and gives the status's certainty on D.
- ``declarations``: a text counts from the act it accompanies: the state's consent to be bound
  (or, for a state not yet party, its signature). Texts of acts after D are left out.
- ``domestic_steps``: only steps certain on or before D (a step of "2025" from 31 Dec 2025);
  a step's detail that names a later year (the record's words) is left out.
- ``memberships``: only those begun for certain by D; an end after D is not yet known on D.
- ``world_counts`` and the snapshot's per-instrument counts: only those "as at" on or before D.

Cutting twice at the same date changes nothing (``Dataset.cut_on`` records the date).
"""

from __future__ import annotations

import dataclasses
import re
from datetime import date

import pandas as pd

from loaders.derive.status import bound
from loaders.model.records import SnapshotMeta
from loaders.store.dataset import Dataset

ACT_DATES = ("signature_date", "consent_date", "withdrawal_date")
_YEAR = re.compile(r"\b((?:19|20)\d\d)\b")


def dataset_on(dataset: Dataset, as_of: date) -> Dataset:
    """``dataset`` with every fact dated after ``as_of`` left out (see the module docstring)."""
    if dataset.cut_on == as_of:
        return dataset
    day = pd.Timestamp(as_of)
    status = _status_on(dataset.status, day)
    return dataclasses.replace(
        dataset,
        status=status,
        declarations=_declarations_on(dataset.declarations, status),
        domestic_steps=_steps_on(dataset.domestic_steps, day),
        memberships=_memberships_on(dataset.memberships, day),
        world_counts=_world_on(dataset.world_counts, day),
        meta=_meta_on(dataset.meta, as_of),
        cut_on=as_of,
    )


def _status_on(status: pd.DataFrame, day: pd.Timestamp) -> pd.DataFrame:
    frame = status.copy()
    hidden = pd.Series(False, index=frame.index)
    for column in ACT_DATES:
        if column in frame:
            dates = pd.to_datetime(frame[column])
            hidden |= dates > day
            frame[column] = dates.where(dates <= day)
    # The source and note of a row speak of its acts: of a later act, they are later facts.
    for column in ("source", "note"):
        if column in frame:
            frame[column] = frame[column].where(~hidden, "")
    if "consent_kind" in frame:
        frame["consent_kind"] = frame["consent_kind"].where(frame["consent_date"].notna(), "")
    if "kind_inferred" in frame:
        frame["kind_inferred"] = frame["kind_inferred"].astype(bool) & frame["consent_date"].notna()
    return frame


def _declarations_on(declarations: pd.DataFrame, status: pd.DataFrame) -> pd.DataFrame:
    """Texts whose accompanying act (consent, else signature) is in the cut status."""
    if declarations.empty or "mtdsg_no" not in declarations:
        return declarations
    acted = status[status["consent_date"].notna() | status["signature_date"].notna()]
    keys = set(zip(acted["iso3"], acted["mtdsg_no"], strict=True))
    mine = [k in keys for k in zip(declarations["iso3"], declarations["mtdsg_no"], strict=True)]
    return declarations[mine].reset_index(drop=True)


def _steps_on(steps: pd.DataFrame, day: pd.Timestamp) -> pd.DataFrame:
    if steps.empty or "date" not in steps:
        return steps
    ends = steps["date"].fillna("").map(lambda t: bound(t, latest=True))
    frame = steps[ends.notna() & (ends <= day)].reset_index(drop=True)
    if "detail" in frame:  # a detail that tells of a later year ("deposited in 2020") is left out
        later = frame["detail"].fillna("").map(lambda t: _mentions_after(t, day.year))
        frame["detail"] = frame["detail"].where(~later, "")
    return frame


def _mentions_after(text: str, year: int) -> bool:
    return any(int(found) > year for found in _YEAR.findall(text))


def _memberships_on(memberships: pd.DataFrame, day: pd.Timestamp) -> pd.DataFrame:
    if memberships.empty or "from_date" not in memberships:
        return memberships
    began = memberships["from_date"].fillna("").map(lambda t: bound(t, latest=True))
    frame = memberships[began.isna() | (began <= day)].copy()
    ended = frame["to_date"].fillna("").map(lambda t: bound(t, latest=False))
    frame["to_date"] = frame["to_date"].where(ended.isna() | (ended <= day), "")
    frame = frame.reset_index(drop=True)
    # A group with no member yet on D is still a group a reader may choose (and find empty).
    frame.attrs["group_ids"] = memberships.attrs.get("group_ids") or list(
        dict.fromkeys(memberships["group_id"])
    )
    return frame


def _world_on(counts: pd.DataFrame, day: pd.Timestamp) -> pd.DataFrame:
    if counts.empty or "status_as_at" not in counts:
        return counts
    as_at = pd.to_datetime(counts["status_as_at"], errors="coerce")
    return counts[as_at.notna() & (as_at <= day)]


def _meta_on(meta: SnapshotMeta, as_of: date) -> SnapshotMeta:
    """Per-instrument counts a refresh recorded "as at" a later date are left out."""
    later = {
        i: info.model_copy(update={"signatories": None, "parties": None})
        for i, info in meta.instruments.items()
        if info.status_as_at is not None and info.status_as_at > as_of
    }
    if not later:
        return meta
    return meta.model_copy(update={"instruments": {**meta.instruments, **later}})
