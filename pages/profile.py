"""State profile: one state, each instrument with its dates, and the source of every fact."""

from __future__ import annotations

import html

import streamlit as st

from loaders.derive import RESOLUTION_DATE
from pages.components.brief_button import brief_button
from pages.components.data import load_data, page_model
from pages.components.fact_table import fact_table
from pages.components.family_section import family_section
from pages.components.on_demand import on_demand
from pages.components.outcomes_section import loaded_outcomes, outcomes_section
from pages.components.selection import current_selection
from pages.components.status_badge import status_badge
from views.models.brief import brief_file_name, state_brief
from views.models.profile import Declarations, InstrumentFacts, glance, state_profile
from views.models.shared import UNCONFIRMED
from views.text.localized import state_names
from views.text.notes import count_note
from views.text.words import (
    confidence_text,
    confidence_word,
    duration_text,
    group_labels,
    instrument_label,
    kind_text,
    long_date,
    partial_date_text,
    plain,
    status_sentence,
    step_line,
)

CHOSEN, LINKED = "profile_state", "profile_state_linked"
INDEX_STYLE = (
    "<style>ul.state-index {columns: 11rem; column-gap: 1.5rem; margin: 0.2rem 0 1rem;"
    " padding-left: 1.2rem;} ul.state-index li {break-inside: avoid; margin: 0 0 0.25rem;}</style>"
)


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
    st.info(t("note.bad_state", value=plain(asked)), icon=":material/link_off:")

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


def _glance() -> None:
    st.markdown(t("profile.glance", date=t.date(selection.as_of), map=t("nav.map")))
    fact_table(
        {
            instrument_label(dataset, instrument): {
                _state_link(row.iso3, row.state): status_badge(row.category, row.text)
                for row in rows
            }
            for instrument, rows in page_model(glance, selection).items()
        },
        trusted=True,
    )
    st.caption(t("profile.unconfirmed", mark=UNCONFIRMED))


if iso3 is None:
    if asked:
        del st.query_params["state"]  # the link says what is shown: no state
    # A short chooser: the 35 names as links, in as many columns as the width holds; every
    # state's standing (35 rows of four instruments, 10,000 px on a phone) only once asked for.
    st.markdown(t("profile.choose", map=t("nav.map")))
    links = "".join(f"<li>{_state_link(code, name)}</li>" for code, name in names.items())
    st.html(f"{INDEX_STYLE}<ul class='state-index'>{links}</ul>")
    on_demand(t("profile.glance_title", date=t.date(selection.as_of)), "profile_glance", _glance)
    st.stop()
if asked != iso3:
    st.query_params["state"] = iso3
    st.session_state[LINKED] = iso3

profile = page_model(state_profile, selection, iso3)
brief_button(
    lambda: state_brief(dataset, iso3, selection.as_of, t.language, outcomes=loaded_outcomes()),
    brief_file_name(iso3, selection.as_of, t.language),
    t,
    key="state_brief",
    snapshot=dataset.meta.snapshot_id,
)

st.markdown(
    t(
        "profile.status_line",
        date=t.date(selection.as_of),
        groups=", ".join(profile.groups_then) or t("profile.no_group"),
    )
)

STATUS, SOURCE, STEP, UNTC = (
    t("fact.status"),
    t("fact.source"),
    t("fact.domestic_step"),
    t("fact.untc"),
)


def _step(instrument: str) -> str:
    """The step at home beside the depositary's status (HTML), or a dash."""
    step = profile.steps.get(instrument)
    if step is None:
        return "—"
    line = step_line(step.step, step.date, t.language)
    caution = confidence_text(step.confidence, t.language)
    # the researched record, word for word: English, and said so outside the English page
    lead = html.escape(t("record.english_lead"))
    record = html.escape(f"{step.detail} ({step.source})")
    return (
        html.escape(line + (f" ⚠ {caution}" if caution else ""))
        + f'<br><small>{lead} <span lang="en">{record}</span></small>'
    )


