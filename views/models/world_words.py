"""The Americas in the world, in sentences and tables, as the dashboard's page and the reader's
edition both say them: the parties named, the gaps the 35 hold among the world's with the basis of
the figure, the lower-bound note, the table of states and the regions compared. One function per
sentence or table, so the two cannot drift."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

import pandas as pd

from loaders.derive.groups import members_on
from loaders.derive.regions import ALL
from loaders.store.dataset import Dataset
from views.models.selection import Selection
from views.models.world import COMPARED, RegionsModel, RegionsOverTime, WorldGaps, WorldModel
from views.text.i18n import Translator, collation_key
from views.text.words import (
    category_label,
    group_option_labels,
    instrument_brief,
    instrument_label,
    partial_date_text,
)


@dataclass(frozen=True)
class WorldSentences:
    parties: str  # the parties the snapshot names ("at least" after the capture)
    gaps: str  # the 35's gaps among the world's, with the basis of the figure
    oas_gaps: list[str]  # one sentence per state of the 35 not party
    lower_bound: str  # UNTC's own count beside the named one; "" when not a lower bound


def basis(gaps: WorldGaps, t: Translator, as_of: date) -> str:
    if gaps.basis == "untc_count" and gaps.as_at is not None:
        return t("world.basis.untc_count", date=t.date(gaps.as_at))
    if gaps.basis == "complete":
        return t("world.basis.complete", date=t.date(as_of))
    return t("world.basis.at_most", unnamed=gaps.unnamed)


def world_sentences(
    model: WorldModel, dataset: Dataset, t: Translator, as_of: date
) -> WorldSentences:
    """``dataset``: localized to the reader's language."""
    world = model.world
    name = instrument_label(dataset, model.instrument)
    # "at most": the world's gaps from the snapshot's names, later acts unnamed
    world_gaps = t("world.at_most_n", n=world.gaps) if world.basis == "at_most" else world.gaps
    why = basis(world, t, as_of)
    parties = "world.parties_at_least" if model.lower_bound else "world.parties"
    lines = []
    for state in model.oas_gaps:
        shown = state
        if state in model.oas_unverified:
            checked = partial_date_text(model.oas_unverified[state], t.language)
            shown = t("world.not_verified", state=state, date=checked)
        lines.append(t("world.one_of", instrument=name, state=shown, world=world_gaps, basis=why))
    lower = ""
    if model.lower_bound and model.untc:
        untc, as_at, known, unnamed = model.untc
        lower = t("world.lower_bound", date=t.date(as_at), untc=untc, known=known, unnamed=unnamed)
    return WorldSentences(
        parties=t(parties, named=model.named_parties, states=world.states),
        gaps=t("world.hold_gaps", instrument=name, oas=world.oas, world=world_gaps, basis=why),
        oas_gaps=lines,
        lower_bound=lower,
    )


def world_table(model: WorldModel, t: Translator) -> pd.DataFrame:
    """Every state on the instrument, by name, in the reader's words."""
    states = model.frame.assign(name=model.frame["name"].fillna(model.frame["iso3"]))
    return pd.DataFrame(
        {
            t("world.column.state"): states["name"],
            t("world.column.oas"): states["oas"].map({True: t("world.yes"), False: t("world.no")}),
            t("world.column.status"): states["category"].map(
                lambda c: category_label(c, t.language)
            ),
            t("world.column.checked"): states["checked"].map(
                lambda d: partial_date_text(d, t.language)
            ),
        }
    ).sort_values(t("world.column.state"))


def group_label(group: str, t: Translator) -> str:
    return t(f"group.{group}.label") if t.has(f"group.{group}.label") else group


def regions_cell(row: dict[str, object], t: Translator) -> str:
    """``12 of 14``, or ``at least 40 of 54`` where the count is a lower bound."""
    key = "regions.at_least" if row["lower_bound"] else "regions.of"
    return t(key, parties=row["parties"], members=row["members"])


def regions_table(regions: RegionsModel, dataset: Dataset, t: Translator) -> pd.DataFrame:
    """Groups by instrument (and all four together), each cell a count of parties."""
    shares = regions.shares
    labels = {g: group_label(g, t) for g in shares["group_id"]}
    columns = {i: instrument_brief(dataset, i) for i in regions.instruments}
    columns |= {ALL: t("regions.all")}
    matrix = (
        shares.assign(cell=[regions_cell(r, t) for r in shares.to_dict("records")])
        .pivot_table(
            index="group_id", columns="instrument", values="cell", aggfunc="first", sort=False
        )
        .reindex(columns=list(columns))
        .rename(columns=columns)
    )
    matrix.index = matrix.index.map(labels)
    matrix.index.name = t("regions.column.group")
    matrix.columns.name = None
    return matrix


