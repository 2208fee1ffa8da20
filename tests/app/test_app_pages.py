"""Every page of the dashboard through Streamlit's AppTest, opened by its link (query parameters).

AppTest resolves a relative path against this file, so the app is given by absolute path. A page
is opened as a reader's link would: the first run lands on the overview with the query, then
``switch_page`` runs the page with it (the profile's ``state`` is added for that second run).
"""

from __future__ import annotations

import json
import re
import shutil
from datetime import date
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from cli.main import main
from loaders.derive.views import status_view
from loaders.export import csv_bytes, export_filename, export_table
from loaders.store.dataset import Dataset
from loaders.store.snapshot import current_name
from tests.support.apptest import APP, PAGES, TIMEOUT, notes, open_app, texts
from tests.support.data import PREVIOUS_SNAPSHOT

# --- every page, good and bad links -----------------------------------------------------------


@pytest.mark.parametrize("page", PAGES)
def test_every_page_renders_with_the_source_line(page: str) -> None:
    app = open_app(page, state="BRA")
    said = texts(app)
    assert "Source: UN Treaty Collection (UNTC)" in said
    assert "Treaty status last checked against UNTC on **27 January 2014**" in said
    assert app.session_state["ctl_as_of"] == date.today()


@pytest.mark.parametrize("page", PAGES)
def test_bad_link_parameters_are_ignored_with_a_visible_note(page: str) -> None:
    app = open_app(
        page, as_of="2009-13-45", instrument="FOO", group="NOPE", colour="red", state="XXX"
    )
    said = notes(app)
    assert "`as_of=`2009\\-13\\-45" in said and "YYYY-MM-DD" in said
    assert "`instrument=`FOO" in said and "`UNTOC`, `TIP`, `SOM`, `FIREARMS`" in said
    assert "`group=`NOPE" in said and "MERCOSUR" in said
    assert "parameter colour" in said
    if page == "profile":
        assert "`state=`XXX" in said
    # the view falls back to the defaults, and the link now says exactly that
    assert app.session_state["ctl_as_of"] == date.today()
    assert app.sidebar.pills[0].value == []
    assert app.sidebar.multiselect[0].value == []
    assert "instrument" not in app.query_params and "as_of" not in app.query_params


@pytest.mark.parametrize(
    "params",
    [
        {"as_of": ""},
        {"as_of": ["2009-06-04", "2010-01-01"]},
        {"as_of": "2009-06"},
        {"as_of": "99999-01-01"},
        {"instrument": "TIP,SOM,,"},
        {"instrument": "<script>alert(1)</script>"},
        {"group": ["MERCOSUR", "MERCOSUR", "sica"]},
        {"state": "'; DROP TABLE"},
        {"colour": "`x` **bold**" * 20, "instrument": "`FOO`"},
        {"embed": "true"},
    ],
)
def test_odd_links_never_break_a_page(params: dict) -> None:
    for page in ("overview", "profile", "data"):
        open_app(page, **params)  # open_app asserts that no exception was raised


def test_good_values_are_kept_next_to_bad_ones_and_matched_without_case() -> None:
    app = open_app(instrument=["tip", "FOO"], group="mercosur", as_of="2010-01-01")
    assert app.sidebar.pills[0].value == ["TIP"]
    assert app.sidebar.multiselect[0].value == ["MERCOSUR"]
    assert app.session_state["ctl_as_of"] == date(2010, 1, 1)
    assert "`instrument=`FOO" in notes(app)
    assert app.query_params == {"instrument": "TIP", "as_of": "2010-01-01", "group": "MERCOSUR"}


def test_a_date_outside_the_range_is_moved_into_it_with_a_note() -> None:
    app = open_app(as_of="1999-01-01")
    assert app.session_state["ctl_as_of"] == date(2000, 11, 15)
    assert "outside" in notes(app)


def test_notes_go_once_the_reader_changes_a_control() -> None:
    app = open_app(instrument="FOO")
    assert notes(app)
    app.sidebar.pills[0].set_value(["SOM"]).run()
    assert not notes(app)
    assert app.query_params == {"instrument": "SOM"}


