"""What the refresh that made the current snapshot changed, one line per event, in words."""

from __future__ import annotations

import streamlit as st

from loaders.store.changes import Change
from loaders.store.dataset import Dataset
from views.text.i18n import Translator, state_name
from views.text.words import SECTIONS, instrument_brief, plain, plain_code


def change_log(
    changes: list[Change] | None,
    since: str | None,
    snapshot: str,
    t: Translator,
    dataset: Dataset | None = None,
) -> None:
    """``changes``: the snapshot's events (loaders.store.changes), None where it keeps no log;
    ``dataset`` (in the reader's language) names their states and instruments."""
    if changes is None:
        st.markdown(t("changes.none_recorded", snapshot=f"`{snapshot}`"))
        return
    heading = (
        t("changes.since", snapshot=f"`{snapshot}`", previous=f"`{since}`")
        if since
        else t("changes.first", snapshot=f"`{snapshot}`")
    )
    st.markdown(heading)
    st.markdown("\n".join(f"- {change_line(change, t, dataset)}" for change in changes))


def change_line(change: Change, t: Translator, dataset: Dataset | None = None) -> str:
    """One event in the reader's language; dates as the data writes them, and states and
    instruments by their code, after their name in the reader's language where ``dataset`` (in
    that language) knows it: "Panamá (`PAN`) en Convención de Palermo (`XVIII-12`)"."""
    values = {  # every value is upstream's: shown as plain text (views.text.words.plain)
        "state": _named(_state(change.iso3, t), change.iso3),
        "instrument": _named(_instrument(change.mtdsg_no, dataset), change.mtdsg_no),
        "before": plain_code(change.before) if change.before else t("ui.none.change"),
        "after": plain_code(change.after) if change.after else t("ui.none.change"),
    }
    if change.kind == "new_note":
        values["detail"] = plain(change.detail, None)
    if change.kind == "new_declaration":
        key = SECTIONS.get(change.detail)
        values["detail"] = t(key) if key else plain(change.detail, None)
    if change.kind == "world_participants":
        values["detail"] = change.detail
    return t(f"changes.{change.kind}", **values)


def _named(name: str | None, code: str) -> str:
    return f"{plain(name, None)} ({plain_code(code)})" if name and code else plain_code(code)


def _state(iso3: str, t: Translator) -> str | None:
    try:
        return state_name(iso3, t.language) if iso3 else None
    except KeyError:  # not an ISO 3166 code: the code alone
        return None


def _instrument(mtdsg_no: str, dataset: Dataset | None) -> str | None:
    if dataset is None:
        return None
    ids = {info.mtdsg_no: instrument for instrument, info in dataset.meta.instruments.items()}
    return instrument_brief(dataset, ids[mtdsg_no]) if mtdsg_no in ids else None
