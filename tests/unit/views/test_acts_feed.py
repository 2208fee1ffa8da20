"""What changed since: the acts of a period, as CSV and as an Atom feed, and their bad inputs.

Expectations are worked out by hand from the frozen reference facts
(tests/fixtures/data/reference/palermo_oas_status.csv).
"""

from __future__ import annotations

import csv
import io
import re
import subprocess
import sys
import xml.etree.ElementTree as ET
from datetime import date
from pathlib import Path

import pytest

from cli.main import main
from loaders.derive.acts import act_id, acts
from loaders.paths import PROJECT_ROOT
from loaders.store.dataset import Dataset
from views.models.changes import acts_feed
from views.text.localized import localized

A = "{http://www.w3.org/2005/Atom}"
RFC3339 = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$")


def check_atom(content: bytes) -> ET.Element:
    """Well-formed Atom (RFC 4287): the feed's id, title, updated and author; each entry's id,
    title and updated; ids unique; dates in RFC 3339."""
    feed = ET.fromstring(content)
    assert feed.tag == f"{A}feed"
    for tag in ("id", "title", "updated"):
        assert len(feed.findall(f"{A}{tag}")) == 1, tag
    assert feed.find(f"{A}author/{A}name").text
    assert RFC3339.match(feed.find(f"{A}updated").text)
    rels = [link.get("rel") for link in feed.findall(f"{A}link")]
    assert "alternate" in rels, "the feed names the page it is the feed of"
    ids = []
    for entry in feed.findall(f"{A}entry"):
        for tag in ("id", "title", "updated"):
            assert len(entry.findall(f"{A}{tag}")) == 1, tag
        assert RFC3339.match(entry.find(f"{A}updated").text)
        # RFC 4287 4.1.1: an entry without content must have an alternate link; ours have both
        (alternate,) = [
            link
            for link in entry.findall(f"{A}link")
            if link.get("rel", "alternate") == "alternate"
        ]
        assert alternate.get("href") and entry.find(f"{A}content").text
        ids.append(entry.find(f"{A}id").text)
    assert len(ids) == len(set(ids))
    return feed


def test_the_trafficking_protocols_acts_since_the_resolution(dataset: Dataset) -> None:
    # TIP consents dated after 4 June 2009 in the frozen facts; no TIP signature after 2009-06-04.
    found = acts(dataset, date(2009, 6, 4), date(2026, 12, 1), ["TIP"])
    assert list(zip(found["iso3"], found["act"], found["date"].map(str), strict=True)) == [
        ("ATG", "accession", "2010-02-17"),
        ("VCT", "ratification", "2010-10-29"),
        ("HTI", "ratification", "2011-04-19"),
        ("DMA", "accession", "2013-05-17"),
        ("CUB", "accession", "2013-06-20"),
        ("LCA", "accession", "2013-07-16"),
        ("BRB", "ratification", "2014-11-11"),
    ]
    assert bool(found.loc[0, "kind_inferred"])  # UNTC gave no suffix: the row says so
    assert act_id(found.iloc[0]) == "tag:ratify-americas,2026:act/XVIII-12-a/ATG/consent/2010-02-17"


def test_signatures_are_acts_and_the_bounds_are_inclusive(dataset: Dataset) -> None:
    # Argentina signed the Convention on its opening day, 12 December 2000.
    day = date(2000, 12, 12)
    found = acts(dataset, day, day, ["UNTOC"], states=["ARG"])
    assert found[["iso3", "act", "family"]].values.tolist() == [["ARG", "signature", "signature"]]


def test_groups_and_states_narrow_the_acts(dataset: Dataset) -> None:
    caricom = acts(dataset, date(2009, 6, 4), date(2026, 12, 1), ["TIP"], ["CARICOM"])
    assert set(caricom["iso3"]) == {"ATG", "VCT", "HTI", "DMA", "LCA", "BRB"}  # not Cuba
    assert acts(dataset, date(2009, 6, 4), date(2009, 6, 5), ["TIP"]).empty


@pytest.mark.parametrize("language", ["en", "es", "pt", "fr"])
def test_the_feed_is_atom_with_one_entry_per_act(dataset: Dataset, language: str) -> None:
    content = acts_feed(
        localized(dataset, language), date(2009, 6, 4), date(2026, 12, 1), ["TIP"],
        language=language,
    )  # fmt: skip
    feed = check_atom(content)
    entries = feed.findall(f"{A}entry")
    assert len(entries) == 7
    newest = entries[0]
    assert newest.find(f"{A}id").text.endswith("act/XVIII-12-a/BRB/consent/2014-11-11")
    title = newest.find(f"{A}title").text
    expected = {
        "en": "Barbados: ratification",
        "es": "Barbados: ratificación",
        "pt": "Barbados: ratificação",
        "fr": "Barbade\u00a0: ratification",
    }
    assert expected[language] in title
    assert newest.find(f"{A}published").text == "2014-11-11T00:00:00Z"  # the act's date
    # updated: when we learned of it, the snapshot's compilation (metadata.json's compiled_at)
    assert newest.find(f"{A}updated").text == "2026-12-06T04:01:27Z"


