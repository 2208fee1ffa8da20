"""What changed: the acts of a period in the reader's words, and the feed that carries them.

Pure: functions of the dataset (localized to the reader's language), the selection and the
period. The command line (``python -m loaders changes``) and the published feed
(``static/feed/changes.atom``) use the same words as the page.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

import pandas as pd

from loaders.derive import RESOLUTION_DATE
from loaders.derive.acts import TAG, act_id, acts
from loaders.publish.atom import Entry, atom_feed
from loaders.store.dataset import Dataset
from views.models.citation import TITLE
from views.models.selection import Selection
from views.text.i18n import Translator
from views.text.words import group_labels, instrument_label, kind_text

DEFAULT_SINCE = RESOLUTION_DATE  # the resolution's date: what has been done since paragraph 6
FEED_PATH = "app/static/feed/"  # the app serves static/ at /app/static/


def feed_name(language: str) -> str:
    """``changes.atom`` in English, ``changes-es.atom`` ... in the other languages."""
    suffix = "" if language == "en" else f"-{language}"
    return f"changes{suffix}.atom"


def act_word(row: dict[str, Any], language: str) -> str:
    if row["family"] == "consent":
        return kind_text(row["act"], bool(row["kind_inferred"]), language)
    return Translator(language)(f"act.{row['family']}")


def described_acts(frame: pd.DataFrame, dataset: Dataset, language: str) -> pd.DataFrame:
    """The acts with their words: the state's name, the act and the instrument in ``language``
    (``dataset`` localized to it)."""
    rows = frame.to_dict("records")
    return frame.assign(
        state=frame["iso3"].map(dataset.states["name"]),
        act_text=[act_word(row, language) for row in rows],
        instrument_text=[instrument_label(dataset, row["instrument"]) for row in rows],
    )


def scope_text(
    dataset: Dataset, instruments: Sequence[str], groups: Sequence[str], t: Translator
) -> str:
    labels = group_labels(dataset, t.language)
    states = t.words(labels.get(g, g) for g in groups) if groups else t("cite.all_states")
    names = t.words(instrument_label(dataset, i) for i in instruments)
    return t("format.scope", instruments=names, states=states)


def act_entries(frame: pd.DataFrame, dataset: Dataset, t: Translator, link: str) -> list[Entry]:
    entries = []
    for row in described_acts(frame, dataset, t.language).to_dict("records"):
        values = {
            "state": row["state"],
            "act": row["act_text"],
            "instrument": row["instrument_text"],
            "mtdsg": row["mtdsg_no"],
            "date": t.date(row["date"]),
        }
        summary = t("acts.summary", **values, source=row["source"])
        entries.append(
            Entry(
                id=act_id(row),
                title=t("format.act_title", **values),
                updated=datetime(row["date"].year, row["date"].month, row["date"].day),
                summary=summary,
                link=f"{link}profile?state={row['iso3']}&lang={t.language}" if link else "",
                category=row["family"],
            )
        )
    return entries


def acts_feed(
    dataset: Dataset,
    since: date,
    until: date,
    instruments: Sequence[str] | None = None,
    groups: Sequence[str] | None = None,
    states: Sequence[str] | None = None,
    language: str = "en",
    link: str = "",
    self_link: str = "",
    feed_id: str | None = None,
) -> bytes:
    """The Atom feed of the acts of the period, newest first. ``dataset``: localized.
    An empty period gives a valid feed whose subtitle says there was no act."""
    t = Translator(language)
    chosen = list(instruments or dataset.instrument_ids)
    frame = acts(dataset, since, until, chosen, groups, states)
    scope = scope_text(dataset, chosen, list(groups or ()), t)
    period = {"since": t.date(since), "until": t.date(until), "scope": scope}
    subtitle = (
        t.count("acts.subtitle", len(frame), **period)
        if len(frame)
        else t("acts.subtitle_none", **period)
    )
    entries = act_entries(frame.iloc[::-1], dataset, t, link)
    query = "&".join(
        [f"since={since}", f"until={until}"]
        + [f"instrument={i}" for i in chosen]
        + [f"group={g}" for g in groups or ()]
        + [f"state={s}" for s in states or ()]
    )
    return atom_feed(
        feed_id=feed_id or f"{TAG}acts/{language}?{query}",
        title=t("acts.feed_title", title=TITLE),
        subtitle=subtitle + " " + t("acts.snapshot", snapshot=dataset.meta.snapshot_id),
        updated=dataset.meta.compiled_at,
        author=TITLE,
        entries=entries,
        language=language,
        link=link,
        self_link=self_link,
        rights=t("acts.rights"),
    )


@dataclass(frozen=True)
class ChangesModel:
    since: date
    until: date
    acts: pd.DataFrame  # date, state, act_text, instrument_text, mtdsg_no, source, iso3, ...
    scope: str
    command: str  # the same list from the command line


def changes_model(dataset: Dataset, selection: Selection, since: date) -> ChangesModel:
    """The acts from ``since`` to the selection's as-of date, for its instruments and groups."""
    frame = acts(dataset, since, selection.as_of, selection.instruments, selection.groups)
    return ChangesModel(
        since=since,
        until=selection.as_of,
        acts=described_acts(frame, dataset, selection.language),
        scope=scope_text(dataset, selection.instruments, selection.groups, selection.t),
        command=changes_command(selection, since),
    )


def changes_command(selection: Selection, since: date) -> str:
    command = ["python -m loaders changes", f"--since {since}", f"--until {selection.as_of}"]
    command += [f"--instrument {i}" for i in selection.instruments]
    command += [f"--group {g}" for g in selection.groups]
    if selection.language != "en":
        command.append(f"--lang {selection.language}")
    return " ".join(command)
