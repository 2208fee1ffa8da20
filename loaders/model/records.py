"""Validated records: what every fact must look like before the project keeps it."""

from __future__ import annotations

from datetime import date, datetime
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

from loaders.model.dates import PartialDate, latest_possible

ConsentKind = Literal[
    "ratification", "acceptance", "approval", "accession", "succession", "formal_confirmation"
]
Confidence = Literal["high", "medium", "low"]
# suspended: still a member in law but suspended from its rights; never counted as a member.
Role = Literal["member", "associate", "observer", "suspended"]

# UNTC writes the kind of consent as a suffix after the date; no suffix means ratification.
KIND_BY_SUFFIX: dict[str, ConsentKind] = {
    "": "ratification",
    "A": "acceptance",
    "AA": "approval",
    "a": "accession",
    "d": "succession",
    "c": "formal_confirmation",
}


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


def _check_partial(value: str | None) -> str | None:
    if value in (None, ""):
        return None
    return str(PartialDate.parse(value))


class Instrument(_Strict):
    id: str = Field(pattern=r"^[A-Z][A-Z0-9_]*$")
    mtdsg_no: str = Field(pattern=r"^[IVXL]+-\d+(-[a-z])?$")
    chapter: int
    short_title: str
    title: str
    adopted: date
    adopted_by: str
    opened_for_signature: date
    opened_for_signature_basis: str
    entry_into_force: date
    eif_article: str
    parent: str | None = None
    source: str


class State(_Strict):
    iso3: str = Field(pattern=r"^[A-Z]{3}$")
    name: str
    untc_name: str
    untc_aliases: tuple[str, ...] = ()
    marker_lat: float = Field(ge=-90, le=90)
    marker_lon: float = Field(ge=-180, le=180)
    marker_basis: str
    count_note: str = ""
    oas_joined: str | None = None
    oas_note: str = ""
    oas_source: str = ""
    oas_confidence: Confidence = "high"

    _joined = field_validator("oas_joined")(_check_partial)


class Membership(_Strict):
    group_id: str
    group_name: str
    iso3: str = Field(pattern=r"^[A-Z]{3}$")
    role: Role
    from_date: str | None = None
    to_date: str | None = None
    note: str = ""
    source: str = ""
    confidence: Confidence

    _dates = field_validator("from_date", "to_date")(_check_partial)


DomesticStepKind = Literal[
    "approved_by_lower_chamber",
    "approved_by_legislature",
    "declined",
    "implementing_legislation_pending",
]


class DomesticStep(_Strict):
    """A step a state took at home towards (or against) becoming a party; not a depositary fact."""

    iso3: str = Field(pattern=r"^[A-Z]{3}$")
    mtdsg_no: str
    date: str  # YYYY, YYYY-MM or YYYY-MM-DD: the precision the source gives
    step: DomesticStepKind
    detail: str
    source: str = Field(min_length=1)
    confidence: Confidence

    _date = field_validator("date")(_check_partial)


class WorldCount(_Strict):
    """The worldwide signatories and parties of one instrument, from UNTC's status page header."""

    mtdsg_no: str
    signatories: int = Field(ge=0)
    parties: int = Field(ge=0)
    status_as_at: date
    source: str = Field(min_length=1)


class StatusRecord(_Strict):
    """One state's standing on one instrument, as the snapshot keeps it."""

    iso3: str = Field(pattern=r"^[A-Z]{3}$")
    mtdsg_no: str
    participant: str
    signature_date: date | None = None
    consent_date: date | None = None
    consent_kind: ConsentKind | None = None
    kind_inferred: bool = False
    verified_through: str
    confidence: Confidence
    source: str
    note: str = ""

    _verified = field_validator("verified_through")(_check_partial)

    @model_validator(mode="after")
    def _consistent(self) -> StatusRecord:
        if (self.consent_date is None) != (self.consent_kind is None):
            raise ValueError("consent_date and consent_kind go together")
        if self.signature_date and self.consent_date and self.signature_date > self.consent_date:
            raise ValueError("signature after consent")
        latest_act = max(filter(None, (self.signature_date, self.consent_date)), default=None)
        if latest_act and latest_act > PartialDate.parse(self.verified_through).latest():
            raise ValueError("an act dated after the date it is verified through")
        return self


def act_date_problems(
    instrument: Instrument, signature: date | None, consent: date | None, today: date
) -> list[str]:
    """Why a signature and consent cannot be facts of ``instrument`` read on ``today`` ([] if
    they can): nothing before its adoption, no signature before it opened for signature, no act
    in the future (beyond a day's grace) and no consent before the signature."""
    problems = []
    latest = latest_possible(today)
    for label, day, earliest, since in (
        ("signature", signature, instrument.opened_for_signature, "opened for signature"),
        ("consent", consent, instrument.adopted, "adopted"),
    ):
        if day is None:
            continue
        if day < earliest:
            problems.append(
                f"{label} dated {day.isoformat()}, before the instrument was {since} "
                f"({earliest.isoformat()})"
            )
        if day > latest:
            problems.append(f"{label} dated {day.isoformat()}, in the future (today {today})")
    if signature and consent and signature > consent:
        problems.append("signature after consent")
    return problems


def status_as_at_problems(instrument: Instrument, as_at: date, today: date) -> list[str]:
    """Why a "status as at" cannot be a real one for ``instrument`` read on ``today``."""
    if as_at < instrument.adopted:
        return [
            f"status as at {as_at.isoformat()}, before the instrument was adopted "
            f"({instrument.adopted.isoformat()})"
        ]
    if as_at > latest_possible(today):
        return [f"status as at {as_at.isoformat()}, in the future (today {today})"]
    return []


class Participant(_Strict):
    """One row of a UNTC participant grid, cleaned."""

    name: str
    footnotes: tuple[str, ...] = ()
    signature_date: date | None = None
    consent_date: date | None = None
    consent_kind: ConsentKind | None = None
    kind_inferred: bool = False
    withdrawn: bool = False


class Declaration(_Strict):
    participant: str
    section: str = "Declarations and Reservations"
    text: str


class InstrumentStatus(_Strict):
    """Everything read from one UNTC status page or feed."""

    mtdsg_no: str
    status_as_at: date
    signatories: int | None = None
    parties: int | None = None
    participants: tuple[Participant, ...]
    declarations: tuple[Declaration, ...] = ()
    source_url: str
    source_format: Literal["xml", "html"]
    # Footnote markers and their text, as the page gives them ({"4": "See note 1 ..."}).
    notes: dict[str, str] = Field(default_factory=dict)
    # Set by the client when the HTML page was read because the XML feed was refused: why.
    fallback_reason: str | None = None


class InstrumentMeta(_Strict):
    mtdsg_no: str
    status_as_at: date | None = None
    source: str
    source_url: str | None = None
    retrieved_at: datetime | None = None
    signatories: int | None = None
    parties: int | None = None
    fallback_reason: str | None = None  # why the HTML page was read instead of the XML feed


class SnapshotMeta(_Strict):
    schema_version: Literal[1] = 1
    snapshot_id: str
    method: Literal["compiled-reference", "untc-refresh", "depositary-refresh"]
    description: str
    compiled_at: datetime
    instruments: dict[str, InstrumentMeta]
    files: dict[str, str]  # file name -> sha256 of its bytes
    previous: str | None = None
