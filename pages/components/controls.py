"""The shared controls (language, instruments, as-of date, groups), held in the URL query.

Why the query is synced by hand rather than with ``bind="query-params"``: a bound multiselect
writes its *displayed* labels into the URL (we want ids such as ``group=MERCOSUR``), matches ids
case-sensitively, and drops a bad value silently, while a bad link must get a visible note. So a
link seeds the widgets once per session (with notes on what was ignored), and every run writes the
canonical query back (``persist_state="session"`` keeps the values across page switches, which
clear the URL). Defaults stay out of the URL: no ``instrument`` means all, no ``as_of`` today, no
``lang`` the browser's language. A language chosen in the sidebar or given by the link stays in
it, so a shared link opens in the language it was shared in.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

import streamlit as st

from loaders.derive import RESOLUTION_DATE, RESOLUTION_INSTRUMENTS
from loaders.derive.groups import every_group_id
from loaders.model.dates import DateFormatError, outside_reader_range, parse_iso_date
from loaders.store.dataset import Dataset
from pages.components.date_boxes import date_boxes
from pages.components.navigation import SHARED_PARAMS
from pages.components.selection import SESSION_KEY, Note, Selection
from views.text.i18n import LANGUAGES, Translator, best_language
from views.text.words import group_option_labels, instrument_brief, plain

INSTRUMENTS, AS_OF, GROUPS, NOTES = "ctl_instruments", "ctl_as_of", "ctl_groups", "ctl_notes"
LANGUAGE, LANGUAGE_IN_LINK, LANGUAGE_NOTE = "ctl_language", "ctl_language_linked", "ctl_lang_note"


def chosen_language() -> str:
    """The reader's language for this run, before anything is drawn (page titles need it).

    On a session's first run: the link's ``lang`` if it names one of the four languages (a tag
    such as ``pt-BR`` counts as ``pt``), else the browser's language (``st.context.locale``),
    English when that is none of the four; a ``lang`` that names none is noted. Later runs:
    the sidebar's choice.
    """
    if LANGUAGE not in st.session_state:
        asked = st.query_params.get_all("lang")
        value = asked[-1].strip() if asked else ""
        primary = value.replace("_", "-").split("-")[0].casefold()
        if primary in LANGUAGES:
            st.session_state[LANGUAGE] = primary
            st.session_state[LANGUAGE_IN_LINK] = True
        else:
            st.session_state[LANGUAGE] = best_language(st.context.locale)
            st.session_state[LANGUAGE_IN_LINK] = False
            if asked:
                st.session_state[LANGUAGE_NOTE] = Note(
                    "note.bad_language",
                    {
                        "value": plain(value),
                        "choices": ", ".join(f"`{code}`" for code in LANGUAGES),
                    },
                )
    return st.session_state[LANGUAGE]


def shared_controls(dataset: Dataset, today: date, page_params: Sequence[str] = ()) -> Selection:
    """Render the sidebar controls and return what they select; keeps the URL in step.

    ``dataset``: localized to the reader's language (views.text.words.localized).
    """
    language = chosen_language()
    t = Translator(language)
    first_day = min(dataset.instruments["adopted"])
    if NOTES not in st.session_state:
        _seed_from_link(dataset, today, first_day, page_params)
    with st.sidebar:
        _language_picker(t)
        st.markdown(f"#### {t('controls.show')}")
        chosen = _instrument_pills(dataset, t)
        as_of = _date_picker(first_day, today, t)
        groups = _group_picker(dataset, t)
    instruments = tuple(i for i in dataset.instrument_ids if i in chosen) or tuple(
        dataset.instrument_ids
    )
    selection = Selection(
        instruments=instruments,
        as_of=as_of,
        groups=tuple(g for g in every_group_id(dataset) if g in groups),
        notes=tuple(note.text(t) for note in st.session_state[NOTES]),
        params=_params(instruments, as_of, groups, dataset, today, language),
        language=language,
    )
    _write_link(selection, page_params)
    st.session_state[SESSION_KEY] = selection
    return selection


def _language_picker(t: Translator) -> None:
    st.selectbox(
        t("language.label"),
        list(LANGUAGES),
        format_func=LANGUAGES.get,
        key=LANGUAGE,
        persist_state="session",
        on_change=_language_chosen,
        icon=":material/translate:",
        help=t("language.help", code=t.language),
    )


def _language_chosen() -> None:
    st.session_state[LANGUAGE_IN_LINK] = True


def _instrument_pills(dataset: Dataset, t: Translator) -> list[str]:
    chosen = st.pills(
        t("controls.instruments"),
        dataset.instrument_ids,
        selection_mode="multi",
        format_func=lambda i: instrument_brief(dataset, i),
        key=INSTRUMENTS,
        persist_state="session",
        on_change=_forget_notes,
        help=t(
            "controls.instruments_help",
            named=t.words(
                str(dataset.instruments.loc[i, "short_title"])
                for i in RESOLUTION_INSTRUMENTS
                if i in dataset.instruments.index
            ),
            codes=", ".join(
                f"`{i}` ({instrument_brief(dataset, i)})" for i in dataset.instrument_ids
            ),
        ),
    )
    if not chosen:
        st.caption(t("controls.none_chosen"))
    return chosen


def _date_picker(first_day: date, today: date, t: Translator) -> date:
    """The as-of date: day, month and year boxes in the reader's language (``date_boxes``),
    bound to ``AS_OF``, with the resolution's day and today one click away."""
    as_of = date_boxes(AS_OF, t("controls.status_on"), first_day, today, t, _forget_notes)
    left, right = st.columns(2)
    left.button(
        t.short_date(RESOLUTION_DATE) if t.language != "en" else t.date(RESOLUTION_DATE),
        on_click=_set_date,
        args=(RESOLUTION_DATE,),
        help=t("controls.resolution_day"),
        width="stretch",
    )
    right.button(t("controls.today"), on_click=_set_date, args=(today,), width="stretch")
    st.caption(t("controls.status_on_date", date=t.date(as_of)))
    return as_of


