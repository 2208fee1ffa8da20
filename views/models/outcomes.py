"""What followed ratification, as view models: UNODC's published series per state with the dates
of ratification marked, the sums of a group where every member reports, the calls to ratify (the
OAS General Assembly's resolutions) and the Universal Periodic Review's recommendations with what
followed. Values stay as published: ``<5`` has no number, a year without a row is a gap. Never a
ranking: states are only ever shown one at a time, or named in their registry order."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from typing import Any

import pandas as pd

from loaders.derive.groups import members_on
from loaders.derive.status import status_on
from loaders.outcomes.glotip import INDICATORS
from loaders.outcomes.store import Outcomes
from loaders.store.dataset import Dataset

INDICATOR_IDS = list(INDICATORS.values())
MARKED = ("UNTOC", "TIP")  # the instruments whose dates of ratification the charts mark
PER = 100_000
_TRAFFICKING_PROTOCOL = re.compile(
    r"Protocol|Trafficking in Persons,? (?:Especially|particularly) Women", re.IGNORECASE
)


@dataclass(frozen=True)
class Point:
    year: int
    value: str  # as published ("16,390", "<5")
    number: int | None  # None when censored
    per_100k: float | None  # None when censored or without a population for the year


@dataclass(frozen=True)
class Series:
    indicator: str  # short id, e.g. detected_victims
    points: list[Point]
    gaps: list[int]  # years between the first and last reported that have no value

    @property
    def censored(self) -> int:
        return sum(p.number is None for p in self.points)


@dataclass(frozen=True)
class Marker:
    instrument: str
    day: date  # the deposit (consent) date
    kind: str


@dataclass(frozen=True)
class StateOutcomes:
    iso3: str
    series: dict[str, Series]  # only the indicators the state reports
    markers: list[Marker]
    release: str
    last_year: int | None  # the last year a view on its date may show

    @property
    def reports_nothing(self) -> bool:
        return not self.series


def last_year_shown(as_of: date) -> int:
    """A view on ``as_of`` shows only whole years before it: a year's count is a fact about a
    year that has ended."""
    return as_of.year - 1


def _population(outcomes: Outcomes, iso3: str) -> dict[int, float]:
    rows = outcomes.population[outcomes.population["iso3"] == iso3]
    return dict(zip(rows["year"], rows["population"], strict=True))


def _series(rows: pd.DataFrame, indicator: str, population: dict[int, float]) -> Series:
    points = []
    for row in rows.sort_values("year").itertuples():
        number = None if pd.isna(row.number) else int(row.number)
        people = population.get(row.year)
        rate = number / people * PER if number is not None and people else None
        points.append(Point(int(row.year), row.value, number, rate))
    years = [p.year for p in points]
    gaps = [y for y in range(years[0], years[-1] + 1) if y not in years] if years else []
    return Series(indicator, points, gaps)


def markers(dataset: Dataset, iso3: str, as_of: date) -> list[Marker]:
    status = status_on(dataset.status[dataset.status["iso3"] == iso3], as_of)
    found = []
    for row in status.itertuples():
        if row.instrument in MARKED and pd.notna(row.consent_date):
            found.append(Marker(row.instrument, row.consent_date.date(), row.consent_kind))
    return sorted(found, key=lambda m: (m.day, MARKED.index(m.instrument)))


def state_outcomes(
    outcomes: Outcomes,
    dataset: Dataset,
    iso3: str,
    as_of: date,
    indicators: list[str] | None = None,
) -> StateOutcomes:
    last = last_year_shown(as_of)
    glotip = outcomes.glotip
    rows = glotip[(glotip["iso3"] == iso3) & (glotip["year"] <= last)]
    population = _population(outcomes, iso3)
    series = {
        indicator: _series(rows[rows["indicator"] == indicator], indicator, population)
        for indicator in indicators or INDICATOR_IDS
        if (rows["indicator"] == indicator).any()
    }
    return StateOutcomes(iso3, series, markers(dataset, iso3, as_of), outcomes.release, last)


@dataclass(frozen=True)
class GroupYear:
    year: int
    total: int | None  # None unless every member published a number that year
    missing: list[str] = field(default_factory=list)  # members without a number (registry order)
    censored: list[str] = field(default_factory=list)  # of those, the ones that published <5


@dataclass(frozen=True)
class GroupOutcomes:
    group_id: str
    indicator: str
    members: list[str]  # full members on the date, registry order
    never: list[str]  # members that report nothing for the indicator
    years: list[GroupYear]


def group_outcomes(
    outcomes: Outcomes, dataset: Dataset, group_id: str, indicator: str, as_of: date
) -> GroupOutcomes:
    """A sum per year only where every full member published a number; otherwise no sum, and the
    members without one named."""
    chosen = members_on(dataset.memberships, as_of)
    in_group = set(chosen.loc[chosen["group_id"] == group_id, "iso3"])
    members = [iso3 for iso3 in dataset.states.index if iso3 in in_group]
    glotip = outcomes.glotip
    rows = glotip[
        glotip["iso3"].isin(members)
        & (glotip["indicator"] == indicator)
        & (glotip["year"] <= last_year_shown(as_of))
    ]
    never = [m for m in members if m not in set(rows["iso3"])]
    years = []
    for year in sorted(set(rows["year"])):
        that_year = rows[rows["year"] == year].set_index("iso3")
        numbers = {i: that_year.at[i, "number"] for i in that_year.index}
        missing = [m for m in members if m not in numbers or pd.isna(numbers[m])]
        censored = [m for m in missing if m in numbers]
        total = None if missing else int(sum(int(n) for n in numbers.values()))
        years.append(GroupYear(int(year), total, missing, censored))
    return GroupOutcomes(group_id, indicator, members, never, years)


@dataclass(frozen=True)
class Call:
    resolution: str
    title: str
    adopted: date
    paragraph: str  # empty when the operative paragraph was not read
    call: str  # what the resolution asks, in the record's English
    source_url: str
    confidence: str


def calls_to_ratify(outcomes: Outcomes, as_of: date) -> list[Call]:
    """The General Assembly's resolutions on trafficking adopted on or before ``as_of``."""
    frame = outcomes.resolutions.sort_values("adopted")
    return [
        Call(r.resolution, r.title, r.adopted, r.paragraph, r.call, r.source_url, r.confidence)
        for r in frame.itertuples()
        if r.adopted <= as_of
    ]


