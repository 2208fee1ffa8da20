"""The one error every outcomes reader raises: a one-line message naming the file and the fault."""

from __future__ import annotations


class OutcomesFormatError(ValueError):
    """A file that does not have the published layout, or a value that breaks it."""
