"""UNTC feeds and pages: parsing every documented quirk, and a client that fails loudly."""

from __future__ import annotations

import csv
import importlib.util
import socket
import sys
import time
from datetime import date

import pytest
import requests

from loaders.model.dates import parse_untc_date
from loaders.model.records import InstrumentStatus, Participant
from loaders.untc import (
    USER_AGENT,
    CountMismatchError,
    LayoutChangedError,
    MaintenancePageError,
    RedirectRefusedError,
    ResponseTooLargeError,
    UnreachableError,
    UntcClient,
    check_counts,
    parse_html,
    parse_xml,
    status_page_url,
    xml_feed_urls,
)
from tests.support.data import FROZEN
from tests.support.untc_server import FIXTURES, UntcMirror

CSV_DIR = FROZEN / "reference" / "untc-2014"
INSTRUMENTS = {  # MTDSG no. -> (2014 CSV, "STATUS AS AT" day written in the fixture's header)
    "XVIII-12": ("18-12.csv", date(2014, 1, 21)),
    "XVIII-12-a": ("18-12-a.csv", date(2014, 1, 20)),
    "XVIII-12-b": ("18-12-b.csv", date(2014, 7, 14)),
    "XVIII-12-c": ("18-12-c.csv", date(2014, 7, 15)),
}
TIP = "XVIII-12-a"
NEW_PAGE = "ViewDetails_xviii-12-a.html"
OLD_PAGE = "ViewDetails_xviii-12-a_old-id.html"


def fixture_bytes(name: str) -> bytes:
    return (FIXTURES / name).read_bytes()


def feed(mtdsg_no: str) -> InstrumentStatus:
    name = f"{mtdsg_no.lower()}.en.xml"
    return parse_xml(fixture_bytes(name), f"https://untc.test/{name}", mtdsg_no)


def page(name: str = NEW_PAGE) -> InstrumentStatus:
    return parse_html(fixture_bytes(name), f"https://untc.test/{name}", TIP)


def by_name(status: InstrumentStatus) -> dict[str, Participant]:
    return {p.name: p for p in status.participants}


def csv_rows(mtdsg_no: str) -> list[list[str]]:
    with (CSV_DIR / INSTRUMENTS[mtdsg_no][0]).open(encoding="utf-8", newline="") as handle:
        return list(csv.reader(handle))[1:]


# ---------------------------------------------------------------------------------------------
# URLs


def test_url_builders_give_untc_paths_in_order():
    assert xml_feed_urls(TIP, 18) == [
        "https://treaties.un.org/doc/Publication/MTDSG/Volume%20II/Chapter%20XVIII/xviii-12-a.en.xml",
        "https://treaties.un.org/doc/Publication/MTDSG/Volume%20I/Chapter%20XVIII/xviii-12-a.en.xml",
        "https://treaties.un.org/doc/Publication/MTDSG/Volume%20II/Chapter%20XVIII/XVIII-12-a.en.xml",
        "https://treaties.un.org/doc/Publication/MTDSG/Volume%20I/Chapter%20XVIII/XVIII-12-a.en.xml",
    ]
    assert status_page_url(TIP, 18, "http://mirror.test/") == (
        "http://mirror.test/Pages/ViewDetails.aspx?src=TREATY&mtdsg_no=XVIII-12-a&chapter=18"
        "&clang=_en"
    )


@pytest.mark.parametrize(("mtdsg_no", "chapter"), [("XVIII-12-a", 17), ("xviii-12", 18)])
def test_url_builders_reject_inconsistent_numbers(mtdsg_no, chapter):
    with pytest.raises(ValueError, match="MTDSG"):
        xml_feed_urls(mtdsg_no, chapter)


# ---------------------------------------------------------------------------------------------
# XML feeds: the 2014 rows, whatever the element case and header layout


