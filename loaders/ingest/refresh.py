"""Refresh: fetch each instrument from its depositary, validate everything, then replace the
snapshot.

Each depositary has its source: the UN Secretary-General's status pages on UNTC, the ILO's
NORMLEX ratification tables, the OAS Department of International Law's signatories tables. Nothing
is written until every requested instrument has been fetched, parsed, mapped to the 35 states and
checked against the current snapshot; then :func:`loaders.store.snapshot.publish` swaps the new
snapshot in atomically and keeps the old one in the history. One failing depositary stops the
whole refresh: every fact stays as it was, and the message says which depositary failed.

A Palermo instrument's page lists every participant: the 35 go to status.csv (paragraph 6's
facts), every other state and organisation to participation.csv, replacing that instrument's
rows there as at the page's "status as at" (a row verified beyond that date is newer and stays).
"""

from __future__ import annotations

import difflib
import re
import time
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from loaders import normlex, oasdil
from loaders.ingest.depositaries import (
    DepositaryPageError,
    as_participation,
    normlex_records,
    oas_records,
)
from loaders.model.dates import PartialDate, latest_possible
from loaders.model.names import NameIndex, Resolved, normalise
from loaders.model.records import (
    Instrument,
    InstrumentMeta,
    InstrumentStatus,
    Participant,
    ParticipationRecord,
    State,
    StatusRecord,
    act_date_problems,
    status_as_at_problems,
)
from loaders.model.text import plain_text
from loaders.store.registry import CORE_FAMILY, load_registry, load_states
from loaders.store.snapshot import (
    Snapshot,
    SnapshotContent,
    SnapshotError,
    publish,
    read_current,
)
from loaders.untc import UntcClient, UntcError

# Who keeps each instrument's record, and the source the refresh reads for it.
DEPOSITARIES = {
    "UN": "the UN Secretary-General (UNTC)",
    "ILO": "the ILO (NORMLEX)",
    "OAS": "the OAS General Secretariat (Department of International Law)",
}
_ILO_NUMBER = re.compile(r"^[CP]\d{3}$")
_OAS_NUMBER = re.compile(r"^[A-Z]-\d{1,3}$")


def depositary_of(instrument: Instrument) -> str:
    """``UN``, ``ILO`` or ``OAS``: the registry's word where it gives one, else the number's
    form (``XVIII-12-a`` UNTC, ``C029`` ILO, ``B-57`` OAS)."""
    declared = getattr(instrument, "depositary", None)
    if declared:
        return str(declared)
    if _ILO_NUMBER.match(instrument.mtdsg_no):
        return "ILO"
    if _OAS_NUMBER.match(instrument.mtdsg_no):
        return "OAS"
    return "UN"


class RefreshError(RuntimeError):
    """The fetched data cannot replace the snapshot; the message says what and where."""


_WITHDRAWAL = re.compile(r"withdr[ae]w|denounc|denunciat", re.I)


def _where(instrument: Instrument, status: InstrumentStatus) -> str:
    return f"{instrument.id} ({instrument.mtdsg_no}) at {status.source_url}"


def check_names(instrument: Instrument, status: InstrumentStatus, names: NameIndex) -> None:
    """Every participant and declaring party on the page must be someone; else stop, naming
    each stranger with the known names closest to it."""
    listed = [p.name for p in status.participants] + [d.participant for d in status.declarations]
    strangers = [name for name in dict.fromkeys(listed) if names.resolve(name) is None]
    if strangers:
        described = "; ".join(
            f"{plain_text(name)!r} (closest known names: {names.closest(name)})"
            for name in strangers[:5]
        )
        more = f"; and {len(strangers) - 5} more" if len(strangers) > 5 else ""
        raise RefreshError(
            f"{_where(instrument, status)}: participant names that name no state, country or "
            f"known organisation: {described}{more}. Nothing is dropped unseen: if UNTC "
            "spells a state in a new way, add the spelling to data/states.csv (untc_aliases)"
        )


def check_page_dates(instrument: Instrument, status: InstrumentStatus, today: date) -> None:
    """The page's "status as at" and every row's dates must be possible for this instrument."""
    problems = status_as_at_problems(instrument, status.status_as_at, today)
    for participant in status.participants:
        for problem in act_date_problems(
            instrument, participant.signature_date, participant.consent_date, today
        ):
            problems.append(f"{plain_text(participant.name)!r}: {problem}")
    if problems:
        shown = "; ".join(problems[:5]) + (
            f"; and {len(problems) - 5} more" if len(problems) > 5 else ""
        )
        raise RefreshError(f"{_where(instrument, status)}: impossible dates: {shown}")


