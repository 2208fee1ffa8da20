"""The UN Treaty Collection (UNTC): where an instrument's status lives, and how it is read.

``urls`` says where, ``client`` fetches (bounded, same host only), ``xml_feed`` and ``html_page``
parse the two formats into validated models with ``grid`` and ``text`` shared between them.
Everything that goes wrong raises a :class:`UntcError` (``errors``) naming the URL and what
happened; a maintenance page or a changed layout is an error, never an empty table.
"""

from loaders.untc.client import USER_AGENT, UntcClient
from loaders.untc.errors import (
    CountMismatchError,
    LayoutChangedError,
    MaintenancePageError,
    RedirectRefusedError,
    ResponseTooLargeError,
    UnreachableError,
    UntcError,
)
from loaders.untc.grid import check_counts
from loaders.untc.html_page import parse_html
from loaders.untc.text import refuse_maintenance_page
from loaders.untc.urls import DEFAULT_BASE_URL, status_page_url, xml_feed_urls
from loaders.untc.xml_feed import parse_xml

__all__ = [
    "DEFAULT_BASE_URL",
    "USER_AGENT",
    "CountMismatchError",
    "LayoutChangedError",
    "MaintenancePageError",
    "RedirectRefusedError",
    "ResponseTooLargeError",
    "UnreachableError",
    "UntcClient",
    "UntcError",
    "check_counts",
    "parse_html",
    "parse_xml",
    "refuse_maintenance_page",
    "status_page_url",
    "xml_feed_urls",
]