@pytest.mark.parametrize("mtdsg_no", INSTRUMENTS)
def test_feed_header_and_every_2014_row(mtdsg_no):
    status = feed(mtdsg_no)
    rows = csv_rows(mtdsg_no)
    assert status.source_format == "xml"
    assert status.status_as_at == INSTRUMENTS[mtdsg_no][1]
    assert status.signatories == sum(bool(r[1]) for r in rows)
    assert status.parties == sum(bool(r[2]) for r in rows)
    parsed = by_name(status)
    assert len(status.participants) == len(rows) + 1  # plus the injected withdrawn row
    for name, signature, consent in rows:
        assert parsed[name].signature_date == parse_untc_date(signature), name
        assert parsed[name].consent_date == parse_untc_date(consent), name
        assert not parsed[name].withdrawn


@pytest.mark.parametrize("mtdsg_no", INSTRUMENTS)
def test_names_carry_no_footnote_markers_or_brackets(mtdsg_no):
    for participant in feed(mtdsg_no).participants:
        assert not any(c.isdigit() or c in "[]," for c in participant.name), participant.name
        assert participant.name == participant.name.strip()


def test_no_suffix_and_no_signature_is_an_inferred_accession():
    antigua = by_name(feed("XVIII-12-a"))["Antigua and Barbuda"]
    assert (antigua.signature_date, antigua.consent_date) == (None, date(2010, 2, 17))
    assert (antigua.consent_kind, antigua.kind_inferred) == ("accession", True)
    bahamas = by_name(feed("XVIII-12-c"))["Bahamas"]
    assert (bahamas.consent_date, bahamas.consent_kind, bahamas.kind_inferred) == (
        date(2008, 9, 26),
        "accession",
        True,
    )


def test_no_suffix_after_a_signature_is_a_plain_ratification():
    bahamas = by_name(feed("XVIII-12-a"))["Bahamas"]
    assert bahamas.signature_date == date(2001, 4, 9)
    assert (bahamas.consent_kind, bahamas.kind_inferred) == ("ratification", False)


def test_stated_accession_is_not_flagged_as_inferred():
    belize = by_name(feed("XVIII-12"))["Belize"]
    assert (belize.signature_date, belize.consent_date) == (None, date(2003, 9, 26))
    assert (belize.consent_kind, belize.kind_inferred) == ("accession", False)


def test_signature_without_consent():
    bolivia = by_name(feed("XVIII-12-b"))["Bolivia (Plurinational State of)"]
    assert bolivia.signature_date == date(2000, 12, 12)
    assert (bolivia.consent_date, bolivia.consent_kind) == (None, None)


@pytest.mark.parametrize(
    ("mtdsg_no", "name", "kind"),
    [
        ("XVIII-12-a", "Netherlands", "acceptance"),  # 27 Jul 2005 A
        ("XVIII-12", "European Union", "approval"),  # 21 May 2004 AA
        ("XVIII-12-c", "Venezuela (Bolivarian Republic of)", "accession"),  # 10 Jun 2013 a
        ("XVIII-12", "Montenegro", "succession"),  # 23 Oct 2006 d
        ("XVIII-12", "Netherlands", "ratification"),  # 26 May 2004
    ],
)
def test_kind_suffixes(mtdsg_no, name, kind):
    participant = by_name(feed(mtdsg_no))[name]
    assert (participant.consent_kind, participant.kind_inferred) == (kind, False)


def test_formal_confirmation_suffix():
    content = fixture_bytes("xviii-12-a.en.xml").replace(
        b"<Entry>6 Sep 2006 AA</Entry>", b"<Entry>6 Sep 2006 c</Entry>"
    )
    status = parse_xml(content, "https://untc.test/c", TIP)
    assert by_name(status)["European Union"].consent_kind == "formal_confirmation"