def withdrawal_note(participant: Participant, status: InstrumentStatus) -> str | None:
    """The text of the page's note that says this bracketed participant withdrew, if any."""
    for marker in participant.footnotes:
        text = status.notes.get(marker, "")
        if _WITHDRAWAL.search(text):
            return plain_text(text)
    return None


def _participants_by_state(
    instrument: Instrument, status: InstrumentStatus, names: NameIndex
) -> dict[str, tuple[Participant, str, str | None]]:
    """OAS states on the page: (row, the known spelling it matched, the withdrawal note)."""
    return _participants_by_code(instrument, status, names, lambda resolved: resolved.oas)


def _participants_by_code(
    instrument: Instrument,
    status: InstrumentStatus,
    names: NameIndex,
    keep: Callable[[Resolved], bool],
) -> dict[str, tuple[Participant, str, str | None]]:
    """The page's participants ``keep`` accepts, by code: (row, the known spelling it matched,
    the withdrawal note). Two rows for one code, or brackets without a note, stop the refresh."""
    found: dict[str, tuple[Participant, str, str | None]] = {}
    for participant in status.participants:
        resolved = names.resolve(participant.name)
        if resolved is None or not keep(resolved):
            continue  # strangers were refused by check_names; others are not kept here
        iso3 = resolved.code
        if iso3 in found:
            raise RefreshError(
                f"{status.source_url}: two participants map to {iso3}: "
                f"{plain_text(found[iso3][0].name)!r} and {plain_text(participant.name)!r}"
            )
        note = None
        if participant.withdrawn:
            note = withdrawal_note(participant, status)
            if note is None:
                markers = ", ".join(participant.footnotes) or "none"
                raise RefreshError(
                    f"{_where(instrument, status)}: {resolved.spelling} ({iso3}) is shown in "
                    f"brackets, but no note of the page says it withdrew or denounced "
                    f"(footnote markers: {markers}); brackets alone are not a withdrawal, so "
                    "the snapshot is kept until this is checked"
                )
        found[iso3] = (participant, resolved.spelling, note)
    return found


_ISO3 = re.compile(r"^[A-Z]{3}$")


def world_records_for(
    instrument: Instrument,
    status: InstrumentStatus,
    names: NameIndex,
    retrieved_at: datetime,
) -> list[ParticipationRecord]:
    """Every participant of a Palermo instrument's page but the 35 (whose facts are status.csv's),
    one participation row each, as at the page's "status as at": the page lists every
    participant, so a state absent from it had taken no action then. An organisation (the EU)
    is a participant, never a state. Call after :func:`records_for` (names and dates checked)."""
    former = _former_states(status, names)
    found = _participants_by_code(
        instrument, status, names, lambda resolved: not resolved.oas and resolved.code not in former
    )
    source = _source(status, retrieved_at)
    records = []
    for code, (participant, spelling, withdrawal) in found.items():
        try:
            records.append(
                _world_record(instrument, status, code, participant, spelling, withdrawal, source)
            )
        except ValidationError as exc:
            reasons = "; ".join(e["msg"].removeprefix("Value error, ") for e in exc.errors())
            raise RefreshError(
                f"{plain_text(spelling)} ({code}) on {_where(instrument, status)}, status as at "
                f"{status.status_as_at}: {reasons}"
            ) from exc
    return records


def _former_states(status: InstrumentStatus, names: NameIndex) -> set[str]:
    """Codes of bracketed participants that are no longer states (Serbia and Montenegro): UNTC
    brackets a predecessor whose acts passed to its successors, which the page lists
    themselves; such a row is history, not a participant."""
    import pycountry  # only a refresh reads the world's names

    former = set()
    for participant in status.participants:
        resolved = names.resolve(participant.name) if participant.withdrawn else None
        current = resolved and pycountry.countries.get(alpha_3=resolved.code)
        if resolved and _ISO3.match(resolved.code) and current is None:
            former.add(resolved.code)
    return former


