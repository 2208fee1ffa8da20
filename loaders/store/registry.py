"""Reference tables in data/: instruments, the 35 OAS member states, group memberships, steps
taken at home, and the worldwide counts of each instrument.

Each loader validates every row (pydantic) and returns both the models and a pandas frame.
"""

from __future__ import annotations

import csv
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any, TypeVar

from pydantic import BaseModel

from loaders.model.records import (
    DomesticStep,
    Instrument,
    Membership,
    State,
    WorldCount,
    WorldParticipant,
)
from loaders.paths import DataPaths

STATE_COUNT = 35
GROUPS_FILE = "groups.csv"
OAS_MEMBERSHIP_FILE = "oas_membership.csv"


class ReferenceDataError(ValueError):
    """A reference file in data/ is missing, malformed or inconsistent."""


Record = TypeVar("Record", bound=BaseModel)


def _rows(path: Path) -> list[dict[str, str]]:
    try:
        with path.open(newline="", encoding="utf-8") as handle:
            return list(csv.DictReader(handle))
    except OSError as exc:
        raise ReferenceDataError(f"cannot read {path}: {exc.strerror}") from exc


def _validated(
    model: type[Record], rows: Sequence[Mapping[str, object]], path: Path
) -> list[Record]:
    records = []
    for line, row in enumerate(rows, start=2):
        try:
            records.append(model.model_validate({k: v for k, v in row.items() if v != ""}))
        except ValueError as exc:
            raise ReferenceDataError(f"{path}, line {line}: {exc}") from exc
    return records


# The instruments of paragraph 6's resolution and of every count of the 35: the Palermo family.
CORE_FAMILY = "palermo"


def load_registry(data: Path) -> list[Instrument]:
    """Every instrument of data/instruments.csv, of every depositary and family."""
    path = DataPaths(data).instruments
    instruments = _validated(Instrument, _rows(path), path)
    for what in ("id", "mtdsg_no"):
        values = [getattr(i, what) for i in instruments]
        if len(set(values)) != len(values):
            raise ReferenceDataError(f"{path}: duplicate instrument {what}")
    return instruments


def load_instruments(data: Path) -> list[Instrument]:
    """The four Palermo instruments (UNTC): those of status.csv, the refresh and paragraph 6."""
    return [i for i in load_registry(data) if i.family == CORE_FAMILY]


def load_participants(data: Path) -> list[WorldParticipant]:
    """data/participants.csv: every UN member and observer state, and the other participants."""
    path = DataPaths(data).participants
    participants = _validated(WorldParticipant, _rows(path), path)
    codes = [p.iso3 for p in participants if p.iso3]
    if len(set(codes)) != len(codes):
        raise ReferenceDataError(f"{path}: duplicate ISO 3166 code")
    return participants


def load_world_groups(data: Path) -> list[Membership]:
    """data/reference/world/groups_world.csv: UN regional groups, EU, AU, ASEAN, CoE, ...

    A member without an ISO 3166 code (the Sahrawi Arab Democratic Republic in the AU) is kept
    with the code ``""``: a member of the group, never matched to any participant's row."""
    path = DataPaths(data).world_groups
    rows = [{k: v for k, v in r.items() if k != "state"} for r in _rows(path)]
    coded = [r for r in rows if r["iso3"]]
    memberships = _validated(Membership, coded, path)
    for row in rows:
        if not row["iso3"]:
            given: dict[str, Any] = {k: v for k, v in row.items() if v}
            memberships.append(Membership.model_construct(**{**given, "iso3": ""}))
    return memberships


def load_states(data: Path) -> list[State]:
    """The 35 states, with their OAS membership facts joined from data/reference."""
    paths = DataPaths(data)
    path = paths.states
    membership = {r["iso3"]: r for r in _rows(paths.reference_file(OAS_MEMBERSHIP_FILE))}
    rows = []
    for row in _rows(path):
        facts = membership.get(row["iso3"], {})
        rows.append(
            {
                **row,
                "untc_aliases": [a for a in row["untc_aliases"].split(";") if a],
                "oas_joined": facts.get("joined", ""),
                "oas_note": facts.get("status_note", ""),
                "oas_source": facts.get("source", ""),
                "oas_confidence": facts.get("confidence", "") or "low",
            }
        )
    states = _validated(State, rows, path)
    if len(states) != STATE_COUNT or len({s.iso3 for s in states}) != STATE_COUNT:
        raise ReferenceDataError(f"{path}: expected {STATE_COUNT} distinct OAS member states")
    return states


def load_groups(data: Path, state_codes: set[str]) -> list[Membership]:
    path = DataPaths(data).reference_file(GROUPS_FILE)
    rows = [{k: v for k, v in r.items() if k != "state"} for r in _rows(path)]
    memberships = _validated(Membership, rows, path)
    unknown = sorted({m.iso3 for m in memberships} - state_codes)
    if unknown:
        raise ReferenceDataError(f"{path}: codes that are not OAS member states: {unknown}")
    return memberships


def load_domestic_steps(
    data: Path, state_codes: set[str], mtdsg_numbers: set[str]
) -> list[DomesticStep]:
    """data/reference/domestic_steps.csv: steps at home, each with its date, source, confidence."""
    path = DataPaths(data).domestic_steps
    steps = _validated(DomesticStep, _rows(path), path)
    for line, step in enumerate(steps, start=2):
        if step.iso3 not in state_codes or step.mtdsg_no not in mtdsg_numbers:
            raise ReferenceDataError(
                f"{path}, line {line}: {step.iso3} on {step.mtdsg_no} is not an OAS member state "
                "on an instrument of the registry"
            )
    return steps


def load_world_counts(data: Path, mtdsg_numbers: set[str]) -> list[WorldCount]:
    """data/reference/world_counts.csv: one row per instrument of the registry, no other."""
    path = DataPaths(data).world_counts
    counts = _validated(WorldCount, _rows(path), path)
    numbers = [c.mtdsg_no for c in counts]
    if len(set(numbers)) != len(numbers) or not set(numbers) <= mtdsg_numbers:
        raise ReferenceDataError(
            f"{path}: expected at most one row per instrument of the registry, got {numbers}"
        )
    return counts