def _group_picker(dataset: Dataset, t: Translator) -> list[str]:
    labels = group_option_labels(dataset, t.language)
    return st.multiselect(
        t("controls.groups"),
        every_group_id(dataset),
        format_func=labels.get,
        key=GROUPS,
        persist_state="session",
        on_change=_forget_notes,
        placeholder=t("controls.groups_placeholder"),
        # Typing finds the words typed ("Andean", "SICA"), not letters scattered through other
        # names (fuzzy "SICA" matched "South America"), and Enter picks the highlighted option
        # only: no "Select N matches" first.
        filter_mode="contains",
        select_all=False,
        help=t("controls.groups_help"),
    )


def _set_date(day: date) -> None:
    st.session_state[AS_OF] = day
    _forget_notes()


def _forget_notes() -> None:
    # The notes explain the link the session opened with; once the user changes a control,
    # the view is theirs and the notes are stale. (Choosing a language keeps them: the view
    # is the same, only its words change.)
    st.session_state[NOTES] = []


def _seed_from_link(
    dataset: Dataset, today: date, first_day: date, page_params: Sequence[str]
) -> None:
    params = {key: st.query_params.get_all(key) for key in st.query_params}
    notes: list[Note] = []
    if LANGUAGE_NOTE in st.session_state:
        notes.append(st.session_state.pop(LANGUAGE_NOTE))
    instruments = _known(
        params.get("instrument", []), dataset.instrument_ids, "note.bad_instrument", notes
    )
    groups = _known(params.get("group", []), every_group_id(dataset), "note.bad_group", notes)
    st.session_state[INSTRUMENTS] = instruments
    st.session_state[GROUPS] = groups
    st.session_state[AS_OF] = _day(params.get("as_of", []), today, first_day, notes)
    for key in params:
        if key not in (*SHARED_PARAMS, *page_params):
            notes.append(Note("note.unknown_param", {"name": plain(key)}))
    st.session_state[NOTES] = notes


def _known(values: list[str], valid: list[str], note: str, notes: list[Note]) -> list[str]:
    """Ids from the link matched case-insensitively; ``a,b`` and repeated parameters both work.

    ``note``: the catalogue key of the note on a value that is none of ``valid``.
    """
    by_key = {v.casefold(): v for v in valid}
    chosen: list[str] = []
    for value in (part.strip() for raw in values for part in raw.split(",")):
        if value.casefold() in by_key:
            chosen.append(by_key[value.casefold()])
        elif value:
            notes.append(
                Note(note, {"value": plain(value), "choices": ", ".join(f"`{v}`" for v in valid)})
            )
    return list(dict.fromkeys(chosen))


def _day(values: list[str], today: date, first_day: date, notes: list[Note]) -> date:
    if not values or not values[-1].strip():
        return today
    try:
        day = parse_iso_date(values[-1])
    except DateFormatError:
        notes.append(Note("note.bad_date", {"value": plain(values[-1])}))
        return today
    if (bound := outside_reader_range(day, first_day, today)) is not None:
        notes.append(
            Note("note.date_outside", {"day": day.isoformat(), "first": first_day, "shown": bound})
        )
        return bound
    return day


def _params(
    instruments: tuple[str, ...],
    as_of: date,
    groups: Sequence[str],
    dataset: Dataset,
    today: date,
    language: str,
) -> dict[str, list[str]]:
    params: dict[str, list[str]] = {}
    if list(instruments) != dataset.instrument_ids:
        params["instrument"] = list(instruments)
    if as_of != today:
        params["as_of"] = [as_of.isoformat()]
    if groups:
        params["group"] = [g for g in every_group_id(dataset) if g in groups]
    if st.session_state.get(LANGUAGE_IN_LINK):
        params["lang"] = [language]
    return params


def _write_link(selection: Selection, page_params: Sequence[str]) -> None:
    """Make the URL say exactly what is shown, keeping the page's own parameters and the
    snapshot a link named (app.py reads it on every run)."""
    current = {key: st.query_params.get_all(key) for key in st.query_params}
    wanted = {key: current[key] for key in (*page_params, "snapshot") if key in current}
    wanted.update(selection.params)
    if current != wanted:
        st.query_params.from_dict(wanted)
