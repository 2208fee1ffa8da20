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
from urllib.parse import urlencode

import pandas as pd

from loaders.derive import RESOLUTION_DATE
from loaders.derive.acts import TAG, act_id, acts
from loaders.derive.cut import dataset_on
from loaders.derive.groups import members_on
from loaders.publish.atom import Entry, atom_feed
from loaders.store.dataset import Dataset
from views.models.citation import TITLE
from views.models.selection import Selection
from views.text.i18n import Translator
from views.text.words import group_labels, instrument_label, kind_text

DEFAULT_SINCE = RESOLUTION_DATE  # the resolution's date: what has been done since paragraph 6
FEED_PATH = "app/static/feed/"  # the app serves static/ at /app/static/


SCOPES = ("state", "group", "instrument")  # the feeds of one state, group or instrument


def feed_name(language: str, scope: str = "", subject: str = "") -> str:
    """``changes.atom`` in English, ``changes-es.atom`` ... in the other languages; a scoped
    feed in its folder: ``state/BOL.atom``, ``group/CARICOM-es.atom``,
    ``instrument/TIP-fr.atom``."""
    suffix = "" if language == "en" else f"-{language}"
    return f"{scope}/{subject}{suffix}.atom" if scope else f"changes{suffix}.atom"


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
                # when we learned of it: the snapshot's date, so that an act a refresh finds
                # late is new to a reader (the act's own date is ``published``)
                updated=dataset.meta.compiled_at,
                published=datetime(row["date"].year, row["date"].month, row["date"].day),
                summary=summary,
                content=summary,
                link=f"{link}profile?state={row['iso3']}&lang={t.language}&as_of={row['date']}",
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
    link: str = "/",
    self_link: str = "",
    feed_id: str | None = None,
) -> bytes:
    """The Atom feed of the acts of the period, newest first. ``dataset``: localized.
    An empty period gives a valid feed whose subtitle says there was no act."""
    dataset = dataset_on(dataset, until)
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
        link=f"{link}changes?{urlencode({'since': since, 'as_of': until, 'lang': language})}",
        self_link=self_link,
        rights=t("acts.rights"),
    )


def scoped_feeds(
    dataset: Dataset, since: date, until: date, language: str, self_path: str
) -> dict[str, bytes]:
    """Feed name -> the Atom feed of each state, group and instrument (``state/BOL-es.atom``
    ...), every act of the period: the acts are made into entries once, then chosen per feed
    (a feed a state, 35 + groups + 4 of them per language, in about a second)."""
    dataset = dataset_on(dataset, until)
    t = Translator(language)
    frame = acts(dataset, since, until)
    entries = act_entries(frame.iloc[::-1], dataset, t, "/")
    rows = frame.iloc[::-1].reset_index(drop=True)
    members = members_on(dataset.memberships, until)
    chosen: list[tuple[str, str, pd.Series, str]] = []
    for iso3 in dataset.states.index:
        label = t.words([dataset.states.loc[iso3, "name"]])
        chosen.append(("state", iso3, rows["iso3"] == iso3, label))
    labels = group_labels(dataset, language)
    for group in dataset.group_ids:
        inside = set(members.loc[members["group_id"] == group, "iso3"])
        chosen.append(("group", group, rows["iso3"].isin(inside), labels.get(group, group)))
    for instrument in dataset.instrument_ids:
        label = instrument_label(dataset, instrument)
        chosen.append(("instrument", instrument, rows["instrument"] == instrument, label))
    feeds = {}
    for scope, subject, mask, label in chosen:
        name = feed_name(language, scope, subject)
        mine = [entry for entry, keep in zip(entries, mask, strict=True) if keep]
        period = {"since": t.date(since), "until": t.date(until), "scope": label}
        subtitle = (
            t.count("acts.subtitle", len(mine), **period)
            if mine
            else t("acts.subtitle_none", **period)
        )
        feeds[name] = atom_feed(
            feed_id=f"{TAG}feed/{name.removesuffix('.atom')}",
            title=t("acts.feed_title", title=TITLE) + f" · {label}",
            subtitle=subtitle + " " + t("acts.snapshot", snapshot=dataset.meta.snapshot_id),
            updated=dataset.meta.compiled_at,
            author=TITLE,
            entries=mine,
            language=language,
            link=f"/changes?{urlencode({'since': since, 'as_of': until, 'lang': language})}",
            self_link=f"{self_path}{name}",
            rights=t("acts.rights"),
        )
    return feeds


@dataclass(frozen=True)
class ChangesModel:
    since: date
    until: date
    acts: pd.DataFrame  # date, state, act_text, instrument_text, mtdsg_no, source, iso3, ...
    scope: str
    command: str  # the same list from the command line


def changes_model(dataset: Dataset, selection: Selection, since: date) -> ChangesModel:
    """The acts from ``since`` to the selection's as-of date, for its instruments and groups."""
    dataset = dataset_on(dataset, selection.as_of)
    frame = acts(dataset, since, selection.as_of, selection.instruments, selection.groups)
    return ChangesModel(
        since=since,
        until=selection.as_of,
        acts=described_acts(frame, dataset, selection.language),
        scope=scope_text(dataset, selection.instruments, selection.groups, selection.t),
        command=changes_command(selection, since),
    )


def clamped_since(since: date, until: date, first_day: date) -> tuple[date, str | None]:
    """``since`` within ``first_day`` .. ``until``, and the catalogue key of a note when it was
    moved (``whatchanged.since_clamped`` or ``whatchanged.since_too_early``): dates that conflict
    are clamped, never an error."""
    if since > until:
        return max(until, first_day), "whatchanged.since_clamped"
    if since < first_day:
        return first_day, "whatchanged.since_too_early"
    return since, None


def changes_command(selection: Selection, since: date) -> str:
    command = ["python -m loaders changes", f"--since {since}", f"--until {selection.as_of}"]
    command += [f"--instrument {i}" for i in selection.instruments]
    command += [f"--group {g}" for g in selection.groups]
    if selection.language != "en":
        command.append(f"--lang {selection.language}")
    return " ".join(command)
