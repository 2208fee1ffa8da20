"""Property-based tests: whatever UNTC or a user sends, the result is ours to explain.

The parsers, the date readers, the id resolver, the export command and the CSV writer are fed
arbitrary and mutated input. Every outcome must be either a valid result or the project's own
error type with a message naming where it went wrong: never another exception (a traceback), and
never a write. ``database=None``: no ``.hypothesis/`` folder in the repository; a failure is kept
as an ``@example`` instead.
"""

from __future__ import annotations

import contextlib
import csv
import io
import multiprocessing
import re
import sys
from collections.abc import Callable, Iterator
from datetime import date
from pathlib import Path

import pandas as pd
import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

import cli.options as command_line_module
from cli.main import main as command_line
from loaders.derive.views import SelectionError, resolve
from loaders.export import EXPORT_COLUMNS, csv_bytes
from loaders.ingest.refresh import RefreshError, refresh
from loaders.model.dates import DateFormatError, PartialDate, parse_untc_date, parse_untc_timestamp
from loaders.model.names import normalise
from loaders.model.records import InstrumentStatus
from loaders.paths import DataPaths
from loaders.store.dataset import Dataset
from loaders.store.snapshot import current_name, read_current
from loaders.untc import UntcError, parse_html, parse_xml, refuse_maintenance_page
from tests.support.refresh_helpers import CUTOFF, snapshot_as_of, tree
from tests.support.untc_server import FIXTURES

URL = "https://untc.test/doc"
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
C1_CONTROLS = re.compile("[\x80-\x9f]")

Parser = Callable[[bytes, str, str], InstrumentStatus]
DOCUMENTS: dict[str, tuple[Parser, str]] = {  # fixture -> (parser, MTDSG no.)
    "xviii-12-a.en.xml": (parse_xml, "XVIII-12-a"),
    "xviii-12-c.en.xml": (parse_xml, "XVIII-12-c"),
    "ViewDetails_xviii-12-a.html": (parse_html, "XVIII-12-a"),
    "ViewDetails_xviii-12-a_old-id.html": (parse_html, "XVIII-12-a"),
}
TEXTS = {name: (FIXTURES / name).read_text(encoding="utf-8") for name in DOCUMENTS}

fast = settings(max_examples=60, deadline=None, database=None)


def check_parse(parse: Parser, content: bytes, mtdsg_no: str) -> InstrumentStatus | None:
    """Parse; a UntcError must name the URL, a success must be a complete, valid status."""
    try:
        status = parse(content, URL, mtdsg_no)
    except UntcError as exc:
        assert str(exc).startswith(URL), str(exc)
        return None
    assert InstrumentStatus.model_validate(status.model_dump()) == status
    assert (status.mtdsg_no, status.source_url) == (mtdsg_no, URL)
    names = [p.name for p in status.participants]
    assert names and all(names) and len(set(names)) == len(names)
    stored = [*names, *(d.text for d in status.declarations)]
    assert not any(C1_CONTROLS.search(text) for text in stored)  # no mis-decoded bytes kept
    return status


# ---------------------------------------------------------------------------------------------
# Parsers on arbitrary bytes


@fast
@given(content=st.binary(max_size=3000))
@example(content=b"")
@example(
    content=b"<?xml version='1.0'?><!DOCTYPE x [<!ENTITY e SYSTEM 'file:///etc/passwd'>]><x>&e;</x>"
)
@example(content=b"\xff\xfe<\x00h\x00t\x00m\x00l\x00>\x00")  # UTF-16 with a BOM
def test_parsers_on_arbitrary_bytes(content: bytes) -> None:
    check_parse(parse_xml, content, "XVIII-12-a")
    check_parse(parse_html, content, "XVIII-12-a")


# ---------------------------------------------------------------------------------------------
# Parsers on mutated fixture documents

SNIPPETS = [
    "<", ">", "&", "&amp;", "&#0;", "&#x92;", "<![CDATA[", "]]>", "<!--", "-->", "</Row>", "<Row>",
    "<Entry>", "</Entry>", "<Entry/>", "<tr>", "</tr>", "<td>", "</td>", "</table>", "<table>",
    "<sup>7</sup>", "<script>alert(1)</script>", "[", "]", " a", " AA", " x", " 1", ",", "\x00",
    "\ufffd", "\x92", "\t", "\u00a0", "Participant", "Signature", "Ratification", "Parties : ",
    "Signatories : 0", "STATUS AS AT : 31-02-2014", "STATUS AS AT : 01-01-2099", "9" * 5000,
    "urgent maintenance currently unavailable", "<meta charset='latin-1'>", "</html>",
    "<?xml version='1.0' encoding='iso-8859-1'?>", "Declarations and Reservations", "Notes",
    "Argentina", "[Argentina]", "Côte d’Ivoire",
]  # fmt: skip
MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
DATE_CELL = re.compile(r"\b\d{1,2}(?:\s|&nbsp;|\u00a0)+[A-Z][a-z]{2}(?:\s|&nbsp;|\u00a0)+\d{4}\b")
TAG_NAME = re.compile(r"(?<=<)(/?)([A-Za-z]+)")

