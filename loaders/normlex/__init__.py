"""NORMLEX, the ILO's database of international labour standards: who ratified an ILO convention
or protocol, when the ratification was registered, and whether it is in force or denounced.

``urls`` says where, ``page`` parses (the only module that knows the page's layout), ``source``
fetches with the refresh's bounded client. A maintenance page or a changed layout raises a
:class:`NormlexError` naming the URL; it is never read as an empty table.
"""

from loaders.normlex.errors import LayoutChangedError, MaintenancePageError, NormlexError
from loaders.normlex.page import parse_page
from loaders.normlex.records import NormlexStatus, Ratification
from loaders.normlex.source import fetch_status
from loaders.normlex.urls import DEFAULT_BASE_URL, INSTRUMENT_IDS, ratifications_url

__all__ = [
    "DEFAULT_BASE_URL",
    "INSTRUMENT_IDS",
    "LayoutChangedError",
    "MaintenancePageError",
    "NormlexError",
    "NormlexStatus",
    "Ratification",
    "fetch_status",
    "parse_page",
    "ratifications_url",
]