# --- the advocate's questions -----------------------------------------------------------------


def test_overview_names_the_states_not_party_to_the_firearms_protocol() -> None:
    app = open_app(instrument="FIREARMS")
    said = texts(app)
    assert "Firearms Protocol**: 6 of 35 not party" in said
    for state in ("Belize", "Canada", "Colombia", "Saint Lucia", "Suriname", "United States"):
        assert f">{state}</a>" in said
    # not verified since their last check: said so, never as a certain current fact. From
    # palermo_oas_status.csv: Belize, Canada, Colombia "2024"; United States "2022-02"; Saint
    # Lucia, Suriname "2014-07".
    assert "2024 (not verified since)" in said and "July 2014 (not verified since)" in said
    assert "February 2022 (not verified since)" in said
    assert [m.value for m in app.metric] == ["29 of 35"]
    joined = app.dataframe[0].value
    assert len(joined) == 9 and "Bolivia †" in set(joined["State"])  # † medium confidence


def test_overview_counts_every_state_with_the_membership_notes_near_the_counts() -> None:
    said = texts(open_app())
    assert "All 35 counted, as the resolution addressed them" in said
    assert "Cuba, Honduras, Nicaragua and Venezuela" in said
    assert "withdrawal effective 19 Nov 2023" in said


def test_no_mercosur_state_joined_the_trafficking_protocol_after_june_2009() -> None:
    # Argentina 2002, Brazil 2004, Paraguay 2004, Uruguay 2005, Bolivia 2006; Venezuela (2002)
    # is suspended since 1 December 2016 (groups.csv), so not counted as a member today.
    app = open_app(instrument="TIP", group="MERCOSUR")
    said = texts(app)
    assert "the 5 OAS member states in MERCOSUR" in said
    assert "No state in this view became party after 4 June 2009" in said
    assert [m.value for m in app.metric] == ["5 of 5"]


@pytest.mark.parametrize(
    ("as_of", "members", "joined"),
    [
        ("2010-01-01", 4, []),  # Venezuela a full member only from 31 July 2012
        # Venezuela suspended from 1 December 2016; Bolivia a full member only from 7 August 2024
        ("2016-11-30", 5, ["Venezuela"]),
        ("2021-01-01", 4, []),
        (date.today().isoformat(), 5, ["Bolivia †"]),
    ],
)
def test_group_membership_is_taken_on_the_chosen_date(
    as_of: str, members: int, joined: list[str]
) -> None:
    app = open_app(instrument="FIREARMS", group="MERCOSUR", as_of=as_of)
    assert f"the {members} OAS member states in MERCOSUR" in texts(app)
    table = app.dataframe[0].value["State"].tolist() if joined else []
    assert table == joined


@pytest.mark.parametrize("page", ["overview", "map", "timeline", "subregions", "data"])
def test_a_group_without_members_on_the_date_says_so(page: str) -> None:
    # The Rio Group ended on 3 December 2011, when CELAC was founded.
    said = texts(open_app(page, group="RIO", as_of="2020-01-01"))
    assert "had members on this date" in said or "was a full member" in said or "0 rows" in said
    assert "Source: UN Treaty Collection (UNTC)" in said


# Groups of the world on the pages of the 35 (groups_world.csv, full members with no dates): the
# African Group's 54 members are all in Africa, none of the 35; WEOG's 29 include Canada and the
# United States; the Commonwealth's 56 include 13 of the 35 (Antigua and Barbuda, Bahamas,
# Barbados, Belize, Canada, Dominica, Grenada, Guyana, Jamaica, Saint Kitts and Nevis, Saint
# Lucia, Saint Vincent and the Grenadines, Trinidad and Tobago).
OAS_PAGES = ["overview", "map", "timeline", "subregions", "profile", "family", "reservations",
             "data"]  # fmt: skip


