"""Refresh: fetch each instrument from UNTC, validate everything, then replace the snapshot.

Nothing is written until every requested instrument has been fetched, parsed, mapped to the 35
states and checked against the current snapshot; then :func:`loaders.store.snapshot.publish`
swaps the new snapshot in atomically and keeps the old one in the history.
"""

from __future__ import annotations

import difflib
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from pydantic import ValidationError

from loaders.model.names import NameIndex, normalise
from loaders.model.records import (
    Instrument,
    InstrumentMeta,
    InstrumentStatus,
    Participant,
    State,
    StatusRecord,
)
from loaders.store.registry import load_instruments, load_states
from loaders.store.snapshot import Snapshot, SnapshotContent, publish
from loaders.untc import UntcClient, UntcError


class RefreshError(RuntimeError):
    """The fetched data cannot replace the snapshot; the message says what and where."""


def _participants_by_state(status: InstrumentStatus, names: NameIndex) -> dict[str, Participant]:
    found: dict[str, Participant] = {}
    for participant in status.participants:
        iso3 = names.iso3(participant.name)
        if iso3 is None:
            continue
        if iso3 in found:
            raise RefreshError(
                f"{status.source_url}: two participants map to {iso3}: "
                f"{found[iso3].name!r} and {participant.name!r}"
            )
        found[iso3] = participant
    return found


def _unmapped_near(status: InstrumentStatus, names: NameIndex, state: State) -> str:
    unmapped = [p.name for p in status.participants if names.iso3(p.name) is None]
    # A renamed state usually keeps its first letters ("Argentine Republic"); else spelling.
    stem = normalise(state.untc_name)[:5]
    same_stem = [n for n in unmapped if normalise(n).startswith(stem)]
    spelled = difflib.get_close_matches(state.untc_name, unmapped, n=3, cutoff=0.6)
    close = list(dict.fromkeys(same_stem + spelled))[:3]
    return f"; unmapped participant names close to it: {close}" if close else ""


def records_for(
    instrument: Instrument,
    status: InstrumentStatus,
    states: list[State],
    names: NameIndex,
    previous: dict[str, dict],
    retrieved_at: datetime,
) -> list[StatusRecord]:
    """One record per OAS state, checked against what the current snapshot says."""
    found = _participants_by_state(status, names)
    source = (
        f"UNTC status {status.source_format.upper()} {status.source_url}, status as at "
        f"{status.status_as_at}, retrieved {retrieved_at:%Y-%m-%d %H:%M} UTC"
    )
    records = []
    for state in states:
        participant = found.get(state.iso3)
        before = previous.get(state.iso3, {})
        _check_not_lost(instrument, status, state, participant, before, names)
        try:
            records.append(_record(instrument, status, state, participant, source))
        except ValidationError as exc:  # e.g. a consent dated after the page's "STATUS AS AT"
            reasons = "; ".join(e["msg"].removeprefix("Value error, ") for e in exc.errors())
            row = (
                f"signature {participant.signature_date}, consent {participant.consent_date}"
                if participant
                else "no row"
            )
            raise RefreshError(
                f"{state.name} ({state.iso3}) on {instrument.id} ({instrument.mtdsg_no}) at "
                f"{status.source_url}, status as at {status.status_as_at}: {reasons} ({row})"
            ) from exc
    return records


def _check_not_lost(
    instrument: Instrument,
    status: InstrumentStatus,
    state: State,
    participant: Participant | None,
    before: dict,
    names: NameIndex,
) -> None:
    was_party = bool(before.get("consent_date"))
    was_participant = was_party or bool(before.get("signature_date"))
    where = f"{instrument.id} ({instrument.mtdsg_no}) at {status.source_url}"
    if participant is None and was_participant:
        raise RefreshError(
            f"{state.name} ({state.iso3}) is missing from {where}, but the current snapshot "
            f"lists it as a {'party' if was_party else 'signatory'}"
            f"{_unmapped_near(status, names, state)}"
        )
    if participant and was_party and not participant.consent_date and not participant.withdrawn:
        raise RefreshError(
            f"{state.name} ({state.iso3}) is no longer shown as a party on {where} and the page "
            "carries no withdrawal note; the snapshot is kept until this is checked"
        )


def _record(
    instrument: Instrument,
    status: InstrumentStatus,
    state: State,
    participant: Participant | None,
    source: str,
) -> StatusRecord:
    notes = []
    if participant and participant.kind_inferred:
        notes.append("UNTC gives no kind for this consent; accession inferred (no signature)")
    if participant and participant.withdrawn:
        notes.append("shown in brackets on UNTC (withdrawn); see the page's footnotes")
    return StatusRecord(
        iso3=state.iso3,
        mtdsg_no=instrument.mtdsg_no,
        participant=participant.name if participant else state.untc_name,
        signature_date=participant.signature_date if participant else None,
        consent_date=None if not participant or participant.withdrawn else participant.consent_date,
        consent_kind=None if not participant or participant.withdrawn else participant.consent_kind,
        kind_inferred=bool(participant and participant.kind_inferred),
        verified_through=status.status_as_at.isoformat(),
        confidence="high",
        source=source,
        note="; ".join(notes),
    )


