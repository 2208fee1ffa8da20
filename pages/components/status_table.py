"""States that are not (yet) party, as a compact HTML table: link, status symbol, last check.

A † after the state marks a fact that is not fully confirmed (confidence below high).

HTML rather than st.dataframe so each state links to its profile and the status keeps the
palette's symbol and colour.
"""

from __future__ import annotations

import html
from collections.abc import Callable
from datetime import date

import pandas as pd
import streamlit as st

from loaders.charts_data import confidence_text, partial_date_text, short_date
from loaders.derive import SIGNATORY
from pages.components.status_badge import status_badge

UNCONFIRMED = "†"  # marks a fact of less than high confidence; the page explains it
_STYLE = """
<style>
table.statuses {width: 100%; border-collapse: collapse; font-size: 0.9rem; margin-bottom: 0.6rem;
  table-layout: fixed;}
table.statuses col.state {width: 32%;} table.statuses col.status {width: 28%;}
table.statuses td, table.statuses th {padding: 0.28rem 0.5rem; border-bottom: 1px solid #e3e8ee;
  text-align: left; vertical-align: top;}
table.statuses th {font-weight: 600; color: #52606d; font-size: 0.8rem;}
table.statuses td.muted {color: #52606d; font-size: 0.82rem;}
</style>
"""


def status_table(rows: pd.DataFrame, as_of: date, link: Callable[[str], str]) -> None:
    """``rows``: non-party rows of a status view on ``as_of`` (with ``category``); ``link``:
    iso3 -> profile URL."""
    body = "".join(_row(row, as_of, link(row["iso3"])) for row in rows.to_dict("records"))
    columns = "<colgroup><col class='state'><col class='status'><col></colgroup>"
    head = "<tr><th>State</th><th>Status</th><th>Not party as of</th></tr>"
    st.html(
        f"{_STYLE}<table class='statuses'>{columns}<thead>{head}</thead>"
        f"<tbody>{body}</tbody></table>"
    )


def _row(row: dict, as_of: date, href: str) -> str:
    signed = row["status"] == SIGNATORY
    status = f"Signed {short_date(row['signature_date'])}" if signed else "No action"
    checked = (
        short_date(as_of)
        if row["status_verified"]
        else f"{partial_date_text(row['verified_through'])} (not verified since)"
    )
    caution = confidence_text(row["confidence"])
    mark = f" <span title='{html.escape(caution)}'>{UNCONFIRMED}</span>" if caution else ""
    return (
        f"<tr><td><a href='{html.escape(href)}' target='_self'>{html.escape(row['state'])}</a>"
        f"{mark}</td><td>{status_badge(row['category'], status)}</td>"
        f"<td class='muted'>{html.escape(checked)}</td></tr>"
    )
