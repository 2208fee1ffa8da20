"""Where NORMLEX keeps an ILO instrument's "Ratifications by Convention" page."""

from __future__ import annotations

DEFAULT_BASE_URL = "https://normlex.ilo.org"

# NORMLEX's instrument ids, as public code that reads these pages uses them (C029 312174,
# C105 312250, C182 312327, P029 3174672); C189's is the id of its NORMLEX instrument page.
# Check them against the live site's index of conventions if a page ever names another one:
# the parser refuses a page whose heading is not the instrument asked for.
INSTRUMENT_IDS = {
    "C029": "312174",
    "P029": "3174672",
    "C105": "312250",
    "C182": "312327",
    "C189": "2551460",
}
_PAGE = "/dyn/nrmlx_en/f?p=NORMLEXPUB:11300:0::NO::P11300_INSTRUMENT_ID:{id}"


def ratifications_url(code: str, base_url: str = DEFAULT_BASE_URL) -> str:
    """The English "Ratifications of <code>" page of an ILO instrument (``C029``, ``P029``)."""
    try:
        instrument_id = INSTRUMENT_IDS[code]
    except KeyError:
        known = ", ".join(INSTRUMENT_IDS)
        raise ValueError(f"no NORMLEX page is known for {code!r} (known: {known})") from None
    return base_url.rstrip("/") + _PAGE.format(id=instrument_id)