def _untc(instrument: str) -> str:
    href = html.escape(profile.untc_links[instrument])
    label = html.escape(t("profile.untc_link"))
    return f"<a href='{href}' target='_blank' rel='noopener'>{label}</a>"


def _facts(facts: InstrumentFacts) -> dict[str, str]:
    """One instrument's column of the profile table."""
    row = facts.row
    instrument = row["instrument"]
    caution = confidence_text(row["confidence"], t.language)
    days = facts.days_to_ratify
    return {
        STATUS: status_badge(row["category"], status_sentence(row, t.language)),
        t("fact.signature"): (
            long_date(row["signature_date"], t.language) or t("ui.none.signature")
        ),
        t("fact.consent"): (long_date(row["consent_date"], t.language) or t("ui.none.consent")),
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
        STEP: _step(instrument),
        # The researched record, in English as it was written: shown as such, not translated.
        SOURCE: row["source"] + (f". {t('column.note')}: {row['note']}" if row["note"] else ""),
        UNTC: _untc(instrument),
    }


fact_table(
    {instrument_label(dataset, i): _facts(facts) for i, facts in profile.facts.items()},
    html_rows={STATUS, STEP, UNTC},
    record_rows={SOURCE},
)

if profile.steps:
    st.caption(t("step.note"))

family_section(dataset, selection, iso3)


def _declarations(instrument: str, record: Declarations) -> None:
    """One instrument's declarations record: the depositary's English texts, or what is known of
    their absence ("not in the record" is never "none")."""
    title = instrument_label(dataset, instrument)
    published = partial_date_text(record.published_as_at, t.language)
    if record.coverage != "texts":
        key = f"decl.{record.coverage}"
        st.markdown(t.label(f"**{title}**", t(key, date=published, state=profile.name)))
        return
    kinds = t.words(t(f"decl.kind.{k}") for k in record.kinds)
    with st.expander(t.label(title, kinds)):
        if record.dispute_settlement_reserved:
            st.markdown(t("decl.dispute", article=record.dispute_paragraph))
        if record.articles:
            st.caption(t.label(t("decl.articles"), ", ".join(record.articles)))
        st.caption(t("decl.record", date=published))
        # UNTC's words as escaped text, marked as English (screen readers switch voice).
        paragraphs = "".join(f"<p>{html.escape(p)}</p>" for p in record.text.split("\n\n"))
        st.html(f'<blockquote lang="en" class="record">{paragraphs}</blockquote>')
        st.caption(t.label(t("record.label"), _record(record.source)), unsafe_allow_html=True)


declarations_column, oas_column = st.columns(2, gap="large")
with declarations_column:
    st.markdown(f"#### {t('profile.declarations')}")
    for instrument, record in profile.texts.items():
        _declarations(instrument, record)
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
labels = group_labels(dataset, t.language)
for suspension in profile.suspensions.to_dict("records"):
    end = partial_date_text(suspension["to_date"], t.language)
    st.markdown(
        t(
            "profile.suspended",
            group=labels.get(suspension["group_id"], suspension["group_name"]),
            start=partial_date_text(suspension["from_date"], t.language),
            until=t("profile.suspended_until", end=end) if end else "",
        )
    )
st.dataframe(
    profile.memberships,
    hide_index=True,
    width="stretch",
    column_config={
        "group": st.column_config.TextColumn(t("column.group"), width="medium"),
        "role": st.column_config.TextColumn(t("column.role"), width="small"),
        "from": st.column_config.TextColumn(t("column.from"), width="small"),
        "until": st.column_config.TextColumn(t("column.until"), width="small"),
        "confidence": st.column_config.TextColumn(t("column.confidence"), width="small"),
    },
)

# What followed ratification: UNODC's series, the calls to ratify, the recommendations, and where
# to look next (pages/components/outcomes_section.py).
outcomes_section(dataset, iso3, profile.name, t, selection.as_of)