snippet = st.one_of(st.sampled_from(SNIPPETS), st.text(max_size=12))
SUFFIXES = ["", " a", " A", " AA", " d", " c", " x", " 1", " a 5", " <sup>5</sup>"]
random_date = st.one_of(
    st.builds(  # plausible: often still a valid page, so the later checks get exercised too
        lambda day, month, year, suffix: f"{day} {month} {year}{suffix}",
        st.integers(1, 31),
        st.sampled_from(MONTHS),
        st.integers(1995, 2030),
        st.sampled_from(SUFFIXES),
    ),
    st.builds(
        lambda day, month, year, suffix: f"{day} {month} {year}{suffix}",
        st.integers(0, 99),
        st.sampled_from([*MONTHS, "Agu", "Sept.", "JAN", "Mai"]),
        st.integers(0, 99999),
        st.sampled_from(SUFFIXES),
    ),
)


def _at(text: str, fraction: float) -> int:
    return int(fraction * len(text))


@st.composite
def mutated_documents(
    draw: st.DrawFn,
    names: tuple[str, ...] = tuple(DOCUMENTS),
    edits: tuple[str, ...] = ("delete", "insert", "replace", "case", "date", "suffix"),
) -> tuple[Parser, bytes, str]:
    """A fixture with 1-4 edits: deletions, insertions, replacements, tag case, dates, suffixes."""
    name = draw(st.sampled_from(sorted(names)))
    parse, mtdsg_no = DOCUMENTS[name]
    text = TEXTS[name]
    fraction = st.floats(0, 1)
    for _ in range(draw(st.integers(1, 4))):
        edit = draw(st.sampled_from(edits))
        if edit == "delete":
            start = _at(text, draw(fraction))
            text = text[:start] + text[start + draw(st.integers(1, 400)) :]
        elif edit in ("insert", "replace"):
            start = _at(text, draw(fraction))
            end = start + (draw(st.integers(1, 40)) if edit == "replace" else 0)
            text = text[:start] + draw(snippet) + text[end:]
        elif edit == "case":  # every <x> and </x> alike, so the XML stays well-formed
            name = draw(st.sampled_from(sorted({m[2] for m in TAG_NAME.finditer(text)})))
            new = draw(st.sampled_from([name.upper(), name.lower(), name.swapcase()]))
            text = TAG_NAME.sub(lambda m, n=name, c=new: m[1] + (c if m[2] == n else m[2]), text)
        elif edit == "date":
            cells = list(DATE_CELL.finditer(text))
            cell = draw(st.sampled_from(cells))
            text = text[: cell.start()] + draw(random_date) + text[cell.end() :]
        else:
            text += draw(snippet)
    encoding = draw(st.sampled_from(["utf-8"] * 6 + ["cp1252", "utf-16"]))
    return parse, text.encode(encoding, errors="replace"), mtdsg_no


@settings(max_examples=250, deadline=None, database=None)
@given(document=mutated_documents())
def test_parsers_on_mutated_documents(document: tuple[Parser, bytes, str]) -> None:
    check_parse(*document)


def within(seconds: float, run: Callable[[], object]) -> None:
    """Fail (rather than hang the suite) if ``run`` takes longer.

    A forked process, not a thread: a regular expression holds the GIL for the whole match.
    """
    worker = multiprocessing.get_context("fork").Process(target=run, daemon=True)
    worker.start()
    worker.join(seconds)
    if worker.is_alive():
        worker.kill()
        worker.join()
        pytest.fail(f"still running after {seconds} s (catastrophic backtracking?)")
    assert worker.exitcode == 0


@pytest.mark.parametrize(
    "run",
    [  # regressions: the first hung for minutes (found by the mutation test), the others are its
        # quadratic cousins on a hostile 20 MB body
        lambda: parse_xml(
            TEXTS["xviii-12-a.en.xml"].replace("Albania", "Albania " + "9" * 40 + "x").encode(),
            URL,
            "XVIII-12-a",
        ),
        lambda: refuse_maintenance_page(b"<" * 2_000_000, URL),
        lambda: normalise("Chile " + "9" * 2_000_000 + "x"),
    ],
    ids=["footnote-markers", "maintenance-check", "name-matching"],
)
def test_no_catastrophic_backtracking(run: Callable[[], object]) -> None:
    within(5, run)