@pytest.mark.parametrize("page", OAS_PAGES)
def test_a_world_group_with_no_member_among_the_35_says_so(page: str) -> None:
    app = open_app(page, group="UNRG_AFRICAN", as_of="2024-06-01", state="BRA")
    said = notes(app)
    assert "African Group: none of its 54 members on 1 June 2024 is an OAS member state" in said
    assert "`group=`" not in said  # a known group, not a bad link
    assert app.sidebar.multiselect[0].value == ["UNRG_AFRICAN"]
    assert app.query_params["group"] == "UNRG_AFRICAN"
    assert "Source: UN Treaty Collection (UNTC)" in texts(app)


def test_a_world_group_filters_the_35_to_its_members_among_them() -> None:
    app = open_app("data", group="UNRG_WEOG", instrument="TIP", as_of="2024-06-01")
    said = notes(app)
    assert (
        "2 of its 29 members on 1 June 2024 are OAS member states (Canada and United States)"
    ) in said
    assert sorted(app.dataframe[0].value["state"]) == ["Canada", "United States"]
    overview = texts(open_app(group="UNRG_WEOG", as_of="2024-06-01"))
    assert "the 2 OAS member states in WEOG (membership on that date)" in overview


def test_a_world_group_and_a_subregion_together_show_the_members_of_either() -> None:
    app = open_app("data", group="COMMONWEALTH,MERCOSUR", instrument="UNTOC", as_of="2024-06-01")
    # 13 of the Commonwealth, and MERCOSUR's Argentina, Brazil, Paraguay, Uruguay (Venezuela
    # suspended, Bolivia a full member only from 7 August 2024)
    assert len(app.dataframe[0].value) == 13 + 4
    assert "13 of its 56 members on 1 June 2024 are OAS member states" in notes(app)


def test_a_world_group_note_speaks_the_readers_language() -> None:
    said = notes(open_app("map", group="UNRG_WEOG", as_of="2024-06-01", lang="fr"))
    assert "2 de ses 29 membres au 1er juin 2024 sont des États membres de l'OEA" in said
    assert "(Canada et États-Unis)" in said
    said = notes(open_app("map", group="UNRG_AFRICAN", as_of="2024-06-01", lang="es"))
    assert "ninguno de sus 54 miembros al 1 de junio de 2024 es Estado miembro de la OEA" in said


def test_the_world_page_takes_no_note_for_a_world_group() -> None:
    said = notes(open_app("world", group="UNRG_AFRICAN", as_of="2024-06-01"))
    assert "none of its 54 members" not in said


def test_the_regions_over_time_end_on_the_date_and_say_their_denominators() -> None:
    app = open_app("world", as_of="2014-12-31", instrument="TIP")
    figures = [json.loads(chart.proto.spec) for chart in app.get("plotly_chart")]
    (figure,) = [f for f in figures if "members party, 2000 to" in f["layout"]["title"]["text"]]
    assert figure["layout"]["title"]["text"].startswith(
        "Share of each group's members party, 2000 to 31 December 2014"
    )
    # the instrument shown above, all four below
    assert [a["text"] for a in figure["layout"]["annotations"]] == [
        "Trafficking in Persons", "All four",
    ]  # fmt: skip
    assert max(x[:10] for trace in figure["data"] for x in trace["x"]) == "2014-12-31"
    assert {trace["yaxis"] for trace in figure["data"]} == {"y", "y2"}
    african = next(t for t in figure["data"] if t["name"] == "African Group" and t["yaxis"] == "y")
    # by hand (tests/unit/views/test_world.py): 29 of 54 at the end of 2005, 46 of 54 in 2014
    assert "African Group, 31 December 2005: 29 of 54 (54%)" in african["customdata"]
    assert african["customdata"][-1] == "African Group, 31 December 2014: at least 46 of 54 (85%)"
    assert "“At least” from 31 December 2014 on" in texts(app)


