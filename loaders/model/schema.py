"""Every table's schema, declared once: name, type, description, constraints and order per column.

A table is a :class:`Table` of :class:`Column` s. From it are made the CSV columns and their order
(``Table.names``), the Frictionless table schema of the data package (``Table.frictionless``) and
the column documentation (``Table.markdown``, gathered in ``docs/columns.md``). A table whose rows
are validated records is declared by its pydantic model (``loaders.model.records``): its fields,
in order, with their descriptions and constraints, are the columns (:meth:`Table.from_model`), so
the validation and the files can never disagree.
"""

from __future__ import annotations

import types
import typing
from dataclasses import dataclass, field
from datetime import date
from typing import Any, Literal, get_args, get_origin

from pydantic import BaseModel
from pydantic.config import JsonDict

FieldType = Literal["string", "date", "boolean", "integer", "number"]
PARTIAL_DATE_PATTERN = r"^\d{4}(-\d{2}(-\d{2})?)?$"
PARTIAL_NOTE = "ISO 8601 to the precision known: 2004, 2023-05, 2012-07-31"
ISO3_PATTERN = "^[A-Z]{3}$"
# The marker a record's field carries (json_schema_extra) when its text is a partial date.
PARTIAL: JsonDict = {"partial_date": True}


@dataclass(frozen=True)
class Column:
    """One column: what it holds, its type and the constraints every value meets."""

    name: str
    type: FieldType = "string"
    description: str = ""
    enum: tuple[str, ...] = ()
    pattern: str | None = None
    required: bool = False
    true_values: tuple[str, ...] = ("true",)
    false_values: tuple[str, ...] = ("false",)

    def frictionless(self) -> dict[str, Any]:
        described: dict[str, Any] = {"name": self.name, "type": self.type}
        if self.description:
            described["description"] = self.description
        constraints: dict[str, Any] = {}
        if self.required:
            constraints["required"] = True
        if self.enum:
            constraints["enum"] = list(self.enum)
        if self.pattern:
            constraints["pattern"] = self.pattern
        if constraints:
            described["constraints"] = constraints
        if self.type == "boolean":
            described["trueValues"] = list(self.true_values)
            described["falseValues"] = list(self.false_values)
        return described

    def markdown_row(self) -> str:
        rules = []
        if self.enum:
            rules.append("one of " + ", ".join(f"`{v}`" for v in self.enum))
        if self.pattern:
            rules.append(f"matches `{self.pattern}`")
        if self.type == "boolean":
            rules.append(f"`{self.true_values[0]}` or `{self.false_values[0]}`")
        if self.required:
            rules.append("required")
        cells = [f"`{self.name}`", self.type, self.description, "; ".join(rules)]
        return "| " + " | ".join(c.replace("|", "\\|") for c in cells) + " |"


def partial_date(name: str, description: str) -> Column:
    return Column(name, description=f"{description} ({PARTIAL_NOTE})", pattern=PARTIAL_DATE_PATTERN)


@dataclass(frozen=True)
class Table:
    """A table: its columns in order, its key and links, and what it is."""

    name: str
    title: str
    columns: tuple[Column, ...]
    primary_key: tuple[str, ...] = ()
    foreign_keys: tuple[dict[str, Any], ...] = ()
    note: str = ""
    extra: dict[str, Any] = field(default_factory=dict)

    @property
    def names(self) -> list[str]:
        return [c.name for c in self.columns]

    def column(self, name: str) -> Column:
        return next(c for c in self.columns if c.name == name)

    def frictionless(self, header: list[str] | None = None) -> dict[str, Any]:
        """The Frictionless table schema; for ``header`` (a file's own columns), a column the
        table does not declare is described as a string, so a new column keeps it valid."""
        known = {c.name: c for c in self.columns}
        names = header if header is not None else self.names
        schema: dict[str, Any] = {
            "fields": [known.get(n, Column(n)).frictionless() for n in names],
            "missingValues": [""],
        }
        if self.primary_key:
            schema["primaryKey"] = list(self.primary_key)
        if self.foreign_keys:
            schema["foreignKeys"] = list(self.foreign_keys)
        return schema

    def markdown(self, heading: str) -> str:
        lines = [f"## {heading}", "", self.title + "."]
        if self.note:
            lines += ["", self.note]
        if self.primary_key:
            lines += ["", "Key: " + ", ".join(f"`{k}`" for k in self.primary_key) + "."]
        lines += ["", "| column | type | description | values |", "|---|---|---|---|"]
        lines += [c.markdown_row() for c in self.columns]
        return "\n".join(lines) + "\n"

    @classmethod
    def from_model(cls, name: str, model: type[BaseModel], title: str, **rest: Any) -> Table:
        """The table whose rows are ``model`` records: one column per field, in order."""
        return cls(name, title, tuple(_column(n, f) for n, f in model.model_fields.items()), **rest)


def _column(name: str, info: Any) -> Column:
    annotation = _without_none(info.annotation)
    extra = info.json_schema_extra if isinstance(info.json_schema_extra, dict) else {}
    description = info.description or ""
    pattern = next((m.pattern for m in info.metadata if getattr(m, "pattern", None)), None)
    if extra.get("partial_date"):
        return partial_date(name, description)
    enum: tuple[str, ...] = ()
    if get_origin(annotation) is Literal:
        enum = tuple(str(a) for a in get_args(annotation))
    return Column(
        name,
        type=_TYPES.get(annotation, "string"),
        description=description,
        enum=enum,
        pattern=pattern,
        required=bool(extra.get("required")),
    )


_TYPES: dict[object, FieldType] = {date: "date", bool: "boolean", int: "integer", float: "number"}


def _without_none(annotation: Any) -> Any:
    if get_origin(annotation) in (typing.Union, types.UnionType):
        kept = [a for a in get_args(annotation) if a is not type(None)]
        return kept[0] if len(kept) == 1 else annotation
    return annotation
