"""Refresh from the ILO's NORMLEX and the OAS's signatories tables, against local stand-ins.

The same promises as UNTC's: a planted ratification is published with the raw page kept; a
broken, changed or impossible page is refused with data/ byte for byte unchanged and a message
that names the failing depositary; a refresh can target one depositary or one instrument.
Planted rows are test input, never facts: they live only in the temporary data copy.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest

from cli.main import main
from loaders.store.snapshot import read_current
from tests.support.depositary_server import FIXTURES, DepositaryMirror
from tests.support.refresh_helpers import tree
from tests.support.untc_server import FIXTURES as UNTC_FIXTURES
from tests.support.untc_server import UntcMirror

C189 = "normlex/ratifications_C189.html"
ARGENTINA = (
    '<td class="firstCol"><a href="f?p=NORMLEXPUB:11200:0::NO::P11200_COUNTRY_ID:102500">'
    "Argentina</a>   </td>\n<td>24 Mar 2014   </td>\n<td>In Force   </td>\n<td>   </td>"
)
# The stored copy of B-57 stops inside Ecuador's row (signed 06/11/98, instrument 05/20/02):
# the tests complete it with a deposit date of their own, the "planted" ratification.
DOMINICAN = "Dominican Republic ..     /  /         09/23/11       11/14/11 AD     /  /    \n"
ECUADOR = "Ecuador .............   06/11/98       05/20/02       06/03/02 RA     /  /     \n"


def _row(name: str, registered: str, status: str = "In Force", note: str = "") -> str:
    return (
        '<tr>\n<td class="firstCol"><a href="f?p=NORMLEXPUB:11200:0::NO::P11200_COUNTRY_ID:1">'
        f"{name}</a>   </td>\n<td>{registered}   </td>\n<td>{status}   </td>\n"
        f"<td>{note}</td>\n</tr>"
    )


def _edited(name: str, *replacements: tuple[str, str]) -> bytes:
    text = (FIXTURES / name).read_text(encoding="utf-8")
    for old, new in replacements:
        assert old in text, old
        text = text.replace(old, new, 1)
    return text.encode("utf-8")


def _c189(*extra_rows: str, count: int | None = None, swap: tuple[str, str] | None = None) -> bytes:
    """The C189 page with rows added before </tbody> (the count follows unless given)."""
    total = 22 + len(extra_rows) if count is None else count
    edits = [
        ("</tbody>", "\n".join(extra_rows) + "\n</tbody>"),
        ("Number of ratifications: 22", f"Number of ratifications: {total}"),
    ]
    return _edited(C189, *edits, *([swap] if swap else []))


def _b57_with_ecuador() -> bytes:
    return _edited("oasdil/b-57.html", (DOMINICAN, DOMINICAN + ECUADOR))


@pytest.fixture
def stand_in() -> Iterator[DepositaryMirror]:
    with DepositaryMirror() as server:
        yield server


def _args(stand_in: DepositaryMirror, *more: str) -> list[str]:
    return [
        "refresh",
        "--normlex-url",
        stand_in.base_url,
        "--oas-url",
        stand_in.base_url,
        "--base-url",
        stand_in.base_url,
        *more,
    ]


def _refused(data: Path, stand_in: DepositaryMirror, capsys, args: list[str], *said: str) -> str:
    before = tree(data)
    assert main(_args(stand_in, *args)) == 1
    err = capsys.readouterr().err
    assert "Traceback" not in err
    assert "refresh failed, snapshot unchanged" in err
    for fragment in said:
        assert fragment in err, err
    assert tree(data) == before
    return err


def _row_of(data: Path, iso3: str, number: str) -> dict:
    """The participation row (the treaty family lives in participation.csv) of a state."""
    rows = read_current(data).participation
    found = rows[(rows["iso3"] == iso3) & (rows["mtdsg_no"] == number)]
    assert len(found) == 1
    return found.iloc[0].to_dict()


def _others(data: Path, number: str) -> tuple[bytes, object]:
    """status.csv's bytes and the participation rows of every other instrument."""
    snapshot = read_current(data)
    rows = snapshot.participation
    kept = rows[rows["mtdsg_no"] != number].reset_index(drop=True)
    return (snapshot.path / "status.csv").read_bytes(), kept


