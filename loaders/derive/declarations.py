"""Declarations and reservations: what each text says, and what the record covers.

Classification (:func:`classify`) is one pure function of a text, used both for the 2013-2014
capture compiled into the bundled snapshot and for the texts a refresh reads from UNTC:

- ``kinds``: the words the text uses, in this order, ``;``-joined; one text may be several kinds.
  ``reservation``: "reserv" (Reservation:, reserves, reservation) or the state says it is "not
  (consider itself) bound"/"obligated" -- the form UNTOC art. 35(3) and the Protocols' like
  paragraphs call a reservation (art. 35(4)). ``declaration``: "declar" (declares, Declaration:).
  ``notification``: "notif". ``objection``: "objection" or "object(s) to", or the text comes from
  UNTC's Objections section. A text with none of these words is a ``declaration``. An
  objection speaks of another state's reservation, so it is never itself a ``reservation``.
- ``articles``: the articles of the instrument the text refers to, as ``35`` or ``35(2)``,
  ``;``-joined, in article order. Read: "article 15, paragraph 2", "Article 15 paragraph 2",
  "article 16 (2)", "paragraph 2 of article 15", "paragraph 2 of that/this/the said article" (the
  article named last), "articles 16 and 18". A sub-paragraph letter is dropped ("15(1)").
  Articles "of the Vienna Convention" are not the instrument's; nor, in a Protocol's text,
  articles "of the United Nations Convention" (the Convention's own, e.g. its 15(1)(b)).
- ``dispute_settlement_reserved``: the text refers to the instrument's dispute-settlement
  paragraph (UNTOC 35(2), TIP 15(2), SOM 20(2), FIREARMS 16(2)) and is a reservation: the state
  does not consider itself bound by it.

Coverage (:func:`declaration_coverage`): the texts are as UNTC published them on a date (the
``published_as_at`` of the record: the capture's month for the bundled snapshot, the status as at
of a refreshed page). A party whose consent is not certainly before that date (it falls on or
after the first day of that period) is ``not_in_record``: its declarations, if any, are not there,
which is never "none".
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from typing import Literal, cast

import pandas as pd

from loaders.derive.cut import dataset_on
from loaders.derive.groups import members_on, memberships_of_the_35
from loaders.derive.status import bound
from loaders.store.dataset import Dataset

# Each instrument's dispute-settlement paragraph (a state may declare itself not bound by it).
DISPUTE_PARAGRAPHS = {
    "XVIII-12": "35(2)",
    "XVIII-12-a": "15(2)",
    "XVIII-12-b": "20(2)",
    "XVIII-12-c": "16(2)",
}
CONVENTION = "XVIII-12"
DECLARATIONS_SECTION = "Declarations and Reservations"
OBJECTIONS_SECTION = "Objections"
KINDS = ("reservation", "declaration", "notification", "objection")


@dataclass(frozen=True)
class Capture:
    """The 2013-2014 capture of one instrument's texts (data/reference/untc-2014/declarations)."""

    file: str
    last_changed: date  # the file's last change in the capture (its README's table)

    @property
    def published_as_at(self) -> str:
        """The month UNTC published the texts in, at the precision the capture vouches for."""
        return f"{self.last_changed:%Y-%m}"


CAPTURES = {
    "XVIII-12": Capture("18-12.txt", date(2013, 11, 18)),
    "XVIII-12-a": Capture("18-12-a.txt", date(2013, 12, 22)),
    "XVIII-12-b": Capture("18-12-b.txt", date(2013, 7, 24)),
    "XVIII-12-c": Capture("18-12-c.txt", date(2014, 7, 10)),
}
CAPTURE_SOURCE = (
    "UNTC status feed for {mtdsg_no}, section 'Declarations and Reservations', as captured by "
    "zmjones/untreaties (declarations/{file}, commit 65551ea); "
    "data/reference/untc-2014/declarations/{file}"
)

_RESERVATION = re.compile(
    r"reserv|\bnot\s+(?:consider\s+(?:itself|themselves)\s+)?(?:be\s+)?(?:bound|obligated)", re.I
)
_DECLARATION = re.compile(r"declar", re.I)
_NOTIFICATION = re.compile(r"notif", re.I)
_OBJECTION = re.compile(r"\bobjection|\bobjects?\s+to\b", re.I)
_REFERENCE = re.compile(
    r"paragraph\s+(?P<p1>\d+)\s*,?\s+of\s+(?:(?:that|this|the\s+said|said)\s+article\b"
    r"|article\s+(?P<a1>\d+))"
    r"|articles?\s+(?P<a2>\d+)(?:\s*,?\s*paragraph\s+(?P<p2>\d+)|\s*\((?P<p3>\d+)\))?"
    r"(?P<more>(?:\s*,\s*\d+\b)*(?:\s+and\s+\d+\b)?)",
    re.I,
)
_FOREIGN = re.compile(
    r"\s*(?:\([a-z]\))?\s*,?\s*of\s+the\s+(?P<which>Vienna\s+Convention|United\s+Nations\s+Convention)",
    re.I,
)


