"""Fetching and parsing an instrument's status from the UN Treaty Collection (UNTC).

Two sources carry the same participant grid: the per-instrument XML status feed and the HTML
status page (``ViewDetails.aspx``). Both are found by content, never by element ids, because UNTC
changed its ids and links over the years and scrapers that relied on them broke. Everything that
goes wrong raises a :class:`UntcError` whose message says what happened and where (URL, row,
participant); a maintenance page or a changed layout is an error, never an empty table.
"""

from __future__ import annotations

import codecs
import re
import time
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Literal
from urllib.parse import urljoin, urlsplit

import requests
import urllib3
from lxml import etree
from lxml import html as lxml_html

from loaders.dates import DateFormatError, parse_untc_date, parse_untc_timestamp
from loaders.models import KIND_BY_SUFFIX, ConsentKind, Declaration, InstrumentStatus, Participant

DEFAULT_BASE_URL = "https://treaties.un.org"
USER_AGENT = "RatifyAmericas/0.1 (+treaty status dashboard; contact via project repository)"


class UntcError(Exception):
    """UNTC could not give a usable status; the message names the URL and what went wrong."""


class UnreachableError(UntcError):
    """No usable HTTP answer: connection error, timeout, 5xx after retries, or a 4xx."""

    def __init__(self, message: str, status: int | None = None) -> None:
        super().__init__(message)
        self.status = status  # the HTTP status when there was one (404 moves to the next feed)


class MaintenancePageError(UntcError):
    """UNTC answered with its "urgent maintenance" page instead of the status."""


class LayoutChangedError(UntcError):
    """The document is not laid out as expected: no grid, missing header fields, odd cells."""


class CountMismatchError(UntcError):
    """The header's signatory or party count disagrees with the rows of the grid."""


class ResponseTooLargeError(UntcError):
    """The response body exceeded the client's size cap."""


class RedirectRefusedError(UntcError):
    """UNTC redirected to another host (or scheme), which the client does not follow."""


# ---------------------------------------------------------------------------------------------
# URLs

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


# ---------------------------------------------------------------------------------------------
# Text helpers shared by both parsers

_FOOTNOTE_TAGS = {"sup", "superscript"}
_SKIPPED_TAGS = {"script", "style", "noscript", "head", "title"}
# Elements whose boundaries separate words ("29 May<br>2013" must not become "29 May2013").
_SPACED_TAGS = {
    "br", "p", "div", "td", "th", "tr", "li", "entry", "column", "row", "para", "text",
    "h1", "h2", "h3", "h4", "h5", "h6", "dt", "dd", "blockquote", "table",
}  # fmt: skip
# Linear: the markers are one possessive run after the name's last other character. The former
# "(?:[\s,]*\d+)+" split digit runs every possible way: 30 digits then a letter took minutes.
_TRAILING_NOTES = re.compile(r"^(?P<name>.*?[^\s,\d])?(?P<notes>[\s,]*\d[\s,\d]*+)$")
_MAINTENANCE = ("urgent maintenance", "currently unavailable")
_STATUS_AS_AT = re.compile(r"STATUS\s+AS\s+AT\s*:?\s*\d{1,2}-\d{1,2}-\d{4}[^\n]{0,20}", re.I)
_SIGNATORIES = re.compile(r"Signatories\s*:\s*(\d+)", re.I)
_PARTIES = re.compile(r"Parties\s*:\s*(\d+)", re.I)


def _local(tag: object) -> str:
    """Lower-case local name of an element ('' for comments and processing instructions)."""
    if not isinstance(tag, str):
        return ""
    return tag.rsplit("}", 1)[-1].lower()


def _norm(text: str) -> str:
    """Collapse all whitespace (tabs, newlines, non-breaking spaces) to single spaces."""
    return " ".join(text.split())


def _walk_text(el: etree._Element, parts: list[str], notes: list[str], top: bool) -> None:
    name = _local(el.tag)
    if name in _FOOTNOTE_TAGS and not top:
        notes.extend(re.findall(r"\w+", _text_of(el)))
    elif name and name not in _SKIPPED_TAGS:
        spaced = name in _SPACED_TAGS
        parts.append(" " if spaced else "")
        parts.append(el.text or "")
        for child in el:
            _walk_text(child, parts, notes, top=False)
        parts.append(" " if spaced else "")
    if not top:
        parts.append(el.tail or "")


