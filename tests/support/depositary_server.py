"""Local stand-ins for NORMLEX (normlex.ilo.org) and the OAS DIL's tables (www.oas.org), for
tests: the UNTC stand-in's server (routes, delays, trickles, redirects, request log), serving
the depositaries' URL shapes from tests/fixtures/normlex and tests/fixtures/oasdil.

Usage::

    with DepositaryMirror() as mirror:
        mirror.route(mirror.normlex_path("C189"), file="normlex/maintenance.html")
        main(["refresh", "--normlex-url", mirror.base_url, "--instrument", "C189"])

Default routes (GET), read from the fixtures on every request:

- ``/dyn/nrmlx_en/f?p=NORMLEXPUB:11300:0::NO::P11300_INSTRUMENT_ID:<id>`` ->
  ``normlex/ratifications_<code>.html`` (NORMLEX's instrument ids of the five ILO instruments,
  written out here rather than taken from the code under test);
- ``/juridico/english/sigs/<code>.html`` -> ``oasdil/<code>.html``;
- anything else, or a fixture that does not exist -> 404.

``route(path, file=...)`` names a file relative to tests/fixtures (``"oasdil/maintenance.html"``).
"""

from __future__ import annotations

from pathlib import Path
from urllib.parse import parse_qs, unquote, urlsplit

from tests.support.untc_server import UntcMirror, _Route

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"
NORMLEX_IDS = {
    "C029": "312174",
    "P029": "3174672",
    "C105": "312250",
    "C182": "312327",
    "C189": "2551460",
}


class DepositaryMirror(UntcMirror):
    """Serves NORMLEX- and OAS-shaped URLs from tests/fixtures; see the module docstring."""

    def __init__(self, root_dir: Path = FIXTURES) -> None:
        super().__init__(root_dir)

    @staticmethod
    def normlex_path(code: str) -> str:
        return "/dyn/nrmlx_en/f?p=NORMLEXPUB:11300:0::NO::P11300_INSTRUMENT_ID:" + NORMLEX_IDS[code]

    @staticmethod
    def oas_path(code: str) -> str:
        return f"/juridico/english/sigs/{code.lower()}.html"

    def _default(self, path: str) -> _Route:
        parts = urlsplit(path)
        if parts.path == "/dyn/nrmlx_en/f":
            page = parse_qs(parts.query).get("p", [""])[0]
            wanted = page.rsplit(":", 1)[-1]
            code = next((c for c, i in NORMLEX_IDS.items() if i == wanted), None)
            return self._file_route(f"normlex/ratifications_{code}.html") if code else _Route(404)
        segments = unquote(parts.path).split("/")
        if segments[:4] == ["", "juridico", "english", "sigs"] and len(segments) == 5:
            return self._file_route(f"oasdil/{segments[4]}")
        return _Route(status=404)

    def _file_route(self, name: str) -> _Route:
        folder, _, leaf = name.partition("/")
        # An exact listing, so "../" and case differences never reach the file system.
        names = {p.name for p in (self.root_dir / folder).iterdir() if p.is_file()}
        return (
            _Route(file=name)
            if folder in {"normlex", "oasdil"} and leaf in names
            else _Route(status=404)
        )
