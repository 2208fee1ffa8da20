"""Treaty family: the states by every instrument that answers trafficking, grouped by family, with
the gaps counted, the coherence flags an advocate asks about, and a table to download."""

from __future__ import annotations

import streamlit as st

from loaders.export import spreadsheet_csv
from pages.components.data import load_data, page_model
from pages.components.family_matrix import family_matrix
from pages.components.selection import current_selection
from views.models.family import family_model, family_table
from views.text.words import family_short, partial_date_text

selection = current_selection()
t = selection.t
dataset = load_data(t.language)
model = page_model(family_model, selection)

st.title(t("family.title"))
st.markdown(t("family.intro", date=t.date(selection.as_of)))
if model.not_yet_adopted:
    names = [
        t("family.adopted_in", name=family_short(dataset, i), year=adopted[:4])
        for i, adopted in model.not_yet_adopted
    ]
    st.caption(t("family.not_yet_adopted", instruments=t.items(names)))
if model.empty:
    st.info(t("family.none_members"))
    st.stop()

cells = sum(len(instruments) for _, instruments in model.columns) * len(model.states)
st.markdown(
    t.count("family.gaps_total", model.gap_cells)
    + " "
    + t.count("family.unknown_note", model.unknown_cells, cells=t.number(cells))
)
family_matrix(model, dataset, selection)

st.subheader(t("family.flags_heading"))
lines = []
for flag in model.flags:
    first, second = family_short(dataset, flag.party_to), family_short(dataset, flag.not_party_to)
    if flag.states:
        states = [
            t("family.state_checked", state=name, date=partial_date_text(checked, t.language))
            if checked
            else name
            for name, checked in flag.states
        ]
        lines.append(t("family.flag", first=first, second=second, states=t.words(states)))
    else:
        lines.append(t("family.flag_none", first=first, second=second))
    if flag.unknown:
        lines.append(t.count("family.flag_unknown", len(flag.unknown), first=first, second=second))
st.markdown("\n".join(f"- {line}" for line in lines))

with st.expander(t("family.table"), icon=":material/table:"):
    st.dataframe(
        family_table(model, dataset, t.language),
        hide_index=True,
        width="stretch",
        column_config={t("family.column.url"): st.column_config.LinkColumn()},
    )
st.download_button(
    t("family.download"),
    data=spreadsheet_csv(model.cells),
    file_name=f"ratify-americas_family_{selection.as_of.isoformat()}.csv",
    mime="text/csv",
    on_click="ignore",
    help=t("family.download_help"),
    icon=":material/download:",
)
