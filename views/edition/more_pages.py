"""The edition's pages for the treaty family, the Americas in the world (one per Palermo
instrument) and the regions compared: the same view models and the same sentences as the
dashboard's pages (views.models.family_words, views.models.world_words)."""

from __future__ import annotations

from datetime import date

import pandas as pd
from markupsafe import Markup

from loaders.derive.regions import ALL
from loaders.store.dataset import Dataset
from views.edition.pages import Figure, Page, Table, _interactive, _sources, all_instruments
from views.edition.svg import Bar, bar_chart
from views.models.family import family_model
from views.models.family_words import cell_text, flag_lines, not_yet_adopted_line, totals_line
from views.models.world import regions_model, world_model
from views.models.world_words import (
    group_label,
    regions_cell,
    regions_note,
    regions_table,
    world_sentences,
    world_table,
)
from views.text.i18n import Translator
from views.text.symbols import GLYPHS
from views.text.words import instrument_brief, instrument_label

LEGEND = ("party", "signatory", "signatory_unverified", "no_action", "no_action_unverified",
          "unknown")  # fmt: skip


def family_page(local: Dataset, as_of: date, language: str, app: str) -> Page:
    """The 35 by every instrument of the family: the matrix as a table grouped by family, each
    cell its symbol and words, gaps per state and per instrument, the coherence flags."""
    selection = all_instruments(local, as_of, language)
    t = selection.t
    model = family_model(local, selection)
    order = [i for _, instruments in model.columns for i in instruments]
    cells = model.cells.set_index(["iso3", "instrument"])
    rows = tuple(
        (
            name,
            *(cell_text(cells.loc[(iso3, i)], t) for i in order),
            str(model.by_state.loc[iso3, "gaps"]),
            str(model.by_state.loc[iso3, "unknown"]),
        )
        for iso3, name in model.states
    )
    matrix = Table(
        t("family.title"),
        (
            t("family.column.state"),
            *(str(local.registry.loc[i, "abbr"]) for i in order),
            t("family.column.gaps"),
            t("family.column.unknown"),
        ),
        rows,
        groups=(
            ("", 1),
            *((t(f"family.family.{f}"), len(instruments)) for f, instruments in model.columns),
            ("", 2),
        ),
        foot=(
            t("family.row.gaps"),
            *(str(model.by_instrument.loc[i, "gaps"]) for i in order),
            str(model.gap_cells),
            str(model.unknown_cells),
        ),
    )
    shown = set(model.cells["category"])
    legend = tuple(f"{GLYPHS[c]} {t(f'category.{c}')}" for c in LEGEND if c in shown)
    names = tuple(
        f"{local.registry.loc[i, 'abbr']}: {local.registry.loc[i, 'short_title']}" for i in order
    )
    notes = tuple(n for n in (not_yet_adopted_line(model, local, t), totals_line(model, t)) if n)
    return Page(
        key="family",
        language=language,
        title=t("family.title"),
        lead=t("family.intro", date=t.date(as_of)),
        figures=(
            Figure(t("family.column.gaps"), t.number(model.gap_cells), model.gap_cells),
            Figure(t("family.column.unknown"), t.number(model.unknown_cells), model.unknown_cells),
        ),
        chart=Markup(""),
        chart_title="",
        tables=(matrix,),
        sources=_sources(local, selection) + _depositaries(model.cells, t),
        interactive=_interactive(app, "family", selection),
        data_view="family",
        notes=notes,
        lists=(
            (t("edition.legend"), legend + names),
            (t("family.flags_heading"), tuple(flag_lines(model, local, t))),
        ),
    )


def _depositaries(cells: pd.DataFrame, t: Translator) -> tuple[tuple[str, str], ...]:
    """The depositaries other than the UN, whose status pages the family's cells link to."""
    others = sorted(set(cells["depositary"]) - {"UN"})
    return tuple((t(f"family.depositary.{d}"), "") for d in others)


def world_page(local: Dataset, instrument: str, as_of: date, language: str, app: str) -> Page:
    """One Palermo instrument in the world: the sentences about the world's gaps with their
    basis, the lower-bound note and every state's standing."""
    selection = all_instruments(local, as_of, language)
    t = selection.t
    model = world_model(local, selection, instrument)
    said = world_sentences(model, local, t, as_of)
    table = world_table(model, t)
    brief = instrument_brief(local, instrument)
    return Page(
        key=f"world/{instrument}",
        language=language,
        title=t("edition.world_title", title=t("world.title"), instrument=brief),
        lead=t("world.intro", instrument=instrument_label(local, instrument), date=t.date(as_of)),
        figures=(),
        chart=Markup(""),
        chart_title="",
        tables=(
            Table(
                t("world.table"),
                tuple(table.columns),
                tuple(tuple(str(v) for v in row) for row in table.itertuples(index=False)),
            ),
        ),
        sources=_sources(local, selection),
        interactive=_interactive(app, "world", selection, {"instrument": instrument}),
        data_view=f"world-{instrument}",
        notes=tuple(n for n in (said.parties, said.gaps, said.lower_bound) if n),
        lists=((t("edition.oas_gaps"), tuple(said.oas_gaps)),) if said.oas_gaps else (),
    )


def regions_page(local: Dataset, as_of: date, language: str, app: str) -> Page:
    """The OAS beside the world's groups: the share party to all four, and the counts per
    instrument ("at least" where a count is a lower bound)."""
    selection = all_instruments(local, as_of, language)
    t = selection.t
    regions = regions_model(local, selection)
    matrix = regions_table(regions, local, t)
    together = regions.shares[regions.shares["instrument"] == ALL]
    bars = [
        Bar(group_label(r["group_id"], t), int(r["parties"]), int(r["members"]), regions_cell(r, t))
        for r in together.to_dict("records")
    ]
    title = t("regions.chart", date=t.date(as_of))
    note = regions_note(regions, t)
    return Page(
        key="regions",
        language=language,
        title=t("regions.heading"),
        lead=t("regions.intro", date=t.date(as_of)),
        figures=tuple(Figure(b.label, b.text, b.value, b.total) for b in bars),
        chart=bar_chart(
            bars,
            title,
            t("edition.chart_regions_desc", date=t.date(as_of)),
            "chart-regions",
            room=180,  # "at least 29 of 54" in the four languages
        ),
        chart_title=title,
        tables=(
            Table(
                t("regions.heading"),
                (matrix.index.name, *matrix.columns),
                tuple(
                    (str(label), *(str(v) for v in row))
                    for label, row in zip(matrix.index, matrix.itertuples(index=False), strict=True)
                ),
            ),
        ),
        sources=_sources(local, selection),
        interactive=_interactive(app, "world", selection),
        data_view="regions",
        notes=(note,) if note else (),
    )
