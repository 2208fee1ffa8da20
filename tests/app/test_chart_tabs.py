"""Every chart of the dashboard has Table, Sources and Download tabs in the reader's language,
and its downloads are the reader's edition's files for the same view, byte for byte."""

from __future__ import annotations

import csv
import io
from datetime import date

import pytest

from loaders.store.dataset import Dataset
from tests.support.apptest import open_app
from views.edition.build import build_edition
from views.edition.data import view_files
from views.models.selection import Selection
from views.text.i18n import translate

TABS = ["edition.chart", "edition.table", "edition.sources", "edition.download"]
CHARTS = {"map": 1, "timeline": 2, "subregions": 1, "family": 1, "world": 3}


@pytest.mark.parametrize("page", list(CHARTS))
def test_every_chart_has_its_tabs(page: str) -> None:
    app = open_app(page, lang="es")
    labels = [tab.label for tab in app.tabs]
    assert labels == [translate("es", key) for key in TABS] * CHARTS[page]


def test_the_downloads_are_the_editions_files(
    downloads: dict[str, bytes], dataset: Dataset
) -> None:
    app = open_app("timeline")
    app.session_state["tabs_timeline"] = translate("en", "edition.download")
    app.run()
    markdown = " ".join(m.value for m in app.markdown)
    # 35 states x 4 instruments, in both variants
    assert markdown.count("140 rows") == 2
    edition = build_edition(dataset, date.today(), states=["BRB"])
    for name in ("status.shown", "status.full"):
        for suffix in ("zip", "meta.json"):
            assert downloads[f"{name}.{suffix}"] == edition[f"data/{name}.{suffix}"]
        # The CSV a reader downloads opens by double-click with its accents: the byte-order mark
        assert downloads[f"{name}.csv"] == b"\xef\xbb\xbf" + edition[f"data/{name}.csv"]
    assert 'pd.read_csv("status.full.csv")' in markdown and "read.csv(" in markdown


def test_a_filtered_chart_names_its_files_by_its_filters(downloads: dict[str, bytes]) -> None:
    app = open_app("map", instrument="TIP", group="CARICOM")
    app.session_state["tabs_map"] = translate("en", "edition.download")
    app.run()
    assert "status-TIP-CARICOM.full.csv" in downloads
    rows = downloads["status-TIP-CARICOM.full.csv"].decode("utf-8-sig").splitlines()
    assert len(rows) == 1 + 14  # CARICOM's 14 members, on TIP


@pytest.mark.parametrize(
    ("page", "key", "params", "names"),
    [
        ("family", "tabs_family", {}, ["family.shown", "family.full"]),
        ("world", "tabs_world", {"instrument": "FIREARMS"}, ["world-FIREARMS.shown"]),
        ("world", "tabs_regions", {"instrument": "FIREARMS"}, ["regions.shown", "regions.full"]),
    ],
)
def test_the_family_and_world_downloads_are_the_editions_files(
    downloads: dict[str, bytes],
    dataset: Dataset,
    page: str,
    key: str,
    params: dict[str, str],
    names: list[str],
) -> None:
    app = open_app(page, as_of="2026-01-01", **params)
    app.session_state[key] = translate("en", "edition.download")
    app.run()
    assert not app.exception
    edition = build_edition(dataset, date(2026, 1, 1), states=["BRB"])
    for name in names:
        for suffix in ("zip", "meta.json"):
            assert downloads[f"{name}.{suffix}"] == edition[f"data/{name}.{suffix}"], name
        assert downloads[f"{name}.csv"] == b"\xef\xbb\xbf" + edition[f"data/{name}.csv"], name


def test_the_regions_over_time_download_is_the_view_files_and_ends_on_the_date(
    downloads: dict[str, bytes], dataset: Dataset
) -> None:
    app = open_app("world", as_of="2024-06-01", instrument="TIP")
    app.session_state["tabs_regions_time"] = translate("en", "edition.download")
    app.run()
    assert not app.exception
    chosen = Selection(("TIP",), date(2024, 6, 1), language="en")
    files = view_files(dataset, chosen, "regions_time", "TIP")
    for variant in ("shown", "full"):
        name = f"regions_time-TIP.{variant}"
        assert downloads[f"{name}.zip"] == files[variant].zip
        assert downloads[f"{name}.csv"] == b"\xef\xbb\xbf" + files[variant].csv
    text = downloads["regions_time-TIP.shown.csv"].decode("utf-8-sig")
    header, *rows = csv.reader(io.StringIO(text))
    assert header == ["group_id", "as_of", "instrument", "members", "parties", "share",
                      "lower_bound"]  # fmt: skip
    # by hand (tests/unit/views/test_world.py): 46 of the African Group's 54 party to TIP at
    # the end of 2014, a lower bound; the last row's date is the view's
    assert ["UNRG_AFRICAN", "2014-12-31", "TIP", "54", "46", "0.8519", "True"] in rows
    assert max(row[1] for row in rows) == "2024-06-01"


def test_the_familys_sources_name_its_other_depositaries() -> None:
    app = open_app("family", lang="pt")
    app.session_state["tabs_family"] = translate("pt", "edition.sources")
    app.run()
    said = " ".join(m.value for m in app.markdown)
    for depositary in ("ILO", "OAS"):
        assert translate("pt", f"family.depositary.{depositary}") in said
