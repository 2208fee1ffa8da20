"""State profile: one state, each instrument with its dates, and the source of every fact."""

from __future__ import annotations

import html

import streamlit as st

from loaders.charts_data import (
    code_text,
    confidence_text,
    duration_text,
    group_label,
    instrument_label,
    kind_text,
    long_date,
    membership_history,
    partial_date_text,
    status_category,
    status_label,
    status_sentence,
)
from loaders.views import status_view
from pages.components.data import load_data
from pages.components.fact_table import fact_table
from pages.components.selection import current_selection
from pages.components.status_badge import status_badge
from pages.components.status_table import UNCONFIRMED

CHOSEN, LINKED = "profile_state", "profile_state_linked"


def _state_link(iso3: str, name: str) -> str:
    href = html.escape(selection.href("profile", state=iso3))
    return f"<a href='{href}' target='_self'>{html.escape(name)}</a>"


def _glance(row: dict) -> str:
    """A status in a few words for the table of all states."""
    mark = f" {UNCONFIRMED}" if confidence_text(row["confidence"]) else ""
    if row["status"] == "party":
        return f"Party since {row['consent_date']:%Y}{mark}"
    return status_label(row["status"], row["status_verified"], row["verified_through"]) + mark


dataset = load_data()
selection = current_selection()
names = dataset.states["name"].sort_values()

# A new ``state`` in the link (a map click, a shared link) chooses the state; the reader's own
# choice in the box then wins until the link changes again. Without one the last choice stays.
# A code that is not one of the 35 is ignored with a note.
asked = st.query_params.get("state", "")
codes = {code.casefold(): code for code in names.index}
if asked != st.session_state.get(LINKED):
    st.session_state[LINKED] = asked
    if asked.casefold() in codes:
        st.session_state[CHOSEN] = codes[asked.casefold()]
if asked and asked.casefold() not in codes:
    st.info(
        f"Ignored `state={code_text(asked)}` from the link: not the ISO 3166 code of an OAS "
        "member state. "
        "Choose a state below.",
        icon=":material/link_off:",
    )

st.title(names.get(st.session_state.get(CHOSEN), "State profile"))
picker, _ = st.columns([1, 2])
iso3 = picker.selectbox(
    "State",
    list(names.index),
    format_func=names.get,
    index=None,
    placeholder="Choose one of the 35 OAS member states",
    key=CHOSEN,
    persist_state="session",
)
if iso3 is None:
    if asked:
        del st.query_params["state"]  # the link says what is shown: no state
    st.markdown(
        f"Every state at a glance on **{long_date(selection.as_of)}**: choose one above, click "
        "its name below, or click it on the **Map**."
    )
    view = status_view(dataset, selection.as_of, selection.instruments, selection.groups)
    fact_table(
        {
            instrument_label(dataset, instrument): {
                _state_link(row["iso3"], row["state"]): status_badge(
                    status_category(row["status"], row["status_verified"]), _glance(row)
                )
                for row in rows.to_dict("records")
            }
            for instrument, rows in view.groupby("instrument", sort=False)
        },
        trusted=True,
    )
    st.caption(f"{UNCONFIRMED} not fully confirmed (medium confidence): see the state's sources.")
    st.stop()
if asked != iso3:
    st.query_params["state"] = iso3
    st.session_state[LINKED] = iso3

state = dataset.states.loc[iso3]
view = status_view(dataset, selection.as_of, selection.instruments)
rows = view[view["iso3"] == iso3].to_dict("records")
group_names = dataset.memberships.drop_duplicates("group_id").set_index("group_id")["group_name"]
groups_then = [group_label(group_names[g]) for g in rows[0]["groups"].split(";") if g]

st.markdown(
    f"Status on **{long_date(selection.as_of)}** · member of "
    f"{', '.join(groups_then) or 'no recorded group'} on that date"
)


def _facts(row: dict) -> dict[str, str]:
    """One instrument's column of the profile table."""
    category = status_category(row["status"], row["status_verified"])
    opened = row["days_from_opening"]
    caution = confidence_text(row["confidence"])
    return {
        "Status": status_badge(category, status_sentence(row)),
        "Signature": long_date(row["signature_date"]) or "none",
        "Consent to be bound": long_date(row["consent_date"]) or "none",
        "Kind of consent": kind_text(row["consent_kind"], row["kind_inferred"]) or "—",
        "In force for it": long_date(row["entry_into_force"]) or "—",
        "Time to ratify": (
            f"{duration_text(opened)} ({opened:,} days) from opening for signature"
            if row["consent_date"] == row["consent_date"]  # NaT is not equal to itself
            else "—"
        ),
        "After 4 June 2009": duration_text(row["days_from_resolution"]) or "—",
        "Verified through": partial_date_text(row["verified_through"]),
        "Confidence": f"⚠ {caution}" if caution else "confirmed",
        "Source": row["source"] + (f". Note: {row['note']}" if row["note"] else ""),
    }


fact_table({instrument_label(dataset, r["instrument"]): _facts(r) for r in rows})

declarations_column, oas_column = st.columns(2, gap="large")
with declarations_column:
    st.markdown("#### Declarations and reservations")
    declarations = dataset.declarations
    mine = declarations[declarations["iso3"] == iso3] if len(declarations) else declarations
    if declarations.empty:
        st.markdown(
            "None recorded in this snapshot (a refresh from UNTC fetches them: "
            "`python -m loaders refresh`)."
        )
    elif mine.empty:
        st.markdown(f"None recorded for {state['name']} in this snapshot.")
    else:
        for item in mine.itertuples():
            with st.expander(f"{item.mtdsg_no}: {item.section}"):
                st.markdown(item.text)
with oas_column:
    st.markdown("#### OAS membership")
    joined = partial_date_text(state["oas_joined"] or "")
    st.markdown(f"Member since **{joined or 'a date not recorded here'}**.")
    if state["count_note"]:
        st.markdown(f"**How it is counted:** {state['count_note']}")
    with st.expander("Record and source"):
        st.markdown(state["oas_note"])
        st.caption(f"Source: {state['oas_source']} ({state['oas_confidence']} confidence)")

st.markdown("#### Groups")
st.dataframe(
    membership_history(dataset, iso3).drop(columns=["group_name"]),
    hide_index=True,
    width="stretch",
    column_config={
        "group": st.column_config.TextColumn("Group", width="medium"),
        "role": st.column_config.TextColumn("Role", width="small"),
        "from": st.column_config.TextColumn("From", width="small"),
        "until": st.column_config.TextColumn("Until", width="small"),
        "note": st.column_config.TextColumn("Note", width="large"),
        "confidence": st.column_config.TextColumn("Confidence", width="small"),
    },
)
