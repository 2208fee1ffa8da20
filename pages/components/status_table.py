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

from loaders.derive import SIGNATORY
from pages.components.status_badge import status_badge
from views.models.shared import UNCONFIRMED
from views.text.i18n import Translator
from views.text.words import confidence_text, partial_date_text, short_date

_STYLE = """
<style>
table.statuses {width: 100%; border-collapse: collapse; font-size: 0.9rem; margin-bottom: 0.6rem;
  table-layout: fixed;}
table.statuses col.state {width: 32%;} table.statuses col.status {width: 28%;}
table.statuses td, table.statuses th {padding: 0.28rem 0.5rem; border-bottom: 1px solid #e3e8ee;
  text-align: left; vertical-align: top;}
table.statuses th {font-weight: 600; color: #52606d; font-size: 0.8rem;}
table.statuses td.muted {color: #52606d; font-size: 0.82rem;}
/* On a phone: one card per state, its status and last check below its name. */
@media (max-width: 640px) {
  table.statuses, table.statuses tbody, table.statuses tr, table.statuses td {display: block;
    width: auto;}
  table.statuses colgroup, table.statuses thead {display: none;}
  table.statuses tbody tr {border-bottom: 1px solid #e3e8ee; padding: 0.3rem 0;}
  table.statuses td {border: 0; padding: 0.1rem 0.5rem;}
  table.statuses td.muted::before {content: attr(data-label); font-weight: 600;}
}
</style>
"""


def status_table(
    rows: pd.DataFrame, as_of: date, link: Callable[[str], str], t: Translator
) -> None:
    """``rows``: non-party rows of a status view on ``as_of`` (with ``category``); ``link``:
    iso3 -> profile URL."""
    body = "".join(_row(row, as_of, link(row["iso3"]), t) for row in rows.to_dict("records"))
    columns = "<colgroup><col class='state'><col class='status'><col></colgroup>"
    head = "".join(
        f"<th>{html.escape(t(key))}</th>"
        for key in ("column.state", "column.status", "column.not_party_as_of")
    )
    head = f"<tr>{head}</tr>"
    st.html(
        f"{_STYLE}<table class='statuses'>{columns}<thead>{head}</thead>"
        f"<tbody>{body}</tbody></table>"
    )


def _row(row: dict, as_of: date, href: str, t: Translator) -> str:
    signed = row["status"] == SIGNATORY
    status = (
        t("status.signed_on", date=short_date(row["signature_date"], t.language))
        if signed
        else t("status.no_action")
    )
    checked = (
        short_date(as_of, t.language)
        if row["status_verified"]
        else t(
            "status.not_verified_since",
            checked=partial_date_text(row["verified_through"], t.language),
        )
    )
    # A step at home, beside the depositary's status and never instead of it.
    line = row.get("step_line", "")
    step = f"<br><small class='step'>{html.escape(line)}</small>" if line else ""
    caution = confidence_text(row["confidence"], t.language)
    mark = f" <span title='{html.escape(caution)}'>{UNCONFIRMED}</span>" if caution else ""
    return (
        f"<tr><td><a href='{html.escape(href)}' target='_self'>{html.escape(row['state'])}</a>"
        f"{mark}</td><td>{status_badge(row['category'], status)}{step}</td>"
        f"<td class='muted' data-label='{html.escape(t.label(t('column.not_party_as_of'), ''))}'>"
        f"{html.escape(checked)}</td></tr>"
    )
