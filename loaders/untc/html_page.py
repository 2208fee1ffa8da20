"""UNTC's HTML status page (``ViewDetails.aspx``): decoded strictly, the grid found by content."""

from __future__ import annotations

import codecs
import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import cast

from lxml import etree
from lxml import html as lxml_html

from loaders.model.records import Declaration, InstrumentStatus
from loaders.untc.errors import LayoutChangedError
from loaders.untc.grid import (
    Cells,
    first_usable_header,
    instrument_status,
    is_header,
    participants_of,
)
from loaders.untc.text import (
    FOOTNOTE_TAGS,
    SKIPPED_TAGS,
    cell_text,
    clean_name,
    local_name,
    norm,
    refuse_maintenance_page,
    text_outside,
)

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


def _html_cells(row: etree._Element) -> Cells:
    return [cell_text(cell) for cell in row if local_name(cell.tag) in ("td", "th")]


def _table_rows(table: etree._Element) -> list[etree._Element]:
    """The table's own rows (not those of tables nested in its cells)."""
    return cast(list[etree._Element], table.xpath("./tr | ./thead/tr | ./tbody/tr | ./tfoot/tr"))


def _html_grid(root: etree._Element, source_url: str) -> tuple[etree._Element, Cells, list[Cells]]:
    headers = (
        (row, cells)
        for row in root.iter("tr")
        if is_header(cells := _html_cells(row))  # a layout row around the grid fails grid_columns
    )
    header_row, header = first_usable_header(
        headers, source_url, "no <table> whose header row starts with 'Participant'"
    )
    table = next(header_row.iterancestors("table"), None)
    if table is None:
        raise LayoutChangedError(f"{source_url}: the 'Participant' header row is not in a table")
    rows = _table_rows(table)
    if header_row not in rows:  # e.g. inside a <div> or a <tbody> nested in another element
        raise LayoutChangedError(
            f"{source_url}: the 'Participant' header row is not a row of its table"
        )
    data = rows[rows.index(header_row) + 1 :]
    return table, header, [_html_cells(row) for row in data]


def _is_leaf_block(el: etree._Element) -> bool:
    return local_name(el.tag) in _BLOCK_TAGS and not any(
        local_name(d.tag) in _BLOCK_TAGS for d in el.iterdescendants()
    )


def _unbolded_text(el: etree._Element) -> str:
    """Text of a block outside <b>/<strong> (and footnote markers)."""
    parts: list[str] = [el.text or ""]
    for child in el:
        if local_name(child.tag) not in {"b", "strong", *FOOTNOTE_TAGS, *SKIPPED_TAGS, ""}:
            parts.append(_unbolded_text(child))
        parts.append(child.tail or "")
    return norm("".join(parts))


def _is_participant_heading(block: etree._Element, text: str) -> bool:
    """A participant's name stands alone, in a heading or all in bold (never ends in ':')."""
    if not text or text.endswith(":"):
        return False
    return local_name(block.tag) in _HEADINGS or not _unbolded_text(block)


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
    root: etree._Element, grid: etree._Element, source_url: str, notes: dict[str, str]
) -> tuple[tuple[Declaration, ...], set[etree._Element]]:
    """Per-participant paragraphs of the sections after the grid, until 'Notes'; the notes'
    texts (a paragraph starting with its <sup> marker) go into ``notes``."""
    found: list[Declaration] = []
    used: set[etree._Element] = set()
    section: str | None = None
    current: _Open | None = None
    in_notes = False

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
        text, markers = cell_text(block)
        title = text.lower().rstrip(": ")
        if title in _HTML_SECTIONS or title in _SECTION_ENDS:
            close()
            current = None
            section = _HTML_SECTIONS.get(title)
            in_notes = title in _SECTION_ENDS
        elif in_notes and markers:
            for marker in markers:
                notes.setdefault(marker, text)
        elif section is None or not text:
            continue
        elif _is_participant_heading(block, text):
            close()
            current = _Open(section, clean_name(text, markers)[0], [])
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
    participants = participants_of(header, rows, source_url)
    notes: dict[str, str] = {}
    declarations, used = _html_declarations(root, grid, source_url, notes)
    header_text = text_outside(root, {grid, *used})
    return instrument_status(
        mtdsg_no, source_url, "html", participants, declarations, header_text, notes
    )
