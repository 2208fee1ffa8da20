"""The treaty family on a State profile, under the four Palermo instruments: one line per related
instrument, grouped by family, with its status on the date and a link to the depositary's page."""

from __future__ import annotations

import html

import streamlit as st

from loaders.store.dataset import Dataset
from pages.components.data import page_model
from pages.components.status_badge import status_badge
from views.models.family import family_model
from views.models.selection import Selection
from views.text.words import partial_date_text

_STYLE = """
<style>
table.family-profile {width: 100%; border-collapse: collapse; font-size: 0.92rem;}
table.family-profile th, table.family-profile td {border-bottom: 1px solid #e3e8ee;
  padding: 0.35rem 0.6rem; text-align: left; vertical-align: top;}
table.family-profile th.family {background: #f3f6f9; font-weight: 600;}
table.family-profile td.instrument {width: 45%;}
</style>
"""


def family_section(dataset: Dataset, selection: Selection, iso3: str) -> None:
    """``dataset``: localized to the reader's language."""
    t = selection.t
    model = page_model(family_model, selection)
    mine = model.cells[model.cells["iso3"] == iso3].set_index("instrument")
    if mine.empty:
        return
    st.markdown(f"#### {t('family.profile_heading')}")
    st.markdown(t("family.profile_intro", date=t.date(selection.as_of)))
    rows = []
    for family, instruments in model.columns:
        if family == "palermo":  # the four are in the table above
            continue
        heading = html.escape(t(f"family.family.{family}"))
        rows.append(f"<tr><th class='family' colspan='3'>{heading}</th></tr>")
        rows += [_row(mine.loc[i], dataset, i, t) for i in instruments if i in mine.index]
    if model.not_yet_adopted:
        later = [
            t("family.adopted_in", name=str(dataset.registry.loc[i, "short_title"]), year=year[:4])
            for i, year in model.not_yet_adopted
        ]
        st.caption(t("family.not_yet_adopted", instruments=t.items(later)))
    st.html(f"{_STYLE}<table class='family-profile'><tbody>{''.join(rows)}</tbody></table>")


def _row(cell, dataset: Dataset, instrument: str, t) -> str:
    words = t(f"category.{cell['category']}")
    if cell["date"]:
        words = f"{words} ({partial_date_text(cell['date'], t.language)})"
    name = html.escape(str(dataset.registry.loc[instrument, "short_title"]))
    depositary = html.escape(t(f"family.depositary.{cell['depositary']}"))
    link = (
        f"<a href='{html.escape(cell['url'], quote=True)}' target='_blank' rel='noopener'>"
        f"{depositary}</a>"
        if cell["url"]
        else depositary
    )
    return (
        f"<tr><td class='instrument'>{name}</td><td>{status_badge(cell['category'], words)}</td>"
        f"<td>{link}</td></tr>"
    )
