"""The OAS membership notes that matter for counts (Cuba, Honduras, Venezuela, Nicaragua), in the
reader's language where the catalogues translate them, else in the data's own English."""

from __future__ import annotations

from collections.abc import Sequence

import pandas as pd

from loaders.store.dataset import Dataset
from views.text.i18n import catalogue, translate
from views.text.localized import by_name


def noted_states(dataset: Dataset, iso3s: Sequence[str], language: str = "en") -> pd.DataFrame:
    """States among ``iso3s`` whose OAS membership note affects how they are counted.

    ``count_note`` in ``language``: the catalogue's translation (``count_note.<iso3>``), or the
    data's English where there is none; ``translated`` says which.
    """
    states = dataset.states
    noted = states[states["count_note"].astype(bool) & states["iso3"].isin(list(iso3s))]
    noted = by_name(noted[["iso3", "name", "count_note"]], "name").reset_index(drop=True)
    return noted.assign(
        translated=[count_note(dataset, code, language)[1] for code in noted["iso3"]],
        count_note=[count_note(dataset, code, language)[0] for code in noted["iso3"]],
    )


def count_note(dataset: Dataset, iso3: str, language: str = "en") -> tuple[str, bool]:
    """A state's OAS membership note in ``language``, and whether it is translated: the catalogue
    has a translation only while its English matches the data (else the data's own English)."""
    english = str(dataset.states.loc[iso3, "count_note"])
    key = f"count_note.{iso3}"
    if language == "en" or catalogue("en").get(key) != english:
        return english, language == "en"
    return translate(language, key), True
