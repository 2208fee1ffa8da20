"""View models: what each page, brief and feed shows, as frames and facts, with no streamlit.

Each is a function of the dataset (in the reader's language, views.text.localized), the selection
and the language, built from loaders.derive; the page script in pages/ only draws it and the
command line only writes it. So every figure is computed once, here or below, and tested without
a browser.
"""
