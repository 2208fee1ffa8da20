"""The OAS DIL's signatories table: read whole, or refused with the reason. Expectations are
the stored copy's rows read by hand (MM/DD/YY; the deposit is the binding act)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from loaders.oasdil import (
    ImpossibleDateError,
    LayoutChangedError,
    MaintenancePageError,
    parse_page,
    signatories_url,
)

FIXTURES = Path(__file__).resolve().parents[3] / "fixtures" / "oasdil"
URL = "https://oas.test/b-57.html"
ADOPTED, TODAY = date(1994, 3, 18), date(2026, 12, 6)
ARGENTINA = "Argentina............     /  /         12/13/99       02/28/00 AD     /  /   2  "


def _page(*replacements: tuple[str, str]) -> bytes:
    text = (FIXTURES / "b-57.html").read_text(encoding="utf-8")
    for old, new in replacements:
        assert old in text, old
        text = text.replace(old, new, 1)
    return text.encode()


def _parse(content: bytes, code: str = "B-57", adopted: date = ADOPTED):
    return parse_page(content, URL, code, adopted, TODAY)


def test_the_stored_table_reads_whole() -> None:
    status = _parse(_page())
    assert status.title == "INTER-AMERICAN CONVENTION ON INTERNATIONAL TRAFFIC IN MINORS"
    assert status.entry_into_force == date(1997, 8, 15)
    assert [r.name for r in status.rows] == [
        "Argentina", "Belize", "Bolivia", "Brazil", "Colombia", "Costa Rica",
        "Dominican Republic",
    ]  # fmt: skip
    argentina, _, bolivia, *_ = status.rows
    assert (argentina.signature, argentina.instrument, argentina.deposit, argentina.kind) == (
        None,
        date(1999, 12, 13),
        date(2000, 2, 28),
        "accession",
    )
    assert argentina.refs == ("2",)
    assert (bolivia.signature, bolivia.deposit, bolivia.kind) == (
        date(1994, 3, 18),
        date(2003, 12, 4),
        "ratification",
    )
    assert status.rows[-1].deposit == date(2011, 11, 14)  # 11/14/11: this century


def test_a_signature_alone_is_read() -> None:
    row = _parse(
        _page(
            (
                ARGENTINA,
                "Argentina............   03/18/94          /  /            /  /        /  /     ",
            )
        )
    ).rows[0]
    assert (row.signature, row.instrument, row.deposit, row.kind) == (
        date(1994, 3, 18),
        None,
        None,
        None,
    )


@pytest.mark.parametrize(
    ("replacements", "error", "reason"),
    [
        ([("12/13/99", "12/13/93")], ImpossibleDateError, "before the treaty's adoption"),
        ([("02/28/00 AD", "02/28/99 AD")], ImpossibleDateError, "after the deposit"),
        ([("02/28/00 AD", "02/28/00   ")], LayoutChangedError, "go together"),
        ([("(B-57)", "(B-58)")], LayoutChangedError, "about B-58, not B-57"),
        ([("DATE: 03/18/94", "DATE: 03/19/94")], LayoutChangedError, "adoption date"),
        (
            [(ARGENTINA, "Argentina............  18 March 1994")],
            LayoutChangedError,
            "does not read",
        ),
    ],
)
def test_a_wrong_page_is_refused(replacements: list, error: type, reason: str) -> None:
    with pytest.raises(error, match=reason):
        _parse(_page(*replacements))


def test_the_stored_copy_as_it_was_cut_is_refused() -> None:
    """The stored copy stops inside Ecuador's row: a cut page is never a shorter table."""
    text = _page().decode()
    cut = text.index(
        "===============================================================================\n</pre>"
    )
    page = (
        text[:cut] + "Ecuador .............   06/11/98       05/20/02      \n</pre></body></html>"
    )
    with pytest.raises(LayoutChangedError):
        _parse(page.encode())


def test_another_treaty_asked_for_is_refused() -> None:
    with pytest.raises(LayoutChangedError, match="about B-57, not A-63"):
        _parse(_page(), code="A-63", adopted=date(1997, 11, 14))


def test_a_maintenance_page_is_refused() -> None:
    with pytest.raises(MaintenancePageError):
        _parse((FIXTURES / "maintenance.html").read_bytes())


def test_the_page_address() -> None:
    assert signatories_url("B-57") == "https://www.oas.org/juridico/english/sigs/b-57.html"
    with pytest.raises(ValueError):
        signatories_url("../x")
