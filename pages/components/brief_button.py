"""The brief's download: the PDF is made only when the reader clicks (a callable), so showing
the button costs the page nothing."""

from __future__ import annotations

from collections.abc import Callable

import streamlit as st

from loaders.publish.pdf import Document, render_pdf
from views.text.i18n import Translator


def brief_button(document: Callable[[], Document], file_name: str, t: Translator, key: str) -> None:
    st.download_button(
        t("brief.download"),
        data=lambda: render_pdf(document()),
        file_name=file_name,
        mime="application/pdf",
        on_click="ignore",
        icon=":material/picture_as_pdf:",
        key=key,
    )
