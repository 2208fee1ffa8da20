"""Property-based test of the dashboard's link parameters: whatever a link carries, every page
renders, and a value it cannot use is named in a visible note, never a traceback."""

from __future__ import annotations

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st
from streamlit.testing.v1 import AppTest

from tests.support.apptest import APP

PAGES = ["overview", "map", "timeline", "subregions", "profile", "data"]
KNOWN = ["instrument", "as_of", "group", "state", "lang"]
GOOD = {
    "instrument": ["TIP", "firearms", "UNTOC,SOM"],
    "as_of": ["2009-06-04", "2001-01-01", "2026-11-29"],
    "group": ["MERCOSUR", "sica", "CARICOM"],
    "state": ["ARG", "usa", "LCA"],
    "lang": ["en", "es", "pt", "fr"],
}
# Text a link might carry: ids, dates, markup, formulas, control and far-away characters.
HOSTILE = st.one_of(
    st.sampled_from(
        [
            "",
            " ",
            "FOO",
            "2009-13-45",
            "0000-01-01",
            "9999-12-31",
            "<script>x</script>",
            "=1+1",
            "`code`",
            "**bold**",
            "[a](http://x)",
            "../../etc",
            "\x00",
            "é" * 300,
        ]
    ),
    st.text(max_size=40),
)
VALUES = st.one_of(*(st.sampled_from(v) for v in GOOD.values()), HOSTILE)
PARAMS = st.dictionaries(
    st.one_of(st.sampled_from(KNOWN), st.text(min_size=1, max_size=10)), VALUES, max_size=5
)


def _texts(app: AppTest) -> str:
    parts = [e.value for kind in ("markdown", "caption", "title", "header", "subheader", "info",
                                  "warning", "error") for e in getattr(app, kind)]  # fmt: skip
    return "\n".join(str(p) for p in parts)


@settings(max_examples=30, deadline=None, database=None,
          suppress_health_check=[HealthCheck.too_slow])  # fmt: skip
@given(page=st.sampled_from(PAGES), params=PARAMS)
@example(page="data", params={"as_of": "2009-13-45", "instrument": "FOO", "group": "NOPE"})
@example(page="profile", params={"state": "<script>alert(1)</script>"})
def test_any_link_renders_every_page(page: str, params: dict[str, str]) -> None:
    app = AppTest.from_file(str(APP), default_timeout=60)
    app.query_params.update(params)
    app.run()
    if page != "overview":
        app.switch_page(f"pages/{page}.py").run()
    assert not app.exception, [e.value for e in app.exception]
    assert app.title or app.header, "the page shows its heading"
    shown = _texts(app)
    assert "Traceback" not in shown
    for name in ("as_of", "instrument", "group"):
        if params.get(name) in ("2009-13-45", "FOO", "NOPE"):
            # shown as plain text: markdown's escapes aside, the characters themselves
            assert params[name] in shown.replace("\\", ""), f"the note names the ignored {name}"
