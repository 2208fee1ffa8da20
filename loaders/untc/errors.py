"""What can go wrong when reading UNTC: every error names the URL and what happened."""

from __future__ import annotations


class UntcError(Exception):
    """UNTC could not give a usable status; the message names the URL and what went wrong."""


class UnreachableError(UntcError):
    """No usable HTTP answer: connection error, timeout, 5xx after retries, or a 4xx."""

    def __init__(self, message: str, status: int | None = None) -> None:
        super().__init__(message)
        self.status = status  # the HTTP status when there was one (404 moves to the next feed)


class MaintenancePageError(UntcError):
    """UNTC answered with its "urgent maintenance" page instead of the status."""


class LayoutChangedError(UntcError):
    """The document is not laid out as expected: no grid, missing header fields, odd cells."""


class CountMismatchError(UntcError):
    """The header's signatory or party count disagrees with the rows of the grid."""


class ResponseTooLargeError(UntcError):
    """The response body exceeded the client's size cap."""


class RedirectRefusedError(UntcError):
    """UNTC redirected to another host (or scheme), which the client does not follow."""
