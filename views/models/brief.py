"""Briefs: one or two printed pages on a state or a group, for reports, letters and meetings.

A pure page model: a function of the dataset (localized to the reader's language), the state or
group, the as-of date and the language, giving a loaders.publish.pdf.Document in words. The
dashboard (State profile, Subregions) and ``python -m loaders brief`` print the same brief.

Sections: the status of the four instruments; paragraph 6 of the resolution; reservations and
declarations (the depositary's texts, in English); steps at home; OAS membership notes; the state
or group beside the 35 and the world; the source with its verification dates; a citation line.

Hooks for the data layer's coming fields, used where the dataset has them:
- ``domestic_steps``: a frame with iso3, mtdsg_no (or instrument), date, step, source; argument or
  ``dataset.domestic_steps``;
- ``world_counts``: instrument -> parties in the world; argument, ``dataset.world_counts``, or
  the snapshot's per-instrument ``parties`` (a refresh records UNTC's count).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from typing import Any

import pandas as pd

from loaders.derive import RESOLUTION_DATE, members_on
from loaders.derive.cut import dataset_on
from loaders.derive.paragraph6 import RESOLUTION_INSTRUMENTS, RESOLUTION_SYMBOL, paragraph6
from loaders.model.status import PARTY, SIGNATORY
from loaders.outcomes.store import Outcomes
from loaders.publish.pdf import Document, Section
from loaders.store.dataset import Dataset
from views.models.citation import TITLE, as_at_dates
from views.models.family_brief import group_family_section, state_family_section
from views.models.outcomes import recommendations_followed, state_outcomes
from views.models.shared import described, local_view
from views.text.i18n import Translator
from views.text.notes import count_note
from views.text.outcomes import (
    caveats,
    indicator_label,
    recommendation_line,
    source_line,
    value_text,
)
from views.text.words import (
    SECTIONS,
    cut_at_word,
    group_labels,
    instrument_abbr,
    instrument_label,
    kind_text,
    long_date,
    partial_date_text,
)

STATUS_WIDTHS = (0.27, 0.15, 0.2, 0.15, 0.23)
TEXT_CHARS = 320  # of a declaration's text on a brief: the full text is a click away


def _declarations(dataset: Dataset) -> pd.DataFrame:
    frame = getattr(dataset, "declarations", None)
    return frame if isinstance(frame, pd.DataFrame) else pd.DataFrame()


def _world_counts(
    dataset: Dataset, world_counts: Mapping[str, int] | None
) -> dict[str, tuple[int, date | None]]:
    """Instrument -> (parties in the world, the date the count is "as at", if known). The dataset
    is cut at the brief's date (loaders.derive.cut): a count as at a later date is not there."""
    if world_counts is not None:
        return {i: (int(n), None) for i, n in world_counts.items()}
    from_data = getattr(dataset, "world_counts", None)  # indexed by instrument id: parties, ...
    if isinstance(from_data, pd.DataFrame) and "parties" in from_data and not from_data.empty:
        return {
            i: (int(row["parties"]), _as_at(row.get("status_as_at")))
            for i, row in from_data.iterrows()
            if pd.notna(row["parties"])
        }
    return {
        i: (info.parties, info.status_as_at)
        for i, info in dataset.meta.instruments.items()
        if info.parties is not None
    }


def _as_at(value: object) -> date | None:
    try:
        return date.fromisoformat(str(value)[:10])
    except ValueError:
        return None


def _steps(dataset: Dataset, steps: pd.DataFrame | None, iso3s: list[str]) -> pd.DataFrame:
    frame = steps if steps is not None else getattr(dataset, "domestic_steps", None)
    if not isinstance(frame, pd.DataFrame) or frame.empty or "iso3" not in frame:
        return pd.DataFrame()
    return frame[frame["iso3"].isin(iso3s)]


def _mtdsg(dataset: Dataset) -> dict[str, str]:
    return dict(zip(dataset.instruments.index, dataset.instruments["mtdsg_no"], strict=True))


def _status_table(
    rows: list[dict[str, Any]], dataset: Dataset, t: Translator
) -> tuple[tuple[str, ...], ...]:
    none = "—"
    header = (
        t("brief.col.instrument"),
        t("fact.signature"),
        t("fact.consent"),
        t("fact.in_force"),
        t("fact.status"),
    )
    body = []
    for row in rows:
        consent = long_date(row["consent_date"], t.language)
        if consent:
            kind = kind_text(row["consent_kind"], bool(row["kind_inferred"]), t.language)
            consent = f"{consent} ({kind})"
        body.append(
            (
                f"{instrument_label(dataset, row['instrument'])} ({row['mtdsg_no']})",
                long_date(row["signature_date"], t.language) or none,
                consent or none,
                long_date(row["entry_into_force"], t.language) or none,
                row["what_done"],
            )
        )
    return (header, *body)