def _world_record(
    instrument: Instrument,
    status: InstrumentStatus,
    code: str,
    participant: Participant,
    spelling: str,
    withdrawal: str | None,
    source: str,
) -> ParticipationRecord:
    """One participant beyond the 35, its withdrawal kept as the 35's are: the signature
    stays, the consent is gone, the page's note is quoted."""
    notes = []
    if participant.kind_inferred:
        notes.append("UNTC gives no kind for this consent; accession inferred (no signature)")
    if participant.withdrawn:
        notes.append(f"shown in brackets on UNTC (withdrawn); the page's note: {withdrawal}")
    consent = None if participant.withdrawn else participant.consent_date
    signed = participant.signature_date
    state = bool(_ISO3.match(code))
    return ParticipationRecord(
        iso3=code if state else "",
        participant=plain_text(spelling),
        kind="state" if state else "organisation",
        mtdsg_no=instrument.mtdsg_no,
        status="party" if consent else "signatory" if signed else "not_party",
        signature_date=signed.isoformat() if signed else None,
        consent_date=consent.isoformat() if consent else None,
        consent_kind=participant.consent_kind if consent else None,
        kind_inferred=bool(consent and participant.kind_inferred),
        later_act=False,
        verified_through=status.status_as_at.isoformat(),
        confidence="high",
        source=plain_text("; ".join([source, *notes])),
    )


def _source(status: InstrumentStatus, retrieved_at: datetime) -> str:
    return (
        f"UNTC status {status.source_format.upper()} {status.source_url}, status as at "
        f"{status.status_as_at}, retrieved {retrieved_at:%Y-%m-%d %H:%M} UTC"
    )


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
    previous: dict[str, dict[str, Any]],
    retrieved_at: datetime,
) -> list[StatusRecord]:
    """One record per OAS state, checked against what the current snapshot says."""
    today = retrieved_at.date()
    check_names(instrument, status, names)
    check_page_dates(instrument, status, today)
    found = _participants_by_state(instrument, status, names)
    source = _source(status, retrieved_at)
    records = []
    for state in states:
        row = found.get(state.iso3)
        participant = row[0] if row else None
        before = previous.get(state.iso3, {})
        _check_not_lost(instrument, status, state, participant, before, names)
        try:
            records.append(_record(instrument, status, state, row, source))
        except ValidationError as exc:  # e.g. a consent dated after the page's "STATUS AS AT"
            reasons = "; ".join(e["msg"].removeprefix("Value error, ") for e in exc.errors())
            acts = (
                f"signature {participant.signature_date}, consent {participant.consent_date}"
                if participant
                else "no row"
            )
            raise RefreshError(
                f"{state.name} ({state.iso3}) on {instrument.id} ({instrument.mtdsg_no}) at "
                f"{status.source_url}, status as at {status.status_as_at}: {reasons} ({acts})"
            ) from exc
    return records


def _check_not_lost(
    instrument: Instrument,
    status: InstrumentStatus,
    state: State,
    participant: Participant | None,
    before: dict[str, Any],
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
    row: tuple[Participant, str, str | None] | None,
    source: str,
) -> StatusRecord:
    participant, spelling, withdrawal = row if row else (None, state.untc_name, None)
    notes = []
    if participant and participant.kind_inferred:
        notes.append("UNTC gives no kind for this consent; accession inferred (no signature)")
    if participant and participant.withdrawn:
        notes.append(f"shown in brackets on UNTC (withdrawn); the page's note: {withdrawal}")
    withdrawn = bool(participant and participant.withdrawn)
    return StatusRecord(
        iso3=state.iso3,
        mtdsg_no=instrument.mtdsg_no,
        participant=plain_text(spelling),
        signature_date=participant.signature_date if participant else None,
        consent_date=None if not participant or withdrawn else participant.consent_date,
        consent_kind=None if not participant or withdrawn else participant.consent_kind,
        kind_inferred=bool(participant and participant.kind_inferred),
        verified_through=status.status_as_at.isoformat(),
        confidence="high",
        source=plain_text(source),
        note=plain_text("; ".join(notes)),
    )


_DAMAGED = (
    "run `python -m loaders restore` (it brings back the newest good snapshot, or rebuilds one "
    "from the reference facts), then refresh"
)
DEFAULT_TIMEOUT = 300.0  # seconds for a whole refresh (`--timeout`), every request included


@dataclass(frozen=True)
class Sources:
    """Where each depositary's pages are read (a local stand-in in tests)."""

    untc: str = "https://treaties.un.org"
    normlex: str = normlex.DEFAULT_BASE_URL
    oas: str = oasdil.DEFAULT_BASE_URL


