"""Page models: what each page shows, as frames and facts, with no streamlit.

Each is a function of the dataset (in the reader's language, pages.text.localized), the
selection and the language, built from loaders.derive; the page script in pages/ only draws it.
So every figure a page shows is computed once, here or below, and tested without a browser.
"""
