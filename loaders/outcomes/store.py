"""The outcomes tables of ``data/reference/outcomes/``, read and checked into pandas frames."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from loaders.outcomes.errors import OutcomesFormatError
from loaders.outcomes.glotip import INDICATORS, TOTALS_COLUMNS, check_value
from loaders.outcomes.uhri import SEED_COLUMNS
from loaders.paths import DataPaths

FOLDER = "outcomes"
GLOTIP_PATTERN = "glotip_oas35_totals_*.csv"
UPR_PATTERN = "upr_*.csv"
POPULATION = "population_worldbank_oas35.csv"
RESOLUTIONS = "oas_resolutions_trafficking.csv"
WHERE_TO_LOOK = "where_to_look.csv"
PROVENANCE = "provenance.csv"
PROVENANCE_COLUMNS = ["file", "source", "release", "rows", "sha256", "imported_at"]
POPULATION_SOURCE = (
    "World Bank, SP.POP.TOTL, as kept in the data package datasets/population "
    "(data/population.csv @425fc44, 6 March 2026; ODC-PDDL-1.0)"
)


def outcomes_folder(data: Path) -> Path:
    return DataPaths(data).reference_file(FOLDER)


@dataclass(frozen=True)
class Outcomes:
    # One row per state, indicator (short id) and year reported: value as published, number
    # (None when censored), censored (bool), indicator_name (UNODC's), release.
    glotip: pd.DataFrame
    population: pd.DataFrame  # iso3, year, population
    recommendations: pd.DataFrame  # the seed's columns, every file, duplicates dropped
    resolutions: pd.DataFrame  # resolution, title, adopted (date), plenary, paragraph, ...
    links: pd.DataFrame  # iso3, kind, url, checked, checked_how
    release: str  # e.g. "UNODC data portal data_glotip.xlsx, release dated 14/04/2025"
    glotip_file: str
    population_source: str = POPULATION_SOURCE


def _read(path: Path, columns: list[str]) -> pd.DataFrame:
    try:
        frame = pd.read_csv(path, dtype=str, keep_default_na=False)
    except (OSError, pd.errors.ParserError) as exc:
        raise OutcomesFormatError(f"{path.name}: cannot be read ({exc})") from None
    if missing := [c for c in columns if c not in frame.columns]:
        raise OutcomesFormatError(f"{path.name}: missing columns {', '.join(missing)}")
    return frame


def glotip_frame(path: Path) -> pd.DataFrame:
    frame = _read(path, TOTALS_COLUMNS)
    unknown = set(frame["indicator"]) - set(INDICATORS)
    if unknown:
        raise OutcomesFormatError(f"{path.name}: unknown indicators {sorted(unknown)}")
    try:
        frame["value"] = frame["value"].map(check_value)
    except ValueError as exc:
        raise OutcomesFormatError(f"{path.name}: {exc}") from None
    frame["indicator_name"] = frame["indicator"]
    frame["indicator"] = frame["indicator"].map(INDICATORS)
    frame["year"] = frame["year"].astype(int)
    frame["censored"] = frame["value"] == "<5"
    numbers = frame["value"].str.replace(",", "", regex=False)
    frame["number"] = pd.array(
        [None if c else int(n) for c, n in zip(frame["censored"], numbers, strict=True)],
        dtype="Int64",
    )
    return frame.drop(columns=["value_numeric"])


def load_outcomes(data: Path) -> Outcomes:
    """Every outcomes table; an OutcomesFormatError (one line) names a damaged file."""
    folder = outcomes_folder(data)
    files = sorted(folder.glob(GLOTIP_PATTERN))
    if not files:
        raise OutcomesFormatError(f"{folder}: no {GLOTIP_PATTERN}")
    glotip = glotip_frame(files[-1])  # the newest release by its name
    population = _read(folder / POPULATION, ["Country Code", "Year", "Value"])
    population = pd.DataFrame(
        {
            "iso3": population["Country Code"],
            "year": population["Year"].astype(int),
            "population": population["Value"].astype(float),
        }
    )
    upr = [_read(p, SEED_COLUMNS) for p in sorted(folder.glob(UPR_PATTERN))]
    recommendations = (
        pd.concat(upr, ignore_index=True) if upr else pd.DataFrame(columns=SEED_COLUMNS)
    )
    recommendations = recommendations.drop_duplicates(
        ["upr_year", "state_under_review_iso3", "text"]
    ).reset_index(drop=True)
    recommendations["upr_year"] = recommendations["upr_year"].astype(int)
    resolutions = _read(folder / RESOLUTIONS, ["resolution", "adopted", "paragraph", "source_url"])
    resolutions["adopted"] = pd.to_datetime(resolutions["adopted"], format="%Y-%m-%d").dt.date
    links = _read(folder / WHERE_TO_LOOK, ["iso3", "kind", "url", "checked", "checked_how"])
    release = glotip["release"].iloc[0] if len(glotip) else ""
    return Outcomes(
        glotip=glotip,
        population=population,
        recommendations=recommendations,
        resolutions=resolutions,
        links=links,
        release=release,
        glotip_file=files[-1].name,
    )
