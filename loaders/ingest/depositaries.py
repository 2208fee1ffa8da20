"""The ILO's and the OAS's pages turned into the snapshot's participation rows (the treaty family
of the 35), with the checks UNTC's get: every name someone, no impossible date, no party or
signatory lost without the page saying why.

NORMLEX and the OAS tables carry no "status as at": a page says what the depositary records on
the day it is read, so each row is verified through the day of the refresh. A state the page does
not list is not a party on that day (the depositary's list is complete), with high confidence.
"""

from __future__ import annotations

import calendar
from collections.abc import Iterable
from datetime import date, datetime
from typing import Any

from pydantic import ValidationError

from loaders.model.dates import latest_possible
from loaders.model.names import NameIndex
from loaders.model.records import Instrument, ParticipationRecord, State, StatusRecord
from loaders.model.text import plain_text
from loaders.normlex import NormlexStatus, Ratification
from loaders.oasdil import OasRow, OasStatus


class DepositaryPageError(RuntimeError):
    """A depositary's page cannot replace the snapshot's rows; the message says what, where."""


def _shown(problems: list[str]) -> str:
    more = f"; and {len(problems) - 5} more" if len(problems) > 5 else ""
    return "; ".join(problems[:5]) + more


def _resolved(
    where: str, names: NameIndex, listed: Iterable[str], spelling_fix: str
) -> dict[str, tuple[str, str]]:
    """OAS states on the page, by ISO code: (the page's name, the known spelling it matched).
    A name that is no one stops the refresh, naming the known names closest to it."""
    listed = list(dict.fromkeys(listed))
    strangers = [name for name in listed if names.resolve(name) is None]
    if strangers:
        described = _shown(
            [f"{plain_text(n)!r} (closest known names: {names.closest(n)})" for n in strangers]
        )
        raise DepositaryPageError(
            f"{where}: names that name no state, country or known organisation: {described}. "
            f"Nothing is dropped unseen: {spelling_fix}"
        )
    found: dict[str, tuple[str, str]] = {}
    for name in listed:
        resolved = names.resolve(name)
        if resolved is None or not resolved.oas:
            continue
        if resolved.code in found:
            raise DepositaryPageError(
                f"{where}: two rows map to {resolved.code}: "
                f"{plain_text(found[resolved.code][0])!r} and {plain_text(name)!r}"
            )
        found[resolved.code] = (name, resolved.spelling)
    return found


_SPELLING_FIX = (
    "if the depositary spells a state in a new way, add the spelling to data/states.csv "
    "(untc_aliases)"
)


def twelve_months_after(day: date) -> date:
    """The same day a year later (28 February for a 29 February)."""
    last = calendar.monthrange(day.year + 1, day.month)[1]
    return date(day.year + 1, day.month, min(day.day, last))


def ilo_date_problems(instrument: Instrument, row: Ratification, today: date) -> list[str]:
    """Why a NORMLEX row cannot be a fact of ``instrument`` read on ``today`` ([] if it can).

    An ILO convention comes into force for a member twelve months after the registration of its
    ratification, and never before the convention's own entry into force: where the page states
    the date, it must be that one."""
    problems = []
    latest = latest_possible(today)
    if row.registered < instrument.adopted:
        problems.append(
            f"registered {row.registered.isoformat()}, before the instrument was adopted "
            f"({instrument.adopted.isoformat()})"
        )
    for label, day in (("registered", row.registered), ("denounced", row.denounced)):
        if day and day > latest:
            problems.append(f"{label} {day.isoformat()}, in the future (today {today})")
    if row.in_force_date:
        expected = max(twelve_months_after(row.registered), instrument.entry_into_force)
        if row.in_force_date != expected:
            problems.append(
                f"in force on {row.in_force_date.isoformat()} by the page, but a ratification "
                f"registered on {row.registered.isoformat()} comes into force on "
                f"{expected.isoformat()} (twelve months later, not before the instrument's own "
                f"entry into force on {instrument.entry_into_force.isoformat()})"
            )
    return problems


