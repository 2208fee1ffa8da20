"""Issue #11, the data side: suspensions, declarations and reservations, steps at home, world
counts and the account of what is settled.

Every expectation is worked by hand from tests/fixtures/data/reference (groups.csv,
palermo_oas_status.csv, domestic_steps.csv, world_counts.csv, untc-2014/declarations/*.txt).
"""

from __future__ import annotations

import csv
import io
from datetime import date

import pytest

from cli.main import main
from loaders.derive import members_on, suspensions_on
from loaders.derive.declarations import (
    classify,
    coverage_frame,
    declaration_coverage,
    declarations_table,
    parse_blocks,
    reservations_matrix,
)
from loaders.derive.domestic import domestic_steps_on
from loaders.derive.settled import settled_account
from loaders.derive.views import status_view
from loaders.derive.world import world_context
from loaders.export import EXPORT_COLUMNS, export_table
from loaders.ingest.refresh import _declarations
from loaders.model.names import NameIndex
from loaders.model.records import Declaration, InstrumentStatus
from loaders.paths import DataPaths
from loaders.store.registry import load_instruments, load_states
from loaders.store.snapshot import DECLARATION_COLUMNS, read_snapshot_at
from tests.support.data import DATA, PREVIOUS_SNAPSHOT

# --- suspended members ------------------------------------------------------------------------


def _is(dataset, group: str, iso3: str, day: date, roles=("member",)) -> bool:
    members = members_on(dataset.memberships, day, roles=roles)
    return bool(((members["group_id"] == group) & (members["iso3"] == iso3)).any())


@pytest.mark.parametrize(
    ("iso3", "day", "member", "suspended"),
    [
        # Venezuela: member 2012-07-31 to 2016-12-01, suspended from 2016-12-01 (no end)
        ("VEN", date(2016, 11, 30), True, False),
        ("VEN", date(2016, 12, 1), False, True),
        ("VEN", date(2017, 1, 1), False, True),
        # Paraguay: member to 2012-06-29, suspended 2012-06-29 to "2013-08", member from "2013-08"
        ("PRY", date(2012, 6, 28), True, False),
        ("PRY", date(2012, 7, 1), False, True),
        ("PRY", date(2013, 7, 31), False, True),
        ("PRY", date(2013, 8, 15), False, False),  # the month of the lifting: certain of neither
        ("PRY", date(2013, 8, 31), True, False),
    ],
)
def test_a_suspended_state_is_not_counted_as_a_member(dataset, iso3, day, member, suspended):
    assert _is(dataset, "MERCOSUR", iso3, day) is member
    assert _is(dataset, "MERCOSUR", iso3, day, roles=("suspended",)) is suspended


def test_suspensions_on_a_date_say_so_with_their_source(dataset):
    rows = suspensions_on(dataset.memberships, date(2017, 1, 1))
    assert list(rows.columns) == [
        "group_id", "group_name", "iso3", "from_date", "to_date", "note", "source",
    ]  # fmt: skip
    assert rows[["group_id", "iso3", "from_date", "to_date"]].values.tolist() == [
        ["MERCOSUR", "VEN", "2016-12-01", ""]
    ]
    assert "Ushuaia Protocol" in rows.loc[0, "note"] and rows.loc[0, "source"]
    paraguay = suspensions_on(dataset.memberships, date(2013, 1, 1))
    assert paraguay[["iso3", "from_date", "to_date"]].values.tolist() == [
        ["PRY", "2012-06-29", "2013-08"]
    ]
    assert suspensions_on(dataset.memberships, date(2015, 1, 1)).empty


def test_the_export_groups_column_never_lists_a_suspension(dataset):
    view = status_view(dataset, date(2017, 1, 1), ["TIP"]).set_index("iso3")
    assert "MERCOSUR" not in view.loc["VEN", "groups"].split(";")
    assert "MERCOSUR" in view.loc["ARG", "groups"].split(";")
    view = status_view(dataset, date(2016, 11, 30), ["TIP"], ["MERCOSUR"])
    assert set(view["iso3"]) == {"ARG", "BRA", "PRY", "URY", "VEN"}


# --- classifying a text: hand-read examples ---------------------------------------------------

COLOMBIA_TIP = (
    "In accordance with article 15, paragraph 3, of the Protocol, Colombia declares that it does "
    "not consider itself bound by paragraph 2 of that article."
)
NICARAGUA_UNTOC = (
    "Declaration:The State of the Republic of Nicaragua declares that such measures as may be "
    "necessary to harmonize the Convention with its domestic law, will be the outcome of the "
    "processes of revision of criminal legislation. Moreover, the State of the Republic of "
    "Nicaragua reserves the right, at the moment of depositing its instrument of ratification of "
    "the present Convention, to invoke, in accordance with the general principles of "
    "international law, article 19 of the Vienna Convention on the Law of Treaties of 23 May 1969."
)


