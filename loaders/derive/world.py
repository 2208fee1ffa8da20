"""World context: each instrument's worldwide signatories and parties, from UNTC's own header.

A count for the whole world, with the date it is "as at": shown beside the 35, never added to or
compared as if it were a count of OAS states.
"""

from __future__ import annotations

import pandas as pd

from loaders.store.dataset import Dataset

WORLD_COLUMNS = ["instrument", "mtdsg_no", "signatories", "parties", "status_as_at", "source"]


def world_context(dataset: Dataset) -> pd.DataFrame:
    """One row per instrument of the registry, in its order (counts empty where none is known)."""
    counts = dataset.world_counts.reindex(dataset.instrument_ids)
    counts = counts.assign(
        instrument=dataset.instrument_ids,
        mtdsg_no=list(dataset.instruments["mtdsg_no"]),
    )
    return (
        counts[WORLD_COLUMNS]
        .astype({"signatories": "Int64", "parties": "Int64"})
        .reset_index(drop=True)
    )
