"""Table, Sources and Download beside every chart: the chart's numbers as a table, where they
come from, and its data as files (the same bytes as the reader's edition's data/ files for the
same view: both come from views.edition.data.view_files, except that the CSV a reader downloads
here starts with UTF-8's byte-order mark, so a spreadsheet opened by double-click keeps the
accents).

The tabs are lazy: only the open one is drawn, so a page load costs the chart alone.
"""

from __future__ import annotations

import io
from collections.abc import Callable

import pandas as pd
import streamlit as st
from streamlit.delta_generator import DeltaGenerator

from loaders.export import BYTE_ORDER_MARK
from loaders.store.dataset import Dataset
from pages.components.data import load_data, page_model
from pages.components.year_ends import year_ends
from views.edition.data import VARIANTS, DataFile, view_files
from views.models.selection import Selection
from views.models.shared import untc_links
from views.models.world_words import over_time_parts
from views.text.words import instrument_brief, instrument_label

TABS = ("edition.chart", "edition.table", "edition.sources", "edition.download")


def chart_tabs(
    selection: Selection,
    key: str,
    kind: str,
    subject: str = "",
    table: Callable[[], None] | None = None,
) -> DeltaGenerator:
    """The tabs; returns the chart's, for the caller to draw into. ``kind``, ``subject``: the
    view of views.edition.data (status, state, group or groups). ``table``: draws the chart's
    table in the reader's words (default: the "as shown" file's rows)."""
    t = selection.t
    chart, shown, sources, download = st.tabs(
        [t(k) for k in TABS], key=f"tabs_{key}", on_change="rerun"
    )
    files = page_model(_view_files, selection, kind, subject, english_data=True)
    if shown.open is not False:
        with shown:
            table() if table else _rows(files["shown"], selection)
    if sources.open is not False:
        with sources:
            _sources(selection, kind)
    if download.open is not False:
        with download:
            _download(selection, files, key)
    return chart


def _view_files(
    dataset: Dataset, selection: Selection, kind: str, subject: str
) -> dict[str, DataFile]:
    """view_files, the regions over time's from the snapshot's year ends (made once, not for
    each date)."""
    made = None
    if kind == "regions_time":
        made = year_ends("en", over_time_parts(subject)[1], selection.as_of)
    return view_files(dataset, selection, kind, subject, year_ends=made)


def _rows(file: DataFile, selection: Selection) -> None:
    """The "as shown" file's rows, with headings and statuses in the reader's words (the file
    keeps its column names and codes)."""
    t = selection.t
    frame = pd.read_csv(io.BytesIO(file.csv), dtype=str, keep_default_na=False)
    if "status" in frame:
        frame["status"] = frame["status"].map(lambda s: t(f"status.{s}") if s else s)
    if "instrument" in frame:
        local = load_data(t.language)
        frame["instrument"] = frame["instrument"].map(
            lambda i: instrument_brief(local, i) if i in local.instruments.index else i
        )
    headings = {c: t(f"data.col.{c}") for c in frame.columns if t.has(f"data.col.{c}")}
    headings |= {c: t(f"edition.{c}") for c in ("parties", "missing") if c in frame.columns}
    st.dataframe(frame.rename(columns=headings), hide_index=True, width="stretch")


def _sources(selection: Selection, kind: str) -> None:
    t = selection.t
    local = load_data(t.language)
    links = untc_links(local)
    st.markdown(t("chart.sources_intro", snapshot=f"`{local.meta.snapshot_id}`"))
    lines = []
    for instrument, info in local.meta.instruments.items():
        if instrument not in selection.instruments:
            continue
        when = t.date(info.status_as_at) if info.status_as_at else t("words.unknown")
        name = instrument_label(local, instrument)
        text = t("footer.as_at", instruments=name, date=when) + f" (UNTC {info.mtdsg_no})"
        lines.append(f"- [{text}]({info.source_url or links[instrument]})")
    if kind == "family":  # the family's other depositaries: each cell links to its page
        lines += [f"- {t(f'family.depositary.{d}')}" for d in ("ILO", "OAS")]
    st.markdown("\n".join(lines))
    st.caption(t("chart.licence"))


def _download(selection: Selection, files: dict[str, DataFile], key: str) -> None:
    t = selection.t
    for variant in VARIANTS:
        file = files[variant]
        st.markdown(
            "**" + t.label(t(f"edition.{variant}"), t.count("count.rows", file.rows)) + "**"
        )
        row = st.container(horizontal=True)
        for suffix, label, mime in (
            ("csv", "CSV", "text/csv"),
            ("zip", t("chart.zip"), "application/zip"),
            ("meta.json", t("chart.metadata"), "application/json"),
        ):
            data = file.files()[f"{file.name}.{suffix}"]
            row.download_button(
                label,
                data=BYTE_ORDER_MARK + data if suffix == "csv" else data,
                file_name=f"{file.name}.{suffix}",
                mime=mime,
                on_click="ignore",
                key=f"dl_{key}_{variant}_{suffix}",
                icon=":material/download:",
            )
    name = f"{files['full'].name}.csv"
    st.markdown(f"**{t('chart.code')}**")
    # Code spans, not st.code: st.code's highlighter is 1.5 MB sent on every visit.
    st.markdown(
        f'- Python: `import pandas as pd; df = pd.read_csv("{name}")`\n'
        f'- R: `df <- read.csv("{name}", fileEncoding = "UTF-8-BOM")`'
    )
    st.caption(t("chart.spreadsheet"))