def _check_not_lost(
    where: str, state: State, standing: str, listed: bool, before: dict[str, Any], explained: bool
) -> str:
    """A party or signatory the current snapshot knows with high confidence stays one, unless the
    page says why not. One known from a secondary source (medium or low confidence) gives way
    to the depositary's page; what it said is returned, to be kept beside the new row."""
    was = before.get("status", "")
    lost = (was in ("party", "signatory") and not listed) or (
        was == "party" and standing != "party" and not explained
    )
    if not lost:
        return ""
    if before.get("confidence") != "high":
        return (
            f"the snapshot before this refresh said {was} ({before.get('confidence')} "
            f"confidence, not from the depositary); the depositary's page says {standing}"
        )
    if not listed:
        raise DepositaryPageError(
            f"{state.name} ({state.iso3}) is missing from {where}, but the current snapshot "
            f"lists it as a {was}; the snapshot is kept until this is checked"
        )
    raise DepositaryPageError(
        f"{state.name} ({state.iso3}) is no longer shown as a party on {where} and the "
        "page gives no denunciation; the snapshot is kept until this is checked"
    )


def _validated(fields: dict[str, Any], state: State, where: str) -> ParticipationRecord:
    try:
        return ParticipationRecord(**fields)
    except ValidationError as exc:
        reasons = "; ".join(e["msg"].removeprefix("Value error, ") for e in exc.errors())
        raise DepositaryPageError(f"{state.name} ({state.iso3}) on {where}: {reasons}") from exc


def _where(instrument: Instrument, source_url: str, entry_into_force: date | None) -> str:
    """Where a depositary page was read, for messages; refuses a page whose entry into force
    is not the registry's (another instrument's page behind the address)."""
    where = f"{instrument.id} ({instrument.mtdsg_no}) at {source_url}"
    if entry_into_force and entry_into_force != instrument.entry_into_force:
        raise DepositaryPageError(
            f"{where}: the page gives entry into force on {entry_into_force}, the "
            f"registry {instrument.entry_into_force}; another instrument?"
        )
    return where


def _record(
    state: State,
    spelling: str,
    instrument: Instrument,
    standing: str,
    today: date,
    source: str,
    said: str,
    where: str,
    **dates: Any,
) -> ParticipationRecord:
    """One state's record from a depositary page, verified today; ``dates``: the signature,
    consent and entry-into-force fields the page gives."""
    return _validated(
        dict(
            iso3=state.iso3,
            participant=plain_text(spelling),
            mtdsg_no=instrument.mtdsg_no,
            status=standing,
            verified_through=today.isoformat(),
            confidence="high",
            source=plain_text(f"{source}; {said}" if said else source),
            **dates,
        ),
        state,
        where,
    )


def normlex_records(
    instrument: Instrument,
    status: NormlexStatus,
    states: list[State],
    names: NameIndex,
    previous: dict[str, dict[str, Any]],
    retrieved_at: datetime,
) -> list[ParticipationRecord]:
    """One row per OAS state from an instrument's NORMLEX page, checked first. ``previous``:
    the current snapshot's participation rows of this instrument, by ISO code."""
    today = retrieved_at.date()
    where = _where(instrument, status.source_url, status.entry_into_force)
    rows = {row.name: row for row in status.ratifications}
    found = _resolved(where, names, rows, _SPELLING_FIX)
    problems = [
        f"{plain_text(row.name)!r}: {problem}"
        for row in status.ratifications
        for problem in ilo_date_problems(instrument, row, today)
    ]
    if problems:
        raise DepositaryPageError(f"{where}: impossible dates: {_shown(problems)}")
    source = plain_text(
        f"ILO NORMLEX ratifications page {status.source_url}, retrieved "
        f"{retrieved_at:%Y-%m-%d %H:%M} UTC"
    )
    records = []
    for state in states:
        name, spelling = found.get(state.iso3, (None, state.untc_name))
        row = rows[name] if name else None
        party = bool(row and not row.denounced)
        before = previous.get(state.iso3, {})
        standing = "party" if party else "not_party"
        gave_way = _check_not_lost(
            where, state, standing, row is not None, before, bool(row and row.denounced)
        )
        said = "; ".join(filter(None, (_ilo_note(row), gave_way)))
        records.append(
            _record(
                state, spelling, instrument, standing, today, source, said, where,
                consent_date=row.registered.isoformat() if party and row else None,
                consent_kind="ratification" if party else None,
                in_force=row.in_force if party and row else None,
            )
        )  # fmt: skip
    return records


