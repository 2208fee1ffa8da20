"""An Atom feed (RFC 4287) of entries given in words: written with the standard library.

The words (titles, summaries in the reader's language) are made by the caller; this module only
knows the format. An empty feed is a valid feed whose subtitle says why it is empty.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime
from typing import cast

ATOM = "http://www.w3.org/2005/Atom"
ET.register_namespace("", ATOM)


@dataclass(frozen=True)
class Entry:
    id: str
    title: str
    updated: datetime
    summary: str
    link: str = ""
    category: str = ""
    published: datetime | None = None  # the act's own date (``updated``: when we learned of it)
    content: str = ""  # the entry in full, as text


def timestamp(value: date | datetime) -> str:
    """RFC 3339, in UTC: a date is its midnight."""
    if not isinstance(value, datetime):
        value = datetime(value.year, value.month, value.day, tzinfo=UTC)
    elif value.tzinfo is None:
        value = value.replace(tzinfo=UTC)
    return value.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def _add(parent: ET.Element, tag: str, text: str = "", **attributes: str) -> ET.Element:
    element = ET.SubElement(parent, f"{{{ATOM}}}{tag}", attributes)
    if text:
        element.text = text
    return element


def atom_feed(
    *,
    feed_id: str,
    title: str,
    subtitle: str,
    updated: datetime,
    author: str,
    entries: Sequence[Entry],
    language: str = "en",
    link: str = "",
    self_link: str = "",
    rights: str = "",
) -> bytes:
    feed = ET.Element(f"{{{ATOM}}}feed", {"{http://www.w3.org/XML/1998/namespace}lang": language})
    _add(feed, "id", feed_id)
    _add(feed, "title", title)
    _add(feed, "subtitle", subtitle)
    _add(feed, "updated", timestamp(updated))
    _add(_add(feed, "author"), "name", author)
    if link:
        _add(feed, "link", href=link, rel="alternate", type="text/html")
    if self_link:
        _add(feed, "link", href=self_link, rel="self", type="application/atom+xml")
    if rights:
        _add(feed, "rights", rights)
    _add(feed, "generator", "Ratify Americas")
    for entry in entries:
        item = _add(feed, "entry")
        _add(item, "id", entry.id)
        _add(item, "title", entry.title)
        _add(item, "updated", timestamp(entry.updated))
        if entry.published is not None:
            _add(item, "published", timestamp(entry.published))
        _add(item, "summary", entry.summary)
        if entry.content:
            _add(item, "content", entry.content, type="text")
        if entry.link:
            _add(item, "link", href=entry.link, rel="alternate", type="text/html")
        if entry.category:
            _add(item, "category", term=entry.category)
    ET.indent(feed)
    # typeshed types tostring() as Any for a named encoding; it is bytes for any but "unicode".
    return cast(bytes, ET.tostring(feed, encoding="utf-8", xml_declaration=True)) + b"\n"