def test_footnote_markers_are_stripped_into_footnotes():
    parsed = by_name(feed("XVIII-12-a"))
    assert parsed["Denmark"].footnotes == ("1",)  # "Denmark 1"
    assert parsed["Netherlands"].footnotes == ("2",)  # "Netherlands<sup>2</sup>"
    assert parsed["China"].footnotes == ("3",)
    uk = parsed["United Kingdom of Great Britain and Northern Ireland"]
    assert uk.footnotes == ("6", "18", "19")  # "... 6 , 18 , 19 ,"
    assert uk.consent_date == date(2006, 2, 9)
    germany = parsed["Germany"]  # "14 Jun 2006<sup>5</sup>": a marker in a date cell
    assert (germany.consent_date, germany.footnotes) == (date(2006, 6, 14), ("5",))
    assert parsed["Canada"].footnotes == ()


def test_dates_with_tabs_double_and_non_breaking_spaces():
    raw = fixture_bytes("xviii-12-a.en.xml")
    assert b"29 May\t 2009 a" in raw and b"14  Dec 2000" in raw and "4\u00a0Mar".encode() in raw
    parsed = by_name(feed("XVIII-12-a"))
    assert (parsed["Qatar"].consent_date, parsed["Qatar"].consent_kind) == (
        date(2009, 5, 29),
        "accession",
    )
    assert parsed["Peru"].signature_date == date(2000, 12, 14)
    assert parsed["Mexico"].consent_date == date(2003, 3, 4)


def test_bracketed_participant_is_withdrawn_and_not_counted():
    status = feed("XVIII-12-a")
    former = by_name(status)["Serbia and Montenegro"]
    assert former.withdrawn and former.footnotes == ("4",)
    assert former.consent_date == date(2001, 9, 6)
    assert not by_name(status)["Serbia"].withdrawn
    assert status.parties == sum(
        p.consent_date is not None for p in status.participants if not p.withdrawn
    )
    assert status.parties == sum(p.consent_date is not None for p in status.participants) - 1


def test_element_names_are_matched_case_insensitively():
    for mtdsg_no, marker in [("XVIII-12", b"<participants>"), ("XVIII-12-c", b"<PARTICIPANTS>")]:
        assert marker in fixture_bytes(f"{mtdsg_no.lower()}.en.xml")
        assert len(feed(mtdsg_no).participants) > 100


def test_declarations_are_plain_text_with_sections():
    declarations = {d.participant: d for d in feed(TIP).declarations}
    assert set(declarations) == {"Algeria", "Denmark", "Bahrain", "Sweden"}
    assert declarations["Denmark"].text == (
        "Declaration:\n\nUntil further notice, the Protocol shall not apply to the Faroe Islands "
        "and Greenland (see note 1)."
    )
    assert declarations["Denmark"].section == "Declarations and Reservations"
    assert declarations["Sweden"].section == "Objections"
    bahrain = declarations["Bahrain"].text
    assert bahrain.endswith("\n\n<script>alert(1)</script> & <b>not markup</b>")
    assert bahrain.startswith("The Kingdom of Bahrain does not consider itself bound")


def test_external_entities_are_not_resolved(tmp_path):
    secret = tmp_path / "secret.txt"
    secret.write_text("TOP-SECRET")
    content = fixture_bytes("xviii-12-a.en.xml").replace(
        b"<Treaty>",
        f'<!DOCTYPE Treaty [<!ENTITY xxe SYSTEM "{secret.as_uri()}">]>\n<Treaty>'.encode(),
        1,
    )
    content = content.replace(b"<Entry>Albania</Entry>", b"<Entry>Albania&xxe;</Entry>")
    status = parse_xml(content, "https://untc.test/xxe", TIP)
    assert status.participants[0].name == "Albania"
    assert "TOP-SECRET" not in repr(status)


# ---------------------------------------------------------------------------------------------
# XML feeds: what must fail, and how


def test_count_mismatch_names_the_url_and_the_numbers():
    url = "https://untc.test/xviii-12-a_count_mismatch.en.xml"
    with pytest.raises(CountMismatchError) as caught:
        parse_xml(fixture_bytes("xviii-12-a_count_mismatch.en.xml"), url, TIP)
    assert str(caught.value) == f"{url}: header says Parties : 160 but 159 rows have a consent date"