def _cell(el: etree._Element) -> tuple[str, tuple[str, ...]]:
    """An element's text, whitespace-normalised, and the footnote markers found in <sup>."""
    parts: list[str] = []
    notes: list[str] = []
    _walk_text(el, parts, notes, top=True)
    return _norm("".join(parts)), tuple(notes)


def _text_of(el: etree._Element) -> str:
    return _cell(el)[0]


def _text_outside(root: etree._Element, excluded: set[etree._Element]) -> str:
    """All text of the document except inside the excluded subtrees (grid, declarations)."""
    parts: list[str] = []

    def walk(el: etree._Element) -> None:
        if el not in excluded and _local(el.tag) and _local(el.tag) not in _SKIPPED_TAGS:
            parts.append(el.text or "")
            for child in el:
                walk(child)
        parts.append(" ")
        parts.append(el.tail or "")

    walk(root)
    return _norm("".join(parts))


def _split_notes(text: str) -> tuple[str, tuple[str, ...]]:
    """'Denmark 1' -> ('Denmark', ('1',)); 'X 6 , 18 , 19 ,' -> ('X', ('6', '18', '19'))."""
    match = _TRAILING_NOTES.match(text)
    if not match or not match["name"]:
        return text, ()
    return match["name"].strip(" ,"), tuple(re.findall(r"\d+", match["notes"]))


def _clean_name(text: str, sup_notes: tuple[str, ...]) -> tuple[str, tuple[str, ...], bool]:
    """Participant name without footnote markers or brackets; brackets mean withdrawn."""
    name, notes = _split_notes(_norm(text))
    withdrawn = name.startswith("[") and name.endswith("]")
    if withdrawn:
        name, inner = _split_notes(name[1:-1].strip())
        notes = inner + notes
    return name, _unique(sup_notes + notes), withdrawn


def _unique(items: Sequence[str]) -> tuple[str, ...]:
    return tuple(dict.fromkeys(items))


def refuse_maintenance_page(content: bytes, source_url: str) -> None:
    """Raise MaintenancePageError when the document is UNTC's maintenance notice."""
    # "<[^<>]*>", not "<[^>]*>": a body of many "<" and no ">" would be scanned once per "<".
    text = _norm(re.sub(r"<[^<>]*>", " ", content.decode("utf-8", "replace"))).lower()
    if all(phrase in text for phrase in _MAINTENANCE):
        raise MaintenancePageError(
            f'{source_url}: UNTC shows its maintenance page ("urgent maintenance and is '
            'currently unavailable") instead of the status; try again later'
        )


# ---------------------------------------------------------------------------------------------
# The participant grid, whatever the format


@dataclass(frozen=True)
class _Columns:
    signature: int
    consent: int


_CONSENT_HEADER = re.compile(r"ratification|accession|acceptance|approval|succession", re.I)
_DATE_THEN_REST = re.compile(r"^(?P<date>.*?\b\d{4})(?!\d)(?P<rest>.*)$")
_Cells = list[tuple[str, tuple[str, ...]]]


def _is_header(cells: _Cells) -> bool:
    return bool(cells) and cells[0][0].lower().startswith("participant")


def _columns(header: _Cells, where: str) -> _Columns:
    texts = [text for text, _ in header]
    signature = next((i for i, t in enumerate(texts) if t.lower().startswith("signature")), None)
    consent = next(
        (i for i, t in enumerate(texts) if i not in (0, signature) and _CONSENT_HEADER.search(t)),
        None,
    )
    missing = [
        label
        for label, index in (("'Signature'", signature), ("'Ratification, ...'", consent))
        if index is None
    ]
    if signature is None or consent is None:
        raise LayoutChangedError(
            f"{where}: the participant grid's header {texts} has no {' or '.join(missing)} column"
        )
    return _Columns(signature, consent)


