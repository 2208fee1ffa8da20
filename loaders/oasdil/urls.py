"""Where the OAS Department of International Law keeps a treaty's signatories and ratifications."""

from __future__ import annotations

import re

DEFAULT_BASE_URL = "https://www.oas.org"
_CODE = re.compile(r"^[A-Z]-\d{1,3}$")


def signatories_url(code: str, base_url: str = DEFAULT_BASE_URL) -> str:
    """The English page of treaty ``code`` (``B-57``): ``/juridico/english/sigs/b-57.html``."""
    if not _CODE.match(code):
        raise ValueError(f"not an OAS treaty number like 'B-57': {code!r}")
    return f"{base_url.rstrip('/')}/juridico/english/sigs/{code.lower()}.html"
