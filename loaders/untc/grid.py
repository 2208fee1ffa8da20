"""The participant grid, whatever the format: header columns, date cells, counts, the status.

Both parsers find the grid by its header row ("Participant", "Signature", ...) and hand its
cells here; the header text outside the grid gives "STATUS AS AT" and the counts.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from typing import Literal

from lxml import etree

from loaders.model.dates import DateFormatError, parse_untc_date, parse_untc_timestamp
from loaders.model.records import (
    KIND_BY_SUFFIX,
    ConsentKind,
    Declaration,
    InstrumentStatus,
    Participant,
)
from loaders.untc.errors import CountMismatchError, LayoutChangedError
from loaders.untc.text import clean_name, norm, unique


@dataclass(frozen=True)
class _Columns:
    signature: int
    consent: int


_STATUS_AS_AT = re.compile(r"STATUS\s+AS\s+AT\s*:?\s*\d{1,2}-\d{1,2}-\d{4}[^\n]{0,20}", re.I)
_SIGNATORIES = re.compile(r"Signatories\s*:\s*(\d+)", re.I)
_PARTIES = re.compile(r"Parties\s*:\s*(\d+)", re.I)
_CONSENT_HEADER = re.compile(r"ratification|accession|acceptance|approval|succession", re.I)
_DATE_THEN_REST = re.compile(r"^(?P<date>.*?\b\d{4})(?!\d)(?P<rest>.*)$")
Cells = list[tuple[str, tuple[str, ...]]]


def is_header(cells: Cells) -> bool:
    return bool(cells) and cells[0][0].lower().startswith("participant")


def grid_columns(header: Cells, where: str) -> _Columns:
    texts = [text for text, _ in header]
    signature = next((i for i, t in enumerate(texts) if t.lower().startswith("signature")), None)
    consent = next(
        (i for i, t in enumerate(texts) if i not in (0, signature) and _CONSENT_HEADER.search(t)),
        None,
    )
    missing = [
        label
        for label, index in (("'Signature'", signature), ("'Ratification, ...'", consent))
        if index is None
    ]
    if signature is None or consent is None:
        raise LayoutChangedError(
            f"{where}: the participant grid's header {texts} has no {' or '.join(missing)} column"
        )
    return _Columns(signature, consent)


def _act(text: str, where: str) -> tuple[date | None, str, tuple[str, ...]]:
    """A date cell: (date, kind suffix, footnote markers); ``7 Jun 2004 a`` -> suffix 'a'."""
    cleaned = norm(text)
    if not cleaned:
        return None, "", ()
    match = _DATE_THEN_REST.match(cleaned)
    if not match:
        raise LayoutChangedError(f"{where}: no date in cell {text!r}")
    try:
        day = parse_untc_date(match["date"])
    except DateFormatError as exc:
        raise LayoutChangedError(f"{where}: {exc}") from exc
    tokens = re.findall(r"[^\s,]+", match["rest"])
    suffix = tokens.pop(0) if tokens and tokens[0] in KIND_BY_SUFFIX else ""
    if not all(token.isdigit() for token in tokens):
        raise LayoutChangedError(f"{where}: unknown kind suffix {match['rest'].strip()!r}")
    return day, suffix, tuple(tokens)


def _consent_kind(
    consent: date | None, suffix: str, signature: date | None
) -> tuple[ConsentKind | None, bool]:
    if consent is None:
        return None, False
    if suffix == "" and signature is None:
        # UNTC quirk: no suffix although only accession was open to a non-signatory.
        return "accession", True
    return KIND_BY_SUFFIX[suffix], False


def _participant(cells: Cells, cols: _Columns, where: str) -> Participant:
    name, notes, withdrawn = clean_name(*cells[0])
    where = f"{where} ({name})"
    signature, sig_suffix, sig_notes = _act(cells[cols.signature][0], f"{where}, signature")
    if sig_suffix:
        raise LayoutChangedError(f"{where}, signature: unexpected suffix {sig_suffix!r}")
    consent, suffix, consent_notes = _act(cells[cols.consent][0], f"{where}, consent")
    kind, inferred = _consent_kind(consent, suffix, signature)
    cell_notes = cells[cols.signature][1] + cells[cols.consent][1] + sig_notes + consent_notes
    return Participant(
        name=name,
        footnotes=unique(notes + cell_notes),
        signature_date=signature,
        consent_date=consent,
        consent_kind=kind,
        kind_inferred=inferred,
        withdrawn=withdrawn,
    )


def participants_of(header: Cells, rows: list[Cells], source_url: str) -> tuple[Participant, ...]:
    cols = grid_columns(header, source_url)
    width = max(cols.signature, cols.consent) + 1
    found: list[Participant] = []
    seen: dict[str, int] = {}
    for number, cells in enumerate(rows, start=1):
        where = f"{source_url}, row {number}"
        if not any(text for text, _ in cells):
            continue
        if not cells[0][0]:
            raise LayoutChangedError(f"{where}: dates without a participant name: {cells}")
        padded = cells + [("", ())] * (width - len(cells))  # trailing empty cells may be omitted
        participant = _participant(padded, cols, where)
        if participant.name in seen:
            raise LayoutChangedError(
                f"{where}: participant {participant.name!r} already listed in row "
                f"{seen[participant.name]}"
            )
        seen[participant.name] = number
        found.append(participant)
    if not found:
        raise LayoutChangedError(f"{source_url}: the participant grid has a header but no rows")
    return tuple(found)


def _header_facts(text: str, source_url: str) -> tuple[date, int | None, int | None]:
    """'STATUS AS AT' day and the signatory and party counts from the document's header text."""
    as_at = _STATUS_AS_AT.search(text)
    if not as_at:
        raise LayoutChangedError(f"{source_url}: no 'STATUS AS AT : dd-mm-yyyy' in the header")
    try:
        day = parse_untc_timestamp(as_at.group(0))
    except (DateFormatError, ValueError) as exc:
        raise LayoutChangedError(f"{source_url}: unreadable 'STATUS AS AT': {exc}") from exc
    return (
        day,
        _count(_SIGNATORIES.search(text), source_url),
        _count(_PARTIES.search(text), source_url),
    )


