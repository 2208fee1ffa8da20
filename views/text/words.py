"""The dashboard's phrases: dates in words, honest status phrases, labels of groups and instruments.

No streamlit here. Every sentence the dashboard writes about a state is worded (and tested) once,
here and in the catalogues of locales/ (``language``: en, es, pt or fr; see views.text.i18n).
Statuses follow loaders.derive: a status on a date only counts acts dated on or before it, and
``status_verified`` is False where the snapshot cannot vouch for a non-party status on that date
(the state may have acted since its row was last verified).
"""

from __future__ import annotations

import re
import textwrap
from collections.abc import Sequence
from datetime import date
from typing import Any

import pandas as pd

from loaders.derive import DAYS_PER_YEAR, PARTY, SIGNATORY
from loaders.derive.groups import any_group_memberships, every_group_id
from loaders.model.dates import PartialDate
from loaders.model.text import escape_markdown, plain_text
from loaders.store.dataset import Dataset
from views.text.i18n import (
    catalogue,
    format_date,
    format_month,
    format_number,
    format_short_date,
    translate,
    translate_count,
)
from views.text.i18n import join_words as _join_words

STALE_AFTER_DAYS = 180
# UNTC's section headings (loaders.untc) -> catalogue keys
SECTIONS = {
    "Declarations and Reservations": "section.declarations",
    "Objections": "section.objections",
    "Territorial Application": "section.territorial",
}
# The commands as the reader types them in the project's folder: the virtual environment's
# Python (``make run`` makes it); a bare ``python`` outside it lacks the packages.
CLI = ".venv/bin/python -m loaders"
REFRESH_COMMAND, MAKE_REFRESH = f"`{CLI} refresh`", "`make refresh`"
RESTORE_COMMAND = f"`{CLI} restore`"
EXPORT_COMMAND = f"`{CLI} export`"
DECLARATIONS_COMMAND = f"`{CLI} declarations`"


def refresh_how(language: str = "en") -> str:
    """``.venv/bin/python -m loaders refresh`` (or ``make refresh``), in words of ``language``."""
    return translate(language, "refresh.how", command=REFRESH_COMMAND, make=MAKE_REFRESH)


# --- dates in words ---------------------------------------------------------------------------


def long_date(value: date | pd.Timestamp | None, language: str = "en") -> str:
    """``4 June 2009``, ``4 de junio de 2009``…; empty for a missing date."""
    if value is None or pd.isna(value):
        return ""
    return format_date(value, language)


def short_date(value: date | pd.Timestamp | None, language: str = "en") -> str:
    """``4 Jun 2009``, ``4 jun 2009``…, for tables; empty for a missing date."""
    if value is None or pd.isna(value):
        return ""
    return format_short_date(value, language)


def partial_date_text(text: str, language: str = "en") -> str:
    """A partial date in words at its precision: ``2014``, ``January 2014``, ``27 January 2014``."""
    if not text:
        return ""
    partial = PartialDate.parse(text)
    day = partial.earliest()
    if partial.precision == "day":
        return long_date(day, language)
    return format_month(day, language) if partial.precision == "month" else f"{day:%Y}"


def age_text(then: date, today: date, language: str = "en") -> str:
    """How long ago ``then`` was, in the largest whole unit: ``12 years ago``, ``3 months ago``."""
    days = (today - then).days
    years = today.year - then.year - ((today.month, today.day) < (then.month, then.day))
    months = (today.year - then.year) * 12 + today.month - then.month - (today.day < then.day)
    if years >= 1:
        return translate_count(language, "age.years", years)
    if months >= 1:
        return translate_count(language, "age.months", months)
    if days <= 0:
        return translate(language, "age.today")
    return translate_count(language, "age.days", days)


def duration_text(days: float | None, language: str = "en") -> str:
    """A span of days read naturally: ``25 days``, ``7 months``, ``4.2 years``."""
    if days is None or pd.isna(days):
        return ""
    days = int(days)
    if days < 61:
        return translate_count(language, "duration.days", days)
    if days < 2 * DAYS_PER_YEAR:
        return translate(language, "duration.months", n=round(days / 30.44))
    return translate(language, "duration.years", n=format_number(days / DAYS_PER_YEAR, language, 1))


def data_age(dataset: Dataset, today: date) -> tuple[date, int] | None:
    """The oldest per-instrument "status as at" date of the snapshot, and its age in days."""
    dates = [m.status_as_at for m in dataset.meta.instruments.values() if m.status_as_at]
    if not dates:
        return None
    oldest = min(dates)
    return oldest, (today - oldest).days