@dataclass(frozen=True)
class Followed:
    year: int
    recommending_state: str
    position: str  # as coded in the source ("support", "consider", "implemented", "Supported")
    kind: str  # "ratify" or "implement"
    instrument: str  # UNTOC or TIP: the instrument the recommendation names
    text: str  # the recommendation in the record's English
    source: str
    outcome: str  # already_party, party_since, no_deposit; implement: party, not_party
    consent: date | None
    verified_through: str  # the status row's verification date (for no_deposit)


def target_instrument(text: str) -> str:
    """The Trafficking Protocol if the recommendation names it, else the Convention."""
    return "TIP" if _TRAFFICKING_PROTOCOL.search(text) else "UNTOC"


def _outcome(kind: str, year: int, consent: date | None) -> str:
    if kind == "implement":
        return "party" if consent else "not_party"
    if consent is None:
        return "no_deposit"
    return "already_party" if consent < date(year, 1, 1) else "party_since"


def recommendations_followed(
    outcomes: Outcomes, dataset: Dataset, iso3: str | None, as_of: date
) -> dict[str, list[Followed]]:
    """Each recommendation made on or before ``as_of`` (to ``iso3``, or to every state), joined to
    the status of the instrument it names on that date; by state in registry order."""
    frame = outcomes.recommendations
    frame = frame[frame["upr_year"] <= as_of.year]
    if iso3:
        frame = frame[frame["state_under_review_iso3"] == iso3]
    status = status_on(dataset.status, as_of).set_index(["iso3", "instrument"])
    result: dict[str, list[Followed]] = {}
    for state in [s for s in dataset.states.index if s in set(frame["state_under_review_iso3"])]:
        rows = frame[frame["state_under_review_iso3"] == state].sort_values("upr_year")
        result[state] = [
            _followed(r, status.loc[(state, target_instrument(r.text))]) for r in rows.itertuples()
        ]
    return result


# row: a named tuple of DataFrame.itertuples(), which pandas leaves untyped.
def _followed(row: Any, facts: pd.Series) -> Followed:
    kind = "ratify" if row.kind.startswith("ratify") else "implement"
    consent = facts["consent_date"].date() if pd.notna(facts["consent_date"]) else None
    instrument = target_instrument(row.text)
    return Followed(
        year=int(row.upr_year),
        recommending_state=row.recommending_state,
        position=row.position_as_coded_in_source,
        kind=kind,
        instrument=instrument,
        text=row.text,
        source=row.source,
        outcome=_outcome(kind, int(row.upr_year), consent),
        consent=consent,
        verified_through=facts["verified_through"],
    )


@dataclass(frozen=True)
class Link:
    kind: str  # sherloc_legislation, sherloc_portal, untoc_review_mechanism
    url: str
    checked: str  # YYYY-MM-DD
    checked_how: str  # in the record's English


def where_to_look(outcomes: Outcomes, iso3: str) -> list[Link]:
    rows = outcomes.links[outcomes.links["iso3"] == iso3]
    return [Link(r.kind, r.url, r.checked, r.checked_how) for r in rows.itertuples()]