def test_check_counts_skips_absent_counts_and_excludes_withdrawn_rows():
    rows = (
        Participant(name="A", signature_date=date(2001, 1, 1)),
        Participant(name="B", consent_date=date(2002, 1, 1), consent_kind="accession"),
        Participant(name="C", signature_date=date(2001, 1, 1), withdrawn=True),
    )
    status = InstrumentStatus(
        mtdsg_no=TIP,
        status_as_at=date(2014, 1, 1),
        signatories=1,
        parties=None,
        participants=rows,
        source_url="u",
        source_format="xml",
    )
    check_counts(status)
    with pytest.raises(CountMismatchError, match="Signatories : 2 but 1 rows"):
        check_counts(status.model_copy(update={"signatories": 2}))
    with pytest.raises(CountMismatchError, match="Parties : 0 but 1 rows"):
        check_counts(status.model_copy(update={"parties": 0}))


def test_absent_counts_are_none():
    content = fixture_bytes("xviii-12-a.en.xml").replace(b"Signatories : 117. ", b"")
    status = parse_xml(content, "https://untc.test/x", TIP)
    assert (status.signatories, status.parties) == (None, 159)


def test_missing_status_as_at_is_a_layout_change():
    content = fixture_bytes("xviii-12-a.en.xml").replace(b"STATUS AS AT", b"Printed on")
    with pytest.raises(LayoutChangedError, match=r"^https://untc.test/x: .*STATUS AS AT"):
        parse_xml(content, "https://untc.test/x", TIP)


@pytest.mark.parametrize(
    ("old", "new", "message"),
    [
        (b"<Entry>Signature</Entry>", b"<Entry>Date</Entry>", "no 'Signature' column"),
        (b"<Entry>Participant</Entry>", b"<Entry>State</Entry>", "no participant grid"),
        (b"<Entry>21 Aug 2002</Entry>", b"<Entry>21 Agu 2002</Entry>", r"row 1 \(Albania\)"),
        (b"<Entry>9 Mar 2004</Entry>", b"<Entry>9 Mar 2004 x</Entry>", "unknown kind suffix 'x'"),
        (b"<Entry>Argentina</Entry>", b"<Entry>Albania</Entry>", "'Albania' already listed"),
        (b"</Treaty>", b"", "not well-formed XML"),
    ],
)
def test_feed_layout_problems_say_where(old, new, message):
    content = fixture_bytes("xviii-12-a.en.xml")
    assert old in content
    with pytest.raises(LayoutChangedError, match=message) as caught:
        parse_xml(content.replace(old, new, 1), "https://untc.test/feed.xml", TIP)
    assert str(caught.value).startswith("https://untc.test/feed.xml")


@pytest.mark.parametrize("parse", [parse_xml, parse_html])
def test_maintenance_page_is_an_error_not_an_empty_table(parse):
    with pytest.raises(MaintenancePageError, match=r"^https://untc.test/m: .*maintenance"):
        parse(fixture_bytes("maintenance.html"), "https://untc.test/m", TIP)


# ---------------------------------------------------------------------------------------------
# HTML status page


@pytest.mark.parametrize("name", [NEW_PAGE, OLD_PAGE])
def test_html_page_gives_the_same_status_as_the_feed(name):
    html_status, xml_status = page(name), feed(TIP)
    assert html_status.source_format == "html"
    assert html_status.participants == xml_status.participants
    assert html_status.declarations == xml_status.declarations
    assert (html_status.status_as_at, html_status.signatories, html_status.parties) == (
        date(2014, 1, 20),
        117,
        159,
    )


