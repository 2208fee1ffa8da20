"""Plain text: what the project keeps of upstream's names and notes, and of a link's values.

Control characters (C0, DEL, C1) and the Unicode format characters that reorder or hide text
(bidi embeddings, overrides and isolates, zero-width joiners, the byte-order mark) and the Unicode
noncharacters (U+FFFE, U+FFFF, ...) never belong in
a treaty participant's name or in a value read from a link: they are removed, and runs of
whitespace (newlines included) become one space. The raw page keeps them in ``raw/``.
"""

from __future__ import annotations

import re
import unicodedata

# Cc: controls; Cf: format characters (U+202E RIGHT-TO-LEFT OVERRIDE, U+200B, U+FEFF, ...).
_HIDDEN_CATEGORIES = {"Cc", "Cf"}
_MARKDOWN_SPECIAL = re.compile(r"([\\`*_{}\[\]()<>#+\-.!|~$:])")


def plain_text(text: str) -> str:
    """``text`` without control or bidi/format characters, whitespace collapsed to single spaces.

    Whitespace controls (tab, newline, ...) separate words, so they become spaces first.
    """
    spaced = "".join(" " if ch.isspace() else ch for ch in str(text))
    kept = "".join(
        ch
        for ch in spaced
        if unicodedata.category(ch) not in _HIDDEN_CATEGORIES and not _noncharacter(ch)
    )
    return " ".join(kept.split())


def _noncharacter(ch: str) -> bool:
    """U+FFFE, U+FFFF (and their kin in every plane, U+FDD0..U+FDEF): never text, illegal in
    XML, so a feed or an xlsx carrying one is broken."""
    point = ord(ch)
    return 0xFDD0 <= point <= 0xFDEF or point & 0xFFFE == 0xFFFE


def escape_markdown(text: str) -> str:
    """Plain text that markdown shows exactly as written (every markup character escaped)."""
    return _MARKDOWN_SPECIAL.sub(r"\\\1", plain_text(text))


def link_value(text: str, limit: int = 60) -> str:
    """A value from a link, safe inside a markdown code span: plain text, no backticks, short."""
    shown = plain_text(text).replace("`", "'")
    return shown if len(shown) <= limit else shown[: limit - 1] + "…"


def collapse(notes: list[str], keep: int = 5) -> tuple[list[str], int]:
    """Notes without repeats, at most ``keep`` of them, and how many more were left out."""
    distinct = list(dict.fromkeys(notes))
    return distinct[:keep], max(0, len(distinct) - keep)


# A cell starting with one of these is read as a formula by spreadsheet programs.
_FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")


def neutralise(text: str) -> str:
    """Prefix a quote so a spreadsheet shows formula-like text as text (every CSV we write
    also quotes every field, so no separator inside a text starts a cell)."""
    return "'" + text if text.startswith(_FORMULA_PREFIXES) else text


def restored(text: str) -> str:
    """The text :func:`neutralise` was given, for a file we wrote neutralised (the snapshot):
    its readers get upstream's words exactly, a spreadsheet opening the file gets no formula."""
    return text[1:] if text.startswith("'") and text[1:].startswith(_FORMULA_PREFIXES) else text


_META_CHARSET = re.compile(rb"""<meta\b[^>]*?charset\s*=\s*["']?\s*([\w.:-]+)""", re.I)
# As browsers do (WHATWG Encoding): a page that says Latin-1 is read as windows-1252.
_CHARSET_ALIASES = {"iso-8859-1": "cp1252", "latin-1": "cp1252", "latin1": "cp1252"}


class UndecodablePageError(ValueError):
    """A depositary page in neither UTF-8 nor the charset it declares."""


def decoded_page(content: bytes) -> str:
    """A page's text: UTF-8, else the charset the page declares; never a guess, since the
    participants' names must match letter for letter."""
    try:
        return content.decode("utf-8-sig")
    except UnicodeDecodeError:
        declared = _META_CHARSET.search(content[:4096])
        if declared is None:
            raise UndecodablePageError(
                "the page is not UTF-8 and declares no charset; not guessing one"
            ) from None
        name = declared[1].decode("ascii").lower()
        try:
            return content.decode(_CHARSET_ALIASES.get(name, name))
        except (LookupError, UnicodeDecodeError) as exc:
            raise UndecodablePageError("the page does not decode as it declares") from exc
