"""Views: what each page, brief and feed shows, as pure view models and words.

Between the data (``loaders``, which knows no language and no page) and the two front doors on
top (the Streamlit app in ``app.py`` and ``pages/``, and the command line in ``cli/``).
``views.models`` builds each view from ``loaders.derive``; ``views.text`` holds the words in the
four languages. Nothing here imports streamlit or plotly, and nothing here imports the front
doors: the dashboard, the command line, the briefs and the feeds all read the same view models.
"""