def test_colombias_trafficking_text_reserves_article_15_2():
    result = classify(COLOMBIA_TIP, "XVIII-12-a")
    assert result.kinds == ("reservation", "declaration")  # "not ... bound" and "declares"
    assert result.articles == ("15(2)", "15(3)")  # "paragraph 2 of that article": art. 15
    assert result.dispute_settlement_reserved


@pytest.mark.parametrize(
    ("text", "mtdsg_no", "kinds", "articles", "reserved"),
    [
        (NICARAGUA_UNTOC, "XVIII-12", ("reservation", "declaration"), (), False),
        # Guatemala, FIREARMS: none of the words, so a declaration
        (
            "The Republic of Guatemala shall provide the information referred to in article 12 of "
            "the Protocol in the case of information disclosed by individuals on a confidential "
            "basis only in the context of a request for judicial assistance.",
            "XVIII-12-c", ("declaration",), ("12",), False,
        ),
        # Venezuela, SOM: "article 20 (3)" and "paragraph 2 of the said article"
        (
            "The Bolivarian Republic of Venezuela, in accordance with the provision of article 20 "
            "(3) of the Protocol, formulates a reservation with respect to the provision "
            "established under paragraph 2 of the said article.",
            "XVIII-12-b", ("reservation",), ("20(2)", "20(3)"), True,
        ),
        # Bolivia, UNTOC: a list of articles, then 35(2)
        (
            "With respect to the definitions and characterizations set out in Articles 5, 6, 8 and "
            "23 of the Convention, the Republic of Bolivia declares that it will first apply its "
            "national legislation.The Republic of Bolivia declares that it does not consider "
            "itself bound by the provisions of paragraph 2 of Article 35.",
            "XVIII-12", ("reservation", "declaration"), ("5", "6", "8", "23", "35(2)"), True,
        ),
        # the Convention's own article cited in a Protocol's text is not the Protocol's
        (
            "The United States of America reserves the right not to apply in part the obligation "
            "set forth in Article 15, paragraph 1 (b), of the United Nations Convention Against "
            "Transnational Organized Crime.",
            "XVIII-12-a", ("reservation",), (), False,
        ),
        # 15(2) named in an objection to another state's reservation: not a reservation of it
        (
            "Belgium objects to the reservation made by X with regard to article 15, paragraph 2, "
            "and notifies the Secretary-General.",
            "XVIII-12-a", ("notification", "objection"), ("15(2)",), False,
        ),
    ],
)  # fmt: skip
def test_classification_of_hand_read_texts(text, mtdsg_no, kinds, articles, reserved):
    result = classify(text, mtdsg_no)
    assert (result.kinds, result.articles, result.dispute_settlement_reserved) == (
        kinds,
        articles,
        reserved,
    )


def test_the_rule_is_simple_and_its_limits_are_known():
    # "objectives" is not an objection; the Objections section always is one.
    assert "objection" not in classify("the objectives of the Protocol", "XVIII-12-c").kinds
    assert classify("Text.", "XVIII-12", section="Objections").kinds == ("objection",)


def test_blocks_are_a_name_line_then_its_text():
    text = "#Algeria\nFirst.\n\n#Bahamas\n“Second.”\n\n#Empty\n\n"
    assert parse_blocks(text) == [("Algeria", "First."), ("Bahamas", "“Second.”")]


# --- declarations in the bundled snapshot -----------------------------------------------------


def test_the_snapshot_carries_the_captured_texts_of_the_35(dataset):
    declarations = dataset.declarations
    # OAS states among the participant blocks: 10 (18-12), 7 (18-12-a), 6 (18-12-b), 6 (18-12-c)
    assert declarations.groupby("instrument").size().to_dict() == {
        "UNTOC": 10, "TIP": 7, "SOM": 6, "FIREARMS": 6,
    }  # fmt: skip
    colombia = declarations.set_index(["iso3", "instrument"]).loc[("COL", "TIP")]
    assert colombia["articles"] == "15(2);15(3)" and colombia["dispute_settlement_reserved"]
    assert colombia["published_as_at"] == "2013-12"  # 18-12-a.txt last changed 2013-12-22
    assert "zmjones/untreaties" in colombia["source"] and "18-12-a.txt" in colombia["source"]
    published = declarations.groupby("instrument")["published_as_at"].unique().map(list)
    assert published.to_dict() == {
        "UNTOC": ["2013-11"], "TIP": ["2013-12"], "SOM": ["2013-07"], "FIREARMS": ["2014-07"],
    }  # fmt: skip


