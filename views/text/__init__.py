"""The words of every view in the four languages: the catalogues' reader (i18n), localized names,
phrases, hover texts and notes. Pure: no streamlit, no plotly."""