def test_grid_is_found_by_its_header_whatever_its_id():
    new, old = fixture_bytes(NEW_PAGE), fixture_bytes(OLD_PAGE)
    assert b'id="ctl00_ctl00_ContentPlaceHolder1_ContentPlaceHolderInnerPage_tblgrid"' in new
    assert b'id="ctl00_ContentPlaceHolder1_tblgrid"' in old
    renamed = new.replace(b"_tblgrid", b"_gvParticipants")
    assert page_from(renamed).participants == page().participants


def page_from(content: bytes) -> InstrumentStatus:
    return parse_html(content, "https://untc.test/page", TIP)


def test_html_quirks():
    parsed = by_name(page())
    assert parsed["Denmark"].footnotes == ("1",)  # <sup> on this page
    assert parsed["Serbia and Montenegro"].withdrawn
    assert parsed["Mexico"].consent_date == date(2003, 3, 4)  # &nbsp; inside the date
    assert parsed["Antigua and Barbuda"].kind_inferred


def test_html_declarations_keep_markup_as_text_and_skip_page_scripts():
    status = page()
    assert b"&lt;script&gt;alert(1)&lt;/script&gt;" in fixture_bytes(NEW_PAGE)
    bahrain = next(d for d in status.declarations if d.participant == "Bahrain")
    assert "<script>alert(1)</script> & <b>not markup</b>" in bahrain.text
    everything = repr(status)
    assert "function toggle" not in everything  # the page's own <script>
    declarations = repr(status.declarations)
    assert "Historical Information" not in declarations  # the Notes are not declarations...
    assert "Historical Information" in status.notes["4"]  # ...they are the notes, by marker


def test_page_without_grid_is_a_layout_change():
    with pytest.raises(LayoutChangedError, match="no <table> whose header row starts"):
        parse_html(fixture_bytes("layout_changed.html"), "https://untc.test/l", TIP)


def test_grid_without_consent_column_is_a_layout_change():
    content = fixture_bytes(NEW_PAGE).replace(
        b"Ratification, Acceptance(A), Approval(AA), Accession(a), Succession(d)", b"Date"
    )
    with pytest.raises(LayoutChangedError, match=r"no 'Ratification, \.\.\.' column"):
        page_from(content)


def test_fixtures_are_what_the_generator_builds(monkeypatch):
    spec = importlib.util.spec_from_file_location("make_fixtures", FIXTURES / "make_fixtures.py")
    module = importlib.util.module_from_spec(spec)
    monkeypatch.setitem(sys.modules, "make_fixtures", module)  # dataclasses look it up
    spec.loader.exec_module(module)
    built = module.build_all()
    assert len(built) == 9
    for name, content in built.items():
        assert fixture_bytes(name) == content, f"{name} is stale: run make_fixtures.py"


# ---------------------------------------------------------------------------------------------
# Client, against a real HTTP server on 127.0.0.1


def client_for(base_url: str, **options) -> tuple[UntcClient, list[float], list[str]]:
    sleeps: list[float] = []
    lines: list[str] = []
    session = requests.Session()
    session.trust_env = False  # never a proxy from the environment: 127.0.0.1 only
    options = {"timeout": (2, 3), "retries": 2, "backoff": 0.5} | options
    client = UntcClient(
        base_url, session=session, sleep=sleeps.append, progress=lines.append, **options
    )
    return client, sleeps, lines


def test_fetch_status_reads_the_current_feed_and_reports_progress():
    with UntcMirror() as mirror:
        client, sleeps, lines = client_for(mirror.base_url)
        status, raw, url = client.fetch_status(TIP, 18)
        assert url == mirror.url(mirror.xml_path(TIP))
        assert raw == fixture_bytes("xviii-12-a.en.xml")
        assert status.participants == feed(TIP).participants
        assert status.source_url == url
        assert mirror.requests[0].headers["User-Agent"] == USER_AGENT
    assert lines[0] == f"fetching {TIP} from {url}"
    assert lines[1].startswith("parsed 168 participants")
    assert sleeps == []


