"""UNTC's XML status feed: the grid under ``<participants>``, declarations as sections."""

from __future__ import annotations

from lxml import etree

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
    cell_text,
    clean_name,
    local_name,
    refuse_maintenance_page,
    text_of,
    text_outside,
)

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


def _xml_cells(row: etree._Element) -> Cells:
    return [cell_text(child) for child in row if local_name(child.tag) in _XML_CELLS]


def _xml_container(header_row: etree._Element) -> etree._Element:
    for ancestor in header_row.iterancestors():
        if local_name(ancestor.tag) in _XML_GRID_CONTAINERS:
            return ancestor
    return header_row.getparent() if header_row.getparent() is not None else header_row


def _xml_grid(root: etree._Element, source_url: str) -> tuple[etree._Element, Cells, list[Cells]]:
    headers = (
        (row, cells)
        for row in root.iter()
        if local_name(row.tag) == "row" and is_header(cells := _xml_cells(row))
    )
    header_row, header = first_usable_header(
        headers, source_url, "no <row> whose first <entry> starts with 'Participant'"
    )
    container = _xml_container(header_row)
    rows = [el for el in container.iter() if local_name(el.tag) == "row"]
    data = rows[rows.index(header_row) + 1 :]
    return container, header, [_xml_cells(row) for row in data]


def _xml_paragraphs(item: etree._Element) -> list[str]:
    """Text paragraphs of a declaration: every <text> not nested in another, as plain text."""
    paragraphs: list[str] = []

    def walk(el: etree._Element) -> None:
        for child in el:
            name = local_name(child.tag)
            if name == "text":
                paragraphs.append(text_of(child))
            elif name and name != "participant":
                walk(child)

    walk(item)
    return [p for p in paragraphs if p]


def _xml_declarations(
    root: etree._Element, source_url: str
) -> tuple[tuple[Declaration, ...], set[etree._Element]]:
    found: list[Declaration] = []
    containers = {el for el in root.iter() if local_name(el.tag) in _XML_SECTIONS}
    for container in (el for el in root.iter() if el in containers):
        section = _XML_SECTIONS[local_name(container.tag)]
        for item in container:
            name_el = next((c for c in item if local_name(c.tag) == "participant"), None)
            if name_el is None:
                continue
            name = clean_name(*cell_text(name_el))[0]
            paragraphs = _xml_paragraphs(item)
            if not paragraphs:
                raise LayoutChangedError(f"{source_url}: {section} of {name!r} has no <text>")
            found.append(
                Declaration(participant=name, section=section, text="\n\n".join(paragraphs))
            )
    return tuple(found), containers


def _xml_notes(root: etree._Element) -> dict[str, str]:
    """The footnotes: ``<Footnote><Number>4</Number><Text>...</Text></Footnote>``."""
    notes: dict[str, str] = {}
    for footnote in (el for el in root.iter() if local_name(el.tag) == "footnote"):
        parts = {local_name(child.tag): text_of(child) for child in footnote}
        if parts.get("number"):
            notes.setdefault(parts["number"], parts.get("text", ""))
    return notes


def parse_xml(content: bytes, source_url: str, mtdsg_no: str) -> InstrumentStatus:
    """Parse a UNTC XML status feed (element names matched case-insensitively)."""
    refuse_maintenance_page(content, source_url)
    root = _xml_root(content, source_url)
    grid, header, rows = _xml_grid(root, source_url)
    participants = participants_of(header, rows, source_url)
    declarations, sections = _xml_declarations(root, source_url)
    header_text = text_outside(root, {grid, *sections})
    return instrument_status(
        mtdsg_no, source_url, "xml", participants, declarations, header_text, _xml_notes(root)
    )
