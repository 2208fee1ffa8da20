"""The outcomes in words of the reader's language: what followed a recommendation, the calls to
ratify, where to look, a group's sums. Shared by the State profile, the briefs and the command
line. Records (recommendation texts, positions not in the catalogue) stay in their English."""

from __future__ import annotations

from datetime import date

from views.models.outcomes import Call, Followed, GroupOutcomes, GroupYear, Link, Point
from views.text.i18n import Translator, catalogue, format_number, state_name
from views.text.words import join_words, partial_date_text

CAVEATS = ("outcomes.caveat_prevalence", "outcomes.caveat_comparison")
RELEASED = date(2025, 4, 14)  # UNODC's release of the bundled GLOTIP data


def indicator_label(indicator: str, language: str) -> str:
    return Translator(language)(f"outcomes.indicator.{indicator}")


def value_text(point: Point, language: str) -> str:
    """The value as published: ``<5`` stays ``<5``; a count in the reader's digits."""
    return point.value if point.number is None else format_number(point.number, language)


def rate_text(point: Point, language: str) -> str:
    return "" if point.per_100k is None else format_number(point.per_100k, language, 2)


def caveats(language: str) -> list[str]:
    t = Translator(language)
    return [t(key) for key in CAVEATS]


def source_line(release: str, language: str) -> str:
    """UNODC's release in words (the bundled one by its date, another by its record)."""
    t = Translator(language)
    named = t("outcomes.release", date=t.date(RELEASED)) if "14/04/2025" in release else release
    return t("outcomes.source", release=named)


def position_text(position: str, language: str) -> str:
    key = f"outcomes.position.{position.strip().casefold()}"
    return catalogue(language).get(key, position)


def followed_text(item: Followed, language: str) -> str:
    """``recommended in 2011, party since 16 July 2013`` and the like."""
    t = Translator(language)
    sentence = t(
        f"outcomes.followed.{item.outcome}",
        year=item.year,
        date=t.date(item.consent) if item.consent else "",
        verified=partial_date_text(item.verified_through, language),
    )
    return t.label(t(f"instrument.{item.instrument}.short"), sentence)


def recommendation_line(item: Followed, language: str) -> str:
    who = f"{item.year}, {item.recommending_state} ({position_text(item.position, language)})"
    return f"{who} — {followed_text(item, language)}"


def call_line(call: Call, language: str) -> str:
    t = Translator(language)
    paragraph = (
        t("outcomes.calls.paragraph", number=call.paragraph)
        if call.paragraph
        else t("outcomes.calls.no_paragraph")
    )
    return t(
        "outcomes.calls.line",
        resolution=call.resolution,
        date=t.date(call.adopted),
        paragraph=paragraph,
    )


def link_label(link: Link, state: str, language: str) -> str:
    return Translator(language)(f"outcomes.look.{link.kind}", state=state)


def link_checked(link: Link, language: str) -> str:
    t = Translator(language)
    return t("outcomes.look.checked", date=t.date(date.fromisoformat(link.checked)))


def group_note(year: GroupYear, language: str) -> str:
    """Empty under a sum; else no sum that year, and the members without a number, named."""
    if year.total is not None:
        return ""
    states = join_words([state_name(m, language) for m in year.missing], language)
    return Translator(language)("outcomes.group.no_total", year=year.year, states=states)


def group_never(view: GroupOutcomes, language: str) -> str:
    """The members that report nothing for the indicator, named (empty if none)."""
    if not view.never:
        return ""
    states = join_words([state_name(m, language) for m in view.never], language)
    return Translator(language)("outcomes.group.never", states=states)
