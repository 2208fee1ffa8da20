"""The words of the workbook ``export --format xlsx`` writes, in the reader's language: the
writer (loaders/publish/xlsx.py) knows no language, so they are passed to it."""

from __future__ import annotations

from loaders.export import EXPORT_COLUMNS
from loaders.publish.xlsx import ENGLISH, SheetWords
from views.text.i18n import catalogue


def sheet_words(language: str) -> SheetWords:
    """The workbook's words in ``language``, from the catalogues (loaders/ knows no language).
    English keeps the CSV's column codes as the headers of the Rows sheet."""
    if language == "en":
        return ENGLISH
    words = catalogue(language)
    return SheetWords(
        status_sheet=words["xlsx.sheet.status"],
        rows_sheet=words["xlsx.sheet.rows"],
        provenance_sheet=words["xlsx.sheet.provenance"],
        title=words["xlsx.title"],
        state=words["data.col.state"],
        party=words["xlsx.party"],
        signatory=words["xlsx.signatory"],
        no_action=words["status.no_action"],
        unknown=words["status.unknown"],
        not_verified=words["xlsx.not_verified"],
        source=words["xlsx.source"],
        field=words["xlsx.field"],
        value=words["xlsx.value"],
        record=words["xlsx.record"],
        terms=words["xlsx.terms"],
        kinds={k.removeprefix("kind."): v for k, v in words.items() if k.startswith("kind.")},
        columns={
            name: words[f"data.col.{name}"]
            for name in EXPORT_COLUMNS
            if f"data.col.{name}" in words
        },
    )
