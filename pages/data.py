"""Data: the filtered table, its CSV download (as the command line writes it), its provenance."""

from __future__ import annotations

import json

import streamlit as st

from loaders.charts_data import REFRESH_HOW, long_date, partial_date_text
from loaders.export import csv_bytes, export_filename, export_metadata, export_table
from loaders.views import status_view
from pages.components.data import load_data
from pages.components.selection import current_selection

dataset = load_data()
selection = current_selection()
view = status_view(dataset, selection.as_of, selection.instruments, selection.groups)
table = export_table(view, selection.as_of)
file_name = export_filename(selection.as_of, selection.instruments, selection.groups)

st.title("Data")
st.markdown(
    f"**{len(table)} rows**: {', '.join(selection.instruments)} for "
    f"{view['iso3'].nunique()} states, status on **{long_date(selection.as_of)}**. "
    "The download is exactly this table, in the format of `python -m loaders export`."
)
buttons = st.container(horizontal=True)
buttons.download_button(
    "Download CSV",
    data=csv_bytes(table),
    file_name=file_name,
    mime="text/csv",
    on_click="ignore",
    type="primary",
    icon=":material/download:",
)
buttons.download_button(
    "Metadata (JSON)",
    data=json.dumps(
        export_metadata(
            dataset, selection.as_of, selection.instruments, selection.groups, len(table)
        ),
        indent=2,
    ),
    file_name=f"{file_name}.meta.json",
    mime="application/json",
    on_click="ignore",
    icon=":material/description:",
)
st.dataframe(
    table,
    hide_index=True,
    width="stretch",
    height=min(38 + 35 * len(table), 460),
    column_config={
        "iso3": st.column_config.TextColumn("ISO3", pinned=True, width="small"),
        "state": st.column_config.TextColumn("State", pinned=True),
        "instrument": "Instrument",
        "mtdsg_no": "UNTC no.",
        "as_of": "As of",
        "status": st.column_config.TextColumn(
            "Status", help="party, signatory (signed, not party) or no_action"
        ),
        "status_verified": st.column_config.TextColumn(
            "Verified on date",
            help="false: not party when the row was last verified; it may have acted since",
        ),
        "signature_date": "Signature",
        "consent_date": "Consent",
        "consent_kind": "Kind",
        "kind_inferred": st.column_config.TextColumn(
            "Kind inferred", help="true: UNTC gives no suffix, the kind is inferred"
        ),
        "entry_into_force": "In force for it",
        "groups": "Groups on date",
        "confidence": "Confidence",
        "source": st.column_config.TextColumn("Source", width="large"),
        "verified_through": "Verified through",
    },
)
command = ["python -m loaders export", f"--as-of {selection.as_of.isoformat()}"]
command += [f"--instrument {i}" for i in selection.instruments]
command += [f"--group {g}" for g in selection.groups]
st.caption("The same table from the command line:")
st.code(" ".join(command), language="bash")

st.markdown("### Provenance")
meta = dataset.meta
st.markdown(
    f"{meta.description}  \nSnapshot `{meta.snapshot_id}` ({meta.method}), compiled "
    f"{long_date(meta.compiled_at.date())}."
)
st.markdown(
    "\n".join(
        f"- **{instrument}** ({info.mtdsg_no}): status as at "
        f"**{long_date(info.status_as_at) if info.status_as_at else 'unknown'}**. {info.source}"
        + (f" ([UNTC]({info.source_url}))" if info.source_url else "")
        + (f", retrieved {long_date(info.retrieved_at.date())}" if info.retrieved_at else "")
        for instrument, info in meta.instruments.items()
    )
)
verified = (
    dataset.status.groupby("verified_through")
    .size()
    .sort_index()
    .rename(lambda t: partial_date_text(t))
)
st.markdown(
    "**Verification dates** (rows of the whole snapshot, by the date through which each was "
    "last verified): " + "; ".join(f"{when} {count}" for when, count in verified.items()) + "."
)
st.markdown(
    f"**How to refresh:** {REFRESH_HOW} fetches the UNTC status pages and writes a new "
    "snapshot beside this one; the dashboard picks it up on the next page view. A failed "
    "refresh leaves this snapshot as it is."
)
changes = dataset.snapshot_path / "changes.md"
if changes.is_file():
    with st.expander("Changes in this snapshot"):
        st.markdown(changes.read_text(encoding="utf-8"))