# --- NORMLEX ------------------------------------------------------------------------------------


def test_a_normlex_refresh_publishes_a_planted_ratification(older, stand_in):
    page = _c189(_row("Haiti", "02 Jun 2026"))
    stand_in.route(stand_in.normlex_path("C189"), body=page)
    status_before, others_before = _others(older, "C189")
    assert _row_of(older, "HTI", "C189")["status"] == "not_party"
    assert main(_args(stand_in, "--instrument", "C189")) == 0
    assert stand_in.paths() == [stand_in.normlex_path("C189")]  # one instrument, one request
    haiti = _row_of(older, "HTI", "C189")
    assert (haiti["status"], haiti["consent_date"], haiti["consent_kind"]) == (
        "party",
        "2026-06-02",
        "ratification",
    )
    assert (haiti["in_force"], haiti["confidence"]) == ("true", "high")
    assert haiti["verified_through"] == datetime.now(UTC).date().isoformat()
    assert "NORMLEX" in haiti["source"] and stand_in.base_url in haiti["source"]
    assert _row_of(older, "ARG", "C189")["consent_date"] == "2014-03-24"
    usa = _row_of(older, "USA", "C189")  # not on the page: not a party, on the ILO's word
    assert (usa["status"], usa["consent_date"], usa["confidence"]) == ("not_party", "", "high")
    # Antigua and Barbuda: a party by a low-confidence secondary source only; the depositary's
    # page does not list it, and its word is taken, saying what was there before.
    antigua = _row_of(older, "ATG", "C189")
    assert antigua["status"] == "not_party"
    assert "said party (low confidence, not from the depositary)" in antigua["source"]
    snapshot = read_current(older)
    assert [p.read_bytes() for p in (snapshot.path / "raw").iterdir()] == [page]  # kept as read
    assert snapshot.meta.method == "depositary-refresh"
    assert snapshot.meta.instruments["C189"].source_url.endswith("P11300_INSTRUMENT_ID:2551460")
    status_after, others_after = _others(older, "C189")
    assert status_after == status_before  # paragraph 6's table, byte for byte
    assert others_after.equals(others_before)
    assert "New party: HTI on C189, 2026-06-02" in (snapshot.path / "changes.md").read_text()


def test_a_normlex_maintenance_page_is_refused_naming_the_ilo(older, stand_in, capsys):
    stand_in.route(stand_in.normlex_path("C189"), file="normlex/maintenance.html")
    _refused(
        older, stand_in, capsys, ["--instrument", "C189"], "the ILO (NORMLEX) failed", "maintenance"
    )


def test_a_stranger_on_normlex_stops_the_refresh_with_the_closest_names(older, stand_in, capsys):
    page = _c189(swap=(">Argentina<", ">Argentinia<"), count=22)
    stand_in.route(stand_in.normlex_path("C189"), body=page)
    _refused(older, stand_in, capsys, ["--instrument", "C189"], "'Argentinia'", "'Argentina'")


def test_a_party_missing_from_normlex_is_refused(older, stand_in, capsys):
    row = f'<tr class="even">\n{ARGENTINA}\n</tr>'
    stand_in.route(stand_in.normlex_path("C189"), body=_c189(count=21, swap=(row, "")))
    _refused(older, stand_in, capsys, ["--instrument", "C189"], "Argentina (ARG) is missing")


@pytest.mark.parametrize(
    ("row", "said"),
    [
        (_row("Haiti", "02 Jun 2010"), "before the instrument was adopted (2011-06-16)"),
        (_row("Haiti", "02 Jun 2031"), "in the future"),
        (
            _row(
                "Haiti",
                "02 Jun 2026",
                "Not in force",
                "The Convention will enter into force for Haiti on 01 Jan 2027.",
            ),
            "comes into force on 2027-06-02 (twelve months later",
        ),
    ],
)
def test_impossible_ilo_dates_are_refused(older, stand_in, capsys, row, said):
    stand_in.route(stand_in.normlex_path("C189"), body=_c189(row))
    _refused(older, stand_in, capsys, ["--instrument", "C189"], "impossible dates", said)