@dataclass(frozen=True)
class BriefFrames:
    """The derivations every brief of one date and language reads: made once for many briefs."""

    view: pd.DataFrame  # the described status view of the 35 on the date
    p6: pd.DataFrame  # paragraph 6's frame (status on the date and on 4 June 2009)


def brief_frames(dataset: Dataset, as_of: date, language: str) -> BriefFrames:
    return BriefFrames(
        view=described(local_view(dataset, as_of), language),
        p6=paragraph6(dataset, as_of, list(RESOLUTION_INSTRUMENTS)),
    )


def _paragraph6_line(
    dataset: Dataset, p6: pd.DataFrame, iso3s: list[str], as_of: date, t: Translator
) -> str:
    frame = p6[p6["iso3"].isin(iso3s)]
    parts = []
    one_date = as_of <= RESOLUTION_DATE  # one status, not "Party, then Party"
    for instrument in RESOLUTION_INSTRUMENTS:
        rows = frame[frame["instrument"] == instrument]
        if len(iso3s) == 1 and len(rows) == 1:
            then, now = (t(f"status.{rows[c].iloc[0]}") for c in ("status_2009", "status"))
        else:
            then = t("count.of", n=int((rows["status_2009"] == PARTY).sum()), total=len(rows))
            now = t("count.of", n=int((rows["status"] == PARTY).sum()), total=len(rows))
        label = instrument_label(dataset, instrument)
        parts.append(
            t.label(label, now)
            if one_date
            else t("brief.p6_counts", instrument=label, then=then, now=now)
        )
    if as_of < RESOLUTION_DATE:  # the resolution is later than the brief: named with its date
        return t(
            "brief.p6_before",
            symbol=RESOLUTION_SYMBOL,
            resolution_date=t.date(RESOLUTION_DATE),
            date=t.date(as_of),
            counts=t.items(parts),
        )
    return t(
        "brief.p6_on" if one_date else "brief.p6",
        symbol=RESOLUTION_SYMBOL,
        resolution_date=t.date(RESOLUTION_DATE),
        date=t.date(as_of),
        counts=t.items(parts),
    )


def _reservations(
    dataset: Dataset, iso3s: list[str], names: dict[str, str], t: Translator
) -> Section:
    frame = _declarations(dataset)
    if frame.empty:
        return Section(t("brief.reservations"), (t("brief.no_declarations_snapshot"),))
    mine = frame[frame["iso3"].isin(iso3s)]
    if mine.empty:
        return Section(t("brief.reservations"), (t("brief.no_declarations"),))
    by_mtdsg = {v: k for k, v in _mtdsg(dataset).items()}

    def where(row: Any) -> str:  # a named tuple of DataFrame.itertuples()
        section = t(SECTIONS[row.section]) if row.section in SECTIONS else row.section
        instrument = by_mtdsg.get(row.mtdsg_no)
        label = instrument_label(dataset, instrument) if instrument else row.mtdsg_no
        return f"{label}: {section}"

    if len(iso3s) > 1:
        # A group's brief names who has texts on which instrument; the texts are on each
        # state's brief and the dashboard's Reservations page (they would fill pages here).
        def instruments(rows: pd.DataFrame) -> str:
            ids = dict.fromkeys(by_mtdsg.get(m, m) for m in rows["mtdsg_no"])
            known = set(by_mtdsg.values())
            return t.words(instrument_abbr(dataset, i) if i in known else i for i in ids)

        def by_name(iso3: str) -> str:
            return names.get(iso3, iso3).casefold()

        states = sorted(mine["iso3"].unique(), key=by_name)
        listed = t.items(
            t.label(names.get(i, i), instruments(mine[mine["iso3"] == i])) for i in states
        )
        return Section(
            t("brief.reservations"),
            (t("brief.texts_on_record", states=listed),),
            notes=(t("brief.full_texts", page=t("nav.reservations")),),
        )
    table = [(t("brief.col.instrument"), t("brief.col.text"))]
    for row in mine.itertuples():
        # The depositary's English, said to be so beside each text (not only in the header).
        text = t("brief.depositary_english", text=cut_at_word(row.text, TEXT_CHARS))
        table.append((where(row), text))
    return Section(
        t("brief.reservations"),
        (t("brief.declarations_english"),),
        tuple(table),
        (0.3, 0.7),
        notes=(t("brief.full_texts", page=t("nav.reservations")),),
    )


