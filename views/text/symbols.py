"""The text symbol of each status category, for tables and lists (the dashboard's palette and the
reader's edition use the same): colour is never the only cue."""

from __future__ import annotations

GLYPHS = {
    "party": "●",
    "signatory": "◆",
    "signatory_unverified": "◇",
    "no_action": "✖",
    "no_action_unverified": "✕",
    "unknown": "?",  # no evidence in the snapshot
}
