"""Dates as the sources give them.

Reference facts come at three precisions (``2004``, ``2004-07``, ``2004-07-11``) and UNTC cells
read like ``9 Apr 2001`` or ``29 May\\t 2013``. A :class:`PartialDate` keeps the precision it was
given; comparisons against a full date are explicit: ``earliest`` and ``latest`` bound the period.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date, datetime

_PARTIAL = re.compile(r"^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?$")
_UNTC_DATE = re.compile(r"(\d{1,2})\s+([A-Za-z]{3})[a-z]*\.?\s+(\d{4})")
_MONTHS = {m.lower(): i for i, m in enumerate(calendar.month_abbr) if m}


class DateFormatError(ValueError):
    """A date string that is not in a format the project reads."""


@dataclass(frozen=True, order=True)
class PartialDate:
    """A date known to the year, the month or the day."""

    year: int
    month: int | None = None
    day: int | None = None

    @classmethod
    def parse(cls, text: str) -> PartialDate:
        match = _PARTIAL.match(text.strip())
        if not match:
            raise DateFormatError(f"not a date (YYYY, YYYY-MM or YYYY-MM-DD): {text!r}")
        year, month, day = (int(g) if g else None for g in match.groups())
        try:  # "2004-00" is not "2004": a zero month or day is an error, not "unknown"
            date(year, 1 if month is None else month, 1 if day is None else day)
        except ValueError as exc:
            raise DateFormatError(f"not a calendar date: {text!r}") from exc
        return cls(year, month, day)

    @property
    def precision(self) -> str:
        return "day" if self.day else "month" if self.month else "year"

    def earliest(self) -> date:
        return date(self.year, self.month or 1, self.day or 1)

    def latest(self) -> date:
        month = self.month or 12
        return date(self.year, month, self.day or calendar.monthrange(self.year, month)[1])

    def __str__(self) -> str:
        text = f"{self.year:04d}"
        if self.month:
            text += f"-{self.month:02d}"
        if self.day:
            text += f"-{self.day:02d}"
        return text


def parse_iso_date(text: str) -> date:
    """A full ISO date (``YYYY-MM-DD``), with a message that names the expected form."""
    try:
        return date.fromisoformat(text.strip())
    except ValueError as exc:
        raise DateFormatError(f"not a date in the form YYYY-MM-DD: {text!r}") from exc


def parse_untc_date(text: str) -> date | None:
    """The date in a UNTC cell (``9 Apr 2001``, ``29 May\\t 2013 a``), or None for an empty cell."""
    cleaned = " ".join(text.split())
    if not cleaned:
        return None
    match = _UNTC_DATE.search(cleaned)
    if not match:
        raise DateFormatError(f"no date in UNTC cell {text!r}")
    day, month_name, year = match.groups()
    month = _MONTHS.get(month_name.lower())
    if month is None:
        raise DateFormatError(f"unknown month {month_name!r} in UNTC cell {text!r}")
    try:
        return date(int(year), month, int(day))
    except ValueError as exc:
        raise DateFormatError(f"not a calendar date in UNTC cell {text!r}") from exc


def parse_untc_timestamp(text: str) -> date:
    """The day of UNTC's header ``STATUS AS AT : 20-04-2024 09:15:48 EDT``."""
    match = re.search(r"(\d{2})-(\d{2})-(\d{4})", text)
    if not match:
        raise DateFormatError(f"no 'status as at' date in {text!r}")
    day, month, year = (int(g) for g in match.groups())
    try:
        return datetime(year, month, day).date()
    except ValueError as exc:
        raise DateFormatError(f"not a calendar date in {text!r}") from exc
