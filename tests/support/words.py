"""The words a reader sees, and the English words a page in another language must not show."""

from __future__ import annotations

import html
import re

from babel import Locale

from views.text.i18n import catalogue, state_name

# Names and acronyms that are the same in every language of the dashboard.
PROPER = {"untc", "mtdsg", "csv", "json", "iso", "ag", "res"}


def visible_words(text: str) -> list[str]:
    """The words of ``text`` as a reader sees them, without source records, code or addresses."""
    text = re.sub(r"<style>.*?</style>", " ", text, flags=re.S)
    text = re.sub(r"<(\w+)[^>]*\blang=[\"']en[\"'][^>]*>.*?</\1>", " ", text, flags=re.S)
    tooltips = re.findall(r"title=(?:'([^']*)'|\"([^\"]*)\")", text)
    text = re.sub(r"<[^>]+>", " ", text) + " " + " ".join(a or b for a, b in tooltips)
    text = html.unescape(text)
    text = re.sub(r"`[^`]*`", " ", text)
    text = re.sub(r"https?://\S+", " ", text)
    text = re.sub(r"\]\([^)]*\)", "] ", text)  # a markdown link's address is not read
    return [w for w in re.findall(r"[^\W\d_]+", text) if len(w) > 1]


def english_words(language: str) -> set[str]:
    """Words of the English catalogue that ``language``'s catalogue and state names do not use."""

    def words(texts: list[str]) -> set[str]:
        cleaned = [re.sub(r"\{[^}]*\}", " ", t) for t in texts]
        return {w.casefold() for t in cleaned for w in visible_words(t)}

    months = Locale.parse({"pt": "pt_BR"}.get(language, language)).months["format"]
    own = list(catalogue(language).values()) + [
        state_name(code, language) for code in ("USA", "KNA", "VCT", "TTO", "ATG", "DOM")
    ]
    own += [name for width in ("wide", "abbreviated") for name in months[width].values()]
    return words(list(catalogue("en").values())) - words(own) - PROPER