@dataclass(frozen=True)
class _Fetched:
    """One instrument as its depositary's page gave it."""

    depositary: str
    status: InstrumentStatus | normlex.NormlexStatus | oasdil.OasStatus
    content: bytes
    url: str


_SOURCE_ERRORS = (UntcError, normlex.NormlexError, oasdil.OasdilError)


def choose(
    registry: list[Instrument],
    instrument_ids: Sequence[str] | None = None,
    depositaries: Sequence[str] | None = None,
) -> list[Instrument]:
    """The instruments a refresh reads: those named, else those of the depositaries named, else
    the four Palermo instruments (paragraph 6's, as an unattended refresh has always read). An
    empty choice is an error, never a refresh of nothing."""
    unknown = sorted(set(depositaries or ()) - set(DEPOSITARIES))
    if unknown:
        raise RefreshError(f"unknown depositary {unknown}; choose from {', '.join(DEPOSITARIES)}")
    if not instrument_ids and not depositaries:
        return [i for i in registry if i.family == CORE_FAMILY]
    chosen = [
        i
        for i in registry
        if (not instrument_ids or i.id in instrument_ids)
        and (not depositaries or depositary_of(i) in depositaries)
    ]
    if not chosen:
        raise RefreshError(
            f"no instrument is both among {list(instrument_ids or [])} and kept by "
            f"{list(depositaries or [])}"
        )
    return chosen


def refresh(
    data: Path,
    instrument_ids: Sequence[str] | None = None,
    base_url: str = "https://treaties.un.org",
    progress: Callable[[str], None] = lambda _: None,
    client: UntcClient | None = None,
    timeout: float = DEFAULT_TIMEOUT,
    depositaries: Sequence[str] | None = None,
    sources: Sources | None = None,
) -> Path:
    """Fetch, validate and publish; returns the new snapshot folder. Raises RefreshError.

    ``timeout`` bounds the whole refresh: no request (connect, headers, body, retries and their
    back-off) runs past it, however the server answers. ``sources`` overrides where NORMLEX and
    the OAS tables are read (``base_url`` is UNTC's).
    """
    sources = sources or Sources(untc=base_url)
    registry = load_registry(data)
    instruments = choose(registry, instrument_ids, depositaries)
    try:  # checked again under the lock; here so that nothing is fetched in vain
        read_current(data)
    except SnapshotError as exc:
        raise RefreshError(
            f"the current snapshot is missing or damaged ({exc}); {_DAMAGED}"
        ) from exc
    deadline = time.monotonic() + timeout
    # One bounded client for every depositary: one deadline covers the whole refresh.
    client = client or UntcClient(
        base_url=sources.untc, progress=progress, deadline=deadline, deadline_seconds=timeout
    )
    fetched = {}
    for position, instrument in enumerate(instruments, start=1):
        depositary = depositary_of(instrument)
        progress(f"[{position}/{len(instruments)}] {instrument.id} ({instrument.mtdsg_no})")
        try:
            fetched[instrument.id] = _fetch(instrument, depositary, client, sources, progress)
        except (*_SOURCE_ERRORS, ValueError) as exc:
            raise RefreshError(
                f"{_failed(depositary)}{instrument.id} ({instrument.mtdsg_no}): {exc}"
            ) from exc
    states = load_states(data)
    merge = _Merge(registry, instruments, states, NameIndex(states), fetched, progress)
    return publish(data, _method(instruments), merge.content)


def _failed(depositary: str) -> str:
    """Which source failed, and that nothing changed because of it ('' for UNTC, whose messages
    have always begun with the instrument)."""
    if depositary == "UN":
        return ""
    return (
        f"the source of {DEPOSITARIES[depositary]} failed, so nothing was published and every "
        "fact is kept as it was: "
    )


def _fetch(
    instrument: Instrument,
    depositary: str,
    client: UntcClient,
    sources: Sources,
    progress: Callable[[str], None],
) -> _Fetched:
    status: InstrumentStatus | normlex.NormlexStatus | oasdil.OasStatus
    if depositary == "ILO":
        status, content, url = normlex.fetch_status(
            client.fetch, instrument.mtdsg_no, sources.normlex, progress
        )
    elif depositary == "OAS":
        today = datetime.now(UTC).date()
        status, content, url = oasdil.fetch_status(
            client.fetch, instrument.mtdsg_no, instrument.adopted, today, sources.oas, progress
        )
    else:
        if instrument.chapter is None:  # its UNTC address is made from the chapter
            raise RefreshError(f"{instrument.id}: a UN instrument needs its MTDSG chapter")
        status, content, url = client.fetch_status(instrument.mtdsg_no, instrument.chapter)
        if status.fallback_reason:
            progress(
                f"{instrument.id}: read the HTML status page because the XML feed was refused: "
                f"{status.fallback_reason}"
            )
    return _Fetched(depositary, status, content, url)


