"""The outcomes tables' declarations (loaders.model.schema), for the data package: each file of
``data/reference/outcomes/`` found by its name's prefix (a release's file carries its date)."""

from __future__ import annotations

from loaders.model.schema import ISO3_PATTERN, Column, Table

ISO3 = Column("iso3", description="ISO 3166-1 alpha-3", pattern=ISO3_PATTERN)
UNODC = {
    "title": "UNODC, Global Report on Trafficking in Persons data (data_glotip.xlsx)",
    "path": "https://dataunodc.un.org/dp-trafficking-persons",
}
WORLD_BANK = {
    "title": "World Bank SP.POP.TOTL, as kept in the data package datasets/population",
    "path": "https://github.com/datasets/population",
}
UHRI = {"title": "OHCHR Universal Human Rights Index", "path": "https://uhri.ohchr.org/"}

GLOTIP = Table(
    "outcomes-glotip",
    "UNODC trafficking data (GLOTIP), national totals of the OAS member states, as published",
    (
        ISO3,
        Column("indicator", description="UNODC's indicator name"),
        Column("year", "integer"),
        Column("value", description="as published: a count, or <5 where UNODC censors it"),
        Column("value_numeric", "integer", "the count; empty when censored (never zero)"),
        Column("censored", "boolean", true_values=("yes",), false_values=("no",)),
        Column("release", description="UNODC's workbook and its release date"),
    ),
    primary_key=("iso3", "indicator", "year"),
    extra={"sources": [UNODC]},
)
POPULATION = Table(
    "outcomes-population",
    "Total population of the 35 (World Bank), for rates per 100,000 inhabitants",
    (
        Column("Country Code", description="ISO 3166-1 alpha-3", pattern=ISO3_PATTERN),
        Column("Year", "integer"),
        Column("Value", "number", "total population, World Bank SP.POP.TOTL"),
    ),
    primary_key=("Country Code", "Year"),
    extra={"sources": [WORLD_BANK]},
)
UPR = Table(
    "outcomes-upr",
    "Universal Periodic Review recommendations naming the Palermo instruments",
    (
        Column("upr_year", "integer", "year of the review"),
        Column("state_under_review_iso3", pattern=ISO3_PATTERN),
        Column("position_as_coded_in_source", description="the state's position, as coded"),
        Column("kind", description="ratify/accede or implement/legislate"),
        Column("text", description="the recommendation, verbatim"),
    ),
    extra={"sources": [UHRI]},
)
RESOLUTIONS = Table(
    "outcomes-resolutions",
    "The OAS General Assembly's resolutions on trafficking in persons: the calls to ratify",
    (
        Column("adopted", "date", "adoption by the OAS General Assembly"),
        Column(
            "paragraph", description="the operative paragraph calling on states; empty: not read"
        ),
        Column("confidence", enum=("high", "medium", "low")),
    ),
    primary_key=("resolution",),
)
WHERE = Table(
    "outcomes-where",
    "Where to look next per state, with the date each address was checked",
    (ISO3, Column("checked", "date", "when the address was checked (in a stored copy)")),
)
PROVENANCE = Table("outcomes-provenance", "Files brought in by import-outcomes", ())
OUTCOME_TABLES = {t.name: t for t in (GLOTIP, POPULATION, UPR, RESOLUTIONS, WHERE, PROVENANCE)}
_BY_PREFIX = {
    "glotip_": GLOTIP,
    "population_": POPULATION,
    "upr_": UPR,
    "oas_resolutions": RESOLUTIONS,
    "where_to_look": WHERE,
    "provenance": PROVENANCE,
}


def outcome_table(stem: str) -> Table | None:
    """The declaration of an outcomes file, by its name."""
    return next((t for prefix, t in _BY_PREFIX.items() if stem.startswith(prefix)), None)
