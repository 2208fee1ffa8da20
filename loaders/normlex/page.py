"""The one module that knows how a NORMLEX "Ratifications of <code>" page is laid out.

No stored copy of the live page was available when this was written: the layout follows what
public code that reads these pages relies on (an Oracle APEX page; a heading "Ratifications of
C029 - <title>"; a table whose header names Country, Date, Status and Note; one row per country
with the country as a link in the first cell, a date like ``02 Feb 1983`` and "In Force" or "Not
in force", cells padded with trailing spaces). Anything else is refused with the reason, so that
a change of the page is seen, and corrected here, rather than read as "nobody ratified".
"""

from __future__ import annotations

import re
from datetime import date

from lxml import etree
from lxml import html as lxml_html
from pydantic import ValidationError

from loaders.model.dates import DateFormatError, parse_untc_date
from loaders.model.text import UndecodablePageError, decoded_page
from loaders.normlex.errors import LayoutChangedError, MaintenancePageError
from loaders.normlex.records import NormlexStatus, Ratification

_HEADING = re.compile(r"Ratifications of\s+(?P<code>[CP]\s?\d{1,3})\s*[-–—:]\s*(?P<title>.+)")
_DAY = r"\d{1,2}\s+[A-Za-z]{3}\s+\d{4}"
_DATE_CELL = re.compile(rf"^{_DAY}$")
_EIF = re.compile(rf"Date of entry into force:?\s*({_DAY})", re.I)
_COUNT = re.compile(r"(?:Number of ratifications|Ratifications)\s*:\s*(\d+)", re.I)
_DENOUNCED = re.compile(rf"denounc\w*\s+(?:on\s+)?({_DAY})", re.I)
_IN_FORCE_ON = re.compile(
    rf"(?:enter|entered|enters|came|comes)\s+into\s+force\b.*?\bon\s+({_DAY})", re.I
)
_MAINTENANCE = re.compile(
    r"under maintenance|scheduled maintenance|temporarily unavailable|service unavailable", re.I
)
_STATUSES = {"in force": True, "not in force": False}


def _norm(text: str) -> str:
    return " ".join(text.split())


def _decoded(content: bytes, url: str) -> str:
    """UTF-8, else the charset the page declares; never a guess (names must match)."""
    try:
        return decoded_page(content)
    except UndecodablePageError as exc:
        raise LayoutChangedError(f"{url}: {exc}") from exc


def _text(el: etree._Element) -> str:
    return _norm(" ".join(el.itertext()))


def _day(text: str, url: str, where: str) -> date:
    try:
        day = parse_untc_date(text)
    except DateFormatError as exc:
        raise LayoutChangedError(f"{url}: {where}: {exc}") from exc
    if day is None:
        raise LayoutChangedError(f"{url}: {where}: no date")
    return day


def _heading(root: etree._Element, code: str, url: str) -> str:
    for el in root.iter("h1", "h2", "h3", "h4", "title", "span", "div"):
        own = _norm(el.text or "")
        match = _HEADING.search(own) or None
        if match:
            found = match["code"].replace(" ", "")
            if found != code:
                raise LayoutChangedError(
                    f"{url}: the page is about {found}, not {code}; check the instrument id"
                )
            return match["title"].strip()
    raise LayoutChangedError(f"{url}: no heading 'Ratifications of {code} - ...' on the page")


def _table_rows(root: etree._Element, url: str) -> list[list[etree._Element]]:
    """The rows after the header "Country | Date | Status" of the first table that has one."""
    for table in root.iter("table"):
        rows = list(table.iter("tr"))
        for position, row in enumerate(rows):
            heads = [_text(c).casefold() for c in row if isinstance(c.tag, str)]
            if heads[:3] == ["country", "date", "status"]:
                return [[c for c in r if c.tag == "td"] for r in rows[position + 1 :]]
    raise LayoutChangedError(f"{url}: no table headed Country, Date, Status")


def _ratification(cells: list[etree._Element], url: str) -> Ratification:
    first = cells[0]
    links = [_text(a) for a in first.iter("a") if _text(a)]
    whole = _text(first)
    name = links[0] if links else whole
    where = f"row {name!r}"
    date_text = _text(cells[1])
    if not _DATE_CELL.match(date_text):
        raise LayoutChangedError(f"{url}: {where}: {date_text!r} is not a date like '02 Feb 1983'")
    status_text = _text(cells[2])
    word = next(
        (
            w
            for w in sorted(_STATUSES, key=len, reverse=True)
            if status_text.casefold().startswith(w)
        ),
        None,
    )
    if word is None:
        raise LayoutChangedError(
            f"{url}: {where}: status {status_text!r} is neither 'In Force' nor 'Not in force'"
        )
    note = _norm(
        " ".join(
            [whole[len(name) :] if whole.startswith(name) else ""] + [_text(c) for c in cells[3:]]
        )
    )
    said = f"{status_text} {note}"
    denounced = _DENOUNCED.search(said)
    in_force_on = _IN_FORCE_ON.search(said)
    try:
        return Ratification(
            name=name,
            registered=_day(date_text, url, where),
            in_force=_STATUSES[word],
            status_text=status_text,
            in_force_date=_day(in_force_on[1], url, where) if in_force_on else None,
            denounced=_day(denounced[1], url, where) if denounced else None,
            note=note,
        )
    except ValidationError as exc:
        reasons = "; ".join(e["msg"].removeprefix("Value error, ") for e in exc.errors())
        raise LayoutChangedError(f"{url}: {where}: {reasons}") from exc


def parse_page(content: bytes, url: str, code: str) -> NormlexStatus:
    """The ratifications of ``code`` (``C029``) on its NORMLEX page; raises NormlexError."""
    text = _decoded(content, url)
    try:
        root = lxml_html.document_fromstring(text)
    except (etree.ParserError, ValueError) as exc:
        raise LayoutChangedError(f"{url}: not an HTML page ({exc})") from exc
    for bad in root.iter("script", "style", "noscript"):
        bad.drop_tree()
    whole = _text(root)
    has_table = any(True for _ in root.iter("table"))
    if _MAINTENANCE.search(whole) and not has_table:
        raise MaintenancePageError(
            f"{url}: NORMLEX shows a maintenance page, not the ratifications"
        )
    title = _heading(root, code, url)
    rows = [cells for cells in _table_rows(root, url) if cells]
    if not rows:
        raise LayoutChangedError(f"{url}: the ratification table has no rows; not an empty status")
    odd = [i for i, cells in enumerate(rows, 1) if len(cells) < 3]
    if odd:
        raise LayoutChangedError(f"{url}: rows {odd[:5]} have fewer than 3 cells")
    eif = _EIF.search(whole)
    count = _COUNT.search(whole)
    try:
        return NormlexStatus(
            code=code,
            title=title,
            entry_into_force=_day(eif[1], url, "entry into force") if eif else None,
            count=int(count[1]) if count else None,
            ratifications=tuple(_ratification(cells, url) for cells in rows),
            source_url=url,
        )
    except ValidationError as exc:
        reasons = "; ".join(e["msg"].removeprefix("Value error, ") for e in exc.errors())
        raise LayoutChangedError(f"{url}: {reasons}") from exc