def _steps_section(
    dataset: Dataset, frame: pd.DataFrame, names: dict[str, str], t: Translator, full: bool = True
) -> Section:
    """``full``: with each step's detail and source (a state's brief); a group's lists them.
    Each step names the instrument it concerns; the record's own words stay English, marked."""
    if frame.empty:
        return Section(t("brief.steps"), (t("brief.steps_none"),))
    first = t("brief.col.instrument") if full else t("brief.col.state")
    table: list[tuple[str, ...]] = [(first, t("brief.col.date"), t("brief.col.step"))]
    if full:
        table[0] += (t("fact.source"),)
    for row in frame.to_dict("records"):
        instrument = _field(row.get("instrument"))
        known = instrument in dataset.instruments.index
        about = instrument_label(dataset, instrument) if known else instrument
        mtdsg = _field(row.get("mtdsg_no"))
        if full and mtdsg and mtdsg != about:  # the column says "Instrument (MTDSG)"
            about = f"{about} ({mtdsg})"
        cells = (
            about if full else f"{names.get(row['iso3'], row['iso3'])} ({about})",
            partial_date_text(_field(row.get("date")), t.language),
            _step(row, t) if full else t(f"step.{row['step']}"),
        )
        table.append(cells + ((_field(row.get("source")),) if full else ()))
    widths = (0.2, 0.15, 0.4, 0.25) if full else (0.3, 0.2, 0.5)
    notes = (t("brief.records_english"),) if full and t.language != "en" else ()
    return Section(t("brief.steps"), (), tuple(table), widths, notes)


def _beside(
    dataset: Dataset,
    view: pd.DataFrame,
    iso3s: list[str],
    label: str,
    world: dict[str, tuple[int, date | None]],
    t: Translator,
) -> Section:
    header = (t("brief.col.instrument"), label, t("brief.col.oas"), t("brief.col.world"))
    body = []
    for instrument, rows in view.groupby("instrument", sort=False):
        here = rows[rows["iso3"].isin(iso3s)]
        own = (
            t(f"status.{here['status'].iloc[0]}")
            if len(iso3s) == 1 and len(here) == 1
            else t("count.of", n=int((here["status"] == PARTY).sum()), total=len(here))
        )
        body.append(
            (
                instrument_label(dataset, instrument),
                own,
                t("count.of", n=int((rows["status"] == PARTY).sum()), total=len(rows)),
                _world_cell(world.get(instrument), t),
            )
        )
    notes = (t("brief.world_note"),) if not world else ()
    if not world and dataset.cut_on is not None:
        notes = (t("brief.world_none_by", date=t.date(dataset.cut_on)),)
    return Section(t("brief.beside"), (), (header, *body), (0.34, 0.22, 0.22, 0.22), notes)


def _world_cell(count: tuple[int, date | None] | None, t: Translator) -> str:
    """The world's parties, with the date the count is as at (never the brief's own)."""
    if count is None:
        return t("brief.world_unknown")
    number, as_at = count
    if as_at is None:
        return t.number(number)
    return t("brief.world_as_at", count=t.number(number), date=t.date(as_at))


def _source(dataset: Dataset, rows: list[dict[str, Any]], as_of: date, t: Translator) -> Section:
    # Only the rows checked through an earlier date than the brief's need saying: a check through
    # a later date vouches for the brief's date (and would name a later date).
    verified = sorted({r["verified_through"] for r in rows if not r["status_verified"]})
    checked = (
        t("brief.verified", dates=t.words(partial_date_text(v, t.language) for v in verified))
        if verified
        else t("brief.verified_all", date=t.date(as_of))
    )
    lines = (
        t(
            "brief.source",
            dates=as_at_dates(dataset, t.language),
            snapshot=dataset.meta.snapshot_id,
        ),
        checked,
    )
    # One note per state, naming every instrument whose row is not of high confidence. The
    # rows' ``source`` is the researchers' record (with their remarks to one another, "check
    # against UNTC"): it is not printed here, the profile and the Data page show it as a record.
    medium: dict[str, list[str]] = {}
    for r in rows:
        if r["confidence"] != "high":
            medium.setdefault(r["state"], []).append(instrument_label(dataset, r["instrument"]))
    if len(medium) > 1:  # a group: who
        rows_named = t.items(t.label(state, t.words(names)) for state, names in medium.items())
        notes: tuple[str, ...] = (t("brief.caution_group", rows=rows_named),)
    else:
        notes = tuple(
            t("brief.caution", state=state, instrument=t.words(names), page=t("nav.profile"))
            for state, names in medium.items()
        )
    return Section(t("brief.source_title"), lines, notes=notes)


