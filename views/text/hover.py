"""The map's hover text of a state: its status and acts in a few lines of plotly's HTML."""

from __future__ import annotations

import html
from typing import Any

import pandas as pd

from views.text.i18n import Translator
from views.text.words import confidence_text, kind_text, long_date, partial_date_text


def state_hover(row: dict[str, Any], language: str = "en") -> str:
    """``row``: a described status row (``label``) with ``state``; every value is escaped."""
    t = Translator(language)

    def esc(text: str) -> str:
        return html.escape(text, quote=False)  # plotly shows < and & as text this way

    lines = [f"<b>{esc(row['state'])}</b>", esc(row["label"])]
    if pd.notna(row["signature_date"]):
        lines.append(esc(t("hover.signed", date=long_date(row["signature_date"], language))))
    if pd.notna(row["consent_date"]):
        kind = kind_text(row["consent_kind"], language=language)
        consent = long_date(row["consent_date"], language)
        lines.append(esc(t("hover.consent", date=consent, kind=kind)))
        lines.append(esc(t("hover.in_force", date=long_date(row["entry_into_force"], language))))
    checked = partial_date_text(row["verified_through"], language)
    lines.append(esc(t("hover.verified", date=checked)))
    if row["confidence"] != "high":
        caution = confidence_text(row["confidence"], language)
        lines.append(esc(caution[:1].upper() + caution[1:]))
    if row.get("step_line"):
        lines.append(esc(row["step_line"]))
    lines.append(f"<i>{esc(t('hover.open_profile'))}</i>")
    return "<br>".join(lines)
