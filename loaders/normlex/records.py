"""What one NORMLEX "Ratifications of ..." page says, validated before anything keeps it."""

from __future__ import annotations

from datetime import date

from pydantic import BaseModel, ConfigDict, Field, model_validator


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Ratification(_Strict):
    """One country's row: the registration of its ratification and where it stands now."""

    name: str = Field(min_length=1)
    registered: date  # the date the ILO registered the ratification
    in_force: bool  # "In Force" on the page; "Not in force" otherwise
    status_text: str  # the page's own words, kept for the record's note
    in_force_date: date | None = None  # only where a note states it
    denounced: date | None = None  # the date of a denunciation the page states
    note: str = ""

    @model_validator(mode="after")
    def _consistent(self) -> Ratification:
        if self.denounced and self.in_force:
            raise ValueError("shown in force and denounced at once")
        if self.denounced and self.denounced < self.registered:
            raise ValueError(
                f"denounced on {self.denounced.isoformat()}, before its ratification was "
                f"registered ({self.registered.isoformat()})"
            )
        return self


class NormlexStatus(_Strict):
    """Everything read from one instrument's page."""

    code: str = Field(pattern=r"^[CP]\d{3}$")
    title: str
    entry_into_force: date | None = None  # the instrument's own, where the page states it
    count: int | None = Field(default=None, ge=0)  # the page's count of ratifications, if any
    ratifications: tuple[Ratification, ...]
    source_url: str

    @model_validator(mode="after")
    def _counted(self) -> NormlexStatus:
        if self.count is not None and self.count != len(self.ratifications):
            raise ValueError(
                f"the page counts {self.count} ratifications but its table has "
                f"{len(self.ratifications)} rows"
            )
        return self