def test_the_regions_over_time_say_which_groups_count_todays_members_on_past_dates() -> None:
    # The UN regional groups' members are listed without joining days (South Sudan, a member of
    # the African Group since 2011, counts in 2005 too); the EU's are dated.
    said = texts(open_app("world", as_of="2014-12-31", instrument="TIP", lang="es"))
    (note,) = [line for line in said.split("\n") if "sin la fecha de su ingreso" in line]
    named = note.split(": la fuente")[0].split(", ")
    assert "Grupo de Estados de África" in named and "UE" not in named  # the EU's label


def test_a_date_after_a_later_one_takes_no_year_end_after_it() -> None:
    # The year ends are made once per snapshot, through last year: a view on 1 March 2015 opened
    # after one on 1 June 2024 draws the year ends up to 2014 and its own date, nothing later.
    open_app("world", as_of="2024-06-01", instrument="TIP")
    app = open_app("world", as_of="2015-03-01", instrument="TIP")
    figures = [json.loads(chart.proto.spec) for chart in app.get("plotly_chart")]
    (figure,) = [f for f in figures if "members party, 2000 to" in f["layout"]["title"]["text"]]
    days = sorted({x[:10] for trace in figure["data"] for x in trace["x"]})
    assert days[0] == "2000-12-31" and days[-2:] == ["2014-12-31", "2015-03-01"]
    african = next(t for t in figure["data"] if t["name"] == "African Group" and t["yaxis"] == "y")
    # by hand (tests/unit/views/test_world.py): 29 of 54 at the end of 2005, 46 of 54 in 2014
    assert "African Group, 31 December 2005: 29 of 54 (54%)" in african["customdata"]
    assert "African Group, 31 December 2014: at least 46 of 54 (85%)" in african["customdata"]


def test_before_the_resolution_there_is_no_joined_since_list() -> None:
    said = texts(open_app(as_of="2005-01-01", instrument="UNTOC"))
    assert "before the resolution" in said


# --- the other pages ----------------------------------------------------------------------------


def test_map_draws_offline_with_a_marker_for_every_state() -> None:
    app = open_app("map", instrument="FIREARMS")
    chart = app.get("plotly_chart")[0]
    assert json.loads(chart.proto.config)["topojsonURL"] == "app/static/"
    figure = json.loads(chart.proto.spec)
    markers = [t for t in figure["data"] if t["type"] == "scattergeo"]
    fills = [t for t in figure["data"] if t["type"] == "choropleth"]
    assert sum(len(t["customdata"]) for t in markers) == 35
    assert all(t["locationmode"] == "ISO-3" for t in fills)
    assert {t["marker"]["symbol"] for t in markers} == {"circle", "diamond-open", "x-open"}
    assert "Signed, not party when last checked" in texts(app)


def test_map_shows_one_of_several_chosen_instruments() -> None:
    app = open_app("map", instrument=["UNTOC", "SOM"])
    assert app.segmented_control[0].value == "UNTOC"
    assert "Palermo Convention" in texts(app)


def test_timeline_marks_the_resolution_and_times_to_ratify() -> None:
    app = open_app("timeline", instrument="TIP")
    said = texts(app)
    assert "Parties among the 35 states" in said and "Median" in said
    assert "| Trafficking in Persons | 28 | **35** |" in said
    figure = json.loads(app.get("plotly_chart")[0].proto.spec)
    assert any("AG/RES. 2456" in a["text"] for a in figure["layout"]["annotations"])


def test_the_tables_under_the_map_and_timeline_are_drawn_once_opened(dataset: Dataset) -> None:
    closed = open_app("map", instrument="TIP")
    assert "Table" in [tab.label for tab in closed.tabs] and not closed.dataframe
    table = open_app("map", opened=True, instrument="TIP").dataframe[0].value
    assert len(table) == 35 and table["Status"].str.endswith("Party").sum() == 35
    # Antigua and Barbuda acceded on 17 Feb 2010 without signing: no date is an empty cell
    antigua = table.set_index("State").loc["Antigua and Barbuda"]
    assert (antigua["Signed"], antigua["Consent"]) == ("", "2010-02-17")

    assert not open_app("timeline", instrument="TIP").dataframe
    times = open_app("timeline", opened=True, instrument="TIP").dataframe[0].value
    parties = dataset.status[dataset.status["instrument"] == "TIP"]["consent_date"].notna()
    assert len(times) == parties.sum() == 35


