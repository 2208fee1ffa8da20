"""The one module that knows how an OAS "Signatories and Ratifications" page is laid out.

The page is a fixed-width text table (in ``<pre>`` or plain text) under a header block::

    » INTER-AMERICAN CONVENTION ON INTERNATIONAL TRAFFIC IN MINORS (B-57)
    DATE: 03/18/94
    ENTRY INTO FORCE: 08/15/97 IN ACCORDANCE WITH ARTICLE 33, OF THE CONVENTION
    =====================================================================
    SIGNATORY COUNTRIES    SIGNATURE REF   RA/AC/AD REF   DEPOSIT INST  INFORMA REF
    =====================================================================
    Argentina............     /  /         12/13/99       02/28/00 AD     /  /   2

Dates are MM/DD/YY: the century is the one that puts the date between the treaty's adoption and
today; a date that fits neither is impossible and refused. ``/  /`` is an empty date.
"""

from __future__ import annotations

import re
from datetime import date

from lxml import etree
from lxml import html as lxml_html
from pydantic import ValidationError

from loaders.model.dates import latest_possible
from loaders.model.text import UndecodablePageError, decoded_page
from loaders.oasdil.errors import ImpossibleDateError, LayoutChangedError, MaintenancePageError
from loaders.oasdil.records import KIND_BY_CODE, OasRow, OasStatus

_MDY = r"\d{2}/\d{2}/\d{2}"
_SLOT = rf"(?:{_MDY}|/\s*/)"
_REF = r"[A-Z0-9]{1,3}(?:\s*,\s*[A-Z0-9]{1,3})*"
_ROW = re.compile(
    rf"^\s*(?P<sig>{_SLOT})(?:\s+(?P<sig_ref>{_REF}))?"
    rf"\s+(?P<inst>{_SLOT})(?:\s+(?P<inst_ref>{_REF}))?"
    rf"\s+(?P<dep>{_SLOT})(?:\s+(?P<kind>RA|AC|AD))?"
    rf"\s+(?P<info>{_SLOT})(?:\s+(?P<ref>{_REF}))?\s*$"
)
_NAME = re.compile(r"^(?P<name>\S.*?)\s*(?:\.{2,}|\s{2,})\s*(?P<rest>.*)$")
_TITLE = re.compile(r"^\W*(?P<title>[A-Z][^()]*?)\s*\((?P<code>[A-Z]-\d{1,3})\)\s*$")
_GENERAL = re.compile(r"GENERAL INFORMATION OF THE TREATY:\s*(?P<code>[A-Z]-\d{1,3})")
_ADOPTED = re.compile(rf"^\s*DATE:\s*(?P<day>{_MDY})")
_EIF = re.compile(rf"^\s*ENTRY INTO FORCE:\s*(?P<day>{_MDY})")
_RULE = re.compile(r"^\s*={10,}\s*$")
_MAINTENANCE = re.compile(
    r"under maintenance|temporarily unavailable|service unavailable|scheduled maintenance", re.I
)


def _decoded(content: bytes, url: str) -> str:
    """UTF-8, else the charset the page declares (the OAS's older pages are windows-1252)."""
    try:
        return decoded_page(content)
    except UndecodablePageError as exc:
        raise LayoutChangedError(f"{url}: {exc}") from exc


def _lines(text: str, url: str) -> list[str]:
    """The page's text, line by line, as a reader sees it (``<br>`` and blocks break lines)."""
    try:
        root = lxml_html.document_fromstring(text)
    except (etree.ParserError, ValueError) as exc:
        raise LayoutChangedError(f"{url}: not an HTML page ({exc})") from exc
    for bad in root.iter("script", "style", "noscript", "title"):
        bad.drop_tree()
    for el in root.iter("br", "p", "div", "tr", "h1", "h2", "h3", "h4", "li"):
        el.tail = "\n" + (el.tail or "")
    return [line.replace("\xa0", " ").rstrip() for line in root.text_content().splitlines()]


class _Dates:
    """MM/DD/YY to a date of this treaty: the century between its adoption and today."""

    def __init__(self, adopted: date, today: date, url: str) -> None:
        self.adopted, self.today, self.url = adopted, today, url

    def read(self, text: str | None, where: str) -> date | None:
        if text is None or not re.fullmatch(_MDY, text):
            return None
        month, day, year = (int(part) for part in text.split("/"))
        fits = []
        for century in (1900, 2000):
            try:
                candidate = date(century + year, month, day)
            except ValueError as exc:
                raise LayoutChangedError(
                    f"{self.url}: {where}: {text!r} is no calendar date"
                ) from exc
            if self.adopted <= candidate <= latest_possible(self.today):
                fits.append(candidate)
        if len(fits) != 1:
            raise ImpossibleDateError(
                f"{self.url}: {where}: {text} is before the treaty's adoption "
                f"({self.adopted.isoformat()}) or in the future (today {self.today})"
            )
        return fits[0]