def test_feed_found_at_the_last_fallback_path():
    with UntcMirror(xml_volume="none") as mirror:
        last = mirror.xml_path(TIP, volume="I", upper=True)
        mirror.route(last, file="xviii-12-a.en.xml")
        client, _, _ = client_for(mirror.base_url)
        status, _, url = client.fetch_status(TIP, 18)
        assert url == mirror.url(last)
        tried = [u.removeprefix(mirror.base_url) for u in xml_feed_urls(TIP, 18, mirror.base_url)]
        assert mirror.paths() == tried
    assert status.source_format == "xml"


def test_older_volume_path_is_tried_second():
    with UntcMirror(xml_volume="I") as mirror:
        client, _, _ = client_for(mirror.base_url)
        _, _, url = client.fetch_status(TIP, 18)
        assert url == mirror.url(mirror.xml_path(TIP, volume="I"))
        assert len(mirror.paths()) == 2


def test_404_on_every_feed_falls_back_to_the_html_page():
    with UntcMirror(xml_volume="none") as mirror:
        client, _, lines = client_for(mirror.base_url)
        status, raw, url = client.fetch_status(TIP, 18)
        assert url == mirror.url(mirror.page_path(TIP))
        assert len(mirror.paths()) == 5
    assert status.source_format == "html"
    assert raw == fixture_bytes(NEW_PAGE)
    assert status.participants == feed(TIP).participants
    assert lines[-2] == f"fetching {TIP} from {url}"
    assert lines[-1] == "parsed 168 participants (HTML, status as at 2014-01-20)"


def test_server_error_then_success_is_retried_with_back_off():
    with UntcMirror() as mirror:
        mirror.route(mirror.xml_path(TIP), status=503, times=1)
        client, sleeps, lines = client_for(mirror.base_url)
        status, _, url = client.fetch_status(TIP, 18)
        assert mirror.paths() == [mirror.xml_path(TIP)] * 2
    assert url.endswith("xviii-12-a.en.xml") and status.parties == 159
    assert sleeps == [0.5]
    assert any(line.startswith(f"retrying {url} in 0.5 s (HTTP 503)") for line in lines)


def test_persistent_server_errors_name_every_url_tried():
    with UntcMirror() as mirror:
        mirror.route(mirror.xml_path(TIP), status=500)
        mirror.route(mirror.page_path(TIP), status=502)
        client, sleeps, _ = client_for(mirror.base_url)
        with pytest.raises(UnreachableError) as caught:
            client.fetch_status(TIP, 18)
        message = str(caught.value)
        assert f"{mirror.url(mirror.xml_path(TIP))}: HTTP 500 (gave up after 3 attempts)" in message
        assert (
            f"{mirror.url(mirror.page_path(TIP))}: HTTP 502 (gave up after 3 attempts)" in message
        )
        assert caught.value.status == 502
    assert sleeps == [0.5, 1.0, 0.5, 1.0]


def test_connection_refused_is_unreachable():
    with socket.socket() as probe:  # a port that was free a moment ago and is now closed
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    client, sleeps, _ = client_for(f"http://127.0.0.1:{port}", retries=1)
    with pytest.raises(
        UnreachableError, match=f"http://127.0.0.1:{port}/doc/Publication"
    ) as caught:
        client.fetch_status(TIP, 18)
    assert "ConnectionError" in str(caught.value)
    assert f"http://127.0.0.1:{port}/Pages/ViewDetails.aspx" in str(caught.value)
    assert sleeps == [0.5, 0.5]


def test_slow_answer_times_out():
    with UntcMirror() as mirror:
        mirror.route(mirror.xml_path(TIP), delay=3)
        client, _, _ = client_for(mirror.base_url, timeout=(1, 0.3), retries=1)
        url = mirror.url(mirror.xml_path(TIP))
        started = time.monotonic()
        with pytest.raises(UnreachableError, match="Timeout") as caught:
            client.fetch(url)
        assert time.monotonic() - started < 2.5
        assert str(caught.value).startswith(url)
        assert len(mirror.paths()) == 2


