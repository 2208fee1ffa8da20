"""Words of the xlsx export's conventions sheet (loaders.publish.conventions) in the reader's
language: headings after the Trafficking in Persons Report's appendix, yes, no and unknown."""

from __future__ import annotations

from datetime import date
from typing import Any

import pandas as pd

from loaders.store.dataset import Dataset
from views.text.i18n import Translator

FAMILIES = ("palermo", "children", "forced_labour", "women", "corruption", "firearms")


def wants_conventions(dataset: Dataset, instruments: list[str]) -> bool:
    """The sheet is written when an instrument beyond the four Palermo ones is asked for."""
    return any(i not in dataset.instrument_ids for i in instruments)


def conventions_words(
    dataset: Dataset, instruments: list[str], as_of: date, language: str
) -> dict[str, Any]:
    """``dataset``: localized to ``language`` (the instruments' short names in it)."""
    t = Translator(language)
    registry = dataset.registry
    return {
        "sheet": t("conventions.sheet"),
        "title": t("conventions.title", date=t.date(as_of)),
        "note": t("conventions.note"),
        "source": t("conventions.source"),
        "country": t("conventions.country"),
        "signature": t("conventions.signature"),
        "consent": t("conventions.consent"),
        "yes": t("conventions.yes"),
        "no": t("conventions.no"),
        # a template filled by the sheet: ``{date}`` stays for it
        "no_checked": t("conventions.no_checked", date="{date}"),
        "unknown": t("conventions.unknown"),
        "families": {f: t(f"family.family.{f}") for f in FAMILIES},
        "instruments": {i: _heading(registry.loc[i]) for i in instruments},
    }


def _heading(entry: pd.Series) -> str:
    """The instrument's short name with the depositary's number, once: ``Sale of children
    (IV-11-c)``, ``Worst forms of child labour (C182)``."""
    name, number = str(entry["brief"]), str(entry["mtdsg_no"])
    return name if f"({number})" in name else f"{name} ({number})"
