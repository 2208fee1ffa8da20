"""Pure derivations: status on a date, entry into force, groups on a date, paragraph 6, timelines,
the treaty family and the world's groups (participation, regions).

No I/O and no streamlit: the same frames in give the same frames out. Every figure the dashboard
and the command line show is computed here (and in the page models built on it), never in a page.
"""

from loaders.derive.groups import (
    group_summary,
    groups_of,
    groups_without_members,
    members_on,
    missing_members,
    suspensions_on,
)
from loaders.derive.paragraph6 import (
    RESOLUTION_INSTRUMENTS,
    RESOLUTION_PARAGRAPH,
    RESOLUTION_SYMBOL,
    joined_since_resolution,
    not_yet_party,
    paragraph6,
    party_counts,
)
from loaders.derive.participation import resolve_instruments, standing_view
from loaders.derive.regions import family_status_on, gaps_by, group_shares, unnamed_acts
from loaders.derive.status import (
    DAYS_AFTER_DEPOSIT,
    RESOLUTION_DATE,
    entry_into_force,
    status_on,
    with_instrument_facts,
)
from loaders.derive.timeline import DAYS_PER_YEAR, median_years, parties_over_time, ratify_times
from loaders.model.status import NO_ACTION, PARTY, SIGNATORY, STATUSES, UNKNOWN, Status

__all__ = [
    "DAYS_AFTER_DEPOSIT",
    "DAYS_PER_YEAR",
    "NO_ACTION",
    "PARTY",
    "RESOLUTION_DATE",
    "RESOLUTION_INSTRUMENTS",
    "RESOLUTION_PARAGRAPH",
    "RESOLUTION_SYMBOL",
    "SIGNATORY",
    "STATUSES",
    "UNKNOWN",
    "Status",
    "entry_into_force",
    "family_status_on",
    "gaps_by",
    "group_shares",
    "group_summary",
    "groups_of",
    "groups_without_members",
    "joined_since_resolution",
    "median_years",
    "members_on",
    "missing_members",
    "not_yet_party",
    "paragraph6",
    "parties_over_time",
    "party_counts",
    "ratify_times",
    "resolve_instruments",
    "standing_view",
    "status_on",
    "suspensions_on",
    "unnamed_acts",
    "with_instrument_facts",
]
