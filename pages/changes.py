"""What changed: the acts of a period (since a date chosen here, until the sidebar's as-of date),
then what each refresh changed in the data, and the feed that carries the acts to feed readers."""

from __future__ import annotations

from datetime import date

import streamlit as st

from loaders.model.dates import DateFormatError, parse_iso_date
from loaders.paths import data_dir
from loaders.publish.history import refreshes
from pages.components.change_log import change_line
from pages.components.data import load_data
from pages.components.date_boxes import date_boxes
from pages.components.selection import current_selection
from views.models.changes import (
    DEFAULT_SINCE,
    FEED_PATH,
    changes_model,
    clamped_since,
    feed_name,
)
from views.models.citation import base_url
from views.text.words import plain

SINCE = "changes_since"
FIRST_DAY = date(2000, 12, 12)  # the Convention opened for signature

selection = current_selection()
t = selection.t
dataset = load_data(t.language)

# The link's ``since`` seeds the box; the reader's choice then wins and is written back.
asked = st.query_params.get("since", "")
if SINCE not in st.session_state:
    try:
        st.session_state[SINCE] = parse_iso_date(asked) if asked else DEFAULT_SINCE
    except DateFormatError:
        st.session_state[SINCE] = DEFAULT_SINCE
        st.info(t("whatchanged.bad_since", value=plain(asked)), icon=":material/link_off:")

# A start after the view's date (a link's since, or the sidebar's date moved before it) is
# clamped with a note, never an exception.
first_day = min(FIRST_DAY, selection.as_of)
st.session_state[SINCE], moved = clamped_since(st.session_state[SINCE], selection.as_of, first_day)

st.title(t("whatchanged.title"))
if moved:
    st.info(
        t(moved, date=t.date(st.session_state[SINCE]), until=t.date(selection.as_of)),
        icon=":material/event_busy:",
    )
# Day, month and year boxes as in the sidebar: the calendar of a date box would follow the
# browser's language, not the page's.
picker, _ = st.columns([1, 2])
with picker:
    since = date_boxes(SINCE, t("whatchanged.since"), first_day, selection.as_of, t)
# The link says what is shown; the default (the resolution's date) is left out, as the as-of
# date is when it is today.
if since == DEFAULT_SINCE and "since" in st.query_params:
    del st.query_params["since"]
elif since != DEFAULT_SINCE and since.isoformat() != asked:
    st.query_params["since"] = since.isoformat()

model = changes_model(dataset, selection, since)
st.markdown(
    t(
        "whatchanged.intro",
        since=t.date(model.since),
        until=t.date(model.until),
        scope=model.scope,
        acts=t.count("count.acts", len(model.acts)),
    )
)
if since > model.until:
    st.info(t("whatchanged.since_after_until"), icon=":material/event_busy:")
elif model.acts.empty:
    st.info(t("whatchanged.none"), icon=":material/event_busy:")
else:
    st.dataframe(
        model.acts[["date", "state", "act_text", "instrument_text", "mtdsg_no", "source"]],
        hide_index=True,
        width="stretch",
        height=min(38 + 35 * len(model.acts), 460),
        column_config={
            "date": st.column_config.DateColumn(t("whatchanged.col.date"), format="YYYY-MM-DD"),
            "state": st.column_config.TextColumn(t("whatchanged.col.state"), pinned=True),
            "act_text": st.column_config.TextColumn(t("whatchanged.col.act")),
            "instrument_text": st.column_config.TextColumn(t("whatchanged.col.instrument")),
            "mtdsg_no": st.column_config.TextColumn("MTDSG", width="small"),
            "source": st.column_config.TextColumn(t("whatchanged.col.source"), width="large"),
        },
    )
    st.caption(t("whatchanged.cli", command=f"`{model.command}`"))

feed = f"{base_url(st.context.url) or '/'}{FEED_PATH}{feed_name(t.language)}"
st.markdown(t("whatchanged.feed", url=f"`{feed}`"))

st.markdown(f"### {t('whatchanged.refreshes')}")
st.markdown(t("whatchanged.refreshes_intro"))
for refresh in refreshes(data_dir()):
    when = t.date(date.fromisoformat(refresh.compiled_at[:10]))
    method = t(f"method.{refresh.method}") if t.has(f"method.{refresh.method}") else refresh.method
    st.markdown(
        t("whatchanged.refresh", snapshot=f"`{refresh.snapshot_id}`", date=when) + f"  \n{method}"
    )
    if refresh.changes is None:
        st.caption(t("whatchanged.no_log"))
    else:
        lines = (change_line(change, t, dataset) for change in refresh.changes)
        st.markdown("\n".join(f"- {line}" for line in lines))