def _act(text: str, where: str) -> tuple[date | None, str, tuple[str, ...]]:
    """A date cell: (date, kind suffix, footnote markers); ``7 Jun 2004 a`` -> suffix 'a'."""
    cleaned = _norm(text)
    if not cleaned:
        return None, "", ()
    match = _DATE_THEN_REST.match(cleaned)
    if not match:
        raise LayoutChangedError(f"{where}: no date in cell {text!r}")
    try:
        day = parse_untc_date(match["date"])
    except DateFormatError as exc:
        raise LayoutChangedError(f"{where}: {exc}") from exc
    tokens = re.findall(r"[^\s,]+", match["rest"])
    suffix = tokens.pop(0) if tokens and tokens[0] in KIND_BY_SUFFIX else ""
    if not all(token.isdigit() for token in tokens):
        raise LayoutChangedError(f"{where}: unknown kind suffix {match['rest'].strip()!r}")
    return day, suffix, tuple(tokens)


def _consent_kind(
    consent: date | None, suffix: str, signature: date | None
) -> tuple[ConsentKind | None, bool]:
    if consent is None:
        return None, False
    if suffix == "" and signature is None:
        # UNTC quirk: no suffix although only accession was open to a non-signatory.
        return "accession", True
    return KIND_BY_SUFFIX[suffix], False


def _participant(cells: _Cells, cols: _Columns, where: str) -> Participant:
    name, notes, withdrawn = _clean_name(*cells[0])
    where = f"{where} ({name})"
    signature, sig_suffix, sig_notes = _act(cells[cols.signature][0], f"{where}, signature")
    if sig_suffix:
        raise LayoutChangedError(f"{where}, signature: unexpected suffix {sig_suffix!r}")
    consent, suffix, consent_notes = _act(cells[cols.consent][0], f"{where}, consent")
    kind, inferred = _consent_kind(consent, suffix, signature)
    cell_notes = cells[cols.signature][1] + cells[cols.consent][1] + sig_notes + consent_notes
    return Participant(
        name=name,
        footnotes=_unique(notes + cell_notes),
        signature_date=signature,
        consent_date=consent,
        consent_kind=kind,
        kind_inferred=inferred,
        withdrawn=withdrawn,
    )


def _participants(header: _Cells, rows: list[_Cells], source_url: str) -> tuple[Participant, ...]:
    cols = _columns(header, source_url)
    width = max(cols.signature, cols.consent) + 1
    found: list[Participant] = []
    seen: dict[str, int] = {}
    for number, cells in enumerate(rows, start=1):
        where = f"{source_url}, row {number}"
        if not any(text for text, _ in cells):
            continue
        if not cells[0][0]:
            raise LayoutChangedError(f"{where}: dates without a participant name: {cells}")
        padded = cells + [("", ())] * (width - len(cells))  # trailing empty cells may be omitted
        participant = _participant(padded, cols, where)
        if participant.name in seen:
            raise LayoutChangedError(
                f"{where}: participant {participant.name!r} already listed in row "
                f"{seen[participant.name]}"
            )
        seen[participant.name] = number
        found.append(participant)
    if not found:
        raise LayoutChangedError(f"{source_url}: the participant grid has a header but no rows")
    return tuple(found)


def _header_facts(text: str, source_url: str) -> tuple[date, int | None, int | None]:
    """'STATUS AS AT' day and the signatory and party counts from the document's header text."""
    as_at = _STATUS_AS_AT.search(text)
    if not as_at:
        raise LayoutChangedError(f"{source_url}: no 'STATUS AS AT : dd-mm-yyyy' in the header")
    try:
        day = parse_untc_timestamp(as_at.group(0))
    except (DateFormatError, ValueError) as exc:
        raise LayoutChangedError(f"{source_url}: unreadable 'STATUS AS AT': {exc}") from exc
    return (
        day,
        _count(_SIGNATORIES.search(text), source_url),
        _count(_PARTIES.search(text), source_url),
    )


def _count(match: re.Match[str] | None, source_url: str) -> int | None:
    if match is None:
        return None
    if len(match[1]) > 6:  # int() refuses over 4300 digits; no treaty has a million parties
        raise LayoutChangedError(
            f"{source_url}: implausible count in the header: {match[0][:40]!r}"
        )
    return int(match[1])


