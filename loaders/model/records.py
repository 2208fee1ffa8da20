"""Validated records: what every fact must look like before the project keeps it."""

from __future__ import annotations

from datetime import date, datetime
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

from loaders.model.dates import PartialDate, latest_possible
from loaders.model.schema import ISO3_PATTERN, PARTIAL

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


Depositary = Literal["UN", "ILO", "OAS"]
# The families an instrument belongs to: the four Palermo instruments and those beside them.
Family = Literal["palermo", "children", "forced_labour", "women", "corruption", "firearms"]
# How a state's consent is recorded: deposited with the UN Secretary-General or the OAS General
# Secretariat, or registered by the ILO's Director-General.
ConsentAct = Literal["deposit", "registration"]
# The depositary's number: UNTC's MTDSG number (XVIII-12-a), the ILO's (C029, P029), the OAS's
# (B-57, A-63).
DEPOSITARY_NUMBER = r"^([IVXL]+-\d+(-[a-z])?|[CP]\d{3}|[A-Z]-\d+)$"


class Instrument(_Strict):
    """One instrument of the registry (data/instruments.csv), with its depositary and rules."""

    id: str = Field(
        pattern=r"^[A-Z][A-Z0-9_]*$",
        description="the short id",
        json_schema_extra={"required": True},
    )
    mtdsg_no: str = Field(
        pattern=DEPOSITARY_NUMBER,
        description="the depositary's number: UNTC's MTDSG number (XVIII-12-a), the ILO's "
        "(C029), the OAS's (B-57)",
    )
    chapter: int | None = Field(None, description="MTDSG chapter (UN instruments)")
    short_title: str
    title: str = Field(description="official title in English (titles in es, pt, fr: locales/)")
    adopted: date = Field(description="adoption (General Assembly, Conference or meeting)")
    adopted_by: str = Field(description="the adopting resolution or meeting")
    opened_for_signature: date | None = Field(
        None, description="empty for an instrument that is not signed (ILO conventions)"
    )
    opened_for_signature_basis: str = ""
    entry_into_force: date = Field(description="the instrument's own entry into force")
    eif_article: str = Field(description="the article on entry into force")
    parent: str | None = Field(None, description="id of the Convention a Protocol supplements")
    source: str
    depositary: Depositary = Field("UN", description="UN Secretary-General (UNTC), ILO, OAS")
    family: Family = Field("palermo", description="the family of instruments it belongs to")
    consent_act: ConsentAct = Field(
        "deposit", description="how a consent is recorded: deposit, or registration (ILO)"
    )
    eif_delay_days: int | None = Field(
        None, description="for a state consenting after the entry into force: days from its act"
    )
    eif_delay_months: int | None = Field(
        None, description="the same, in months (one month; the ILO's twelve months)"
    )
    denunciation: str = Field("", description="how a party may denounce it (article)")
    status_url: str = Field("", description="the depositary's status page")


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
    """One state's standing on one instrument, as the snapshot keeps it (status.csv: its fields,
    in this order, are the file's columns; see loaders.model.schema)."""

    iso3: str = Field(pattern=ISO3_PATTERN, description="ISO 3166-1 alpha-3")
    mtdsg_no: str = Field(description="the depositary's number, e.g. XVIII-12-a")
    participant: str = Field(description="the participant's name in UNTC")
    signature_date: date | None = None
    consent_date: date | None = Field(
        None, description="deposit of ratification, accession, acceptance, ..."
    )
    consent_kind: ConsentKind | None = None
    kind_inferred: bool = Field(False, description="kind not given by the source")
    verified_through: str = Field(
        description="the date through which the row is verified", json_schema_extra=PARTIAL
    )
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


# A participant's standing on an instrument as a researched source states it, as at
# ``verified_through``: ``unknown`` where no state-level evidence was found (never "no action").
StandingAsAt = Literal["party", "signatory", "not_party", "unknown"]
ParticipantKind = Literal["state", "organisation"]


class ParticipationRecord(_Strict):
    """One participant on one instrument beyond the 35 x 4 of status.csv: the treaty family of the
    35 and every participant of the four Palermo instruments (participation.csv; its fields, in
    this order, are the file's columns). Dates keep the precision the source gives."""

    iso3: str = Field(
        "", pattern=r"^([A-Z]{3})?$", description="ISO 3166-1 alpha-3; empty for an organisation"
    )
    participant: str = Field(description="the participant's name as the source gives it")
    kind: ParticipantKind = Field(
        "state", description="an organisation (the EU) is a participant, never counted as a state"
    )
    mtdsg_no: str = Field(description="the depositary's number (instruments.csv)")
    status: StandingAsAt = Field(
        description="as at verified_through; unknown: no evidence in this snapshot"
    )
    signature_date: str | None = Field(None, description="signature", json_schema_extra=PARTIAL)
    consent_date: str | None = Field(
        None,
        description="deposit of the consent (UN, OAS) or registration of the ratification (ILO)",
        json_schema_extra=PARTIAL,
    )
    consent_kind: ConsentKind | None = None
    kind_inferred: bool = Field(False, description="kind not given by the source")
    in_force: bool | None = Field(None, description="true where the source marks it in force (ILO)")
    later_act: bool = Field(False, description="an act after UNTC's 2014 capture (world rows)")
    verified_through: str = Field(
        description="the date through which the row is verified", json_schema_extra=PARTIAL
    )
    confidence: Confidence
    source: str = Field(min_length=1)

    _dates = field_validator("signature_date", "consent_date", "verified_through")(_check_partial)

    @model_validator(mode="after")
    def _consistent(self) -> ParticipationRecord:
        if self.kind == "state" and not self.iso3:
            raise ValueError("a state without an ISO 3166 code")
        if self.consent_date and self.status != "party":
            raise ValueError("a consent date on a row that is not a party")
        if self.status == "unknown" and (self.signature_date or self.consent_date):
            raise ValueError("an unknown status with a dated act")
        acts = [PartialDate.parse(d) for d in (self.signature_date, self.consent_date) if d]
        if (
            acts
            and max(a.earliest() for a in acts) > PartialDate.parse(self.verified_through).latest()
        ):
            raise ValueError("an act dated after the date it is verified through")
        return self


class WorldParticipant(_Strict):
    """A possible participant (data/participants.csv): every UN member and observer state, the
    non-member states and the organisations that take part in the instruments."""

    iso3: str = Field(
        "", pattern=r"^([A-Z]{3})?$", description="ISO 3166-1 alpha-3; empty for an organisation"
    )
    m49: str = Field("", pattern=r"^(\d{3})?$", description="UN M49 numeric code")
    name: str = Field(description="English short name (ISO 3166 / UNTC)")
    kind: ParticipantKind = "state"
    un_status: Literal["member", "observer", "non_member", "organisation"] = Field(
        description="at the United Nations"
    )
    source: str = Field(min_length=1)


def act_date_problems(
    instrument: Instrument, signature: date | None, consent: date | None, today: date
) -> list[str]:
    """Why a signature and consent cannot be facts of ``instrument`` read on ``today`` ([] if
    they can): nothing before its adoption, no signature before it opened for signature, no act
    in the future (beyond a day's grace) and no consent before the signature."""
    problems = []
    latest = latest_possible(today)
    opened = instrument.opened_for_signature or instrument.adopted
    for label, day, earliest, since in (
        ("signature", signature, opened, "opened for signature"),
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