# --- statuses in words --------------------------------------------------------------------------


def status_category(status: str, verified: bool) -> str:
    """The status, with ``_unverified`` where the snapshot cannot vouch for it on the date."""
    return status if verified or status == PARTY else f"{status}_unverified"


def status_label(
    status: str, verified: bool, verified_through: str = "", language: str = "en"
) -> str:
    """A short label: ``Party``, ``Signed, not party``, ``No action as of July 2014 (not verified
    since)``."""
    label = translate(language, f"status.{status}")
    if verified or status == PARTY:
        return label
    checked = partial_date_text(verified_through, language)
    return translate(language, "status.unverified", status=label, checked=checked)


def category_label(category: str, language: str = "en") -> str:
    """A status category (see :func:`status_category`) in words, for legends and badges."""
    return translate(language, f"category.{category}")


def kind_text(kind: str, inferred: bool = False, language: str = "en") -> str:
    if not kind:
        return ""
    key = f"kind.{kind}"
    words = translate(language, key) if key in catalogue(language) else kind
    return translate(language, "kind.inferred", kind=words) if inferred else words


def status_sentence(row: pd.Series | dict[str, Any], language: str = "en") -> str:
    """What a state has done on an instrument, honest about what the snapshot cannot vouch for."""
    status = row["status"]
    if status == PARTY:
        kind = kind_text(row["consent_kind"], bool(row.get("kind_inferred")), language)
        return translate(
            language, "sentence.party", date=long_date(row["consent_date"], language), kind=kind
        )
    done = (
        translate(language, "sentence.signatory", date=long_date(row["signature_date"], language))
        if status == SIGNATORY
        else translate(language, "sentence.no_action")
    )
    if row["status_verified"]:
        return done
    checked = partial_date_text(row["verified_through"], language)
    return translate(language, "sentence.unverified", done=done, checked=checked)


def status_brief(row: pd.Series | dict[str, Any], language: str = "en") -> str:
    """:func:`status_sentence` for lists: ``signed 20 March 2002; not party as of May 2020 (not
    verified since)``, ``no action as of July 2014 (not verified since)``."""
    status = row["status"]
    if status == PARTY:
        return translate(language, "brief.party", date=long_date(row["consent_date"], language))
    signed = long_date(row["signature_date"], language)
    if row["status_verified"]:
        return translate(language, f"brief.{status}", date=signed)
    checked = partial_date_text(row["verified_through"], language)
    return translate(language, f"brief.{status}_unverified", date=signed, checked=checked)


def confidence_text(confidence: str, language: str = "en") -> str:
    """Empty for confirmed facts, a warning phrase otherwise."""
    return "" if confidence == "high" else translate(language, f"caution.{confidence}")


def confidence_word(confidence: str, language: str = "en") -> str:
    """``high``, ``medium`` or ``low`` in words of ``language``."""
    return translate(language, f"confidence.{confidence}")


def role_word(role: str, language: str = "en") -> str:
    """``member``, ``associate`` or ``observer`` in words of ``language``."""
    return translate(language, f"role.{role}")


def group_label(name: str) -> str:
    """A short name for a group: the acronym in brackets, or the region of a UN M49 group."""
    if name.startswith("UN M49:"):
        return f"{name.removeprefix('UN M49:').strip()} (UN M49)"
    bracket = re.search(r"\(([^)]*)\)\s*$", name)
    if bracket and bracket.group(1).isupper():
        return bracket.group(1)
    return name.split(" (")[0]


def group_labels(dataset: Dataset, language: str = "en") -> dict[str, str]:
    """Group id -> short name in ``language`` (the catalogue's, or one made from the group's name
    for a group the catalogues do not know yet)."""
    memberships = any_group_memberships(dataset)
    names = memberships.drop_duplicates("group_id").set_index("group_id")["group_name"]
    texts = catalogue(language)
    return {
        g: texts.get(f"group.{g}.label") or group_label(names[g]) for g in every_group_id(dataset)
    }


def group_option_labels(dataset: Dataset, language: str = "en") -> dict[str, str]:
    """Group id -> the groups box's option: an abbreviation with the full name (``CAN — Andean
    Community``), so that typing either finds it; a label that is already words stays as is."""
    texts = catalogue(language)
    options = {}
    for group, label in group_labels(dataset, language).items():
        name = texts.get(f"group.{group}.name", "").replace(f" ({label})", "").strip()
        options[group] = (
            f"{label} — {name}" if label.isupper() and name and name != label else label
        )
    return options


