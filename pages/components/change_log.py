"""What the refresh that made the current snapshot changed, one line per event, in words."""

from __future__ import annotations

import streamlit as st

from loaders.store.changes import Change
from views.text.i18n import Translator
from views.text.words import SECTIONS, plain, plain_code


def change_log(
    changes: list[Change] | None, since: str | None, snapshot: str, t: Translator
) -> None:
    """``changes``: the snapshot's events (loaders.store.changes), None where it keeps no log."""
    if changes is None:
        st.markdown(t("changes.none_recorded", snapshot=f"`{snapshot}`"))
        return
    heading = (
        t("changes.since", snapshot=f"`{snapshot}`", previous=f"`{since}`")
        if since
        else t("changes.first", snapshot=f"`{snapshot}`")
    )
    st.markdown(heading)
    st.markdown("\n".join(f"- {change_line(change, t)}" for change in changes))


def change_line(change: Change, t: Translator) -> str:
    """One event in the reader's language; codes and dates as the data writes them."""
    values = {  # every value is upstream's: shown as plain text (views.text.words.plain)
        "state": plain_code(change.iso3),
        "instrument": plain_code(change.mtdsg_no),
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
