"""loaders.model.text: reading a depositary page."""

from __future__ import annotations

import pytest

from loaders.model.text import UndecodablePageError, decoded_page


def test_a_page_is_read_as_it_declares_and_latin_1_as_browsers_read_it() -> None:
    page = b'<meta charset="ISO-8859-1"><p>Rep\xfablica \x93Dominicana\x94</p>'
    # 0xFA is "ú" in Latin-1; 0x93/0x94 are quotation marks only in windows-1252
    assert "República “Dominicana”" in decoded_page(page)
    assert decoded_page("Perú".encode("utf-8-sig")) == "Perú"


def test_a_page_that_declares_no_charset_is_never_guessed() -> None:
    with pytest.raises(UndecodablePageError, match="declares no charset"):
        decoded_page(b"<p>Rep\xfablica</p>")
    with pytest.raises(UndecodablePageError, match="does not decode"):
        decoded_page(b'<meta charset="klingon"><p>Rep\xfablica</p>')
