"""The status words every layer shares: one enum, so a status is never spelt two ways."""

from __future__ import annotations

from enum import StrEnum


class Status(StrEnum):
    """A state's standing on an instrument on a date. Compares equal to its value (``"party"``),
    so frames and CSV files keep plain strings."""

    PARTY = "party"
    SIGNATORY = "signatory"
    NO_ACTION = "no_action"
    # No evidence in this snapshot: never no action, never a gap, never a party.
    UNKNOWN = "unknown"


PARTY, SIGNATORY, NO_ACTION = Status.PARTY, Status.SIGNATORY, Status.NO_ACTION
UNKNOWN = Status.UNKNOWN
STATUSES = tuple(Status)
