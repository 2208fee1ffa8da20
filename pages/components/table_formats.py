"""Column formats of st.dataframe that read in the reader's language.

Streamlit formats dates and numbers in the browser, in English month names or the browser's
locale, whatever the dashboard's language: so dates are shown as numbers in the language's order
(sortable still) and decimal numbers are written here, by babel.
"""

from __future__ import annotations

import pandas as pd
import streamlit as st

from loaders.i18n import Translator

# English keeps its "4 Jun 2009"; the others day/month/year in figures, as they write them.
_DATE_FORMATS = {"en": "D MMM YYYY"}
_NUMERIC_DATE = "DD/MM/YYYY"


def date_column(t: Translator, **kwargs: object) -> object:
    """A date column in the language's form; its values stay dates, so it sorts as dates."""
    return st.column_config.DateColumn(
        format=_DATE_FORMATS.get(t.language, _NUMERIC_DATE), **kwargs
    )


def decimals(values: pd.Series, t: Translator, digits: int = 1) -> pd.Series:
    """Numbers as text with the language's decimal sign (``3.1``, ``3,1``); empty for none."""
    return values.map(lambda v: "" if pd.isna(v) else t.number(v, digits))
