"""What one OAS signatories-and-ratifications page says, validated before anything keeps it."""

from __future__ import annotations

from datetime import date
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, model_validator

# The page's INST column: RA ratification, AC acceptance, AD accession ("adhesión").
OasKind = Literal["ratification", "acceptance", "accession"]
KIND_BY_CODE: dict[str, OasKind] = {"RA": "ratification", "AC": "acceptance", "AD": "accession"}


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class OasRow(_Strict):
    """One country's line of the table."""

    name: str = Field(min_length=1)
    signature: date | None = None
    instrument: date | None = None  # the date of the instrument of ratification or accession
    deposit: date | None = None  # its deposit with the General Secretariat: the binding act
    kind: OasKind | None = None
    refs: tuple[str, ...] = ()  # the REF markers: notes with reservations, declarations

    @model_validator(mode="after")
    def _ordered(self) -> OasRow:
        if (self.deposit is None) != (self.kind is None):
            raise ValueError("a deposit date and its type of instrument go together")
        for label, earlier in (("signature", self.signature), ("instrument", self.instrument)):
            if earlier and self.deposit and earlier > self.deposit:
                raise ValueError(
                    f"{label} dated {earlier.isoformat()}, after the deposit "
                    f"({self.deposit.isoformat()})"
                )
        return self


class OasStatus(_Strict):
    """Everything read from one treaty's page."""

    code: str = Field(pattern=r"^[A-Z]-\d{1,3}$")
    title: str
    adopted: date
    entry_into_force: date | None = None
    rows: tuple[OasRow, ...]
    notes: str = ""  # the text after the table (references, reservations), as the page has it
    source_url: str