def _method(instruments: list[Instrument]) -> str:
    only_un = all(depositary_of(i) == "UN" for i in instruments)
    return "untc-refresh" if only_un else "depositary-refresh"


_DESCRIPTIONS = {
    "untc-refresh": "Refreshed from the UN Treaty Collection (UNTC), the depositary's record; "
    "instruments not refreshed keep their previous rows.",
    "depositary-refresh": "Refreshed from each instrument's depositary (UNTC for the UN, NORMLEX "
    "for the ILO, the Department of International Law for the OAS); instruments not refreshed "
    "keep their previous rows.",
}


@dataclass(frozen=True)
class _Merge:
    """Fetched instruments merged into the current snapshot; runs under the snapshot lock."""

    registry: list[Instrument]  # every instrument: the rows kept are checked too
    instruments: list[Instrument]
    states: list[State]
    names: NameIndex
    fetched: dict[str, _Fetched]
    progress: Callable[[str], None]

    def content(self, current: Snapshot | None) -> SnapshotContent:
        if current is None:
            raise RefreshError(f"the current snapshot is missing or damaged; {_DAMAGED}")
        retrieved_at = datetime.now(UTC)
        # The 35 on the four Palermo instruments live in status.csv; the family and the rest of
        # the world in participation.csv.
        core = {i.mtdsg_no for i in self.instruments if i.family == CORE_FAMILY}
        family = {i.mtdsg_no for i in self.instruments if i.family != CORE_FAMILY}
        rows = current.status.to_dict("records")
        records = [_from_row(r) for r in rows if r["mtdsg_no"] not in core]
        ours = {s.iso3 for s in self.states}
        joined = current.participation.to_dict("records")
        participation = [
            _participation_from_row(r)
            for r in joined
            if not (r["mtdsg_no"] in family and r["iso3"] in ours)
        ]
        declarations = [
            d for d in current.declarations.to_dict("records") if d["mtdsg_no"] not in core
        ]
        instrument_meta = dict(current.meta.instruments)
        raw: dict[str, bytes] = {}
        world: dict[str, list[ParticipationRecord]] = {}  # every other participant, by number
        for instrument in self.instruments:
            got = self.fetched[instrument.id]
            source_rows = rows if instrument.mtdsg_no in core else joined
            previous = {r["iso3"]: r for r in source_rows if r["mtdsg_no"] == instrument.mtdsg_no}
            meta = _meta_of(instrument, got, retrieved_at)
            _check_not_older(instrument, meta, current.meta.instruments.get(instrument.id))
            if instrument.mtdsg_no not in core:
                _check_rows_not_newer(instrument, meta, previous.values())
            try:
                if instrument.mtdsg_no in core:
                    status = _untc_status(instrument, got)
                    records += records_for(
                        instrument, status, self.states, self.names, previous, retrieved_at
                    )
                    declarations += _declarations(instrument, status, self.names)
                    world[instrument.mtdsg_no] = self._world(instrument, got, joined, retrieved_at)
                else:
                    made = self._records(instrument, got, previous, retrieved_at)
                    participation += [
                        r if isinstance(r, ParticipationRecord) else as_participation(r)
                        for r in made
                    ]
            except DepositaryPageError as exc:
                raise RefreshError(f"{_failed(got.depositary)}{exc}") from exc
            raw[f"{instrument.id}.{_extension(got)}"] = got.content
            instrument_meta[instrument.id] = meta
            self.progress(f"{instrument.id}: {_summary(got)}")
        _check_publishable(self.registry, records, instrument_meta, retrieved_at.date())
        participation = [r for r in participation if r.mtdsg_no not in world]
        participation += [r for rows in world.values() for r in rows]
        method = _method(self.instruments)
        meta_fields = {
            "method": method,
            "description": _DESCRIPTIONS[method],
            "compiled_at": retrieved_at,
            "instruments": instrument_meta,
        }
        # None: the current file, byte for byte (nothing beyond status.csv was read)
        kept = participation if family or world else None
        return SnapshotContent(records, declarations, raw, meta_fields, kept)

    def _world(
        self,
        instrument: Instrument,
        got: _Fetched,
        joined: list[dict[str, Any]],
        retrieved_at: datetime,
    ) -> list[ParticipationRecord]:
        """The instrument's participants beyond the 35 from the page, replacing the current
        rows of it; a current row verified beyond the page's date is newer and stays."""
        if not isinstance(got.status, InstrumentStatus):
            return [
                _participation_from_row(r) for r in joined if r["mtdsg_no"] == instrument.mtdsg_no
            ]
        read = world_records_for(instrument, got.status, self.names, retrieved_at)
        ours = {s.iso3 for s in self.states}
        as_at = got.status.status_as_at
        newer = [
            _participation_from_row(r)
            for r in joined
            if r["mtdsg_no"] == instrument.mtdsg_no
            and r["iso3"] not in ours
            and PartialDate.parse(r["verified_through"]).earliest() > as_at
        ]
        newer_keys = {_key(r) for r in newer}
        merged = newer + [r for r in read if _key(r) not in newer_keys]
        before = {
            _key(_participation_from_row(r)): r
            for r in joined
            if r["mtdsg_no"] == instrument.mtdsg_no and r["iso3"] not in ours
        }
        changed = sum(1 for r in merged if _world_changed(before.get(_key(r)), r))
        self.progress(
            f"{instrument.id}: {len(read)} participants beyond the 35, status as at {as_at}; "
            f"{changed} changed, {len(set(before) - {_key(r) for r in merged})} no longer listed"
        )
        return merged

    def _records(
        self,
        instrument: Instrument,
        got: _Fetched,
        previous: dict[str, dict[str, Any]],
        retrieved_at: datetime,
    ) -> list[StatusRecord] | list[ParticipationRecord]:
        status, found = got.status, (self.states, self.names, previous, retrieved_at)
        if isinstance(status, normlex.NormlexStatus):  # the ILO's
            return normlex_records(instrument, status, *found)
        if isinstance(status, oasdil.OasStatus):  # the OAS's
            return oas_records(instrument, status, *found)
        return records_for(instrument, status, *found)


