"""State profile: one state, each instrument with its dates, and the source of every fact."""

from __future__ import annotations

import html

import streamlit as st

from loaders.derive import RESOLUTION_DATE
from pages.components.brief_button import brief_button
from pages.components.data import load_data
from pages.components.fact_table import fact_table
from pages.components.selection import current_selection
from pages.components.status_badge import status_badge
from pages.models.brief import brief_file_name, state_brief
from pages.models.profile import InstrumentFacts, glance, state_profile
from pages.models.shared import UNCONFIRMED
from pages.text.localized import state_names
from pages.text.notes import count_note
from pages.text.words import (
    SECTIONS,
    code_text,
    confidence_text,
    confidence_word,
    duration_text,
    instrument_label,
    kind_text,
    long_date,
    partial_date_text,
    status_sentence,
)

CHOSEN, LINKED = "profile_state", "profile_state_linked"


def _state_link(iso3: str, name: str) -> str:
    href = html.escape(selection.href("profile", state=iso3))
    return f"<a href='{href}' target='_self'>{html.escape(name)}</a>"


def _record(text: str) -> str:
    """A source record in English, quoted, and marked as English for screen readers (and the
    tests)."""
    return f'<q lang="en">{html.escape(text)}</q>'


selection = current_selection()
t = selection.t
dataset = load_data(t.language)
names = state_names(dataset)

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
    st.info(t("note.bad_state", value=code_text(asked)), icon=":material/link_off:")

st.title(names.get(st.session_state.get(CHOSEN), t("profile.title")))
picker, _ = st.columns([1, 2])
iso3 = picker.selectbox(
    t("profile.state"),
    list(names.index),
    format_func=names.get,
    index=None,
    placeholder=t("profile.placeholder"),
    key=CHOSEN,
    persist_state="session",
)
if iso3 is None:
    if asked:
        del st.query_params["state"]  # the link says what is shown: no state
    st.markdown(t("profile.glance", date=t.date(selection.as_of), map=t("nav.map")))
    fact_table(
        {
            instrument_label(dataset, instrument): {
                _state_link(row.iso3, row.state): status_badge(row.category, row.text)
                for row in rows
            }
            for instrument, rows in glance(dataset, selection).items()
        },
        trusted=True,
    )
    st.caption(t("profile.unconfirmed", mark=UNCONFIRMED))
    st.stop()
if asked != iso3:
    st.query_params["state"] = iso3
    st.session_state[LINKED] = iso3

profile = state_profile(dataset, selection, iso3)
brief_button(
    lambda: state_brief(dataset, iso3, selection.as_of, t.language),
    brief_file_name(iso3, selection.as_of, t.language),
    t,
    key="state_brief",
)

st.markdown(
    t(
        "profile.status_line",
        date=t.date(selection.as_of),
        groups=", ".join(profile.groups_then) or t("profile.no_group"),
    )
)

STATUS, SOURCE = t("fact.status"), t("fact.source")


def _facts(facts: InstrumentFacts) -> dict[str, str]:
    """One instrument's column of the profile table."""
    row = facts.row
    caution = confidence_text(row["confidence"], t.language)
    none = t("words.none")
    days = facts.days_to_ratify
    return {
        STATUS: status_badge(row["category"], status_sentence(row, t.language)),
        t("fact.signature"): long_date(row["signature_date"], t.language) or none,
        t("fact.consent"): long_date(row["consent_date"], t.language) or none,
        t("fact.kind"): kind_text(row["consent_kind"], row["kind_inferred"], t.language) or "—",
        t("fact.in_force"): long_date(row["entry_into_force"], t.language) or "—",
        t("fact.time_to_ratify"): (
            t(
                "profile.time_to_ratify",
                duration=duration_text(days, t.language),
                days=t.number(days),
            )
            if days is not None
            else "—"
        ),
        t("fact.after_resolution", resolution_date=t.date(RESOLUTION_DATE)): (
            duration_text(facts.days_after_resolution, t.language) or "—"
        ),
        t("fact.verified_through"): partial_date_text(row["verified_through"], t.language),
        t("fact.confidence"): f"⚠ {caution}" if caution else t("profile.confirmed"),
        # The researched record, in English as it was written: shown as such, not translated.
        SOURCE: row["source"] + (f". Note: {row['note']}" if row["note"] else ""),
    }


fact_table(
    {instrument_label(dataset, i): _facts(facts) for i, facts in profile.facts.items()},
    html_rows={STATUS},
    record_rows={SOURCE},
)

declarations_column, oas_column = st.columns(2, gap="large")
with declarations_column:
    st.markdown(f"#### {t('profile.declarations')}")
    if not profile.any_declarations:
        st.markdown(t("profile.no_declarations", command="`python -m loaders refresh`"))
    elif profile.declarations.empty:
        st.markdown(t("profile.no_declarations_state", state=profile.name))
    else:
        for item in profile.declarations.itertuples():
            section = t(SECTIONS[item.section]) if item.section in SECTIONS else item.section
            with st.expander(f"{item.mtdsg_no}: {section}"):
                st.caption(t("profile.declaration_text"))
                st.text(item.text)  # UNTC's words as plain text: no markdown links or images
with oas_column:
    st.markdown(f"#### {t('profile.oas_membership')}")
    # No recorded date is a missing value (NaN), not an empty text.
    joined = partial_date_text(profile.oas_joined, t.language)
    st.markdown(t("profile.member_since", date=joined or t("profile.date_not_recorded")))
    if profile.count_note:
        note, translated = count_note(dataset, iso3, t.language)
        st.markdown(
            t("profile.how_counted", note=note if translated else _record(note)),
            unsafe_allow_html=not translated,
        )
    with st.expander(t("profile.record_and_source")):
        st.markdown(_record(profile.oas_note), unsafe_allow_html=True)
        st.caption(
            t.label(t("record.label"), _record(profile.oas_source))
            + "  \n"
            + t(
                "profile.record_confidence",
                confidence=confidence_word(profile.oas_confidence, t.language),
            ),
            unsafe_allow_html=True,
        )

st.markdown(f"#### {t('profile.groups')}")
st.dataframe(
    profile.memberships,
    hide_index=True,
    width="stretch",
    column_config={
        "group": st.column_config.TextColumn(t("column.group"), width="medium"),
        "role": st.column_config.TextColumn(t("column.role"), width="small"),
        "from": st.column_config.TextColumn(t("column.from"), width="small"),
        "until": st.column_config.TextColumn(t("column.until"), width="small"),
        "note": st.column_config.TextColumn(t("column.note"), width="large"),
        "confidence": st.column_config.TextColumn(t("column.confidence"), width="small"),
    },
)