def check_counts(status: InstrumentStatus) -> None:
    """Raise CountMismatchError when the header's counts disagree with the rows.

    Signatories are rows with a signature date, parties rows with a consent date; withdrawn
    (bracketed) rows count for neither. A count the header does not give is not checked.
    """
    current = [p for p in status.participants if not p.withdrawn]
    counted = {
        "Signatories": (status.signatories, sum(p.signature_date is not None for p in current)),
        "Parties": (status.parties, sum(p.consent_date is not None for p in current)),
    }
    problems = [
        f"header says {label} : {stated} but {rows} rows have a "
        f"{'signature' if label == 'Signatories' else 'consent'} date"
        for label, (stated, rows) in counted.items()
        if stated is not None and stated != rows
    ]
    if problems:
        raise CountMismatchError(f"{status.source_url}: {'; '.join(problems)}")


_C1_CONTROLS = re.compile("[\x80-\x9f]")


def _refuse_mis_decoded(texts: list[str], source_url: str) -> None:
    """C1 control characters never occur in treaty text: they are Windows-1252 bytes (’ “ — ...)
    read as ISO-8859-1, i.e. a document whose declared encoding does not match its bytes."""
    for text in texts:
        if found := _C1_CONTROLS.search(text):
            raise LayoutChangedError(
                f"{source_url}: control character U+{ord(found[0]):04X} in {text[:60]!r}: the "
                "bytes do not match the document's declared encoding"
            )


def _status(
    mtdsg_no: str,
    source_url: str,
    source_format: Literal["xml", "html"],
    participants: tuple[Participant, ...],
    declarations: tuple[Declaration, ...],
    header_text: str,
) -> InstrumentStatus:
    as_at, signatories, parties = _header_facts(header_text, source_url)
    _refuse_mis_decoded([p.name for p in participants], source_url)
    _refuse_mis_decoded([d.text for d in declarations], source_url)
    status = InstrumentStatus(
        mtdsg_no=mtdsg_no,
        status_as_at=as_at,
        signatories=signatories,
        parties=parties,
        participants=participants,
        declarations=declarations,
        source_url=source_url,
        source_format=source_format,
    )
    check_counts(status)
    return status


# ---------------------------------------------------------------------------------------------
# XML feed

_XML_CELLS = {"entry", "column", "cell"}
_XML_GRID_CONTAINERS = {"participants", "specialtables", "table"}
_XML_SECTIONS = {
    "declarations": "Declarations and Reservations",
    "objections": "Objections",
    "territorialapplications": "Territorial Application",
}


def _xml_root(content: bytes, source_url: str) -> etree._Element:
    # No entity expansion, no DTD or network access: the feed is data, never instructions.
    parser = etree.XMLParser(
        resolve_entities=False, no_network=True, load_dtd=False, huge_tree=False
    )
    try:
        root = etree.fromstring(content, parser)
    except etree.XMLSyntaxError as exc:
        raise LayoutChangedError(f"{source_url}: not well-formed XML: {exc}") from exc
    if root is None:
        raise LayoutChangedError(f"{source_url}: empty XML document")
    return root


def _xml_cells(row: etree._Element) -> _Cells:
    return [_cell(child) for child in row if _local(child.tag) in _XML_CELLS]


def _xml_container(header_row: etree._Element) -> etree._Element:
    for ancestor in header_row.iterancestors():
        if _local(ancestor.tag) in _XML_GRID_CONTAINERS:
            return ancestor
    return header_row.getparent() if header_row.getparent() is not None else header_row


def _first_usable(
    candidates: Iterator[tuple[etree._Element, _Cells]], source_url: str, what: str
) -> tuple[etree._Element, _Cells]:
    """The first header row with every needed field; else the first one's error; else none."""
    first_error: LayoutChangedError | None = None
    for element, header in candidates:
        try:
            _columns(header, source_url)
        except LayoutChangedError as exc:
            first_error = first_error or exc
            continue
        return element, header
    if first_error:
        raise first_error
    raise LayoutChangedError(f"{source_url}: no participant grid: {what}")


def _xml_grid(root: etree._Element, source_url: str) -> tuple[etree._Element, _Cells, list[_Cells]]:
    headers = (
        (row, cells)
        for row in root.iter()
        if _local(row.tag) == "row" and _is_header(cells := _xml_cells(row))
    )
    header_row, header = _first_usable(
        headers, source_url, "no <row> whose first <entry> starts with 'Participant'"
    )
    container = _xml_container(header_row)
    rows = [el for el in container.iter() if _local(el.tag) == "row"]
    data = rows[rows.index(header_row) + 1 :]
    return container, header, [_xml_cells(row) for row in data]


