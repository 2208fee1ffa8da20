"""The treaty family's sentences, as the dashboard's page and the reader's edition both say them:
the instruments not yet adopted, the gaps and unknown cells counted, the coherence flags, and
each cell's status in words. One function per sentence, so the two cannot drift."""

from __future__ import annotations

import pandas as pd

from loaders.store.dataset import Dataset
from views.models.family import FamilyModel
from views.text.i18n import Translator
from views.text.symbols import GLYPHS
from views.text.words import family_short, partial_date_text


def not_yet_adopted_line(model: FamilyModel, dataset: Dataset, t: Translator) -> str:
    """The instruments left out because not yet adopted on the date; "" when none."""
    if not model.not_yet_adopted:
        return ""
    names = [
        t("family.adopted_in", name=family_short(dataset, i), year=adopted[:4])
        for i, adopted in model.not_yet_adopted
    ]
    return t("family.not_yet_adopted", instruments=t.items(names))


def totals_line(model: FamilyModel, t: Translator) -> str:
    """The gaps counted, and the cells with no evidence (unknown, never a gap)."""
    cells = sum(len(instruments) for _, instruments in model.columns) * len(model.states)
    return (
        t.count("family.gaps_total", model.gap_cells)
        + " "
        + t.count("family.unknown_note", model.unknown_cells, cells=t.number(cells))
    )


def flag_lines(model: FamilyModel, dataset: Dataset, t: Translator) -> list[str]:
    """The coherence flags, one line each (and one for those with no evidence on the second)."""
    lines = []
    for flag in model.flags:
        first = family_short(dataset, flag.party_to)
        second = family_short(dataset, flag.not_party_to)
        if flag.states:
            states = [
                t("family.state_checked", state=name, date=partial_date_text(checked, t.language))
                if checked
                else name
                for name, checked in flag.states
            ]
            lines.append(t("family.flag", first=first, second=second, states=t.words(states)))
        else:
            lines.append(t("family.flag_none", first=first, second=second))
        if flag.unknown:
            lines.append(
                t.count("family.flag_unknown", len(flag.unknown), first=first, second=second)
            )
    return lines


def cell_words(cell: pd.Series | dict[str, str], t: Translator) -> str:
    """A cell's status in words, with its date at its precision: ``Party (2004)``."""
    words = t(f"category.{cell['category']}")
    if cell["date"]:
        words = f"{words} ({partial_date_text(cell['date'], t.language)})"
    return words


def cell_text(cell: pd.Series | dict[str, str], t: Translator) -> str:
    """The cell as a table shows it in text: its symbol, then its words."""
    return f"{GLYPHS[cell['category']]} {cell_words(cell, t)}"