@pytest.mark.parametrize("target", ["http://127.0.0.2:9/evil.xml", "https://127.0.0.1/x.xml"])
def test_redirect_to_another_host_or_scheme_is_refused(target):
    with UntcMirror() as mirror:
        mirror.route(mirror.xml_path(TIP), redirect=target)
        mirror.route(mirror.page_path(TIP), redirect=target, status=301)
        client, _, _ = client_for(mirror.base_url)
        with pytest.raises(RedirectRefusedError, match="not followed") as caught:
            client.fetch_status(TIP, 18)
        assert str(caught.value).count(target) == 2
        assert len(mirror.paths()) == 2  # nothing fetched from the other host


def test_redirect_within_the_host_is_followed():
    with UntcMirror() as mirror:
        moved = "/doc/Publication/MTDSG/Moved/xviii-12-a.en.xml"
        mirror.route(mirror.xml_path(TIP), redirect=moved)
        mirror.route(moved, file="xviii-12-a.en.xml")
        client, _, _ = client_for(mirror.base_url)
        status, _, url = client.fetch_status(TIP, 18)
        assert url == mirror.url(mirror.xml_path(TIP))
        assert mirror.paths() == [mirror.xml_path(TIP), moved]
    assert status.parties == 159


@pytest.mark.parametrize("content_length", [True, False])
def test_oversized_body_is_refused(content_length):
    with UntcMirror() as mirror:
        mirror.route(mirror.xml_path(TIP), file="xviii-12-a.en.xml", content_length=content_length)
        client, _, _ = client_for(mirror.base_url, max_bytes=10_000)
        url = mirror.url(mirror.xml_path(TIP))
        with pytest.raises(ResponseTooLargeError, match="cap of 10000 bytes") as caught:
            client.fetch(url)
        assert str(caught.value).startswith(url)


def test_maintenance_everywhere_is_a_maintenance_error():
    with UntcMirror() as mirror:
        mirror.route(mirror.xml_path(TIP), file="maintenance.html")
        mirror.route(mirror.page_path(TIP), file="maintenance.html")
        client, _, _ = client_for(mirror.base_url)
        with pytest.raises(MaintenancePageError) as caught:
            client.fetch_status(TIP, 18)
        assert str(caught.value).count("maintenance page") == 2
        assert mirror.url(mirror.page_path(TIP)) in str(caught.value)


def test_maintenance_on_the_feed_falls_back_to_the_page():
    with UntcMirror() as mirror:
        mirror.route(mirror.xml_path(TIP), file="maintenance.html")
        client, _, _ = client_for(mirror.base_url)
        status, _, url = client.fetch_status(TIP, 18)
        assert url == mirror.url(mirror.page_path(TIP))
    assert status.source_format == "html" and status.parties == 159


def test_page_not_found_everywhere_is_unreachable_with_status():
    with UntcMirror(xml_volume="none") as mirror:
        mirror.route(mirror.page_path(TIP), status=404)
        client, _, _ = client_for(mirror.base_url)
        with pytest.raises(UnreachableError) as caught:
            client.fetch_status(TIP, 18)
    assert caught.value.status == 404
    assert str(caught.value).count("HTTP 404 (not found)") == 5


def test_a_header_row_that_is_no_row_of_its_table_is_a_changed_layout() -> None:
    # Found by the property test: a header row wrapped in a <div> inside the <table> is not one
    # of the table's own rows, and the parser stopped with a bare ValueError.
    page = (
        b"<html><body><p>STATUS AS AT : 20-04-2024</p><table><div><tr><td>Participant</td>"
        b"<td>Signature</td><td>Ratification, Accession(a)</td></tr></div>"
        b"<tr><td>Argentina</td><td>12 Dec 2000</td><td>19 Nov 2002</td></tr></table>"
        b"</body></html>"
    )
    with pytest.raises(LayoutChangedError):
        parse_html(page, "https://untc.test/p", "XVIII-12-a")