def _count(match: re.Match[str] | None, source_url: str) -> int | None:
    if match is None:
        return None
    if len(match[1]) > 6:  # int() refuses over 4300 digits; no treaty has a million parties
        raise LayoutChangedError(
            f"{source_url}: implausible count in the header: {match[0][:40]!r}"
        )
    return int(match[1])


def check_counts(status: InstrumentStatus) -> None:
    """Raise CountMismatchError when the header's counts disagree with the rows.

    Signatories are rows with a signature date, parties rows with a consent date; withdrawn
    (bracketed) rows count for neither. A count the header does not give is not checked.
    """
    current = [p for p in status.participants if not p.withdrawn]
    counted = {
        "Signatories": (status.signatories, sum(p.signature_date is not None for p in current)),
        "Parties": (status.parties, sum(p.consent_date is not None for p in current)),
    }
    problems = [
        f"header says {label} : {stated} but {rows} rows have a "
        f"{'signature' if label == 'Signatories' else 'consent'} date"
        for label, (stated, rows) in counted.items()
        if stated is not None and stated != rows
    ]
    if problems:
        raise CountMismatchError(f"{status.source_url}: {'; '.join(problems)}")


_C1_CONTROLS = re.compile("[\x80-\x9f]")


def _refuse_mis_decoded(texts: list[str], source_url: str) -> None:
    """C1 control characters never occur in treaty text: they are Windows-1252 bytes (’ “ — ...)
    read as ISO-8859-1, i.e. a document whose declared encoding does not match its bytes."""
    for text in texts:
        if found := _C1_CONTROLS.search(text):
            raise LayoutChangedError(
                f"{source_url}: control character U+{ord(found[0]):04X} in {text[:60]!r}: the "
                "bytes do not match the document's declared encoding"
            )


def instrument_status(
    mtdsg_no: str,
    source_url: str,
    source_format: Literal["xml", "html"],
    participants: tuple[Participant, ...],
    declarations: tuple[Declaration, ...],
    header_text: str,
    notes: dict[str, str] | None = None,
) -> InstrumentStatus:
    as_at, signatories, parties = _header_facts(header_text, source_url)
    _refuse_mis_decoded([p.name for p in participants], source_url)
    _refuse_mis_decoded([d.text for d in declarations], source_url)
    status = InstrumentStatus(
        mtdsg_no=mtdsg_no,
        status_as_at=as_at,
        signatories=signatories,
        parties=parties,
        participants=participants,
        declarations=declarations,
        source_url=source_url,
        source_format=source_format,
        notes=notes or {},
    )
    check_counts(status)
    return status


def first_usable_header(
    candidates: Iterator[tuple[etree._Element, Cells]], source_url: str, what: str
) -> tuple[etree._Element, Cells]:
    """The first header row with every needed field; else the first one's error; else none."""
    first_error: LayoutChangedError | None = None
    for element, header in candidates:
        try:
            grid_columns(header, source_url)
        except LayoutChangedError as exc:
            first_error = first_error or exc
            continue
        return element, header
    if first_error:
        raise first_error
    raise LayoutChangedError(f"{source_url}: no participant grid: {what}")