def test_an_empty_period_is_an_empty_feed_that_says_so(dataset: Dataset) -> None:
    feed = check_atom(acts_feed(dataset, date(2020, 6, 4), date(2020, 6, 5)))
    assert feed.findall(f"{A}entry") == []
    assert feed.find(f"{A}subtitle").text.startswith("No act between 4 June 2020 and 5 June 2020")


def test_the_command_writes_csv_and_atom(tmp_path: Path, capsys: pytest.CaptureFixture) -> None:
    out = tmp_path / "acts.csv"
    args = ["changes", "--since", "2009-06-04", "--until", "2026-12-01", "--instrument", "TIP"]
    assert main([*args, "--out", str(out)]) == 0
    rows = list(csv.DictReader(io.StringIO(out.read_text(encoding="utf-8-sig"))))
    assert len(rows) == 7 and rows[0]["date"] == "2010-02-17" and rows[0]["act"] == "accession"
    assert rows[0]["kind_inferred"] == "true"
    assert main([*args, "--format", "atom", "--lang", "es", "--group", "CARICOM"]) == 0
    feed = check_atom(capsys.readouterr().out.encode("utf-8"))
    assert len(feed.findall(f"{A}entry")) == 6


@pytest.mark.parametrize(
    ("args", "says"),
    [
        (["--state", "XYZ"], "unknown state 'XYZ' (choose from ATG, ARG"),
        (["--group", "NATO"], "unknown group 'NATO' (choose from MERCOSUR"),
        (["--lang", "de"], "unknown language 'de' (choose from en, es, pt, fr)"),
        (["--until", "2009-02-30"], "--until: "),
        (["--instrument", "CAT"], "unknown instrument 'CAT' (choose from UNTOC, TIP, SOM"),
        (["--format", "rss"], "invalid choice: 'rss' (choose from 'csv', 'atom')"),
    ],
)
def test_bad_input_is_one_line_naming_the_choices(
    args: list[str], says: str, capsys: pytest.CaptureFixture
) -> None:
    try:
        code = main(["changes", "--since", "2009-06-04", *args])
    except SystemExit as exit_:  # argparse's own refusals
        code = exit_.code
    err = capsys.readouterr().err
    assert code == 2
    assert err.count("\n") == 1 and says in err, err


def test_the_module_runs_as_a_command() -> None:
    run = subprocess.run(
        [sys.executable, "-m", "loaders", "changes", "--since", "2009-06-04", "--state", "XYZ"],
        capture_output=True, text=True, cwd=PROJECT_ROOT, check=False,
    )  # fmt: skip
    assert run.returncode == 2 and run.stderr.startswith("error: unknown state 'XYZ'")


def test_an_empty_period_from_the_command_is_not_an_error(capsys: pytest.CaptureFixture) -> None:
    args = ["changes", "--since", "2020-06-04", "--until", "2020-06-05", "--format", "atom"]
    assert main(args) == 0
    assert "<subtitle>No act between" in capsys.readouterr().out


def test_the_published_feeds_carry_every_act(dataset: Dataset) -> None:
    # The feeds a refresh writes (static/feed/ for the project's data), checked on the live copy.
    for name in ("changes.atom", "changes-es.atom", "changes-pt.atom", "changes-fr.atom"):
        feed = check_atom((PROJECT_ROOT / "static" / "feed" / name).read_bytes())
        assert feed.find(f"{A}id").text.startswith("tag:ratify-americas,2026:feed/")
        assert len(feed.findall(f"{A}entry")) > 100


def test_feeds_per_state_group_and_instrument(tmp_path, monkeypatch) -> None:
    from cli.reports import write_feeds
    from tests.support.data import FROZEN

    monkeypatch.setenv("RATIFY_FEED_DIR", str(tmp_path))
    write_feeds(FROZEN, until=date(2026, 11, 29))
    # Bolivia's acts in the frozen data: signatures of 2000 (three), consents of 2005, 2006 and
    # the Firearms accession of 4 September 2020 (palermo_oas_status.csv): 6 acts.
    bolivia = check_atom((tmp_path / "state" / "BOL-es.atom").read_bytes())
    titles = [e.find(f"{A}title").text for e in bolivia.findall(f"{A}entry")]
    assert len(titles) == 6 and all(t.startswith("Bolivia") for t in titles)
    tip = check_atom((tmp_path / "instrument" / "TIP.atom").read_bytes())
    assert all("XVIII-12-a" in e.find(f"{A}id").text for e in tip.findall(f"{A}entry"))
    assert (tmp_path / "group" / "CARICOM-fr.atom").exists()
