"""The page menu's links carry the view (issue #24): which link parameters travel to which page.

A link that keeps the view opens it in a fresh session too (another replica after one died, with
no session state); a parameter the target page does not read is left behind, where it would only
earn an "unknown link parameter" note.
"""

from __future__ import annotations

from datetime import date
from urllib.parse import parse_qs

from streamlit.runtime.state.query_params import process_query_params

from pages.components.navigation import PAGES, link_params

# A profile view of Bolivia on the resolution's day, in Spanish, from an older snapshot, with
# everything a link can hold (and a parameter no page reads).
VIEW = {
    "instrument": ["TIP", "UNTOC"],
    "as_of": ["2009-06-04"],
    "group": ["ALBA", "CAN"],
    "lang": ["es"],
    "snapshot": ["20261129T201705943055Z-reference"],
    "state": ["BOL"],
    "since": ["2015-01-01"],
    "colour": ["red"],
}
SHARED = {
    "instrument": ["TIP", "UNTOC"],
    "as_of": ["2009-06-04"],
    "group": ["ALBA", "CAN"],
    "lang": ["es"],
    "snapshot": ["20261129T201705943055Z-reference"],
}


def test_every_page_gets_the_shared_parameters_and_only_its_own() -> None:
    for path, _, _ in PAGES:
        expected = dict(SHARED)
        if path == "profile":
            expected["state"] = ["BOL"]
        if path == "changes":
            expected["since"] = ["2015-01-01"]
        assert link_params(VIEW, path) == expected, path


def test_a_parameter_no_page_reads_is_dropped() -> None:
    params = link_params({"colour": ["red"], "embed": ["true"], "lang": ["fr"]}, "map")
    assert params == {"lang": ["fr"]}


def test_the_default_view_gives_a_bare_link() -> None:
    assert link_params({}, "overview") == {}
    assert link_params({"state": [""], "as_of": []}, "profile") == {}


def test_values_travel_as_plain_strings_whatever_they_hold() -> None:
    hostile = "x&lang=fr#top ![p](https://evil.example/p.png)"
    params = link_params({"snapshot": [hostile], "as_of": [date(2009, 6, 4)]}, "data")
    assert params == {"snapshot": [hostile], "as_of": ["2009-06-04"]}
    # Streamlit's encoding of a page link's query: one parameter, the same characters back
    query = process_query_params(params)
    assert "&lang=" not in query and "#" not in query
    assert parse_qs(query) == {"snapshot": [hostile], "as_of": ["2009-06-04"]}