def _xml_paragraphs(item: etree._Element) -> list[str]:
    """Text paragraphs of a declaration: every <text> not nested in another, as plain text."""
    paragraphs: list[str] = []

    def walk(el: etree._Element) -> None:
        for child in el:
            name = _local(child.tag)
            if name == "text":
                paragraphs.append(_text_of(child))
            elif name and name != "participant":
                walk(child)

    walk(item)
    return [p for p in paragraphs if p]


def _xml_declarations(
    root: etree._Element, source_url: str
) -> tuple[tuple[Declaration, ...], set[etree._Element]]:
    found: list[Declaration] = []
    containers = {el for el in root.iter() if _local(el.tag) in _XML_SECTIONS}
    for container in (el for el in root.iter() if el in containers):
        section = _XML_SECTIONS[_local(container.tag)]
        for item in container:
            name_el = next((c for c in item if _local(c.tag) == "participant"), None)
            if name_el is None:
                continue
            name = _clean_name(*_cell(name_el))[0]
            paragraphs = _xml_paragraphs(item)
            if not paragraphs:
                raise LayoutChangedError(f"{source_url}: {section} of {name!r} has no <text>")
            found.append(
                Declaration(participant=name, section=section, text="\n\n".join(paragraphs))
            )
    return tuple(found), containers


def parse_xml(content: bytes, source_url: str, mtdsg_no: str) -> InstrumentStatus:
    """Parse a UNTC XML status feed (element names matched case-insensitively)."""
    refuse_maintenance_page(content, source_url)
    root = _xml_root(content, source_url)
    grid, header, rows = _xml_grid(root, source_url)
    participants = _participants(header, rows, source_url)
    declarations, sections = _xml_declarations(root, source_url)
    header_text = _text_outside(root, {grid, *sections})
    return _status(mtdsg_no, source_url, "xml", participants, declarations, header_text)


# ---------------------------------------------------------------------------------------------
# HTML status page

_BLOCK_TAGS = {
    "p", "div", "td", "th", "li", "dt", "dd", "blockquote", "pre", "caption",
    "h1", "h2", "h3", "h4", "h5", "h6",
}  # fmt: skip
_HEADINGS = {"h1", "h2", "h3", "h4", "h5", "h6"}
_HTML_SECTIONS = {
    "declarations and reservations": "Declarations and Reservations",
    "reservations and declarations": "Declarations and Reservations",
    "objections": "Objections",
    "territorial application": "Territorial Application",
    "territorial applications": "Territorial Application",
}
_SECTION_ENDS = {"notes", "end notes", "endnotes", "footnotes"}


_META_CHARSET = re.compile(r"""<meta\b[^>]*?charset\s*=\s*["']?\s*([\w.:-]+)""", re.I)
_BOMS = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
# Labels that browsers read as Windows-1252 (WHATWG Encoding Standard); Python would not.
_AS_WINDOWS_1252 = {"iso8859-1", "ascii"}


def _html_text(content: bytes, source_url: str) -> str:
    """The page as text: by its byte-order mark, else UTF-8 if the bytes are valid UTF-8, else the
    charset its <meta> declares, if the bytes fit it.

    Anything else is refused rather than guessed at: a wrong guess turns "Côte d’Ivoire" into
    mojibake and names stop matching. Only the bytes decide (not the HTTP header), so the raw copy
    kept in the snapshot reads the same way again.
    """
    encoding = next((name for bom, name in _BOMS if content.startswith(bom)), None)
    if encoding is None:
        try:
            return content.decode("utf-8")
        except UnicodeDecodeError as exc:
            not_utf8 = f"is not UTF-8 (byte {content[exc.start]:#04x} at offset {exc.start})"
        declared = _META_CHARSET.search(content[:4096].decode("ascii", "replace"))
        if declared is None:
            raise LayoutChangedError(
                f"{source_url}: the page {not_utf8} and declares no charset; not guessing one"
            )
        encoding = declared[1]
    try:
        codec = codecs.lookup(encoding).name
        return content.decode("cp1252" if codec in _AS_WINDOWS_1252 else codec)
    except (LookupError, UnicodeError) as exc:
        raise LayoutChangedError(
            f"{source_url}: the page's bytes are not in the charset it declares, {encoding!r} "
            f"({exc})"
        ) from exc


