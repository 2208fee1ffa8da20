"""The dataset in the reader's language: names of states, groups and instruments, and their order.

Made once per language and shared by every reader of it (pages/components/data.py caches it).
"""

from __future__ import annotations

from dataclasses import replace

import pandas as pd

from loaders.model.names import state_name
from loaders.store.dataset import Dataset
from views.text.i18n import catalogue, collation_key


def localized(dataset: Dataset, language: str) -> Dataset:
    """The dataset with state, group and instrument names in ``language``.

    States: pycountry's translation or the OAS's usage (views.text.i18n.state_name); groups and
    instruments: their official names from the catalogues, the data's own English where a
    catalogue lacks one. Codes, dates and facts are untouched. English keeps data/'s names.
    """
    texts = catalogue(language)
    instruments = _named(dataset.instruments, texts)
    registry = _named(dataset.registry, texts) if not dataset.registry.empty else dataset.registry
    if language == "en":
        return replace(dataset, instruments=instruments, registry=registry)
    states = dataset.states.copy()
    states["name"] = [state_name(iso3, language) for iso3 in states.index]
    memberships = dataset.memberships.copy()
    memberships["group_name"] = [
        texts.get(f"group.{g}.name", name)
        for g, name in zip(memberships["group_id"], memberships["group_name"], strict=True)
    ]
    memberships["state"] = memberships["iso3"].map(states["name"])
    return replace(
        dataset, instruments=instruments, registry=registry, states=states, memberships=memberships
    )


def _named(instruments: pd.DataFrame, texts: dict[str, str]) -> pd.DataFrame:
    """``instruments`` (the four, or the whole registry) with their titles, short titles, brief
    names and one-word abbreviations from the catalogue, the data's English where it has none."""
    named = instruments.copy()
    brief = named["short_title"].str.removesuffix(" Protocol")
    for column, suffix in (
        ("title", "title"),
        ("short_title", "short"),
        ("brief", "brief"),
        ("abbr", "abbr"),
    ):
        fallback = brief if column in ("brief", "abbr") else named[column]
        named[column] = [texts.get(f"instrument.{i}.{suffix}", fallback[i]) for i in named.index]
    return named


def by_name(frame: pd.DataFrame, column: str = "state") -> pd.DataFrame:
    """``frame`` in the alphabetical order of ``column`` as a reader expects it in any language
    (``États-Unis`` among the E's), stable otherwise."""
    return frame.sort_values(column, key=lambda s: s.map(collation_key), kind="stable")


def state_names(dataset: Dataset) -> pd.Series:
    """iso3 -> name of a (localized) dataset's states, in alphabetical order."""
    return dataset.states["name"].sort_values(key=lambda s: s.map(collation_key), kind="stable")
