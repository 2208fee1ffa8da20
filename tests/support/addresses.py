"""One table of a page's other addresses, held against both servers that answer them: nginx
under ``make serve`` (tests/deploy/test_addresses.py) and Streamlit's own under ``make run``
(tests/unit/pages/test_page_addresses.py, tests/browser/test_local_server.py)."""

# An address (path and query) and where it leads: 301 to the page, the query kept as it came.
OTHER_ADDRESSES = [
    ("/data/", "/data"),
    ("/map/", "/map"),
    ("/map/?lang=es&instrument=TIP", "/map?lang=es&instrument=TIP"),
    ("/map/extra", "/map"),
    ("/map/extra/more?lang=fr", "/map?lang=fr"),
    ("/profile/", "/profile"),
    ("/profile/BOL", "/profile?state=BOL"),
    ("/profile/BOL/", "/profile?state=BOL"),
    ("/profile/bol?lang=pt", "/profile?state=bol&lang=pt"),
    ("/profile/BOLX", "/profile"),
    ("/profile/BOL/extra?lang=es", "/profile?lang=es"),
    ("/changes/x?since=2015-01-01", "/changes?since=2015-01-01"),
    ("/nosuchpage/", "/nosuchpage"),
    ("/nosuchpage/deeper", "/nosuchpage"),
    # A first segment that is not plain characters is not echoed: the overview.
    ("/a.b/c", "/"),
    ("/a.b/c?lang=es", "/?lang=es"),
    ("/%3Cscript%3E/x", "/"),
]

# Pages and unknown names at the first level: the app itself, at its own address.
PAGE_ADDRESSES = ["/", "/data", "/map", "/profile?state=BOL", "/nosuchpage"]

# Streamlit's own files and probes, at any depth: never sent to a page.
STREAMLIT_ADDRESSES = [
    "/static/js/index.js",
    "/app/static/world_110m.json",
    "/media/chart.csv",
    "/map/_stcore/health",
    "/data/_stcore/host-config",
]