def test_subregions_count_members_on_the_date_and_name_who_is_missing() -> None:
    app = open_app("subregions", instrument="FIREARMS", as_of="2021-01-01")
    # each cell names its column (data-label) for the phone layout
    said = re.sub(r' data-label="[^"]*"', "", texts(app))
    assert "No full member among the 35 on this date: Rio Group." in said
    # MERCOSUR then: Argentina, Brazil, Paraguay, Uruguay (Venezuela suspended since 1 Dec 2016,
    # Bolivia only from 2024). Canada (verified through 2024) and the United States (2022-02)
    # are vouched for on 1 January 2021, so no "checked" date; Saint Lucia and Suriname (2014-07)
    # are not.
    assert "<th>MERCOSUR</th><td>4 of 4</td>" in said
    assert "<td>0 of 2: not Canada, United States</td>" in said
    assert "not verified since" in said


def test_profile_shows_every_fact_with_its_source_and_check() -> None:
    app = open_app("profile", state="bra")  # codes match without case
    said = texts(app)
    assert app.title[0].value == "Brazil"
    assert "Party since 29 January 2004 (ratification)" in said
    assert "UNTC MTDSG status feed for XVIII-12-a as captured on 2014-01-27" in said
    # The 2013-2014 declarations capture has no text of Brazil on any of the four, and Brazil
    # was party to each before it: "none in the record", with the record's month (README of
    # untc-2014/declarations: UNTOC last changed 2013-11-18, FIREARMS 2014-07-10).
    assert "**Palermo Convention**: None in UNTC's record as published in November 2013." in said
    assert "**Firearms Protocol**: None in UNTC's record as published in July 2014." in said
    assert "UNTC status page" in said
    assert app.query_params["state"] == "BRA"


def test_a_state_that_deposited_after_the_record_is_not_in_it() -> None:
    # Barbados ratified all four on 11 November 2014, after the 2013-2014 capture: never "none".
    said = texts(open_app("profile", state="BRB"))
    assert "Not in the 2013–2014 record: Barbados deposited after it was published" in said
    assert "None in UNTC's record" not in said


def test_a_reservation_is_shown_as_the_depositarys_english() -> None:
    app = open_app("profile", state="COL", instrument="TIP")
    said = texts(app)
    # Colombia's TIP text (untc-2014/declarations/18-12-a.txt) reserves article 15(2).
    assert "not consider itself bound by the dispute-settlement paragraph (art. 15(2))" in said
    assert '<blockquote lang="en" class="record"><p>In accordance with article 15' in said


def test_a_suspended_member_is_said_so_on_its_profile() -> None:
    app = open_app("profile", state="VEN")
    assert "Suspended from MERCOSUR from 1 December 2016" in texts(app)
    roles = app.dataframe[-1].value.set_index("group")["role"]  # the groups table
    assert "suspended (not counted as a member)" in list(roles.loc[["MERCOSUR"]])


def test_a_step_at_home_stands_beside_the_status_never_instead() -> None:
    said = texts(open_app("profile", state="COL", instrument="SOM"))
    assert "Step at home (2 May 2006): declared a decision not to ratify" in said
    # the depositary's status stays what it is
    assert "No signature or consent as of July 2014 (not verified since)" in said


@pytest.mark.parametrize(
    ("language", "lead"),
    [("es", "Registro en inglés: "), ("fr", "Fiche en anglais\u00a0: "), ("en", "Record: ")],
)
def test_a_steps_english_record_says_so_outside_the_english_page(language: str, lead: str) -> None:
    # Bolivia's Firearms step (reference/domestic_steps.csv): its record is the researchers'
    # English, which a Spanish or French reader is told before reading it.
    app = open_app("profile", state="BOL", instrument="FIREARMS", lang=language)
    record = (
        '<span lang="en">Law No. 1245 of 10 October 2019 approved Bolivia&#x27;s accession to'
        " the Protocol"
    )
    (cell,) = [e.proto.body for e in app.get("html") if record in e.proto.body]
    assert f"<small>{lead}{record}" in cell