def test_an_older_declarations_file_reads_with_blank_new_columns():
    snapshot = read_snapshot_at(DataPaths(DATA).snapshot(PREVIOUS_SNAPSHOT).folder)
    assert list(snapshot.declarations.columns) == DECLARATION_COLUMNS
    assert snapshot.declarations.empty  # that snapshot had no texts, only the five-column header


@pytest.mark.parametrize(
    ("iso3", "instrument", "coverage"),
    [
        ("COL", "TIP", "texts"),
        ("BRB", "UNTOC", "not_in_record"),  # ratified 11 Nov 2014, after the capture
        ("BRB", "FIREARMS", "not_in_record"),
        ("BOL", "FIREARMS", "not_in_record"),  # acceded 4 Sep 2020
        ("BOL", "TIP", "texts"),
        ("BRA", "UNTOC", "none_in_record"),  # party since 2004, no text in the capture
        ("CAN", "FIREARMS", "not_party"),  # signatory only
        ("SUR", "FIREARMS", "not_party"),
    ],
)
def test_declaration_coverage(dataset, iso3, instrument, coverage):
    assert declaration_coverage(dataset, iso3, instrument) == coverage


def test_coverage_is_one_row_per_state_and_instrument(dataset):
    frame = coverage_frame(dataset)
    assert len(frame) == 140
    # not_in_record: Barbados on all four, Bolivia on FIREARMS; no other party after the capture
    assert sorted(map(tuple, frame[frame["coverage"] == "not_in_record"][
        ["iso3", "instrument"]].values.tolist())) == [
        ("BOL", "FIREARMS"), ("BRB", "FIREARMS"), ("BRB", "SOM"), ("BRB", "TIP"), ("BRB", "UNTOC"),
    ]  # fmt: skip


def test_the_reservations_matrix(dataset):
    matrix = reservations_matrix(dataset).set_index("iso3")
    assert list(matrix.columns) == ["state", "UNTOC", "TIP", "SOM", "FIREARMS"]
    assert len(matrix) == 35
    assert matrix.loc["COL"].tolist() == [
        "Colombia", "dispute_settlement", "dispute_settlement", "not_party", "not_party",
    ]  # fmt: skip
    assert matrix.loc["PAN", "UNTOC"] == "declaration_only"  # arts. 16 and 18, "declares"
    assert matrix.loc["NIC", "UNTOC"] == "other_reservation"  # "reserves the right" (VCLT 19)
    assert matrix.loc["ARG", "FIREARMS"] == "declaration_only"
    assert matrix.loc["BRB"].tolist()[1:] == ["not_in_record"] * 4
    assert matrix.loc["BRA"].tolist()[1:] == ["none"] * 4
    mercosur = reservations_matrix(dataset, groups=["MERCOSUR"], as_of=date(2017, 1, 1))
    assert mercosur["iso3"].tolist() == ["ARG", "BRA", "PRY", "URY"]  # Venezuela suspended


def test_the_declarations_command(capsysbinary):
    assert main(["declarations", "--instrument", "tip", "--lang", "es"]) == 0
    rows = list(csv.DictReader(io.StringIO(capsysbinary.readouterr().out.decode("utf-8"))))
    assert list(rows[0]) == [
        "iso3", "state", "instrument", "mtdsg_no", "kinds", "articles",
        "dispute_settlement_reserved", "text", "source", "published_as_at", "state_es",
    ]  # fmt: skip
    assert sorted(r["iso3"] for r in rows) == ["BHS", "BOL", "COL", "CUB", "ECU", "SLV", "USA"]
    colombia = next(r for r in rows if r["iso3"] == "COL")
    assert (
        colombia["dispute_settlement_reserved"] == "true" and colombia["articles"] == "15(2);15(3)"
    )
    assert main(["declarations", "--group", "NOPE"]) == 2
    assert "unknown group 'NOPE' (choose from MERCOSUR" in capsysbinary.readouterr().err.decode()


def test_the_declarations_table_neutralises_nothing_it_need_not(dataset):
    table = declarations_table(dataset, ["FIREARMS"])
    assert table["iso3"].tolist() == ["ARG", "BHS", "CUB", "SLV", "GTM", "VEN"]  # by state name


