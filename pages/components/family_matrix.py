"""The treaty family as a matrix: states by instruments, grouped by family, each cell the status's
symbol linking to the depositary's status page, gaps counted per state and per instrument.

A plain HTML table: the symbols keep their colours, each cell names its status in words for
screen readers and in its tooltip, and on a phone the table scrolls inside its own box (with the
states' column held in place) instead of making the page scroll sideways.
"""

from __future__ import annotations

import html

import streamlit as st

from loaders.store.dataset import Dataset
from pages.components.palette import status_style
from views.models.family import FamilyModel
from views.models.family_words import cell_words
from views.models.selection import Selection

_STYLE = """
<style>
div.family-box {overflow-x: auto; max-width: 100%;}
table.family {border-collapse: collapse; font-size: 0.8rem;}
table.family th, table.family td {border-bottom: 1px solid #e3e8ee; padding: 0.2rem 0.25rem;
  text-align: center; white-space: nowrap;}
table.family thead th {background: #f3f6f9; font-weight: 600; vertical-align: bottom;}
table.family thead tr.families th {border-left: 2px solid #fff;}
table.family tbody th, table.family tfoot th {text-align: left; font-weight: 500;
  position: sticky; left: 0; background: #fff;}
table.family td a {text-decoration: none; font-size: 1rem; font-weight: 700; display: inline-block;
  min-width: 1.5rem; min-height: 1.5rem;}
table.family td.count, table.family tfoot td {color: #1d2733; font-variant-numeric: tabular-nums;}
table.family tfoot th, table.family tfoot td {border-top: 2px solid #c9d2dc; font-weight: 600;}
.family-sr {position: absolute; width: 1px; height: 1px; overflow: hidden;
  clip: rect(0 0 0 0); white-space: nowrap;}
ul.family-legend {list-style: none; padding: 0; display: flex; flex-wrap: wrap; gap: 0.4rem 1.2rem;
  font-size: 0.88rem;}
@media print {div.family-box {overflow: visible;} table.family {font-size: 0.7rem;}}
</style>
"""
LEGEND = (
    "party",
    "signatory",
    "signatory_unverified",
    "no_action",
    "no_action_unverified",
    "unknown",
)


def family_matrix(model: FamilyModel, dataset: Dataset, selection: Selection) -> None:
    t = selection.t
    st.html(
        _STYLE
        + _legend(model, t)
        + f"<div class='family-box'>{_table(model, dataset, selection)}</div>"
    )
    st.caption(t("family.legend"))


def _legend(model: FamilyModel, t) -> str:
    shown = set(model.cells["category"])
    items = [
        f"<li><span style='color:{status_style(c).colour}' aria-hidden='true'>"
        f"{status_style(c).glyph}</span> {html.escape(t(f'category.{c}'))}</li>"
        for c in LEGEND
        if c in shown
    ]
    return f"<ul class='family-legend'>{''.join(items)}</ul>"


def _table(model: FamilyModel, dataset: Dataset, selection: Selection) -> str:
    t = selection.t
    order = [i for _, instruments in model.columns for i in instruments]
    families = "".join(
        f"<th scope='colgroup' colspan='{len(instruments)}'>"
        f"{html.escape(t(f'family.family.{family}'))}</th>"
        for family, instruments in model.columns
    )
    headings = "".join(
        f"<th scope='col'><abbr title='{_attr(dataset.registry.loc[i, 'short_title'])}'>"
        f"{html.escape(str(dataset.registry.loc[i, 'abbr']))}</abbr></th>"
        for i in order
    )
    counts = (t("family.column.gaps"), t("family.column.unknown"))
    head = (
        f"<thead><tr class='families'><th></th>{families}<th colspan='2'></th></tr>"
        f"<tr><th scope='col'>{html.escape(t('family.column.state'))}</th>{headings}"
        + "".join(f"<th scope='col'>{html.escape(c)}</th>" for c in counts)
        + "</tr></thead>"
    )
    cells = model.cells.set_index(["iso3", "instrument"])
    rows = []
    for iso3, name in model.states:
        link = f"<a href='{_attr(selection.href('profile', state=iso3))}' target='_self'>"
        row = [f"<th scope='row'>{link}{html.escape(name)}</a></th>"]
        row += [_cell(cells.loc[(iso3, i)], name, dataset, i, t) for i in order]
        tally = model.by_state.loc[iso3]
        row += [
            f"<td class='count'>{tally['gaps']}</td>",
            f"<td class='count'>{tally['unknown']}</td>",
        ]
        rows.append(f"<tr>{''.join(row)}</tr>")
    per_instrument = "".join(f"<td>{model.by_instrument.loc[i, 'gaps']}</td>" for i in order)
    foot = (
        f"<tfoot><tr><th scope='row'>{html.escape(t('family.row.gaps'))}</th>{per_instrument}"
        f"<td>{model.gap_cells}</td><td>{model.unknown_cells}</td></tr></tfoot>"
    )
    return f"<table class='family'>{head}<tbody>{''.join(rows)}</tbody>{foot}</table>"


def _cell(cell, state: str, dataset: Dataset, instrument: str, t) -> str:
    style = status_style(cell["category"])
    words = cell_words(cell, t)
    title = t(
        "family.cell_title",
        state=state,
        instrument=dataset.registry.loc[instrument, "brief"],
        status=words,
    )
    symbol = f"<span style='color:{style.colour}' aria-hidden='true'>{style.glyph}</span>"
    label = f"<span class='family-sr'>{html.escape(title)}</span>"
    if not cell["url"]:
        return f"<td title='{_attr(title)}'>{symbol}{label}</td>"
    return (
        f"<td><a href='{_attr(cell['url'])}' target='_blank' rel='noopener' title='{_attr(title)}'>"
        f"{symbol}{label}</a></td>"
    )


def _attr(value: object) -> str:
    return html.escape(str(value), quote=True)