def test_profile_is_honest_about_unverified_and_unconfirmed_facts() -> None:
    said = texts(open_app("profile", state="CAN", instrument="FIREARMS"))
    assert "not party as of 2024 (not verified since)" in said  # source_date "2024"
    said = texts(open_app("profile", state="BRB"))
    assert "not fully confirmed (medium confidence)" in said
    said = texts(open_app("profile", state="NIC"))
    assert "withdrawal effective 19 Nov 2023" in said


def test_profile_follows_the_readers_choice_and_keeps_the_link_in_step() -> None:
    app = open_app("profile", state="BRA")
    app.main.selectbox[0].set_value("ARG").run()
    assert app.title[0].value == "Argentina"
    assert app.query_params["state"] == "ARG"
    app.run()  # a rerun with the new link keeps the choice
    assert app.title[0].value == "Argentina"


def test_every_states_profile_renders(dataset: Dataset) -> None:
    # Three states (USA, URY, VEN) have no recorded date of joining the OAS: a missing value.
    app = open_app("profile", state="ATG")
    for iso3 in dataset.states.index:
        app.main.selectbox[0].set_value(iso3).run()
        assert not app.exception, (iso3, [e.value for e in app.exception])
        assert app.title[0].value == dataset.states.loc[iso3, "name"]
    assert "Member since **a date not recorded here**." in texts(app)  # Venezuela, last


def test_profile_without_a_state_asks_for_one() -> None:
    """A short chooser: the box, a sentence and the 35 names, each a link to its profile; every
    state's standing (10,215 px on a phone) only in the expander, drawn once opened."""
    app = open_app("profile")
    assert app.main.selectbox[0].value is None
    said = texts(app)
    assert "Choose a state above, click its name below, or click it on the **Map**." in said
    index = next(e.proto.body for e in app.get("html") if "state-index" in e.proto.body)
    assert index.count("<li>") == 35
    assert "href='profile?state=ATG' target='_self'>Antigua and Barbuda</a>" in index
    assert "Every state at a glance" in said  # the expander's label
    assert "Party since 2002" not in said  # the standings wait until the expander is opened


def test_data_download_is_exactly_the_table_shown(
    downloads: dict[str, bytes], dataset: Dataset
) -> None:
    app = open_app("data", instrument="TIP", group="MERCOSUR", as_of="2009-06-04")
    day = date(2009, 6, 4)
    table = export_table(status_view(dataset, day, ["TIP"], ["MERCOSUR"]), day)
    expected = b"\xef\xbb\xbf" + csv_bytes(table)  # UTF-8's byte-order mark, for spreadsheets
    name = export_filename(day, ["TIP"], ["MERCOSUR"])
    assert downloads[name] == expected
    shown = app.dataframe[0].value
    assert shown["iso3"].tolist() == ["ARG", "BRA", "PRY", "URY"]
    meta = json.loads(downloads[f"{name}.meta.json"])
    assert meta["rows"] == 4 and meta["status_as_at"]["TIP"] == "2014-01-27"
    said = texts(app)
    assert ".venv/bin/python -m loaders refresh" in said and "Verification dates" in said


# --- data that is damaged, old or missing ---------------------------------------------------------


def test_a_damaged_snapshot_shows_the_fallback_warning(data_copy: Path) -> None:
    snapshots = data_copy / "snapshots"
    current = snapshots / (snapshots / "CURRENT").read_text().strip()
    shutil.copytree(current, snapshots / "20000101T000000000000Z-reference")
    previous = json.loads((current / "metadata.json").read_text())["previous"]
    (current / "status.csv").write_text("damaged\n")
    said = texts(open_app())
    # The newest good one: the frozen history's previous snapshot, not the older copy.
    assert "Showing an older snapshot." in said and previous in said