def _ilo_note(row: Ratification | None) -> str:
    if row is None:
        return ""
    parts = [f"the page: {row.status_text}"]
    if row.denounced:
        parts.append(
            f"ratification registered {row.registered.isoformat()}, denounced "
            f"{row.denounced.isoformat()}"
        )
    elif not row.in_force:
        when = f" (in force on {row.in_force_date.isoformat()})" if row.in_force_date else ""
        parts.append(f"ratified, not yet in force{when}")
    if row.note:
        parts.append(row.note)
    return "; ".join(parts)


def oas_records(
    instrument: Instrument,
    status: OasStatus,
    states: list[State],
    names: NameIndex,
    previous: dict[str, dict[str, Any]],
    retrieved_at: datetime,
) -> list[ParticipationRecord]:
    """One record per OAS state from a treaty's OAS table, checked first (the page's dates were
    checked against the treaty's adoption, today and each other when it was read)."""
    today = retrieved_at.date()
    where = _where(instrument, status.source_url, status.entry_into_force)
    rows = {row.name: row for row in status.rows}
    found = _resolved(where, names, rows, _SPELLING_FIX)
    source = plain_text(
        f"OAS Department of International Law, signatories and ratifications "
        f"{status.source_url}, retrieved {retrieved_at:%Y-%m-%d %H:%M} UTC"
    )
    records = []
    for state in states:
        name, spelling = found.get(state.iso3, (None, state.untc_name))
        row = rows[name] if name else None
        standing = _oas_standing(row)
        before = previous.get(state.iso3, {})
        gave_way = _check_not_lost(where, state, standing, row is not None, before, False)
        if before.get("status") == "signatory" and standing == "not_party" and not gave_way:
            raise DepositaryPageError(
                f"{state.name} ({state.iso3}): its signature is no longer shown on {where}; "
                "the snapshot is kept until this is checked"
            )
        said = "; ".join(filter(None, (_oas_note(row), gave_way)))
        records.append(
            _record(
                state, spelling, instrument, standing, today, source, said, where,
                signature_date=row.signature.isoformat() if row and row.signature else None,
                consent_date=row.deposit.isoformat() if row and row.deposit else None,
                consent_kind=row.kind if row else None,
            )
        )  # fmt: skip
    return records


def _oas_standing(row: OasRow | None) -> str:
    if row and row.deposit:
        return "party"
    return "signatory" if row and row.signature else "not_party"


def _oas_note(row: OasRow | None) -> str:
    if row is None:
        return ""
    parts = []
    if row.instrument and row.deposit:
        parts.append(
            f"instrument dated {row.instrument.isoformat()}, deposited {row.deposit.isoformat()}"
        )
    if row.refs:
        parts.append(
            "the table refers to its note(s) "
            + ", ".join(row.refs)
            + " (reservations, declarations or information required by the treaty)"
        )
    return "; ".join(parts)


def as_participation(record: StatusRecord) -> ParticipationRecord:
    """A UNTC row of a family instrument (CRC-OPSC, UNCAC, ...) as a participation row."""
    standing = "party" if record.consent_date else "signatory" if record.signature_date else None
    source = f"{record.source}; {record.note}" if record.note else record.source
    return ParticipationRecord(
        iso3=record.iso3,
        participant=record.participant,
        mtdsg_no=record.mtdsg_no,
        status=standing or "not_party",
        signature_date=record.signature_date.isoformat() if record.signature_date else None,
        consent_date=record.consent_date.isoformat() if record.consent_date else None,
        consent_kind=record.consent_kind,
        kind_inferred=record.kind_inferred,
        verified_through=record.verified_through,
        confidence=record.confidence,
        source=source,
    )
