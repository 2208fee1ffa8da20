"""Formats of st.dataframe's cells that read in the reader's language.

Streamlit formats dates and numbers in the browser, in English month names or the browser's
locale, whatever the dashboard's language, and shows a missing date as the English word "None":
so dates and decimal numbers are written here, by babel.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

import pandas as pd
from pandas.io.formats.style import Styler

from loaders.i18n import Translator


def with_dates(frame: pd.DataFrame, columns: Sequence[str], t: Translator) -> Styler:
    """``frame`` with its date ``columns`` shown as ``4 Jun 2009`` in the reader's language, and a
    missing date as an empty cell.

    The cells hold ISO dates (``2009-06-04``) under the text shown, so the columns still sort by
    date (a missing date first); a missing date is an empty text, since Streamlit shows a missing
    value as "None" whatever is written over it.
    """
    iso = frame.assign(**{column: frame[column].map(_iso_date) for column in columns})
    return iso.style.format(
        lambda text: t.short_date(date.fromisoformat(text)) if text else "",
        subset=list(columns),
    )


def _iso_date(value: object) -> str:
    day = pd.to_datetime(value, errors="coerce")
    return "" if pd.isna(day) else day.date().isoformat()


def decimals(values: pd.Series, t: Translator, digits: int = 1) -> pd.Series:
    """Numbers as text with the language's decimal sign (``3.1``, ``3,1``); empty for none."""
    return values.map(lambda v: "" if pd.isna(v) else t.number(v, digits))