def test_the_refresh_classifies_with_the_same_rule():
    instrument = next(i for i in load_instruments(DATA) if i.id == "TIP")
    status = InstrumentStatus(
        mtdsg_no="XVIII-12-a",
        status_as_at=date(2024, 4, 20),
        participants=(),
        declarations=(Declaration(participant="Colombia", text=COLOMBIA_TIP),),
        source_url="https://treaties.un.org/Pages/ViewDetails.aspx?mtdsg_no=XVIII-12-a",
        source_format="html",
    )
    (row,) = _declarations(instrument, status, NameIndex(load_states(DATA)))
    assert row["kinds"] == "reservation;declaration" and row["articles"] == "15(2);15(3)"
    assert row["dispute_settlement_reserved"] == "true"
    assert row["source"] == status.source_url and row["published_as_at"] == "2024-04-20"


# --- steps at home ------------------------------------------------------------------------------


def test_colombias_declined_smuggling_step(dataset):
    before = domestic_steps_on(dataset.domestic_steps, date(2006, 5, 1))
    assert before.empty
    on = domestic_steps_on(dataset.domestic_steps, date(2006, 5, 2)).set_index(
        ["iso3", "instrument"]
    )
    step = on.loc[("COL", "SOM")]
    assert (step["date"], step["step"], step["confidence"]) == ("2006-05-02", "declined", "high")
    assert step["source"] == "OAS document CE/DOT-40/06 add.1 (2 May 2006)"


def test_a_step_known_to_the_year_counts_from_its_last_day(dataset):
    # Bolivia, SOM: approved by the Chamber of Deputies, "2025"
    def bolivia(day):
        steps = domestic_steps_on(dataset.domestic_steps, day)
        return steps[(steps["iso3"] == "BOL") & (steps["instrument"] == "SOM")]["step"].tolist()

    assert bolivia(date(2025, 12, 30)) == []
    assert bolivia(date(2025, 12, 31)) == ["approved_by_lower_chamber"]


def test_the_export_names_the_step_and_never_changes_the_status(dataset):
    day = date(2026, 12, 1)
    table = export_table(status_view(dataset, day, ["SOM", "FIREARMS"]), day).set_index(
        ["iso3", "instrument"]
    )
    assert EXPORT_COLUMNS[-1] == "domestic_step" and list(table.columns)[-1] == "domestic_step"
    assert table.loc[("COL", "SOM"), ["status", "domestic_step"]].tolist() == [
        "no_action",
        "declined",
    ]
    assert table.loc[("BOL", "SOM"), ["status", "domestic_step"]].tolist() == [
        "signatory", "approved_by_lower_chamber",
    ]  # fmt: skip
    assert table.loc[("CAN", "FIREARMS"), "domestic_step"] == "implementing_legislation_pending"
    assert table.loc[("BRA", "SOM"), "domestic_step"] == ""


# --- world context and what is settled ------------------------------------------------------------


def test_world_counts(dataset):
    world = world_context(dataset).set_index("instrument")
    assert world.loc["UNTOC", ["signatories", "parties"]].tolist() == [147, 192]
    assert world.loc["FIREARMS", ["signatories", "parties"]].tolist() == [52, 123]
    assert world.loc["SOM", "status_as_at"] == date(2024, 4, 26)
    assert list(world.index) == ["UNTOC", "TIP", "SOM", "FIREARMS"]


def test_the_settled_account(dataset):
    # The 9 rows of palermo_oas_status.csv without a consent, with their source_date.
    account = settled_account(dataset, date(2026, 12, 1))
    assert (account.total, account.settled) == (140, 131)
    assert account.unsettled[
        ["iso3", "instrument", "status", "verified_through"]
    ].values.tolist() == [
        ["BOL", "SOM", "signatory", "2025"],
        ["COL", "SOM", "no_action", "2014-07"],
        ["LCA", "SOM", "no_action", "2014-07"],
        ["BLZ", "FIREARMS", "no_action", "2024"],
        ["CAN", "FIREARMS", "signatory", "2024"],
        ["COL", "FIREARMS", "no_action", "2024"],
        ["LCA", "FIREARMS", "no_action", "2014-07"],
        ["SUR", "FIREARMS", "no_action", "2014-07"],
        ["USA", "FIREARMS", "no_action", "2022-02"],
    ]
    assert account.last_full_check == date(2014, 1, 27)  # UNTOC and TIP status as at
    # On 1 July 2014 every row vouches for its fact ("2014-07" from its first day); after it, not.
    assert settled_account(dataset, date(2014, 7, 1)).settled == 140
    assert settled_account(dataset, date(2014, 7, 2)).settled == 136
