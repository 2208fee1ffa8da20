"""Treaty family: the states by every instrument that answers trafficking, grouped by family, with
the gaps counted, the coherence flags an advocate asks about, and a table to download."""

from __future__ import annotations

import streamlit as st

from pages.components.chart_tabs import chart_tabs
from pages.components.data import load_data, page_model
from pages.components.family_matrix import family_matrix
from pages.components.selection import current_selection
from views.models.family import family_model, family_table
from views.models.family_words import flag_lines, not_yet_adopted_line, totals_line

selection = current_selection()
t = selection.t
dataset = load_data(t.language)
model = page_model(family_model, selection)

st.title(t("family.title"))
st.markdown(t("family.intro", date=t.date(selection.as_of)))
if model.not_yet_adopted:
    st.caption(not_yet_adopted_line(model, dataset, t))
if model.empty:
    st.info(t("family.none_members"))
    st.stop()

st.markdown(totals_line(model, t))


def _family_as_table() -> None:
    st.dataframe(
        family_table(model, dataset, t.language),
        hide_index=True,
        width="stretch",
        column_config={t("family.column.url"): st.column_config.LinkColumn()},
    )


with chart_tabs(selection, "family", "family", table=_family_as_table):
    family_matrix(model, dataset, selection)

st.subheader(t("family.flags_heading"))
st.markdown("\n".join(f"- {line}" for line in flag_lines(model, dataset, t)))
