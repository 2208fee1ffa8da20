"""Data: the filtered table, its CSV download (as the command line writes it), its provenance.

The CSV keeps its machine column names and codes in every language and, in Spanish, Portuguese or
French, adds the state's name in that language as a last column (loaders.export). On screen the
same table gets headings and, where the file has codes, words in the reader's language (the
grid's cells are what a screen reader reads); the download is the file.
"""

from __future__ import annotations

import html

import streamlit as st

from loaders.export import EXPORT_COLUMNS
from loaders.model.status import Status
from pages.components.change_log import change_log
from pages.components.data import load_data, page_model
from pages.components.selection import current_selection
from pages.components.settled import depositary_lines, settled_summary, unsettled_list
from views.models.data import data_model
from views.text.reuse import CC_BY, UN_TERMS
from views.text.words import (
    EXPORT_COMMAND,
    confidence_word,
    instrument_brief,
    kind_text,
    partial_date_text,
    refresh_how,
)

selection = current_selection()
t = selection.t
dataset = load_data()
local = load_data(t.language)
model = page_model(data_model, selection, english_data=True)
table = model.table


def _record(text: str) -> str:
    return f'<q lang="en">{html.escape(text)}</q>'


st.title(t("data.title"))
st.markdown(
    t(
        "data.summary",
        rows=t.count("count.rows", len(table)),
        instruments=t.words(instrument_brief(local, i) for i in selection.instruments),
        states=t.count("count.states", model.states),
        date=t.date(selection.as_of),
    )
    + " "
    + t("data.download_note", command=EXPORT_COMMAND)
)
buttons = st.container(horizontal=True)
buttons.download_button(
    t("data.download"),
    data=model.csv,
    file_name=model.file_name,
    mime="text/csv",
    on_click="ignore",
    type="primary",
    icon=":material/download:",
    help=t("ui.data.download_help", command=EXPORT_COMMAND),
)
buttons.download_button(
    t("data.metadata"),
    data=model.metadata,
    file_name=f"{model.file_name}.meta.json",
    mime="application/json",
    on_click="ignore",
    help=t("ui.data.metadata_help"),
    icon=":material/description:",
)


def _worded(column: str, help: str | None = None) -> object:
    """A column of codes shown in words (the file keeps the codes)."""
    return st.column_config.TextColumn(
        t(f"data.col.{column}"), help=help or t("data.column_help", name=column)
    )


boolean = {"true": t("words.yes"), "false": t("words.no")}
local_column = f"state_{t.language}"
columns = {
    column: t(f"data.col.{column}") for column in EXPORT_COLUMNS if t.has(f"data.col.{column}")
}
column_config: dict[str, object] = {
    column: st.column_config.TextColumn(label, help=t("data.column_help", name=column))
    for column, label in columns.items()
}
column_config.update(
    {
        "iso3": st.column_config.TextColumn(
            columns["iso3"], pinned=True, width="small", help=t("data.column_help", name="iso3")
        ),
        "state": st.column_config.TextColumn(
            columns["state"],
            pinned=t.language == "en",
            help=t("data.column_help", name="state"),
        ),
        "instrument": _worded("instrument"),
        "status": _worded("status", help=t("data.status_help")),
        "status_verified": _worded("status_verified", help=t("data.verified_help")),
        # Words, not a coded column: Streamlit would show a coded empty cell as "None".
        "consent_kind": st.column_config.TextColumn(
            t("data.col.consent_kind"), help=t("data.column_help", name="consent_kind")
        ),
        "kind_inferred": _worded("kind_inferred", help=t("data.inferred_help")),
        # Words, not a coded column: most rows have no step, and a coded empty cell shows "None".
        "domestic_step": st.column_config.TextColumn(
            t("data.col.domestic_step"), help=t("step.note")
        ),
        "confidence": _worded("confidence"),
        "source": st.column_config.TextColumn(
            columns["source"], width="large", help=t("data.column_help", name="source")
        ),
    }
)
order = list(table.columns)
if local_column in table.columns:
    # The name in the reader's language first, beside the code; the file keeps it last.
    column_config[local_column] = st.column_config.TextColumn(
        t("data.col.state_local", language=t("language.name")),
        pinned=True,
        help=t("data.column_help", name=local_column),
    )
    order.remove(local_column)
    order.insert(1, local_column)
# On screen, words where the file has codes: the table's cells are also what a screen reader
# reads (the grid's accessible table holds the cell values, not a formatted label).
words = {
    "instrument": {i: instrument_brief(local, i) for i in dataset.instrument_ids},
    "status": {s.value: t(f"status.{s.value}") for s in Status},
    "status_verified": boolean,
    "kind_inferred": boolean,
    "confidence": {c: confidence_word(c, t.language) for c in ("high", "medium", "low")},
    "depositary": {d: t(f"depositary.{d}") for d in set(dataset.registry["depositary"])},
    "family": {f: t(f"family.{f}") for f in set(dataset.registry["family"])},
}
shown = table.assign(
    **{column: table[column].map(lambda v, w=w: w.get(str(v), v)) for column, w in words.items()},
    consent_kind=table["consent_kind"].map(
        lambda k: kind_text(k, language=t.language) if k else ""
    ),
    domestic_step=table["domestic_step"].map(lambda s: t(f"step.{s}") if s else ""),
)
st.dataframe(
    shown,
    hide_index=True,
    width="stretch",
    height=min(38 + 35 * len(table), 460),
    column_order=order,
    column_config=column_config,
)
# A code span, not st.code: st.code's copy button is not worth the 1.5 MB syntax highlighter
# it loads on every visit to this page.
st.markdown(f"{t('data.cli')} `{model.command}`")

st.markdown(f"### {t('data.provenance')}")
meta = dataset.meta
method_key = f"method.{meta.method}"
description = t(method_key) if t.has(method_key) else _record(meta.description)
st.markdown(
    f"{description}  \n"
    + t(
        "data.snapshot",
        snapshot=meta.snapshot_id,
        method=f"`{meta.method}`",
        date=t.date(meta.compiled_at.date()),
    ),
    unsafe_allow_html=True,
)
lines = []
for instrument, info in model.instruments.items():
    when = t.date(info.status_as_at) if info.status_as_at else t("words.unknown")
    line = t(
        "data.instrument_status",
        instrument=instrument_brief(local, instrument)
        if instrument in local.instruments.index
        else instrument,
        mtdsg=info.mtdsg_no,
        date=when,
    )
    line += " " + t.label(t("record.label"), _record(info.source))
    # The depositary's own page, as a link the reader follows (nothing is fetched at page load).
    line += f" ([{t('profile.untc_link')}]({info.source_url or model.untc_links[instrument]}))"
    if info.retrieved_at:
        line += " " + t("data.retrieved", date=t.date(info.retrieved_at.date()))
    lines.append(f"- {line}")
st.markdown("\n".join(lines), unsafe_allow_html=True)
st.markdown(
    t(
        "data.verification",
        dates=t.items(
            t.label(partial_date_text(when, t.language), str(count))
            for when, count in model.verified.items()
        ),
    )
)
st.markdown(settled_summary(model.settled, t))
unsettled_list(local, model.settled, t)
st.markdown(depositary_lines(model.by_depositary, t))
st.markdown(t("data.how_to_refresh", how=refresh_how(t.language)))
st.markdown(f"### {t('terms.title')}")
st.markdown(t("terms.text", un_terms=UN_TERMS, cc_by=CC_BY))
with st.expander(t("data.changes")):
    change_log(
        model.changes, model.changes_since, dataset.meta.snapshot_id, t, load_data(t.language)
    )
