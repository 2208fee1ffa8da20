"""CSVs a spreadsheet opens: no formula whatever the separator it splits on, long texts readable,
and no noncharacter in stored text."""

from __future__ import annotations

import csv
import io

import pandas as pd
import pytest

from loaders.export import csv_bytes
from loaders.model.text import plain_text
from loaders.store.snapshot import csv_bytes as snapshot_csv_bytes

HOSTILE = ["Reservation;=1+1;x", "a\t=1+1\tb", 'a,=HYPERLINK("http://e.x")', "=1+1"]


def _cells_split_by(content: bytes, separator: str) -> list[str]:
    """The cells a spreadsheet splitting on ``separator`` sees, honouring quotes."""
    text = content.decode("utf-8-sig")
    return [cell for row in csv.reader(io.StringIO(text), delimiter=separator) for cell in row]


@pytest.mark.parametrize("separator", [",", ";", "\t"])
def test_no_cell_is_a_formula_whatever_the_separator(separator: str) -> None:
    for content in (
        csv_bytes(pd.DataFrame({"text": HOSTILE, "state": ["BOL"] * len(HOSTILE)})),
        snapshot_csv_bytes([{"text": t, "state": "BOL"} for t in HOSTILE], ["text", "state"]),
    ):
        for cell in _cells_split_by(content, separator):
            assert not cell.startswith(("=", "+", "-", "@")), cell


def test_the_export_neutralises_a_leading_formula() -> None:
    rows = list(csv.DictReader(io.StringIO(csv_bytes(pd.DataFrame({"t": ["=1+1"]})).decode())))
    assert rows == [{"t": "'=1+1"}]


def test_a_one_megabyte_text_is_read_back_whole() -> None:
    import loaders  # noqa: F401  (sets the csv field size limit)

    text = "Reservation " + "x" * 1_000_000
    content = snapshot_csv_bytes([{"text": text}], ["text"])
    (row,) = list(csv.DictReader(io.StringIO(content.decode("utf-8"))))
    assert row["text"] == text


def test_noncharacters_are_not_kept() -> None:
    assert plain_text("a\ufffeb\uffffc\U0001fffed\ufdd0") == "abcd"


def test_changes_md_keeps_no_upstream_markdown() -> None:
    from loaders.store.changes import Change, changes_markdown

    hostile = "see ![x](https://evil.example/p.png) and [notice](https://evil.example)"
    text = changes_markdown("s2", "s1", [Change("new_note", "XVIII-12", "BOL", detail=hostile)])
    body = text.decode("utf-8").split("\n", 2)[2]
    assert "![" not in body and "](" not in body