def _citation(title: str, as_of: date, snapshot: str, accessed: date, t: Translator) -> str:
    return t(
        "brief.citation",
        title=TITLE,
        brief=title,
        date=t.date(as_of),
        snapshot=snapshot,
        accessed=t.date(accessed),
    )


def _after_ratification(
    outcomes: Outcomes, dataset: Dataset, iso3: str, name: str, as_of: date, t: Translator
) -> Section:
    """UNODC's latest published value of each series, its caveats, and what followed each
    recommendation of the Universal Periodic Review."""
    view = state_outcomes(outcomes, dataset, iso3, as_of)
    lines = [
        t(
            "outcomes.brief.latest",
            indicator=indicator_label(s.indicator, t.language),
            value=value_text(s.points[-1], t.language),
            year=s.points[-1].year,
        )
        for s in view.series.values()
    ] or [t("outcomes.reports_nothing", state=name)]
    lines += caveats(t.language)
    followed = recommendations_followed(outcomes, dataset, iso3, as_of).get(iso3, [])
    lines += [recommendation_line(item, t.language) for item in followed]
    lines.append(source_line(view.release, t.language))
    return Section(t("outcomes.brief.heading"), tuple(lines))


def _document(
    dataset: Dataset,
    title: str,
    sections: tuple[Section, ...],
    as_of: date,
    today: date,
    t: Translator,
    subject: str,
) -> Document:
    """A brief's sections, then how to cite it, with its title, date and keywords
    (``subject``: the state's ISO code or the group's id)."""
    citation = _citation(title, as_of, dataset.meta.snapshot_id, today, t)
    return Document(
        title=title,
        subtitle=t("brief.subtitle", date=t.date(as_of), title=TITLE),
        sections=(*sections, Section(t("brief.cite"), (citation,))),
        footer=f"{TITLE} · {title} · {t.date(as_of)}",
        language=t.language,
        subject=title,
        keywords=("UNTOC", "Palermo", subject),
    )


def state_brief(
    dataset: Dataset,
    iso3: str,
    as_of: date,
    language: str,
    today: date | None = None,
    domestic_steps: pd.DataFrame | None = None,
    world_counts: Mapping[str, int] | None = None,
    frames: BriefFrames | None = None,
    outcomes: Outcomes | None = None,
) -> Document:
    """The brief on one of the 35 (``dataset`` localized to ``language``); with ``outcomes``, a
    short section on what followed ratification."""
    dataset = dataset_on(dataset, as_of)
    t = Translator(language)
    today = today or date.today()
    frames = frames or brief_frames(dataset, as_of, language)
    view = frames.view
    rows = view[view["iso3"] == iso3].to_dict("records")
    names = dict(zip(dataset.states.index, dataset.states["name"], strict=True))
    name = names[iso3]
    labels = group_labels(dataset, language)
    members = members_on(dataset.memberships, as_of)
    groups = [labels[g] for g in members.loc[members["iso3"] == iso3, "group_id"]]
    state = dataset.states.loc[iso3]
    joined = partial_date_text(_field(state.get("oas_joined")), language)
    oas = [t("brief.member_since", state=name, date=joined or t("profile.date_not_recorded"))]
    if _field(state.get("count_note")):
        oas.append(_count_note(dataset, iso3, t))
    if groups:
        oas.append(t("brief.groups", groups=t.words(groups)))
    title = t("brief.state_title", state=name)
    world = _world_counts(dataset, world_counts)
    sections = (
        Section(t("brief.status"), (), _status_table(rows, dataset, t), STATUS_WIDTHS),
        Section(t("brief.p6_title"), (_paragraph6_line(dataset, frames.p6, [iso3], as_of, t),)),
        _reservations(dataset, [iso3], names, t),
        _steps_section(dataset, _steps(dataset, domestic_steps, [iso3]), names, t),
        Section(t("brief.oas"), tuple(oas)),
        *([_after_ratification(outcomes, dataset, iso3, name, as_of, t)] if outcomes else []),
        state_family_section(dataset, iso3, as_of, t),
        _beside(dataset, view, [iso3], name, world, t),
        _source(dataset, rows, as_of, t),
    )
    return _document(dataset, title, sections, as_of, today, t, subject=iso3)


