"""The declarations of every table the project writes or reads: the snapshot's files, the export,
the registry and the reference files. Each is declared here once (see loaders.model.schema); the
files' columns, the data package and docs/columns.md are made from these.
"""

from __future__ import annotations

from typing import get_args

from loaders.model.records import (
    ConsentKind,
    Instrument,
    ParticipationRecord,
    Role,
    StatusRecord,
    WorldParticipant,
)
from loaders.model.schema import ISO3_PATTERN, Column, Table, partial_date
from loaders.model.status import STATUSES

KINDS = tuple(get_args(ConsentKind))
CONFIDENCE = Column("confidence", enum=("high", "medium", "low"))
ISO3 = Column("iso3", description="ISO 3166-1 alpha-3", pattern=ISO3_PATTERN)
YES, NO = ("yes",), ("no",)  # the reference files write booleans as yes / no
_TO_STATES = {"fields": ["iso3"], "reference": {"resource": "states", "fields": ["iso3"]}}
_TO_INSTRUMENTS = {
    "fields": ["mtdsg_no"],
    "reference": {"resource": "instruments", "fields": ["mtdsg_no"]},
}

STATUS = Table.from_model(
    "status",
    StatusRecord,
    "The current snapshot: one row per OAS member state and Palermo instrument",
    primary_key=("iso3", "mtdsg_no"),
    foreign_keys=(_TO_STATES, _TO_INSTRUMENTS),
    note="The 35 x 4 facts every count of paragraph 6 is made from. Dates are full days.",
)

PARTICIPATION = Table.from_model(
    "participation",
    ParticipationRecord,
    "The current snapshot: the treaty family of the 35, and every participant of the four "
    "Palermo instruments",
    primary_key=("participant", "mtdsg_no"),
    foreign_keys=(_TO_INSTRUMENTS,),
    note="Never part of paragraph 6's counts. `status` is as at `verified_through`: a `party` "
    "row without `consent_date` is a party from `verified_through` on and unknown before; "
    "`unknown` means no evidence in this snapshot, never no action.",
)

INSTRUMENTS = Table.from_model(
    "instruments",
    Instrument,
    "The registry: every instrument, its depositary, family and rules",
    primary_key=("id",),
)

PARTICIPANTS = Table.from_model(
    "participants",
    WorldParticipant,
    "Every UN member and observer state, the non-member states and the organisations that take "
    "part in the instruments",
    primary_key=("name",),
)

EXPORT = Table(
    "export",
    "`export`: one row per state and instrument, as on the as-of date",
    (
        ISO3,
        Column("state", description="English short name"),
        Column("instrument", description="the registry's short id (UNTOC, TIP, CRC_OPSC, C029)"),
        Column("mtdsg_no", description="the depositary's number (XVIII-12-a, IV-11-c, C029, B-57)"),
        Column("depositary", description="UN, ILO or OAS", enum=("UN", "ILO", "OAS")),
        Column("family", description="the instrument's family (palermo, children, ...)"),
        Column("as_of", "date", "the date the status is on"),
        Column(
            "status",
            description="on as_of; unknown: no evidence in this snapshot (never no action)",
            enum=tuple(STATUSES),
        ),
        Column(
            "status_verified",
            "boolean",
            "false: not yet a party when the row was last verified (verified_through); it may "
            "have acted since",
        ),
        partial_date("signature_date", "signature on or before as_of"),
        partial_date("consent_date", "consent (deposit; ILO: registration) on or before as_of"),
        Column("consent_kind", enum=KINDS),
        Column("kind_inferred", "boolean", "kind not given by the source"),
        partial_date("entry_into_force", "entry into force for the state, where it is known"),
        Column("groups", description="the state's groups of groups.csv on as_of, full members"),
        CONFIDENCE,
        Column("source", description="the row's source"),
        partial_date("verified_through", "the date through which the row is verified"),
        Column(
            "domestic_step",
            description="the latest step at home on as_of (domestic_steps.csv), empty when none",
        ),
    ),
    note="Dates keep the precision of the source (a full day for the four Palermo instruments "
    "of the 35). With `--lang es|pt|fr` a last column `state_<lang>` names the state in that "
    "language. Cells a spreadsheet would read as a formula are prefixed with `'`.",
)

STATES = Table(
    "states",
    "The 35 OAS member states",
    (
        ISO3,
        Column("name", description="English short name"),
        Column("untc_name", description="the participant's name in UNTC"),
        Column("untc_aliases", description="older UNTC spellings, separated by ;"),
        Column("marker_lat", "number", "map marker latitude"),
        Column("marker_lon", "number", "map marker longitude"),
        Column("marker_basis"),
        Column("count_note", description="what matters for counts (membership notes)"),
    ),
    primary_key=("iso3",),
)

GROUPS = Table(
    "groups",
    "Group memberships in time",
    (
        Column("group_id"),
        Column("group_name"),
        Column("iso3", description="ISO 3166-1 alpha-3 (empty: a member without a code)"),
        Column("state"),
        Column("role", enum=tuple(get_args(Role))),
        partial_date("from_date", "start of the membership"),
        partial_date("to_date", "end of the membership; empty while it lasts"),
        Column("note"),
        Column("source"),
        CONFIDENCE,
    ),
)