def _ends_complete(text: str) -> bool:
    """The page ends with </html> (trailing comments aside): else the body was cut short."""
    tail = text.rstrip()
    while tail.endswith("-->") and "<!--" in tail:
        tail = tail[: tail.rindex("<!--")].rstrip()
    return re.search(r"</html\s*>\Z", tail[-64:], re.I) is not None


def _html_root(content: bytes, source_url: str) -> etree._Element:
    text = _html_text(content, source_url)
    if not _ends_complete(text):
        # libxml2 would silently close what is open: a page cut after the grid loses declarations.
        raise LayoutChangedError(f"{source_url}: the page ends before </html> (cut short?)")
    try:
        utf8 = text.encode("utf-8")  # the <meta> charset is then ignored: decoded already
        return lxml_html.document_fromstring(utf8, parser=lxml_html.HTMLParser(encoding="utf-8"))
    except (etree.ParserError, ValueError) as exc:
        raise LayoutChangedError(f"{source_url}: unreadable HTML: {exc}") from exc


def _html_cells(row: etree._Element) -> _Cells:
    return [_cell(cell) for cell in row if _local(cell.tag) in ("td", "th")]


def _table_rows(table: etree._Element) -> list[etree._Element]:
    """The table's own rows (not those of tables nested in its cells)."""
    return table.xpath("./tr | ./thead/tr | ./tbody/tr | ./tfoot/tr")


def _html_grid(
    root: etree._Element, source_url: str
) -> tuple[etree._Element, _Cells, list[_Cells]]:
    headers = (
        (row, cells)
        for row in root.iter("tr")
        if _is_header(cells := _html_cells(row))  # a layout row around the grid fails _columns
    )
    header_row, header = _first_usable(
        headers, source_url, "no <table> whose header row starts with 'Participant'"
    )
    table = next(header_row.iterancestors("table"), None)
    if table is None:
        raise LayoutChangedError(f"{source_url}: the 'Participant' header row is not in a table")
    rows = _table_rows(table)
    data = rows[rows.index(header_row) + 1 :]
    return table, header, [_html_cells(row) for row in data]


def _is_leaf_block(el: etree._Element) -> bool:
    return _local(el.tag) in _BLOCK_TAGS and not any(
        _local(d.tag) in _BLOCK_TAGS for d in el.iterdescendants()
    )


def _unbolded_text(el: etree._Element) -> str:
    """Text of a block outside <b>/<strong> (and footnote markers)."""
    parts: list[str] = [el.text or ""]
    for child in el:
        if _local(child.tag) not in {"b", "strong", *_FOOTNOTE_TAGS, *_SKIPPED_TAGS, ""}:
            parts.append(_unbolded_text(child))
        parts.append(child.tail or "")
    return _norm("".join(parts))


def _is_participant_heading(block: etree._Element, text: str) -> bool:
    """A participant's name stands alone, in a heading or all in bold (never ends in ':')."""
    if not text or text.endswith(":"):
        return False
    return _local(block.tag) in _HEADINGS or not _unbolded_text(block)


@dataclass
class _Open:
    section: str
    participant: str
    paragraphs: list[str]


def _html_blocks_after(root: etree._Element, grid: etree._Element) -> Iterator[etree._Element]:
    inside = set(grid.iter())
    passed = False
    for el in root.iter():
        if el is grid:
            passed = True
        elif passed and el not in inside and _is_leaf_block(el):
            yield el


def _html_declarations(
    root: etree._Element, grid: etree._Element, source_url: str
) -> tuple[tuple[Declaration, ...], set[etree._Element]]:
    """Per-participant paragraphs of the sections after the grid, until 'Notes'."""
    found: list[Declaration] = []
    used: set[etree._Element] = set()
    section: str | None = None
    current: _Open | None = None

    def close() -> None:
        if current is None:
            return
        if not current.paragraphs:
            raise LayoutChangedError(
                f"{source_url}: {current.section} of {current.participant!r} has no text"
            )
        text = "\n\n".join(current.paragraphs)
        found.append(
            Declaration(participant=current.participant, section=current.section, text=text)
        )

    for block in _html_blocks_after(root, grid):
        text, notes = _cell(block)
        title = text.lower().rstrip(": ")
        if title in _HTML_SECTIONS or title in _SECTION_ENDS:
            close()
            current = None
            section = _HTML_SECTIONS.get(title)
        elif section is None or not text:
            continue
        elif _is_participant_heading(block, text):
            close()
            current = _Open(section, _clean_name(text, notes)[0], [])
        elif current is not None:
            current.paragraphs.append(text)
        used.add(block)
    close()
    return tuple(found), used