@pytest.mark.parametrize(
    ("name", "old", "new"),
    [  # regressions: each raised a bare ValueError (a traceback) before it was fixed
        ("xviii-12-a.en.xml", "Parties : 159", "Parties : " + "9" * 5000),
        ("ViewDetails_xviii-12-a.html", "Parties&nbsp;:&nbsp;159", "Parties : " + "1" * 4301),
    ],
)
def test_huge_header_counts_are_a_layout_change(name: str, old: str, new: str) -> None:
    parse, mtdsg_no = DOCUMENTS[name]
    assert old in TEXTS[name]
    assert check_parse(parse, TEXTS[name].replace(old, new, 1).encode(), mtdsg_no) is None


@pytest.mark.parametrize("name", sorted(DOCUMENTS))
def test_unmutated_documents_parse(name: str) -> None:
    """The mutation test would pass vacuously if the fixtures did not parse to begin with."""
    parse, mtdsg_no = DOCUMENTS[name]
    assert check_parse(parse, TEXTS[name].encode(), mtdsg_no) is not None


# ---------------------------------------------------------------------------------------------
# The whole refresh on a mutated feed: refused without a write, or a snapshot that verifies


_OLDER: dict[Path, str] = {}  # data copy -> its snapshot older than the fixtures


class _Feed:
    """Stands in for UntcClient: every instrument "fetched" is the one given document."""

    def __init__(self, content: bytes) -> None:
        self.content = content

    def fetch_status(self, mtdsg_no: str, chapter: int) -> tuple[InstrumentStatus, bytes, str]:
        return parse_xml(self.content, URL, mtdsg_no), self.content, URL


@settings(
    max_examples=40,
    deadline=None,
    database=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture],  # CURRENT is reset per example
)
# Mostly edits that keep the feed well-formed, so that the checks after parsing are reached.
@given(document=mutated_documents(("xviii-12-a.en.xml",), ("case", "date", "date", "insert")))
@example(  # an OAS state's consent dated after "STATUS AS AT": a pydantic traceback before
    document=(
        parse_xml,
        TEXTS["xviii-12-a.en.xml"].replace("19 Nov 2002", "19 Nov 2099", 1).encode(),
        "XVIII-12-a",
    )
)
def test_refresh_of_a_mutated_feed(document: tuple[Parser, bytes, str], data_copy: Path) -> None:
    if data_copy not in _OLDER:  # once per test, not per example: publishing takes time
        _OLDER[data_copy] = snapshot_as_of(data_copy, CUTOFF)
    older = _OLDER[data_copy]
    (DataPaths(data_copy).current_pointer).write_text(older + "\n")  # undo the last success
    before = tree(data_copy)
    try:
        folder = refresh(data_copy, ["TIP"], client=_Feed(document[1]))  # type: ignore[arg-type]
    except RefreshError as exc:
        assert str(exc).startswith("TIP") or URL in str(exc), str(exc)
        assert tree(data_copy) == before
    else:
        assert current_name(data_copy) == folder.name != older
        assert read_current(data_copy).meta.instruments["TIP"].source_url == URL


# ---------------------------------------------------------------------------------------------
# Dates

untc_like = st.from_regex(r"\A\s?\d{1,2}\s+[A-Za-z]{3,9}\.?\s+\d{4}( [aAdc]{1,2})?\Z")
iso_like = st.from_regex(r"\A\d{4}(-\d{2}(-\d{2})?)?\Z")


@fast
@given(text=st.one_of(st.text(), untc_like))
@example(text="31 Feb 2014")
@example(text="1 Jan 0000")
def test_parse_untc_date_raises_only_date_format_error(text: str) -> None:
    try:
        day = parse_untc_date(text)
    except DateFormatError as exc:
        assert repr(text) in str(exc) or repr(text.strip()) in str(exc)
        return
    assert day is None if not text.strip() else isinstance(day, date)


@fast
@given(text=st.one_of(st.text(), iso_like))
@example(text="2014-02-30")
@example(text="0000")
@example(text="0001-00")  # was read as the year 0001: a zero month passed the calendar check
@example(text="2004-01-00")
def test_partial_date_parse_raises_only_date_format_error(text: str) -> None:
    try:
        partial = PartialDate.parse(text)
    except DateFormatError:
        return
    assert partial.earliest() <= partial.latest()
    assert PartialDate.parse(str(partial)) == partial


