"""Dates as the sources give them.

Reference facts come at three precisions (``2004``, ``2004-07``, ``2004-07-11``) and UNTC cells
read like ``9 Apr 2001`` or ``29 May\\t 2013``. A :class:`PartialDate` keeps the precision it was
given; comparisons against a full date are explicit: ``earliest`` and ``latest`` bound the period.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date, datetime, timedelta

_PARTIAL = re.compile(r"^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?$")
_UNTC_DATE = re.compile(r"(\d{1,2})\s+([A-Za-z]{3})[a-z]*\.?\s+(\d{4})")
_MONTHS = {m.lower(): i for i, m in enumerate(calendar.month_abbr) if m}


# UNTC's "STATUS AS AT" carries New York time: a day ahead of the reader's clock is possible,
# two days is not. No act and no "status as at" may be later than today plus this.
FUTURE_GRACE = timedelta(days=1)


class DateFormatError(ValueError):
    """A date string that is not in a format the project reads."""


class DateOutsideRangeError(DateFormatError):
    """A well-formed date outside the dates a reader may ask about."""


def latest_possible(today: date) -> date:
    """The latest date a fact can carry when read on ``today`` (a day's grace for time zones)."""
    return today + FUTURE_GRACE


def reader_range(first_adopted: date, today: date) -> tuple[date, date]:
    """The dates a reader may ask about, shared by the dashboard and the command line: from the
    adoption of the first instrument (nothing to show before it) to today (no status is known
    beyond it)."""
    return first_adopted, today


def outside_reader_range(day: date, first_adopted: date, today: date) -> date | None:
    """None if ``day`` may be asked about, else the nearest date that may (shown instead)."""
    first, last = reader_range(first_adopted, today)
    if day < first:
        return first
    if day > last:
        return last
    return None


def check_reader_date(day: date, first_adopted: date, today: date) -> date:
    """``day`` if a reader may ask about it; else DateOutsideRangeError naming the range."""
    if outside_reader_range(day, first_adopted, today) is not None:
        first, last = reader_range(first_adopted, today)
        raise DateOutsideRangeError(
            f"{day.isoformat()} is outside the dates the data covers: from {first.isoformat()} "
            f"(adoption of the first instrument) to {last.isoformat()} (today)"
        )
    return day


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
        year = int(match[1])  # the pattern requires the year
        month, day = (int(g) if g else None for g in match.groups()[1:])
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
