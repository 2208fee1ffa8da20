"""Text of UNTC documents, shared by both parsers: cells, footnote markers, names, maintenance.

UNTC writes footnote markers after names (``Denmark 1``) or in ``<sup>``, puts withdrawn
participants in brackets, and spreads dates over tags and tabs; these helpers give plain text.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from lxml import etree

from loaders.untc.errors import MaintenancePageError

FOOTNOTE_TAGS = {"sup", "superscript"}
SKIPPED_TAGS = {"script", "style", "noscript", "head", "title"}
# Elements whose boundaries separate words ("29 May<br>2013" must not become "29 May2013").
_SPACED_TAGS = {
    "br", "p", "div", "td", "th", "tr", "li", "entry", "column", "row", "para", "text",
    "h1", "h2", "h3", "h4", "h5", "h6", "dt", "dd", "blockquote", "table",
}  # fmt: skip
# Linear: the markers are one possessive run after the name's last other character. The former
# "(?:[\s,]*\d+)+" split digit runs every possible way: 30 digits then a letter took minutes.
_TRAILING_NOTES = re.compile(r"^(?P<name>.*?[^\s,\d])?(?P<notes>[\s,]*\d[\s,\d]*+)$")
_MAINTENANCE = ("urgent maintenance", "currently unavailable")


def local_name(tag: object) -> str:
    """Lower-case local name of an element ('' for comments and processing instructions)."""
    if not isinstance(tag, str):
        return ""
    return tag.rsplit("}", 1)[-1].lower()


def norm(text: str) -> str:
    """Collapse all whitespace (tabs, newlines, non-breaking spaces) to single spaces."""
    return " ".join(text.split())


def _walk_text(el: etree._Element, parts: list[str], notes: list[str], top: bool) -> None:
    name = local_name(el.tag)
    if name in FOOTNOTE_TAGS and not top:
        notes.extend(re.findall(r"\w+", text_of(el)))
    elif name and name not in SKIPPED_TAGS:
        spaced = name in _SPACED_TAGS
        parts.append(" " if spaced else "")
        parts.append(el.text or "")
        for child in el:
            _walk_text(child, parts, notes, top=False)
        parts.append(" " if spaced else "")
    if not top:
        parts.append(el.tail or "")


def cell_text(el: etree._Element) -> tuple[str, tuple[str, ...]]:
    """An element's text, whitespace-normalised, and the footnote markers found in <sup>."""
    parts: list[str] = []
    notes: list[str] = []
    _walk_text(el, parts, notes, top=True)
    return norm("".join(parts)), tuple(notes)


def text_of(el: etree._Element) -> str:
    return cell_text(el)[0]


def text_outside(root: etree._Element, excluded: set[etree._Element]) -> str:
    """All text of the document except inside the excluded subtrees (grid, declarations)."""
    parts: list[str] = []

    def walk(el: etree._Element) -> None:
        if el not in excluded and local_name(el.tag) and local_name(el.tag) not in SKIPPED_TAGS:
            parts.append(el.text or "")
            for child in el:
                walk(child)
        parts.append(" ")
        parts.append(el.tail or "")

    walk(root)
    return norm("".join(parts))


def _split_notes(text: str) -> tuple[str, tuple[str, ...]]:
    """'Denmark 1' -> ('Denmark', ('1',)); 'X 6 , 18 , 19 ,' -> ('X', ('6', '18', '19'))."""
    match = _TRAILING_NOTES.match(text)
    if not match or not match["name"]:
        return text, ()
    return match["name"].strip(" ,"), tuple(re.findall(r"\d+", match["notes"]))


def clean_name(text: str, sup_notes: tuple[str, ...]) -> tuple[str, tuple[str, ...], bool]:
    """Participant name without footnote markers or brackets; brackets mean withdrawn."""
    name, notes = _split_notes(norm(text))
    withdrawn = name.startswith("[") and name.endswith("]")
    if withdrawn:
        name, inner = _split_notes(name[1:-1].strip())
        notes = inner + notes
    return name, unique(sup_notes + notes), withdrawn


def unique(items: Sequence[str]) -> tuple[str, ...]:
    return tuple(dict.fromkeys(items))


def refuse_maintenance_page(content: bytes, source_url: str) -> None:
    """Raise MaintenancePageError when the document is UNTC's maintenance notice."""
    # "<[^<>]*>", not "<[^>]*>": a body of many "<" and no ">" would be scanned once per "<".
    text = norm(re.sub(r"<[^<>]*>", " ", content.decode("utf-8", "replace"))).lower()
    if all(phrase in text for phrase in _MAINTENANCE):
        raise MaintenancePageError(
            f'{source_url}: UNTC shows its maintenance page ("urgent maintenance and is '
            'currently unavailable") instead of the status; try again later'
        )