def group_brief(
    dataset: Dataset,
    group: str,
    as_of: date,
    language: str,
    today: date | None = None,
    domestic_steps: pd.DataFrame | None = None,
    world_counts: Mapping[str, int] | None = None,
    frames: BriefFrames | None = None,
) -> Document:
    """The brief on a group (its full members among the 35 on ``as_of``)."""
    dataset = dataset_on(dataset, as_of)
    t = Translator(language)
    today = today or date.today()
    frames = frames or brief_frames(dataset, as_of, language)
    view = frames.view
    members = members_on(dataset.memberships, as_of)
    full = (members["group_id"] == group) & (members["role"] == "member")
    iso3s = list(members.loc[full, "iso3"])
    names = dict(zip(dataset.states.index, dataset.states["name"], strict=True))
    label = group_labels(dataset, language)[group]
    title = t("brief.group_title", group=label)
    mine = view[view["iso3"].isin(iso3s)]
    header = (t("brief.col.instrument"), t("brief.col.parties"), t("brief.col.signatories"),
              t("brief.col.not_yet"))  # fmt: skip
    table = [header]
    for instrument, rows in mine.groupby("instrument", sort=False):
        party = rows[rows["status"] == PARTY]
        signed = rows[rows["status"] == SIGNATORY]
        rest = rows[~rows["status"].isin([PARTY, SIGNATORY])]
        table.append(
            (
                f"{instrument_label(dataset, instrument)} ({rows['mtdsg_no'].iloc[0]})",
                t("count.of", n=len(party), total=len(rows)),
                t.words(f"{r['state']} ({r['brief']})" for r in signed.to_dict("records")) or "—",
                t.words(f"{r['state']} ({r['brief']})" for r in rest.to_dict("records")) or "—",
            )
        )
    member_names = sorted((names[i] for i in iso3s), key=str.casefold)
    noted = [
        f"{names[i]}: {_count_note(dataset, i, t)}"
        for i in iso3s
        if _field(dataset.states.loc[i].get("count_note"))
    ]
    world = _world_counts(dataset, world_counts)
    sections = (
        Section(
            t("brief.members"),
            (
                t(
                    "brief.members_line",
                    count=t.count("count.states", len(iso3s)),
                    states=t.words(member_names),
                ),
            ),
        ),
        Section(t("brief.status"), (), tuple(table), (0.3, 0.14, 0.28, 0.28)),
        Section(t("brief.p6_title"), (_paragraph6_line(dataset, frames.p6, iso3s, as_of, t),)),
        _reservations(dataset, iso3s, names, t),
        _steps_section(dataset, _steps(dataset, domestic_steps, iso3s), names, t, full=False),
        Section(t("brief.oas"), tuple(noted) or (t("brief.no_notes"),)),
        group_family_section(dataset, group, as_of, t),
        _beside(dataset, view, iso3s, label, world, t),
        _source(dataset, mine.to_dict("records"), as_of, t),
    )
    return _document(dataset, title, sections, as_of, today, t, subject=group)


def _step(row: dict[str, Any], t: Translator) -> str:
    """The step in words (``step.<code>`` in the catalogues), then its detail: the record's
    English, as the data writes it, said to be an English record outside English briefs."""
    code = _field(row.get("step"))
    words = t(f"step.{code}") if t.has(f"step.{code}") else code
    detail = _field(row.get("detail"))
    return t("brief.step_record", step=words, detail=detail) if detail else words


def _count_note(dataset: Dataset, iso3: str, t: Translator) -> str:
    """A state's OAS membership note in the reader's language; where the catalogues do not (yet)
    translate the data's note, its English, said to be an English record."""
    note, translated = count_note(dataset, iso3, t.language)
    return note if translated else t("brief.record_english", text=note)


def _field(value: object) -> str:
    """A text field of the data; empty where it has none (NaN, None)."""
    return value if isinstance(value, str) else ""


def brief_file_name(subject: str, as_of: date, language: str) -> str:
    return f"ratify-americas-brief-{subject.lower()}-{as_of.isoformat()}-{language}.pdf"