@fast
@given(text=st.one_of(st.text(), st.from_regex(r"\A.{0,5}\d{2}-\d{2}-\d{4}.{0,5}\Z")))
@example(text="STATUS AS AT : 31-02-2014 09:15:48 EDT")  # a bare ValueError before the fix
@example(text="STATUS AS AT : 01-01-0000")
def test_parse_untc_timestamp_raises_only_date_format_error(text: str) -> None:
    with contextlib.suppress(DateFormatError):
        assert isinstance(parse_untc_timestamp(text), date)


# ---------------------------------------------------------------------------------------------
# Choosing instruments and groups


@fast
@given(
    choices=st.one_of(st.none(), st.lists(st.text(max_size=8), max_size=5)),
    valid=st.lists(st.text(max_size=8), max_size=5, unique=True),  # ids in a registry are unique
)
@example(choices=["tip", "TIP", "ß"], valid=["TIP", "SS"])  # casefold("ß") == "ss"
def test_resolve_raises_only_selection_error(choices: list[str] | None, valid: list[str]) -> None:
    try:
        chosen = resolve(choices, valid, "instrument")
    except SelectionError as exc:
        assert choices and any(repr(c) in str(exc) for c in choices)
        return
    assert set(chosen) <= set(valid) and len(chosen) == len(set(chosen))
    if choices:
        assert {c.casefold() for c in choices} == {c.casefold() for c in chosen}


# ---------------------------------------------------------------------------------------------
# The export command with arbitrary arguments

EXPORT_WORDS = [
    "--as-of", "--instrument", "--group", "--as-of=2009-06-04", "--instrument=tip", "TIP", "tip",
    "SOM", "MERCOSUR", "sica", "2009-06-04", "2009-13-45", "0001-01-01", "9999-12-31",
    "20090604", "-", "--", "-x", "--colour", "=1+1",
]  # fmt: skip


@contextlib.contextmanager
def captured_output() -> Iterator[io.BytesIO]:
    """sys.stdout/stderr replaced (the export writes bytes to sys.stdout.buffer)."""
    out = io.BytesIO()
    saved = sys.stdout, sys.stderr
    sys.stdout = io.TextIOWrapper(out, encoding="utf-8", write_through=True)
    sys.stderr = io.StringIO()
    try:
        yield out
    finally:
        sys.stdout, sys.stderr = saved


def _files_under(folder: Path) -> set[Path]:
    return {p for p in folder.rglob("*")}


@settings(
    max_examples=60,
    deadline=None,
    database=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture],  # the fixtures are read-only
)
@given(args=st.lists(st.one_of(st.sampled_from(EXPORT_WORDS), st.text(max_size=10)), max_size=6))
@example(args=["--as-of", "9999-12-31"])
@example(args=["--help"])
def test_export_with_arbitrary_arguments(
    args: list[str],
    dataset: Dataset,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # "--o", "--ou": refused today, but an abbreviation of --out would be meant to write.
    writes = any(a.startswith("--o") for a in args)
    asks_help = any(a.startswith(("-h", "--h")) for a in args)
    monkeypatch.setattr(
        command_line_module, "load_dataset", lambda *_, **__: dataset
    )  # the data is not under test
    monkeypatch.chdir(tmp_path)
    before = _files_under(tmp_path)
    with captured_output() as out:
        try:
            code = command_line(["export", *args])
        except SystemExit as exc:
            code = exc.code
            assert code == 2 or (code == 0 and asks_help)
        else:
            assert code in (0, 2)
            if code == 0 and not writes:
                text = out.getvalue().decode("utf-8")
                assert next(csv.reader(io.StringIO(text))) == EXPORT_COLUMNS
    if not writes:
        assert _files_under(tmp_path) == before


# ---------------------------------------------------------------------------------------------
# CSV: no formula-like cell survives, and everything else round-trips


@fast
@given(rows=st.lists(st.tuples(st.text(), st.text()), max_size=8))
@example(rows=[("a\r=1+1", "x")])  # a bare CR inside a cell started a new row (Excel, csv)
@example(rows=[("\r@SUM(A1)", "\t-2")])
def test_csv_bytes_never_yields_a_formula_cell(rows: list[tuple[str, str]]) -> None:
    table = pd.DataFrame(rows, columns=["note", "text"], dtype=str)
    parsed = list(csv.reader(io.StringIO(csv_bytes(table).decode("utf-8"), newline="")))
    assert parsed[0] == ["note", "text"]
    cells = [cell for row in parsed[1:] for cell in row]
    assert not [cell for cell in cells if cell.startswith(FORMULA_STARTS)]
    expected = [("'" + c if c.startswith(FORMULA_STARTS) else c) for row in rows for c in row]
    assert cells == expected
