"""NORMLEX's ratification page: read whole, or refused with the reason (expectations from the
fixture's rows, which come from the reference facts)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from loaders.normlex import LayoutChangedError, MaintenancePageError, parse_page, ratifications_url

FIXTURES = Path(__file__).resolve().parents[3] / "fixtures" / "normlex"
URL = "https://normlex.test/page"
ARGENTINA = (
    '<td class="firstCol"><a href="f?p=NORMLEXPUB:11200:0::NO::P11200_COUNTRY_ID:102500">'
    "Argentina</a>   </td>\n<td>24 Mar 2014   </td>\n<td>In Force   </td>\n<td>   </td>"
)


def _page(*replacements: tuple[str, str]) -> bytes:
    text = (FIXTURES / "ratifications_C189.html").read_text(encoding="utf-8")
    for old, new in replacements:
        assert old in text, old
        text = text.replace(old, new, 1)
    return text.encode()


def _argentina(status: str, note: str = "") -> tuple[str, str]:
    return ARGENTINA, ARGENTINA.replace("In Force   ", status).replace(
        "<td>   </td>", f"<td>{note}</td>"
    )


def test_the_fixture_reads_whole() -> None:
    status = parse_page(_page(), URL, "C189")
    assert status.title == "Domestic Workers Convention, 2011 (No. 189)"
    assert (status.entry_into_force, status.count, len(status.ratifications)) == (
        date(2013, 9, 5),
        22,
        22,
    )
    argentina = status.ratifications[0]
    assert (argentina.name, argentina.registered, argentina.in_force) == (
        "Argentina",
        date(2014, 3, 24),
        True,
    )
    assert all(r.in_force and r.denounced is None for r in status.ratifications)


def test_a_denunciation_and_an_entry_into_force_to_come_are_read() -> None:
    denounced = parse_page(
        _page(_argentina("Not in force", "Denounced on 10 Jan 2020")), URL, "C189"
    ).ratifications[0]
    assert (denounced.in_force, denounced.denounced) == (False, date(2020, 1, 10))
    pending = parse_page(
        _page(
            _argentina(
                "Not in force", "The Convention will enter into force for Argentina on 24 Mar 2015."
            )
        ),
        URL,
        "C189",
    ).ratifications[0]
    assert (pending.in_force, pending.in_force_date, pending.denounced) == (
        False,
        date(2015, 3, 24),
        None,
    )


@pytest.mark.parametrize(
    ("replacements", "reason"),
    [
        ([("Ratifications of C189", "Ratifications of C029")], "about C029, not C189"),
        ([("Number of ratifications: 22", "Number of ratifications: 23")], "counts 23"),
        ([_argentina("Ratified")], "neither 'In Force' nor 'Not in force'"),
        ([("<td>24 Mar 2014   </td>", "<td>2014-03-24</td>")], "not a date"),
        ([_argentina("Not in force", "Denounced on 10 Jan 2010")], "before its ratification"),
        ([('<th id="STATUS">Status</th>', "<th>State</th>")], "no table headed"),
    ],
)
def test_a_changed_page_is_refused(replacements: list, reason: str) -> None:
    with pytest.raises(LayoutChangedError, match=reason):
        parse_page(_page(*replacements), URL, "C189")


def test_an_empty_table_is_not_an_empty_status() -> None:
    text = _page().decode()
    start, end = text.index("<tbody>") + len("<tbody>"), text.index("</tbody>")
    body = (text[:start] + text[end:]).replace("Number of ratifications: 22", "")
    with pytest.raises(LayoutChangedError, match="no rows"):
        parse_page(body.encode(), URL, "C189")


def test_a_maintenance_page_is_refused() -> None:
    with pytest.raises(MaintenancePageError, match="maintenance"):
        parse_page((FIXTURES / "maintenance.html").read_bytes(), URL, "C189")


def test_the_page_address() -> None:
    assert ratifications_url("C029") == (
        "https://normlex.ilo.org/dyn/nrmlx_en/f?p=NORMLEXPUB:11300:0::NO::"
        "P11300_INSTRUMENT_ID:312174"
    )
    with pytest.raises(ValueError, match="no NORMLEX page"):
        ratifications_url("C999")
