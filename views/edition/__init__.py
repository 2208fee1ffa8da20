"""The reader's edition: static pages (HTML and Markdown) and every view's data as files, written
from the same view models and words as the dashboard. No streamlit, no plotly, no JavaScript in
what it writes; any static host serves it."""