def test_a_ratification_to_come_into_force_twelve_months_on_is_a_ratification(older, stand_in):
    note = "The Convention will enter into force for Haiti on 02 Jun 2027."
    stand_in.route(
        stand_in.normlex_path("C189"),
        body=_c189(_row("Haiti", "02 Jun 2026", "Not in force", note)),
    )
    assert main(_args(stand_in, "--instrument", "C189")) == 0
    haiti = _row_of(older, "HTI", "C189")
    assert (haiti["status"], haiti["consent_date"], haiti["in_force"]) == (
        "party",
        "2026-06-02",
        "false",
    )
    assert "not yet in force (in force on 2027-06-02)" in haiti["source"]


def test_a_denunciation_ends_the_party_and_keeps_its_date(older, stand_in):
    swap = (
        ARGENTINA,
        ARGENTINA.replace("In Force   ", "Not in force").replace(
            "<td>   </td>", "<td>Denounced on 10 Jan 2025</td>"
        ),
    )
    stand_in.route(stand_in.normlex_path("C189"), body=_c189(swap=swap, count=22))
    assert main(_args(stand_in, "--instrument", "C189")) == 0
    argentina = _row_of(older, "ARG", "C189")
    assert (argentina["status"], argentina["consent_date"]) == ("not_party", "")
    assert "denounced 2025-01-10" in argentina["source"]


def test_a_refresh_of_one_depositary_asks_only_its_source(older, stand_in, capsys):
    """No stand-in page for C029 (none was found to copy): the ILO's refresh fails on it, asks
    nothing of UNTC or the OAS, and publishes nothing, not even C189's good page."""
    _refused(
        older, stand_in, capsys, ["--depositary", "ILO"], "the ILO (NORMLEX) failed", "HTTP 404"
    )
    asked = stand_in.paths()
    assert asked and all(path.startswith("/dyn/nrmlx_en/") for path in asked)


def test_the_refresh_deadline_covers_normlex(older, stand_in, capsys):
    stand_in.route(stand_in.normlex_path("C189"), file=C189, trickle=0.2)
    _refused(older, stand_in, capsys, ["--instrument", "C189", "--timeout", "2"], "time limit")


# --- the OAS ----------------------------------------------------------------------------------


def test_an_oas_refresh_publishes_a_planted_ratification(older, stand_in):
    page = _b57_with_ecuador()
    stand_in.route(stand_in.oas_path("B-57"), body=page)
    status_before, others_before = _others(older, "B-57")
    assert main(_args(stand_in, "--instrument", "B-57")) == 0
    assert stand_in.paths() == [stand_in.oas_path("B-57")]
    ecuador = _row_of(older, "ECU", "B-57")
    assert (ecuador["status"], ecuador["signature_date"], ecuador["consent_date"]) == (
        "party",
        "1998-06-11",
        "2002-06-03",
    )
    assert (ecuador["consent_kind"], ecuador["confidence"]) == ("ratification", "high")
    argentina = _row_of(older, "ARG", "B-57")
    assert (argentina["consent_date"], argentina["consent_kind"]) == ("2000-02-28", "accession")
    assert "instrument dated 1999-12-13, deposited 2000-02-28" in argentina["source"]
    assert "note(s) 2" in argentina["source"]
    assert _row_of(older, "BLZ", "B-57")["signature_date"] == ""  # accepted without signing
    assert _row_of(older, "MEX", "B-57")["status"] == "not_party"  # not in the table
    snapshot = read_current(older)
    assert [p.read_bytes() for p in (snapshot.path / "raw").iterdir()] == [page]
    status_after, others_after = _others(older, "B-57")
    assert status_after == status_before and others_after.equals(others_before)
    assert "New party: ECU on B-57, 2002-06-03" in (snapshot.path / "changes.md").read_text()