def _untc_status(instrument: Instrument, got: _Fetched) -> InstrumentStatus:
    """The core family's status, read from UNTC (its records and texts are UNTC's)."""
    if not isinstance(got.status, InstrumentStatus):
        raise RefreshError(f"{instrument.id}: a {CORE_FAMILY} instrument is read from UNTC only")
    return got.status


def _extension(got: _Fetched) -> str:
    return got.status.source_format if isinstance(got.status, InstrumentStatus) else "html"


def _summary(got: _Fetched) -> str:
    status = got.status
    if isinstance(status, InstrumentStatus):
        return f"{len(status.participants)} participants, status as at {status.status_as_at}"
    if isinstance(status, normlex.NormlexStatus):
        return f"{len(status.ratifications)} ratifications on NORMLEX"
    return f"{len(status.rows)} countries in the OAS table"


def _check_publishable(
    registry: list[Instrument],
    records: list[StatusRecord],
    meta: dict[str, InstrumentMeta],
    today: date,
) -> None:
    """No impossible date reaches a published snapshot, refreshed or kept from the current one."""
    instruments = {i.mtdsg_no: i for i in registry}
    problems = []
    for record in records:
        instrument = instruments.get(record.mtdsg_no)
        if instrument is None:
            continue
        for problem in act_date_problems(
            instrument, record.signature_date, record.consent_date, today
        ):
            problems.append(f"{record.iso3} on {instrument.id}: {problem}")
    by_id = {i.id: i for i in instruments.values()}
    for instrument_id, info in meta.items():
        if info.status_as_at and instrument_id in by_id:
            problems += [
                f"{instrument_id}: {problem}"
                for problem in status_as_at_problems(by_id[instrument_id], info.status_as_at, today)
            ]
    if problems:
        raise RefreshError(
            "the new snapshot would keep impossible dates from the current one: "
            + "; ".join(problems[:5])
            + ". Refresh those instruments too, or run `python -m loaders restore`"
        )


def _key(record: ParticipationRecord) -> str:
    """A participant's identity in participation.csv: its ISO code, an organisation's name."""
    return record.iso3 or record.participant


_STANDING = ("status", "signature_date", "consent_date", "consent_kind")