def _header(lines: list[str], code: str, url: str) -> tuple[str, str, str | None]:
    """(title, adoption MM/DD/YY, entry into force MM/DD/YY or None); refuses another treaty."""
    title = next((m for m in map(_TITLE.match, lines) if m), None)
    general = next((m for m in map(_GENERAL.search, lines) if m), None)
    named = [m["code"] for m in (title, general) if m]
    if not named:
        raise LayoutChangedError(f"{url}: the page names no treaty like '... ({code})'")
    if any(found != code for found in named):
        raise LayoutChangedError(f"{url}: the page is about {named[0]}, not {code}")
    adopted = next((m["day"] for m in map(_ADOPTED.match, lines) if m), None)
    if adopted is None:
        raise LayoutChangedError(f"{url}: no 'DATE:' (adoption) line in the header")
    eif = next((m["day"] for m in map(_EIF.match, lines) if m), None)
    return (title["title"] if title else code), adopted, eif


def _table(lines: list[str], url: str) -> tuple[list[str], list[str]]:
    """(the table's row lines, the lines after it)."""
    head = next(
        (i for i, line in enumerate(lines) if "SIGNATORY COUNTRIES" in line and "DEPOSIT" in line),
        None,
    )
    if head is None:
        raise LayoutChangedError(f"{url}: no table headed SIGNATORY COUNTRIES ... DEPOSIT")
    start = head + 1 + (head + 1 < len(lines) and bool(_RULE.match(lines[head + 1])))
    rows: list[str] = []
    for position in range(start, len(lines)):
        line = lines[position]
        if _RULE.match(line):
            return rows, lines[position + 1 :]
        if line.strip():
            rows.append(line)
    raise LayoutChangedError(f"{url}: the table does not end with a rule; the page is cut short")


def _row(line: str, dates: _Dates, url: str) -> OasRow:
    named = _NAME.match(line)
    slots = _ROW.match(named["rest"]) if named else None
    if named is None or slots is None:
        raise LayoutChangedError(f"{url}: a line of the table does not read: {line.strip()!r}")
    name = named["name"]
    if (slots["kind"] is None) != (slots["dep"].startswith("/")):
        raise LayoutChangedError(
            f"{url}: {name}: a deposit date and its type of instrument (RA, AC, AD) go together: "
            f"{line.strip()!r}"
        )
    refs = [slots[k] for k in ("sig_ref", "inst_ref", "ref") if slots[k]]
    try:
        return OasRow(
            name=name,
            signature=dates.read(slots["sig"], f"{name}, signature"),
            instrument=dates.read(slots["inst"], f"{name}, instrument"),
            deposit=dates.read(slots["dep"], f"{name}, deposit"),
            kind=KIND_BY_CODE[slots["kind"]] if slots["kind"] else None,
            refs=tuple(r.strip() for ref in refs for r in ref.split(",")),
        )
    except ValidationError as exc:
        reasons = "; ".join(e["msg"].removeprefix("Value error, ") for e in exc.errors())
        raise ImpossibleDateError(f"{url}: {name}: {reasons}") from exc


def parse_page(content: bytes, url: str, code: str, adopted: date, today: date) -> OasStatus:
    """The table of treaty ``code`` (``B-57``), adopted on ``adopted``, read on ``today``."""
    lines = _lines(_decoded(content, url), url)
    whole = " ".join(lines)
    if _MAINTENANCE.search(whole) and not any("SIGNATORY COUNTRIES" in line for line in lines):
        raise MaintenancePageError(f"{url}: the site shows a maintenance page, not the table")
    title, adopted_text, eif_text = _header(lines, code, url)
    dates = _Dates(adopted, today, url)
    month, day, year = (int(part) for part in adopted_text.split("/"))
    if (year, month, day) != (adopted.year % 100, adopted.month, adopted.day):
        raise LayoutChangedError(
            f"{url}: the page's adoption date {adopted_text} is not {code}'s ({adopted}); "
            "another treaty?"
        )
    rows, after = _table(lines, url)
    if not rows:
        raise LayoutChangedError(f"{url}: the table has no rows; not an empty status")
    return OasStatus(
        code=code,
        title=" ".join(title.split()),
        adopted=adopted,
        entry_into_force=dates.read(eif_text, "entry into force"),
        rows=tuple(_row(line, dates, url) for line in rows),
        notes="\n".join(line for line in after if line.strip()),
        source_url=url,
    )