def test_a_signature_alone_makes_a_signatory(older, stand_in):
    mexico = "Mexico ..............   03/18/94          /  /            /  /        /  /     \n"
    page = _b57_with_ecuador().replace(ECUADOR.encode(), (ECUADOR + mexico).encode())
    stand_in.route(stand_in.oas_path("B-57"), body=page)
    assert main(_args(stand_in, "--instrument", "B-57")) == 0
    mexico_row = _row_of(older, "MEX", "B-57")
    assert (mexico_row["status"], mexico_row["signature_date"], mexico_row["consent_date"]) == (
        "signatory",
        "1994-03-18",
        "",
    )


def test_the_stored_oas_copy_as_it_was_cut_is_refused(older, stand_in, capsys):
    text = (FIXTURES / "oasdil" / "b-57.html").read_text(encoding="utf-8")
    rule = "=" * 79 + "\n</pre>"
    cut = text[: text.index(rule)] + "Ecuador .............   06/11/98       05/20/02      \n</pre>"
    stand_in.route(stand_in.oas_path("B-57"), body=cut.encode())
    _refused(
        older,
        stand_in,
        capsys,
        ["--instrument", "B-57"],
        "the OAS General Secretariat (Department of International Law) failed",
        "cut short",
    )


def test_an_impossible_oas_date_is_refused(older, stand_in, capsys):
    page = _b57_with_ecuador().replace(b"12/13/99", b"12/13/93")
    stand_in.route(stand_in.oas_path("B-57"), body=page)
    _refused(older, stand_in, capsys, ["--instrument", "B-57"], "before the treaty's adoption")


def test_one_failing_oas_treaty_publishes_nothing(older, stand_in, capsys):
    """B-57 reads well, A-63's page is under maintenance: no fact of either changes."""
    stand_in.route(stand_in.oas_path("B-57"), body=_b57_with_ecuador())
    stand_in.route(stand_in.oas_path("A-63"), file="oasdil/maintenance.html")
    _refused(
        older,
        stand_in,
        capsys,
        ["--depositary", "OAS"],
        "Department of International Law) failed",
        "A-63",
    )


# --- the UN's family instruments -----------------------------------------------------------------


def _crc_opsc_feed(folder: Path, as_at: str) -> Path:
    """A stand-in feed for IV-11-c: TIP's 2014 feed under CRC-OPSC's number (test input only)."""
    text = (UNTC_FIXTURES / "xviii-12-a.en.xml").read_text(encoding="utf-8")
    text = text.replace("XVIII-12-a", "IV-11-c").replace("xviii-12-a", "iv-11-c")
    text = text.replace("STATUS AS AT : 20-01-2014", f"STATUS AS AT : {as_at}")
    (folder / "iv-11-c.en.xml").write_text(text, encoding="utf-8")
    return folder


def test_a_un_family_instrument_refreshes_into_participation(older, tmp_path):
    with UntcMirror(_crc_opsc_feed(tmp_path, "20-11-2026")) as untc:
        status_before, others_before = _others(older, "IV-11-c")
        assert main(["refresh", "--base-url", untc.base_url, "--instrument", "IV-11-c"]) == 0
    argentina = _row_of(older, "ARG", "IV-11-c")
    assert (argentina["status"], argentina["consent_date"]) == ("party", "2002-11-19")
    assert argentina["verified_through"] == "2026-11-20"
    status_after, others_after = _others(older, "IV-11-c")
    assert status_after == status_before and others_after.equals(others_before)


def test_a_un_family_page_older_than_its_rows_is_refused(older, tmp_path, capsys):
    """The family rows of IV-11-c are verified through 2022-06-13 at the latest."""
    with UntcMirror(_crc_opsc_feed(tmp_path, "20-01-2014")) as untc:
        before = tree(older)
        assert main(["refresh", "--base-url", untc.base_url, "--instrument", "IV-11-c"]) == 1
    assert "older than rows of the snapshot verified through 2022-06-13" in capsys.readouterr().err
    assert tree(older) == before
