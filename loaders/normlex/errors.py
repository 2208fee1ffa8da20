"""What can go wrong when reading NORMLEX: every error names the URL and what happened."""

from __future__ import annotations


class NormlexError(Exception):
    """NORMLEX could not give a usable ratification table; the message says where and why."""


class MaintenancePageError(NormlexError):
    """NORMLEX answered with a maintenance or error page instead of the ratifications."""


class LayoutChangedError(NormlexError):
    """The page is not laid out as expected: another instrument, no table, odd cells."""