@dataclass(frozen=True)
class Classification:
    kinds: tuple[str, ...]
    articles: tuple[str, ...]
    dispute_settlement_reserved: bool

    def cells(self) -> dict[str, str]:
        """As the snapshot's declarations.csv keeps them."""
        return {
            "kinds": ";".join(self.kinds),
            "articles": ";".join(self.articles),
            "dispute_settlement_reserved": "true" if self.dispute_settlement_reserved else "false",
        }


def _article_key(reference: str) -> tuple[int, int]:
    number, _, paragraph = reference.partition("(")
    return int(number), int(paragraph.rstrip(")") or 0)


def articles_in(text: str, mtdsg_no: str) -> tuple[str, ...]:
    """The instrument's articles a text refers to (see the module docstring)."""
    found: set[str] = set()
    last: str | None = None
    for match in _REFERENCE.finditer(text):
        foreign = _FOREIGN.match(text, match.end())
        if foreign and ("Vienna" in foreign["which"] or mtdsg_no != CONVENTION):
            continue
        if match["p1"]:
            article = match["a1"] or last
            if article:
                found.add(f"{article}({match['p1']})")
                last = article
            continue
        last = match["a2"]
        paragraph = match["p2"] or match["p3"]
        found.add(f"{last}({paragraph})" if paragraph else last)
        for number in re.findall(r"\d+", match["more"] or ""):
            found.add(number)
            last = number
    return tuple(sorted(found, key=_article_key))


def classify(text: str, mtdsg_no: str, section: str = DECLARATIONS_SECTION) -> Classification:
    """Kinds, articles and whether dispute settlement is reserved (see the module docstring)."""
    patterns = (_RESERVATION, _DECLARATION, _NOTIFICATION, _OBJECTION)
    kinds = [
        kind
        for kind, pattern in zip(KINDS, patterns, strict=True)
        if pattern.search(text) or (kind == "objection" and section == OBJECTIONS_SECTION)
    ] or ["declaration"]
    if "objection" in kinds and "reservation" in kinds:
        kinds.remove("reservation")
    articles = articles_in(text, mtdsg_no)
    reserved = "reservation" in kinds and DISPUTE_PARAGRAPHS.get(mtdsg_no) in articles
    return Classification(tuple(kinds), articles, reserved)


def parse_blocks(text: str) -> list[tuple[str, str]]:
    """``(participant, text)`` for each block ``#<participant name>`` followed by its text."""
    blocks = []
    for block in re.split(r"^#", text, flags=re.M)[1:]:
        name, _, body = block.partition("\n")
        if name.strip() and body.strip():
            blocks.append((name.strip(), body.strip()))
    return blocks


# --- what the record covers, per state and instrument ---------------------------------------

Coverage = Literal["texts", "none_in_record", "not_in_record", "not_party"]
Category = Literal[
    "dispute_settlement", "other_reservation", "declaration_only", "none", "not_in_record",
    "not_party",
]  # fmt: skip
COVERAGE_COLUMNS = [
    "iso3", "state", "instrument", "mtdsg_no", "coverage", "category", "kinds", "articles",
    "dispute_settlement_reserved", "text", "source", "published_as_at",
]  # fmt: skip


def published_as_at(dataset: Dataset, instrument: str) -> str:
    """The date the declarations record of ``instrument`` is as published by UNTC.

    A refreshed instrument's texts are as at its page's status; else they are the capture's.
    """
    meta = dataset.meta.instruments.get(instrument)
    if meta is not None and meta.retrieved_at is not None and meta.status_as_at is not None:
        return meta.status_as_at.isoformat()
    return CAPTURES[dataset.instruments.loc[instrument, "mtdsg_no"]].published_as_at


def _joined(values: pd.Series) -> str:
    return "\n\n".join(v for v in values if v)


def _union(values: pd.Series, order: Sequence[str] | None = None) -> str:
    items = {item for value in values for item in value.split(";") if item}
    ordered = [k for k in order if k in items] if order else sorted(items, key=_article_key)
    return ";".join(ordered)