def parse_html(content: bytes, source_url: str, mtdsg_no: str) -> InstrumentStatus:
    """Parse a UNTC HTML status page (the grid is the table whose header starts 'Participant')."""
    refuse_maintenance_page(content, source_url)
    root = _html_root(content, source_url)
    grid, header, rows = _html_grid(root, source_url)
    participants = _participants(header, rows, source_url)
    declarations, used = _html_declarations(root, grid, source_url)
    header_text = _text_outside(root, {grid, *used})
    return _status(mtdsg_no, source_url, "html", participants, declarations, header_text)


# ---------------------------------------------------------------------------------------------
# HTTP client

_REDIRECTS = {301, 302, 303, 307, 308}
_MAX_REDIRECTS = 5


class _Retryable(Exception):
    def __init__(self, reason: str, status: int | None = None) -> None:
        super().__init__(reason)
        self.status = status


def _origin(url: str) -> tuple[str, str]:
    parts = urlsplit(url)
    return parts.scheme.lower(), parts.netloc.lower()


class UntcClient:
    """Fetches status documents from UNTC politely and defensively.

    Retries connection errors, timeouts, 429 and 5xx ``retries`` times with exponential back-off
    (``backoff``, ``2 * backoff``, ...; ``sleep`` is injectable for tests); follows redirects only
    within the same scheme and host; refuses bodies over ``max_bytes``. ``timeout`` bounds each
    wait for the server, ``max_seconds`` a whole body: a server that trickles its answer a few
    bytes at a time never waits out the read timeout, but it still cannot hold a refresh forever.
    """

    def __init__(
        self,
        base_url: str = DEFAULT_BASE_URL,
        session: requests.Session | None = None,
        timeout: tuple[float, float] = (5, 30),
        retries: int = 3,
        backoff: float = 0.5,
        max_bytes: int = 20_000_000,
        max_seconds: float = 120,
        progress: Callable[[str], None] | None = None,
        sleep: Callable[[float], None] = time.sleep,
    ) -> None:
        self.base_url = base_url.rstrip("/")
        self.session = session or requests.Session()
        self.timeout = timeout
        self.retries = max(0, retries)
        self.backoff = backoff
        self.max_bytes = max_bytes
        self.max_seconds = max_seconds
        self.progress = progress or (lambda _line: None)
        self.sleep = sleep

    def fetch(self, url: str) -> bytes:
        """The body at ``url``; raises UnreachableError, RedirectRefusedError, ResponseTooLarge."""
        attempts = self.retries + 1
        for attempt in range(attempts):
            try:
                return self._get(url)
            except _Retryable as exc:
                if attempt + 1 == attempts:
                    raise UnreachableError(
                        f"{url}: {exc} (gave up after {attempts} attempts)", exc.status
                    ) from exc
                delay = self.backoff * 2**attempt
                self.progress(f"retrying {url} in {delay:g} s ({exc})")
                self.sleep(delay)
        raise AssertionError("unreachable")  # the loop always returns or raises

    def fetch_status(self, mtdsg_no: str, chapter: int) -> tuple[InstrumentStatus, bytes, str]:
        """(parsed status, raw bytes, URL used): the XML feed if possible, else the HTML page.

        A 404 moves to the next XML candidate; any other failure of the feed goes straight to
        the HTML page. If that fails too, the error (of the HTML page's kind) lists every URL
        tried and why.
        """
        failures: list[str] = []
        for url in xml_feed_urls(mtdsg_no, chapter, self.base_url):
            try:
                return self._fetch_parsed(url, mtdsg_no, parse_xml)
            except UntcError as exc:
                failures.append(str(exc))
                if not (isinstance(exc, UnreachableError) and exc.status == 404):
                    break
        url = status_page_url(mtdsg_no, chapter, self.base_url)
        try:
            return self._fetch_parsed(url, mtdsg_no, parse_html)
        except UntcError as exc:
            failures.append(str(exc))
            tried = "\n".join(f"  - {failure}" for failure in failures)
            message = f"could not read the UNTC status of {mtdsg_no}; tried:\n{tried}"
            error = (
                UnreachableError(message, exc.status)
                if isinstance(exc, UnreachableError)
                else type(exc)(message)
            )
            raise error from exc

    def _fetch_parsed(
        self, url: str, mtdsg_no: str, parse: Callable[[bytes, str, str], InstrumentStatus]
    ) -> tuple[InstrumentStatus, bytes, str]:
        self.progress(f"fetching {mtdsg_no} from {url}")
        content = self.fetch(url)
        status = parse(content, url, mtdsg_no)
        self.progress(
            f"parsed {len(status.participants)} participants "
            f"({status.source_format.upper()}, status as at {status.status_as_at})"
        )
        return status, content, url

    def _get(self, url: str) -> bytes:
        current = url
        for _hop in range(_MAX_REDIRECTS + 1):
            try:
                response = self.session.get(
                    current,
                    headers={"User-Agent": USER_AGENT},
                    timeout=self.timeout,
                    stream=True,
                    allow_redirects=False,
                )
            except (requests.ConnectionError, requests.Timeout) as exc:
                raise _Retryable(_network_reason(exc)) from exc
            except (requests.RequestException, ValueError) as exc:  # retrying will not help
                # ValueError: requests parses a redirect's Location even when not following it.
                raise UnreachableError(
                    f"{url}: unusable URL or redirect ({type(exc).__name__}: {exc})"
                ) from exc
            with response:
                target = self._redirect_target(url, current, response)
                if target is None:
                    return self._body(url, response)
            current = target
        raise UnreachableError(f"{url}: more than {_MAX_REDIRECTS} redirects")

    def _redirect_target(self, url: str, current: str, response: requests.Response) -> str | None:
        """None if this is the answer, the next URL of a same-origin redirect; else raise."""
        code = response.status_code
        if code in _REDIRECTS and response.headers.get("Location"):
            target = urljoin(current, response.headers["Location"])
            if _origin(target) != _origin(url):
                raise RedirectRefusedError(
                    f"{url}: redirected (HTTP {code}) to another host or scheme, {target}; "
                    "not followed"
                )
            return target
        if code == 429 or code >= 500:
            raise _Retryable(f"HTTP {code}", code)
        if code >= 300:
            reason = " (not found)" if code == 404 else ""
            raise UnreachableError(f"{url}: HTTP {code}{reason}", code)
        return None

    def _body(self, url: str, response: requests.Response) -> bytes:
        declared = response.headers.get("Content-Length", "")
        if declared.isdigit() and int(declared) > self.max_bytes:
            raise ResponseTooLargeError(
                f"{url}: response of {declared} bytes exceeds the cap of {self.max_bytes} bytes"
            )
        chunks: list[bytes] = []
        total = 0
        deadline = time.monotonic() + self.max_seconds
        try:
            # read1 returns what one socket read brings (iter_content waits for a full chunk), so
            # the deadline is checked however slowly the bytes come.
            while chunk := response.raw.read1(64 * 1024, decode_content=True):
                total += len(chunk)
                if total > self.max_bytes:
                    raise ResponseTooLargeError(
                        f"{url}: response exceeds the cap of {self.max_bytes} bytes; "
                        "stopped reading"
                    )
                if time.monotonic() > deadline:
                    raise _Retryable(
                        f"the answer took over {self.max_seconds:g} s to arrive; stopped reading"
                    )
                chunks.append(chunk)
        except urllib3.exceptions.HTTPError as exc:  # read timeout, cut connection, bad gzip
            raise _Retryable(f"interrupted while reading: {exc}") from exc
        return b"".join(chunks)


def _network_reason(exc: requests.RequestException) -> str:
    """The cause a reader can act on, not urllib3's nested repr of the attempt."""
    text = str(exc)
    for marker, reason in (
        ("NameResolutionError", "the host name cannot be resolved (no network or DNS?)"),
        ("Connection refused", "the connection was refused"),
        ("Read timed out", "no answer within the read timeout"),
        ("timed out", "the connection timed out"),
        ("SSLError", "the TLS handshake failed"),
    ):
        if marker in text:
            return f"{type(exc).__name__}: {reason}"
    return f"{type(exc).__name__}: {text}"