def refresh(
    data: Path,
    instrument_ids: Sequence[str] | None = None,
    base_url: str = "https://treaties.un.org",
    progress: Callable[[str], None] = lambda _: None,
    client: UntcClient | None = None,
) -> Path:
    """Fetch, validate and publish; returns the new snapshot folder. Raises RefreshError."""
    instruments = load_instruments(data)
    if instrument_ids:
        instruments = [i for i in instruments if i.id in instrument_ids]
    client = client or UntcClient(base_url=base_url, progress=progress)
    fetched = {}
    for position, instrument in enumerate(instruments, start=1):
        progress(f"[{position}/{len(instruments)}] {instrument.id} ({instrument.mtdsg_no})")
        try:
            fetched[instrument.id] = client.fetch_status(instrument.mtdsg_no, instrument.chapter)
        except UntcError as exc:
            raise RefreshError(f"{instrument.id} ({instrument.mtdsg_no}): {exc}") from exc
    states = load_states(data)
    merge = _Merge(instruments, states, NameIndex(states), fetched, progress)
    return publish(data, "untc", merge.content)


@dataclass(frozen=True)
class _Merge:
    """Fetched instruments merged into the current snapshot; runs under the snapshot lock."""

    instruments: list[Instrument]
    states: list[State]
    names: NameIndex
    fetched: dict[str, tuple[InstrumentStatus, bytes, str]]
    progress: Callable[[str], None]

    def content(self, current: Snapshot | None) -> SnapshotContent:
        if current is None:
            raise RefreshError(
                "the current snapshot is missing or damaged; run "
                "`python -m loaders check` and restore it before refreshing"
            )
        retrieved_at = datetime.now(UTC)
        refreshed = {i.mtdsg_no for i in self.instruments}
        rows = current.status.to_dict("records")
        records = [_from_row(r) for r in rows if r["mtdsg_no"] not in refreshed]
        declarations = [
            d for d in current.declarations.to_dict("records") if d["mtdsg_no"] not in refreshed
        ]
        instrument_meta = dict(current.meta.instruments)
        raw: dict[str, bytes] = {}
        for instrument in self.instruments:
            status, content, url = self.fetched[instrument.id]
            previous = {r["iso3"]: r for r in rows if r["mtdsg_no"] == instrument.mtdsg_no}
            _check_not_older(instrument, status, current.meta.instruments.get(instrument.id))
            records += records_for(
                instrument, status, self.states, self.names, previous, retrieved_at
            )
            declarations += _declarations(instrument, status, self.names)
            raw[f"{instrument.id}.{status.source_format}"] = content
            instrument_meta[instrument.id] = _instrument_meta(instrument, status, url, retrieved_at)
            self.progress(
                f"{instrument.id}: {len(status.participants)} participants, status as at "
                f"{status.status_as_at}"
            )
        meta_fields = {
            "method": "untc-refresh",
            "description": "Refreshed from the UN Treaty Collection (UNTC), the depositary's "
            "record; instruments not refreshed keep their previous rows.",
            "compiled_at": retrieved_at,
            "instruments": instrument_meta,
        }
        return SnapshotContent(records, declarations, raw, meta_fields)


def _from_row(row: dict) -> StatusRecord:
    values = {k: v for k, v in row.items() if v != ""}
    return StatusRecord.model_validate(values | {"kind_inferred": row["kind_inferred"] == "true"})


def _instrument_meta(
    instrument: Instrument, status: InstrumentStatus, url: str, retrieved_at: datetime
) -> InstrumentMeta:
    return InstrumentMeta(
        mtdsg_no=instrument.mtdsg_no,
        status_as_at=status.status_as_at,
        source=f"UNTC status {status.source_format.upper()}",
        source_url=url,
        retrieved_at=retrieved_at,
        signatories=status.signatories,
        parties=status.parties,
    )


def _check_not_older(
    instrument: Instrument, status: InstrumentStatus, meta: InstrumentMeta | None
) -> None:
    if meta and meta.status_as_at and status.status_as_at < meta.status_as_at:
        raise RefreshError(
            f"{instrument.id}: {status.source_url} is status as at {status.status_as_at}, older "
            f"than the snapshot's {meta.status_as_at}; not replacing newer data with older"
        )


def _declarations(instrument: Instrument, status: InstrumentStatus, names: NameIndex) -> list[dict]:
    """The 35 states' texts, classified as the bundled capture is, sourced to the page."""
    from loaders.derive.declarations import classify

    rows = []
    for declaration in status.declarations:
        iso3 = names.iso3(declaration.participant)
        if iso3:
            rows.append(
                {
                    "mtdsg_no": instrument.mtdsg_no,
                    "iso3": iso3,
                    "participant": declaration.participant,
                    "section": declaration.section,
                    "text": declaration.text,
                    **classify(declaration.text, instrument.mtdsg_no, declaration.section).cells(),
                    "source": status.source_url,
                    "published_as_at": status.status_as_at.isoformat(),
                }
            )
    return rows
