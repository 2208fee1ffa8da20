"""The entry point of ``make run``: app.py on Streamlit's own server, with every other address of
a page (``/profile/BOL``, ``/map/extra``) sent to the page, as ``make serve``'s nginx does.

It lives beside app.py because Streamlit resolves the pages' paths against the main script's
folder.
"""

import streamlit as st
from starlette.middleware import Middleware

from pages.components.addresses import PageAddresses

app = st.App("app.py", middleware=[Middleware(PageAddresses)])
