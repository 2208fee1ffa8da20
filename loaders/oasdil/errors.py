"""What can go wrong when reading an OAS signatories-and-ratifications page."""

from __future__ import annotations


class OasdilError(Exception):
    """The OAS Department of International Law's page gave no usable table; says where, why."""


class MaintenancePageError(OasdilError):
    """The site answered with a maintenance or error page instead of the table."""


class LayoutChangedError(OasdilError):
    """The page is not laid out as expected: another treaty, no table, rows that do not read."""


class ImpossibleDateError(OasdilError):
    """A date on the page cannot be a fact of this treaty (before its adoption, in the future,
    or acts out of order)."""
