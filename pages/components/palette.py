"""One look per status, the same on every page: Okabe-Ito colours and a symbol.

Colour is never the only cue: each status also has a marker symbol (map, charts) and a text
symbol (tables, lists). A status the snapshot cannot vouch for on the date (``_unverified``) keeps
its hue but is drawn open / faded. Its words are the catalogues' ``category.*``
(views.text.words.category_label).
"""

from __future__ import annotations

from dataclasses import dataclass

from views.text.symbols import GLYPHS


@dataclass(frozen=True)
class StatusStyle:
    colour: str
    marker: str  # plotly marker symbol
    glyph: str  # text symbol for tables and lists
    fill_opacity: float


_STYLES = {
    "party": StatusStyle("#0072B2", "circle", GLYPHS["party"], 1.0),
    "signatory": StatusStyle("#E69F00", "diamond", GLYPHS["signatory"], 1.0),
    "signatory_unverified": StatusStyle(
        "#E69F00", "diamond-open", GLYPHS["signatory_unverified"], 0.45
    ),
    "no_action": StatusStyle("#D55E00", "x", GLYPHS["no_action"], 1.0),
    "no_action_unverified": StatusStyle("#D55E00", "x-open", GLYPHS["no_action_unverified"], 0.45),
    # No evidence in the snapshot: grey and a question mark, never a status's hue.
    "unknown": StatusStyle("#6B7280", "circle-open-dot", GLYPHS["unknown"], 0.6),
}


def status_style(category: str) -> StatusStyle:
    """The style of a category: ``party``, ``signatory``, ``no_action``, ``*_unverified``,
    ``unknown``."""
    return _STYLES[category]