_REFERENCE_STATUS = (
    ISO3,
    Column("state"),
    Column("mtdsg_no"),
    Column("signature_date", "date"),
    Column("consent_date", "date", "deposit of the instrument of consent"),
    Column("consent_kind", enum=KINDS),
    Column("kind_inferred", "boolean", true_values=YES, false_values=NO),
    partial_date("source_date", "the date through which the row is verified"),
    CONFIDENCE,
    Column("source"),
)

# The reference files of data/reference/, by file name (without .csv).
REFERENCE: dict[str, Table] = {
    "groups": GROUPS,
    "groups_world": Table(
        "groups_world",
        "UN regional groups, the EU, the AU, ASEAN, the Council of Europe and the Commonwealth",
        GROUPS.columns,
    ),
    "oas_membership": Table(
        "oas_membership",
        "OAS membership dates and notes",
        (
            ISO3,
            Column("state"),
            partial_date("joined", "deposit of the ratification of the OAS Charter"),
            Column("status_note"),
            Column("source"),
            CONFIDENCE,
        ),
        primary_key=("iso3",),
    ),
    "palermo_oas_status": Table(
        "palermo_oas_status",
        "Researched status of each state on each Palermo instrument, with sources",
        _REFERENCE_STATUS,
        primary_key=("iso3", "mtdsg_no"),
    ),
    "family_oas_status": Table(
        "family_oas_status",
        "Researched status of each state on the instruments beside the four, with sources",
        (
            ISO3,
            Column("state"),
            Column("mtdsg_no", description="UNTC's number or the depositary's code (C029, B-57)"),
            partial_date("signature_date", "signature"),
            partial_date("consent_date", "deposit, or registration with the ILO"),
            Column("consent_kind", enum=KINDS),
            Column("kind_inferred", "boolean", true_values=YES, false_values=NO),
            partial_date("source_date", "the date through which the row is verified"),
            CONFIDENCE,
            Column("source"),
            Column("depositary", enum=("UN", "ILO", "OAS")),
            Column("instrument", description="the source's name for the instrument"),
            Column("status", enum=("party", "signatory", "not_party", "unknown")),
            Column("in_force", description="'in force' where the source marks it (ILO)"),
        ),
        primary_key=("iso3", "mtdsg_no"),
    ),
    "palermo_world_status": Table(
        "palermo_world_status",
        "Every signatory or party of the four Palermo instruments (UNTC 2014, later acts)",
        (
            Column("iso3", description="ISO 3166-1 alpha-3; empty for the European Union"),
            Column("participant"),
            Column("mtdsg_no"),
            Column("instrument"),
            Column("signature_date", "date"),
            partial_date("consent_date", "deposit of the instrument of consent"),
            Column("consent_kind", enum=KINDS),
            Column("kind_inferred", "boolean", true_values=YES, false_values=NO),
            Column("status", enum=("party", "signatory")),
            Column(
                "later_act",
                "boolean",
                "an act after the 2014 capture",
                true_values=YES,
                false_values=NO,
            ),
            Column("un_regional_group"),
            Column("oas_member", "boolean", true_values=YES, false_values=NO),
            partial_date("source_date", "the date through which the row is verified"),
            CONFIDENCE,
            Column("source"),
        ),
        primary_key=("participant", "mtdsg_no"),
    ),
    "declarations": Table(
        "declarations",
        "The current snapshot: declarations and reservations, verbatim",
        (
            Column("mtdsg_no"),
            ISO3,
            Column("participant"),
            Column("section", description="UNTC's heading: declarations, reservations, objections"),
            Column("text", description="the depositary's text, in English, verbatim"),
        ),
    ),
    "world_counts": Table(
        "world_counts",
        "Parties and signatories worldwide per instrument, from UNTC's status pages",
        (
            Column("mtdsg_no"),
            Column("signatories", "integer", "signatories worldwide, as UNTC's status page counts"),
            Column("parties", "integer", "parties worldwide, as UNTC's status page counts"),
            Column("status_as_at", "date"),
            Column("source"),
        ),
        primary_key=("mtdsg_no",),
    ),
    "domestic_steps": Table(
        "domestic_steps",
        "Steps at home (bills, approvals, decisions): not depositary facts",
        (
            ISO3,
            Column("mtdsg_no"),
            partial_date("date", "the step's date"),
            Column("step", description="a code: approved_by_legislature, declined, ..."),
            Column("detail"),
            Column("source"),
            CONFIDENCE,
        ),
    ),
    "untc-2014": Table(
        "untc-2014",
        "UNTC participant list as captured in 2014",
        (
            Column("Participant", description="as UNTC's participant grid names it"),
            Column("Signature", description="UNTC's date text, e.g. 12 Dec 2000"),
        ),
        primary_key=("Participant",),
    ),
}

# docs/columns.md: the tables a reader of the files meets, in this order.
DOCUMENTED = (
    ("The export (`python -m loaders export`)", EXPORT),
    ("status.csv (each snapshot)", STATUS),
    ("participation.csv (each snapshot)", PARTICIPATION),
    ("instruments.csv", INSTRUMENTS),
    ("participants.csv", PARTICIPANTS),
)


def columns_markdown() -> str:
    """docs/columns.md, generated: ``python -m loaders.publish.columns`` rewrites it."""
    head = (
        "# Columns\n\n"
        "Generated from the schema declarations in `loaders/model/tables.py` "
        "(`python -m loaders.publish.columns` rewrites this file; a test keeps it current). "
        "Do not edit by hand.\n"
    )
    return head + "".join("\n" + table.markdown(title) for title, table in DOCUMENTED)
