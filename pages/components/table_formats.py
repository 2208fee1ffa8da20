"""Formats of st.dataframe's cells that read in the reader's language.

Streamlit formats dates and numbers in the browser, in English month names or the browser's
locale, whatever the dashboard's language: so dates are shown in figures in the language's order
(sortable still), and decimal numbers are written here, by babel.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import TYPE_CHECKING

import pandas as pd
import streamlit as st

from views.text.i18n import Translator

if TYPE_CHECKING:  # pandas imports jinja2 for it (0.1 s): only when a table needs it
    from pandas.io.formats.style import Styler

# English keeps its "4 Jun 2009"; the others day/month/year in figures, as they write them.
_DATE_FORMATS = {"en": "D MMM YYYY"}
_NUMERIC_DATE = "DD/MM/YYYY"


def date_column(t: Translator, **kwargs: object) -> object:
    """A date column in the language's form; its values stay dates, so it sorts as dates.

    For columns where every row has a date: Streamlit shows a missing one as "None" (see
    :func:`with_dates`)."""
    return st.column_config.DateColumn(
        format=_DATE_FORMATS.get(t.language, _NUMERIC_DATE), **kwargs
    )


def with_dates(frame: pd.DataFrame, columns: Sequence[str], t: Translator) -> Styler:
    """``frame`` with its date ``columns`` shown as :func:`date_column` shows them, and a missing
    date as an empty cell, for columns where some rows have none.

    The cells hold ISO dates (``2009-06-04``) under the text shown, so the columns still sort by
    date (a missing date first); a missing date is an empty text, since Streamlit shows a missing
    value as "None" whatever is written over it.
    """
    iso = frame.assign(**{column: frame[column].map(_iso_date) for column in columns})
    return iso.style.format(
        lambda text: _as_in_date_column(date.fromisoformat(text), t) if text else "",
        subset=list(columns),
    )


def _as_in_date_column(day: date, t: Translator) -> str:
    return t.short_date(day) if t.language in _DATE_FORMATS else f"{day:%d/%m/%Y}"


def _iso_date(value: object) -> str:
    day = pd.to_datetime(value, errors="coerce")
    return "" if pd.isna(day) else day.date().isoformat()


def decimals(values: pd.Series, t: Translator, digits: int = 1) -> pd.Series:
    """Numbers as text with the language's decimal sign (``3.1``, ``3,1``); empty for none."""
    return values.map(lambda v: "" if pd.isna(v) else t.number(v, digits))
