"""Where UNTC keeps an instrument's status: the XML feed's candidate URLs and the HTML page."""

from __future__ import annotations

import re

DEFAULT_BASE_URL = "https://treaties.un.org"

_MTDSG_NO = re.compile(r"^(?P<roman>[IVXL]+)-\d+(?:-[a-z])?$")
_ROMAN = (
    (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I"),
)  # fmt: skip


def _roman(number: int) -> str:
    out = ""
    for value, letters in _ROMAN:
        count, number = divmod(number, value)
        out += letters * count
    return out


def _checked_roman(mtdsg_no: str, chapter: int) -> str:
    match = _MTDSG_NO.match(mtdsg_no)
    if not match:
        raise ValueError(f"not an MTDSG number like 'XVIII-12-a': {mtdsg_no!r}")
    if match["roman"] != _roman(chapter):
        raise ValueError(f"MTDSG number {mtdsg_no!r} is not in chapter {chapter}")
    return match["roman"]


def xml_feed_urls(mtdsg_no: str, chapter: int, base_url: str = DEFAULT_BASE_URL) -> list[str]:
    """The XML feed's candidate URLs, most likely first (current path, then older copies)."""
    roman = _checked_roman(mtdsg_no, chapter)
    base = base_url.rstrip("/")
    names = (f"{mtdsg_no.lower()}.en.xml", f"{mtdsg_no}.en.xml")
    return [
        f"{base}/doc/Publication/MTDSG/Volume%20{volume}/Chapter%20{roman}/{name}"
        for name in names
        for volume in ("II", "I")
    ]


def status_page_url(mtdsg_no: str, chapter: int, base_url: str = DEFAULT_BASE_URL) -> str:
    """The HTML status page (English) of an instrument."""
    _checked_roman(mtdsg_no, chapter)
    return (
        f"{base_url.rstrip('/')}/Pages/ViewDetails.aspx?src=TREATY&mtdsg_no={mtdsg_no}"
        f"&chapter={chapter}&clang=_en"
    )
