"""One line style per instrument (timeline, charts): colours not used for statuses, plus dashes."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass


@dataclass(frozen=True)
class InstrumentStyle:
    colour: str
    dash: str
    marker: str


# Okabe-Ito colours other than the three status colours (its black softened to a dark slate);
# the dash, marker and pattern tell them apart in grey too.
_STYLES = (
    InstrumentStyle("#2b3440", "solid", "circle"),
    InstrumentStyle("#009E73", "dash", "square"),
    InstrumentStyle("#CC79A7", "dot", "triangle-up"),
    InstrumentStyle("#56B4E9", "dashdot", "star"),
)


def instrument_style(instrument: str, registry: Sequence[str]) -> InstrumentStyle:
    """The style of ``instrument``, by its place in the registry (data/instruments.csv), so an
    instrument keeps its look whichever others are chosen."""
    return _STYLES[list(registry).index(instrument) % len(_STYLES)]