def test_no_age_banner_while_the_status_is_recent(data_copy: Path) -> None:
    snapshots = data_copy / "snapshots"
    meta_path = snapshots / (snapshots / "CURRENT").read_text().strip() / "metadata.json"
    meta = json.loads(meta_path.read_text())
    for info in meta["instruments"].values():
        info["status_as_at"] = date.today().isoformat()
    meta_path.write_text(json.dumps(meta))
    said = texts(open_app())
    assert "last checked against UNTC" not in said


def test_missing_data_is_an_error_with_the_way_out(data_copy: Path) -> None:
    (data_copy / "snapshots" / "CURRENT").unlink()
    shutil.rmtree(data_copy / "snapshots")
    app = AppTest.from_file(str(APP), default_timeout=TIMEOUT).run()
    assert not app.exception
    assert ".venv/bin/python -m loaders restore" in app.error[0].value


# --- the change log --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("language", "line"),
    [
        ("en", "New text (Declarations and Reservations): Bahamas (`BHS`) on Palermo Convention"
               " (`XVIII-12`)."),
        ("es", "Texto nuevo (Declaraciones y reservas): Bahamas (`BHS`) en Convención de Palermo"
               " (`XVIII-12`)."),
    ],
)  # fmt: skip
def test_the_data_page_lists_what_the_snapshot_changed(
    data_copy: Path, language: str, line: str
) -> None:
    # The snapshot after PREVIOUS_SNAPSHOT added the depositary's 2013-2014 declarations texts.
    # Each state and instrument by its name in the reader's language, then its code.
    snapshots = data_copy / "snapshots"
    current = json.loads((snapshots / current_name(data_copy) / "metadata.json").read_text())
    (snapshots / "CURRENT").write_text(current["previous"] + "\n")
    said = texts(open_app("data", lang=language))
    assert f"`{PREVIOUS_SNAPSHOT}`" in said
    assert line in said


def test_the_data_page_says_when_a_snapshot_keeps_no_change_log(data_copy: Path) -> None:
    # The previous snapshot was compiled before changes.json existed.
    (data_copy / "snapshots" / "CURRENT").write_text(PREVIOUS_SNAPSHOT + "\n")
    said = texts(open_app("data"))
    assert "keeps no structured change log" in said


def test_the_change_log_is_shown_in_the_readers_language(data_copy: Path) -> None:
    previous = current_name(data_copy)
    assert main(["compile-reference"]) == 0  # the same facts again: nothing changed
    said = texts(open_app("data", lang="es"))
    assert f"Qué cambió en la instantánea `{current_name(data_copy)}` desde `{previous}`" in said
    assert "Ningún cambio de situación ni de declaración." in said


@pytest.mark.parametrize(
    ("language", "oas"),
    [("en", "OAS General Secretariat, last checked 4 April 2018: 38 of 70 facts settled"),
     ("es", "38 de 70 hechos firmes")],
)  # fmt: skip
def test_the_data_page_accounts_per_depositary(language: str, oas: str) -> None:
    # By hand (tests/unit/loaders/derive/test_settled_family.py): the OAS's 70 facts on
    # 1 June 2024, 38 settled, 11 may have changed, 21 unknown; the banner keeps the 140.
    app = open_app("data", as_of="2024-06-01", lang=language)
    said = texts(app)
    assert oas in said
    assert "ILO" in said or "OIT" in said
    assert ("denounce" in said) if language == "en" else ("denuncie" in said)
    assert "140" in said  # paragraph 6's account, the four Palermo instruments


@pytest.mark.parametrize("language", ["en", "es", "pt", "fr"])
def test_the_age_banner_says_how_old_and_what_may_have_changed_never_a_command(
    language: str,
) -> None:
    app = open_app("overview", lang=language)
    (banner,) = [w.value for w in app.warning if "UNTC" in w.value]
    assert "python" not in banner and "make " not in banner and "`" not in banner
    assert "2014" in banner  # the facts' age, by its date
    # of the 140 facts today, the 9 rows without a consent in status.csv may have changed
    assert "9 " in banner and "140" in banner
    assert len(banner) < 260, "short enough for a phone's first screen"
