"""Facts side by side: one column per instrument, one row per fact, as a plain HTML table.

A table of text reads better than cards for comparing instruments, wraps long sources instead of
truncating them, and keeps the status symbols' colours (st.dataframe would show the HTML).
"""

from __future__ import annotations

import html
from collections.abc import Collection

import streamlit as st

_STYLE = """
<style>
table.facts {width: 100%; border-collapse: collapse; font-size: 0.92rem; table-layout: fixed;}
table.facts th, table.facts td {border-bottom: 1px solid #e3e8ee; padding: 0.4rem 0.6rem;
  text-align: left; vertical-align: top; overflow-wrap: anywhere;}
table.facts thead th {background: #f3f6f9; font-weight: 600;}
table.facts col.fact {width: 12rem;}
table.facts tbody th {color: #52606d; font-weight: 500;}
table.facts td.source {font-size: 0.8rem; color: #52606d;}
/* A phone's width leaves a letter or two per column: each row becomes a card, each cell
   named by its column's heading. */
@media (max-width: 640px) {
  table.facts, table.facts tbody, table.facts tr, table.facts th, table.facts td {
    display: block; width: auto;}
  table.facts colgroup, table.facts thead {display: none;}
  table.facts tbody tr {border: 1px solid #e3e8ee; border-radius: 0.4rem; margin-bottom: 0.6rem;
    padding: 0.3rem 0;}
  table.facts tbody th {border: 0; color: #1d2733; font-weight: 600;}
  table.facts td {border: 0; padding: 0.15rem 0.6rem 0.35rem 0.6rem; overflow-wrap: break-word;}
  table.facts td::before {content: attr(data-label); display: block; font-size: 0.78rem;
    color: #52606d; font-weight: 600;}
}
</style>
"""


def fact_table(
    columns: dict[str, dict[str, str]],
    trusted: bool = False,
    html_rows: Collection[str] = (),
    record_rows: Collection[str] = (),
) -> None:
    """``columns``: heading -> {fact: text}; every column lists the same facts in the same order.

    ``trusted``: the facts and cells are HTML the caller built (and escaped) itself.
    ``html_rows``: facts whose cells are such HTML (a status badge); other cells are escaped.
    ``record_rows``: facts whose cells quote a source record in English, shown small and marked
    ``lang="en"`` (screen readers switch voice; the no-English tests skip them).
    """
    headings = list(columns)
    facts = list(next(iter(columns.values()), {}))
    head = "".join(f"<th>{html.escape(h)}</th>" for h in headings)
    body = []
    for fact in facts:
        cells = []
        for heading in headings:
            text = columns[heading][fact]
            cell = text if trusted or fact in html_rows else html.escape(text)
            css = ' class="source" lang="en"' if fact in record_rows else ""
            label = f' data-label="{html.escape(heading, quote=True)}"'
            cells.append(f"<td{css}{label}>{cell}</td>")
        label = fact if trusted else html.escape(fact)
        body.append(f"<tr><th>{label}</th>{''.join(cells)}</tr>")
    st.html(
        f"{_STYLE}<table class='facts'><colgroup><col class='fact'>"
        f"{'<col>' * len(headings)}</colgroup><thead><tr><th></th>{head}</tr></thead>"
        f"<tbody>{''.join(body)}</tbody></table>"
    )
