"""Every other address of a page, sent to the page, on Streamlit's own server (``make run``).

Streamlit's page loads its files relative to its address and its server has no nested pages
(Streamlit issue 8971), so ``/profile/BOL`` or ``/map/extra`` would stay a white page. ``make
serve``'s nginx redirects such addresses itself (deploy/nginx/site.conf.j2); this module states
the same rules for ``make run`` (local_app.py). tests/support/addresses.py holds both to one
table of addresses.
"""

from __future__ import annotations

import re
from collections.abc import Awaitable, Callable, MutableMapping
from typing import Any

from starlette.responses import Response

# Streamlit's own addresses, which its server answers (or refuses) whatever their depth.
STREAMLIT_PATHS = frozenset({"static", "app", "media", "component"})
_PROFILE = re.compile(r"/profile/([A-Za-z]{3})/?")
# A first segment, then a slash: the page of that name (or the app's no-such-page note) when
# the segment is plain characters; the overview otherwise, rather than echo it into a Location.
_NESTED = re.compile(r"/([^/]*)/.*", re.DOTALL)
_PLAIN = re.compile(r"[A-Za-z0-9_-]+")

Scope = MutableMapping[str, Any]
Message = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]
ASGIApp = Callable[[Scope, Receive, Send], Awaitable[None]]


def page_address(path: str, query: str) -> str | None:
    """Where an address leads, with its query; None for an address served as it is."""
    nested = _NESTED.fullmatch(path)
    if nested is None or "/_stcore/" in path or nested.group(1) in STREAMLIT_PATHS:
        return None
    profile = _PROFILE.fullmatch(path)
    if profile:
        return f"/profile?state={profile.group(1)}" + (f"&{query}" if query else "")
    segment = nested.group(1)
    page = f"/{segment}" if _PLAIN.fullmatch(segment) else "/"
    return page + (f"?{query}" if query else "")


class PageAddresses:
    """ASGI middleware: a permanent redirect from every other address of a page to the page."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "http":
            query = scope.get("query_string", b"").decode("latin-1")
            target = page_address(scope["path"], query)
            if target is not None:
                # The query as it came, byte for byte, as nginx's $args.
                await Response(status_code=301, headers={"Location": target})(scope, receive, send)
                return
        await self.app(scope, receive, send)