def instrument_label(dataset: Dataset, instrument: str) -> str:
    """The instrument's short title (in the language of a :func:`localized` dataset)."""
    return str(dataset.instruments.loc[instrument, "short_title"])


def instrument_brief(dataset: Dataset, instrument: str) -> str:
    """The shortest name, for counts and buttons: ``Trafficking in Persons``, ``Firearms``."""
    return str(dataset.instruments.loc[instrument, "brief"])


def family_short(dataset: Dataset, instrument: str) -> str:
    """The short title of any instrument of the registry, for sentences."""
    return str(dataset.registry.loc[instrument, "short_title"])


def instrument_abbr(dataset: Dataset, instrument: str) -> str:
    """One word, for narrow table columns: ``Convention``, ``Trafficking``, ``Firearms``."""
    return str(dataset.instruments.loc[instrument, "abbr"])


_CODE = re.compile(r"[A-Za-z0-9][A-Za-z0-9_.:-]{0,39}")


def plain(value: object, limit: int | None = 60) -> str:
    """A value from a link, a path or upstream, shown as plain text wherever markdown draws it:
    no control or bidi character, every markup character escaped (no link, image, emphasis or
    code span can be made of it), cut to ``limit`` characters (None: whole). The one way such a
    value reaches a page: the catalogues never put it inside a code span (a backslash would
    show there)."""
    text = plain_text("" if value is None else str(value))
    if limit is not None and len(text) > limit:
        text = text[: limit - 1] + "…"
    return escape_markdown(text)


_BREAK = re.compile(r"[ \t\r\n]")  # where a word ends (never a no-break space)


def cut_at_word(text: str, limit: int, mark: str = " […]") -> str:
    """``text`` whole if it has at most ``limit`` characters; else its start, cut at the end of
    the last word that fits in ``limit`` characters, then ``mark`` ("… does not consider […]",
    never "itsel […]"). A start with no space in it (one long word, an address) has no word's
    end to cut at: it is cut at ``limit`` characters."""
    if len(text) <= limit:
        return text
    head = text[: limit + 1]  # a space just past the limit: the last word ends at the limit
    breaks = [m.start() for m in _BREAK.finditer(head)]
    cut = head[: breaks[-1]] if breaks and head[: breaks[-1]].strip() else text[:limit]
    return cut.rstrip(" \t\r\n\u00a0,;:") + mark


def wrap_lines(text: str, width: int) -> list[str]:
    """``text`` in lines of at most ``width`` characters, broken between words only (a longer
    word has a line of its own); one line when it fits."""
    return textwrap.wrap(text, width, break_long_words=False, break_on_hyphens=False) or [text]


def plain_code(value: object) -> str:
    """A code (an ISO3, an MTDSG number, a date) as a code span when it is one, else as
    :func:`plain` text: a value from upstream that is not a code never makes markup."""
    text = "" if value is None else str(value)
    return f"`{text}`" if _CODE.fullmatch(text) else plain(text, None)


def join_words(words: Sequence[str], language: str = "en") -> str:
    """``A``, ``A and B``, ``A, B and C`` (``A, B y C``, ``A, B e C``, ``A, B et C``)."""
    return _join_words(words, language)


def step_line(step: str, when: str, language: str = "en") -> str:
    """A step at home in words: ``Step at home (2 May 2006): declared a decision not to ratify``."""
    return translate(
        language,
        "step.line",
        date=partial_date_text(when, language),
        step=translate(language, f"step.{step}"),
    )


# The researchers' remarks to one another inside a source record: an instruction ("check
# against UNTC"), a memo ("NB: ..."), an open conflict ("CONFLICT: ..."), where a row was copied
# from ("[row taken from shared/reference/...]"). A reader gets the record without them.
_REMARKS = (
    re.compile(r"\s*\[row taken from [^\]]*\]"),
    re.compile(r"[:;,]?\s*\b(?:check|verify|confirm) against [^.;]*(?:[.;](?=\s|$))?", re.I),
    re.compile(r"\s*\b(?:NB|CONFLICT|TODO):[^;]*?(?:[.;](?=\s|$)|$)"),
)


def reader_record(text: str) -> str:
    """A source record as a reader is meant to read it: the record without the researchers'
    remarks (``_REMARKS``), the rest word for word."""
    for remark in _REMARKS:
        text = remark.sub("", text)
    return text.strip()
