"""The OAS Department of International Law's "Signatories and Ratifications" tables: for an
inter-American treaty (``B-57``, ``A-63``), each country's signature, instrument of ratification
or accession, and its deposit with the OAS General Secretariat, with references to the notes.

``urls`` says where, ``page`` parses (the only module that knows the table's layout), ``source``
fetches with the refresh's bounded client. A maintenance page, a changed layout or an impossible
date raises an :class:`OasdilError` naming the URL; nothing is read as an empty table.
"""

from loaders.oasdil.errors import (
    ImpossibleDateError,
    LayoutChangedError,
    MaintenancePageError,
    OasdilError,
)
from loaders.oasdil.page import parse_page
from loaders.oasdil.records import OasRow, OasStatus
from loaders.oasdil.source import fetch_status
from loaders.oasdil.urls import DEFAULT_BASE_URL, signatories_url

__all__ = [
    "DEFAULT_BASE_URL",
    "ImpossibleDateError",
    "LayoutChangedError",
    "MaintenancePageError",
    "OasRow",
    "OasStatus",
    "OasdilError",
    "fetch_status",
    "parse_page",
    "signatories_url",
]