def coverage_frame(dataset: Dataset) -> pd.DataFrame:
    """One row per state and instrument: what the declarations record says (COVERAGE_COLUMNS).

    ``coverage``: ``texts`` (the record has a text), ``not_party`` (no text, not a party),
    ``not_in_record`` (no text; a party whose consent is not certainly before the record's
    date), ``none_in_record`` (no text; a party before it). ``category`` (the reservations
    matrix): ``dispute_settlement`` (reserves the dispute-settlement paragraph, maybe more),
    ``other_reservation`` (a reservation, not of that paragraph), ``declaration_only``, else
    ``none``, ``not_in_record`` or ``not_party`` as the coverage. Several texts of one state on
    one instrument are joined (kinds and articles united; text joined by a blank line).
    """
    status = dataset.status[["iso3", "instrument", "mtdsg_no", "consent_date"]]
    declarations = dataset.declarations
    texts = (
        declarations.assign(
            text=declarations["text"].where(
                declarations["section"] == DECLARATIONS_SECTION,
                declarations["section"] + ": " + declarations["text"],
            )
        )
        .groupby(["iso3", "instrument"], sort=False)
        .agg(
            kinds=("kinds", lambda v: _union(v, KINDS)),
            articles=("articles", _union),
            dispute_settlement_reserved=("dispute_settlement_reserved", "any"),
            text=("text", _joined),
            source=("source", lambda v: "; ".join(dict.fromkeys(s for s in v if s))),
            published=("published_as_at", lambda v: max(v, default="")),
        )
        .reset_index()
    )
    frame = status.merge(texts, on=["iso3", "instrument"], how="left")
    record = frame["instrument"].map(lambda i: published_as_at(dataset, i))
    frame["published_as_at"] = (
        frame["published"].fillna("").where(frame["published"].fillna("") != "", record)
    )
    record_from = record.map(lambda t: bound(t, latest=False))
    has_text = frame["text"].notna()
    party = frame["consent_date"].notna()
    frame["coverage"] = "none_in_record"
    frame.loc[party & (frame["consent_date"] >= record_from), "coverage"] = "not_in_record"
    frame.loc[~party, "coverage"] = "not_party"
    frame.loc[has_text, "coverage"] = "texts"
    frame["dispute_settlement_reserved"] = frame["dispute_settlement_reserved"].fillna(False)
    frame = frame.fillna({"kinds": "", "articles": "", "text": "", "source": ""})
    frame["category"] = frame["coverage"].map({"none_in_record": "none"}).fillna(frame["coverage"])
    reserved = frame["kinds"].str.split(";").map(lambda kinds: "reservation" in kinds)
    frame.loc[has_text, "category"] = "declaration_only"
    frame.loc[has_text & reserved, "category"] = "other_reservation"
    frame.loc[frame["dispute_settlement_reserved"].astype(bool), "category"] = "dispute_settlement"
    frame["dispute_settlement_reserved"] = frame["dispute_settlement_reserved"].astype(bool)
    frame["state"] = frame["iso3"].map(dataset.states["name"])
    order = {i: n for n, i in enumerate(dataset.instrument_ids)}
    frame = frame.sort_values(
        ["instrument", "state"], key=lambda s: s.map(order) if s.name == "instrument" else s
    )
    return frame[COVERAGE_COLUMNS].reset_index(drop=True)


def declaration_coverage(dataset: Dataset, iso3: str, instrument: str) -> Coverage:
    """``texts``, ``none_in_record``, ``not_in_record`` or ``not_party`` (see coverage_frame)."""
    frame = coverage_frame(dataset)
    row = frame[(frame["iso3"] == iso3) & (frame["instrument"] == instrument)]
    if row.empty:
        raise KeyError(f"no status row for {iso3} on {instrument}")
    return cast(Coverage, row["coverage"].iloc[0])


def _chosen(
    dataset: Dataset,
    instruments: Sequence[str] | None,
    groups: Sequence[str] | None,
    as_of: date | None,
) -> pd.DataFrame:
    if as_of is not None:
        dataset = dataset_on(dataset, as_of)
    frame = coverage_frame(dataset)
    if instruments:
        frame = frame[frame["instrument"].isin(list(instruments))]
    if groups:
        members = members_on(memberships_of_the_35(dataset), as_of or date.today())
        in_groups = members.loc[members["group_id"].isin(list(groups)), "iso3"]
        frame = frame[frame["iso3"].isin(in_groups)]
    return frame.reset_index(drop=True)


def declarations_table(
    dataset: Dataset,
    instruments: Sequence[str] | None = None,
    groups: Sequence[str] | None = None,
    as_of: date | None = None,
) -> pd.DataFrame:
    """One row per state and instrument with a text, the columns of ``python -m loaders
    declarations``. Groups are the full members on ``as_of`` (default today)."""
    frame = _chosen(dataset, instruments, groups, as_of)
    frame = frame[frame["coverage"] == "texts"].copy()
    frame["dispute_settlement_reserved"] = frame["dispute_settlement_reserved"].map(
        {True: "true", False: "false"}
    )
    columns = [
        "iso3", "state", "instrument", "mtdsg_no", "kinds", "articles",
        "dispute_settlement_reserved", "text", "source", "published_as_at",
    ]  # fmt: skip
    return frame[columns].reset_index(drop=True)


def reservations_matrix(
    dataset: Dataset,
    instruments: Sequence[str] | None = None,
    groups: Sequence[str] | None = None,
    as_of: date | None = None,
) -> pd.DataFrame:
    """States x instruments: each cell a category of :func:`coverage_frame` (``Category``).

    One row per state (``iso3``, ``state``), then one column per instrument in registry order;
    groups are the full members on ``as_of`` (default today).
    """
    frame = _chosen(dataset, instruments, groups, as_of)
    wide = frame.pivot(index=["iso3", "state"], columns="instrument", values="category")
    wide = wide[[i for i in dataset.instrument_ids if i in wide.columns]]
    wide.columns.name = None
    return wide.reset_index().sort_values("state").reset_index(drop=True)