def regions_note(regions: RegionsModel, t: Translator) -> str:
    """The lower-bound note under the regions compared; "" when no count is one."""
    shares = regions.shares
    if not shares["lower_bound"].any():
        return ""
    return t("regions.lower_bound_note", unnamed=int(shares["unnamed_acts"].max()))


def over_time_hover(row: dict[str, object], t: Translator, group: str) -> str:
    """``African Group, 31 December 2014: at least 46 of 54 (85%)``: the denominator said."""
    share = row["share"]
    return t(
        "regions.time.hover",
        group=group,
        date=t.date(row["as_of"]),  # type: ignore[arg-type]  # a date, from the model
        count=regions_cell(row, t),
        share=t.share(float(share)) if pd.notna(share) else "–",  # type: ignore[arg-type]
    )


def over_time_table(model: RegionsOverTime, dataset: Dataset, t: Translator) -> pd.DataFrame:
    """Groups by date, a column for the instrument shown and one for all four, each cell a
    count of parties among the members on that date."""
    shares = model.shares
    labels = {g: group_label(g, t) for g in shares["group_id"]}
    columns = {model.instrument: instrument_brief(dataset, model.instrument), ALL: t("regions.all")}
    matrix = (
        shares.assign(cell=[regions_cell(r, t) for r in shares.to_dict("records")])
        .pivot_table(
            index=["group_id", "as_of"], columns="instrument", values="cell", aggfunc="first",
            sort=False,
        )
        .reindex(columns=list(columns))
        .rename(columns=columns)
        .reset_index()
    )  # fmt: skip
    matrix.columns.name = None
    return pd.DataFrame(
        {
            t("regions.column.group"): matrix["group_id"].map(labels),
            t("regions.time.column.date"): matrix["as_of"].map(t.date),
            **{name: matrix[name] for name in columns.values()},
        }
    )


def over_time_note(model: RegionsOverTime, t: Translator) -> str:
    """The lower-bound note under the chart over time, from its first such point; "" when no
    point is one."""
    lower = model.shares[model.shares["lower_bound"]]
    if lower.empty:
        return ""
    return t(
        "regions.time.lower_bound_note",
        date=t.date(min(lower["as_of"])),
        unnamed=int(lower["unnamed_acts"].max()),
    )


def over_time_subject(instrument: str, groups: tuple[str, ...]) -> str:
    """The chart over time's subject in its files' names: ``TIP``, or ``TIP-EU+AU`` for groups
    other than the default comparison."""
    compared = regions_subject(groups)
    return f"{instrument}-{compared}" if compared else instrument


def over_time_parts(subject: str) -> tuple[str, tuple[str, ...]]:
    instrument, _, compared = subject.partition("-")
    return instrument, regions_groups(compared)


def regions_subject(groups: tuple[str, ...]) -> str:
    """The regions view's subject in its files' names: "" for the default comparison, else the
    groups compared (``EU+AU``)."""
    return "" if not groups or tuple(groups) == tuple(COMPARED) else "+".join(groups)


def regions_groups(subject: str) -> tuple[str, ...]:
    return tuple(subject.split("+")) if subject else ()


def world_group_notes(dataset: Dataset, selection: Selection) -> list[str]:
    """On a page of the 35, one sentence per chosen group of the world (UN regional group, EU,
    ...): how many of its members on the date are OAS member states, and which; the page shows
    those alone and its figures stay the 35's. ``dataset``: localized to the reader's language."""
    t = selection.t
    world = [g for g in selection.groups if g in dataset.world_group_ids]
    if not world:
        return []
    members = members_on(dataset.world_memberships, selection.as_of)
    labels = group_option_labels(dataset, t.language)
    # the group's full name without its kind ("UN regional group: "), which reads as a heading
    titles = {
        g: t(f"group.{g}.name").split(":")[-1].strip() if t.has(f"group.{g}.name") else labels[g]
        for g in world
    }
    notes = []
    for group in world:
        mine = members[members["group_id"] == group]
        ours = [c for c in mine["iso3"] if c in dataset.states.index]
        names = sorted((str(dataset.states.loc[c, "name"]) for c in ours), key=collation_key)
        values = {"group": titles[group], "members": len(mine),
                  "date": t.date(selection.as_of)}  # fmt: skip
        notes.append(
            t.count("controls.world_group_some", len(ours), states=t.words(names), **values)
            if ours
            else t("controls.world_group_none", **values)
        )
    return notes