def _world_changed(before: dict[str, Any] | None, after: ParticipationRecord) -> bool:
    """Whether a participant's standing (status, acts, kind) differs from the current row."""
    if before is None:
        return True
    now = after.model_dump(mode="json")
    return any((before.get(f) or "") != (now.get(f) or "") for f in _STANDING)


def _participation_from_row(row: dict[str, Any]) -> ParticipationRecord:
    values = {k: v for k, v in row.items() if v != ""}
    return ParticipationRecord.model_validate(values)


def _from_row(row: dict[str, Any]) -> StatusRecord:
    values = {k: v for k, v in row.items() if v != ""}
    return StatusRecord.model_validate(values | {"kind_inferred": row["kind_inferred"] == "true"})


def _meta_of(instrument: Instrument, got: _Fetched, retrieved_at: datetime) -> InstrumentMeta:
    status = got.status
    if isinstance(status, InstrumentStatus):
        return InstrumentMeta(
            mtdsg_no=instrument.mtdsg_no,
            status_as_at=status.status_as_at,
            source=f"UNTC status {status.source_format.upper()}",
            source_url=got.url,
            retrieved_at=retrieved_at,
            signatories=status.signatories,
            parties=status.parties,
            fallback_reason=plain_text(status.fallback_reason) if status.fallback_reason else None,
        )
    # NORMLEX and the OAS tables are undated: what they show is the record on the day read.
    if isinstance(status, normlex.NormlexStatus):
        source = "ILO NORMLEX ratifications by convention"
        parties = sum(1 for r in status.ratifications if not r.denounced)
        signatories = None
    else:
        source = "OAS Department of International Law, signatories and ratifications"
        parties = sum(1 for r in status.rows if r.deposit)
        signatories = sum(1 for r in status.rows if r.signature)
    return InstrumentMeta(
        mtdsg_no=instrument.mtdsg_no,
        status_as_at=retrieved_at.date(),
        source=source,
        source_url=got.url,
        retrieved_at=retrieved_at,
        signatories=signatories,
        parties=parties,
    )


def _check_not_older(
    instrument: Instrument, new: InstrumentMeta, meta: InstrumentMeta | None
) -> None:
    """Newer data is never replaced by older; but a current "status as at" that is itself in
    the future is impossible, and must not block every correct refresh after it."""
    if not meta or not meta.status_as_at or not new.status_as_at or not new.retrieved_at:
        return
    if meta.status_as_at > latest_possible(new.retrieved_at.date()):
        return
    if new.status_as_at < meta.status_as_at:
        raise RefreshError(
            f"{instrument.id}: {new.source_url} is status as at {new.status_as_at}, older "
            f"than the snapshot's {meta.status_as_at}; not replacing newer data with older"
        )


def _check_rows_not_newer(
    instrument: Instrument, new: InstrumentMeta, previous: Iterable[dict[str, Any]]
) -> None:
    """A family instrument's rows carry their own verification dates (the reference facts):
    a page older than the newest of them does not replace them."""
    if not new.status_as_at or not new.retrieved_at:
        return
    latest = latest_possible(new.retrieved_at.date())
    checked = [PartialDate.parse(r["verified_through"]).earliest() for r in previous]
    newest = max((day for day in checked if day <= latest), default=None)
    if newest and new.status_as_at < newest:
        raise RefreshError(
            f"{instrument.id}: {new.source_url} is status as at {new.status_as_at}, older than "
            f"rows of the snapshot verified through {newest}; not replacing newer data with older"
        )


def _declarations(
    instrument: Instrument, status: InstrumentStatus, names: NameIndex
) -> list[dict[str, Any]]:
    """The 35 states' texts, classified as the bundled capture is, sourced to the page."""
    from loaders.derive.declarations import classify

    rows = []
    for declaration in status.declarations:
        resolved = names.resolve(declaration.participant)
        if resolved and resolved.oas:
            text = "\n\n".join(
                plain_text(paragraph) for paragraph in declaration.text.split("\n\n")
            )
            rows.append(
                {
                    "mtdsg_no": instrument.mtdsg_no,
                    "iso3": resolved.code,
                    "participant": plain_text(resolved.spelling),
                    "section": plain_text(declaration.section),
                    "text": text,
                    **classify(text, instrument.mtdsg_no, declaration.section).cells(),
                    "source": status.source_url,
                    "published_as_at": status.status_as_at.isoformat(),
                }
            )
    return rows
