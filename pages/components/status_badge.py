"""A status as inline HTML: the coloured symbol of the palette, then the words in text colour.

The words stay in the text colour because orange on white is too faint to read; the symbol
carries the colour and its shape carries the status for readers who cannot tell the colours apart.
"""

from __future__ import annotations

import html

from pages.components.palette import status_style


def status_badge(category: str, text: str) -> str:
    """``text`` (already in the reader's language) after the category's symbol."""
    style = status_style(category)
    return (
        f'<span style="color:{style.colour}" aria-hidden="true">{style.glyph}</span>'
        f" {html.escape(text)}"
    )
