"""A UNTC refresh keeps every participant of a Palermo instrument, not only the 35.

Expectations counted by hand from tests/fixtures/untc/xviii-12-a.en.xml (168 <Row>s in its
<Tbody>): 35 rows name the 35 (34 with a consent, Barbados with a signature only); of the other
133, "[Serbia and Montenegro] 4" is a bracketed former state (its note points to the historical
information, its acts passed to Serbia and Montenegro, both listed), which leaves 132
participants: 125 with a consent (the European Union, "6 Sep 2006 AA", among them) and 7 with a
signature only (Congo, Czech Republic, Japan, Republic of Korea, Sierra Leone, Sri Lanka,
Uganda). The header says "Parties : 159" = 34 + 125.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from pathlib import Path

import pandas as pd

from cli.main import main
from loaders.derive.paragraph6 import paragraph6, party_counts
from loaders.derive.regions import group_shares, unnamed_acts
from loaders.store.changes import read_changes
from loaders.store.dataset import load_dataset
from loaders.store.snapshot import read_current
from tests.support.refresh_helpers import edited, tree
from tests.support.untc_server import UntcMirror
from views.models.selection import Selection
from views.models.world import world_model

TIP = "XVIII-12-a"
SIGNATORIES_ONLY = {"COG", "CZE", "JPN", "KOR", "SLE", "LKA", "UGA"}
WORLD = "world_participants"
AS_AT = date(2024, 6, 1)  # the "status as at" of the page served as a 2024 page


def _refresh_tip(mirror: UntcMirror) -> int:
    return main(["refresh", "--base-url", mirror.base_url, "--instrument", "TIP"])


def _serve_tip_as_at_2024(mirror: UntcMirror, *replacements: tuple[str, str]) -> None:
    """The fixture's participants on a page dated 1 June 2024, later than the reference's own
    count of 20 April 2024: every previous row of TIP beyond the 35 is older than it."""
    body = edited(
        "xviii-12-a.en.xml",
        ("STATUS AS AT : 20-01-2014 05:01:32 EST", "STATUS AS AT : 01-06-2024 05:01:32 EDT"),
        *replacements,
    )
    mirror.route(mirror.xml_path(TIP), body=body)


def _tip_rows(data: Path) -> pd.DataFrame:
    rows = read_current(data).participation
    return rows[rows["mtdsg_no"] == TIP]


def _states(data: Path) -> set[str]:
    return set(pd.read_csv(data / "states.csv", dtype=str)["iso3"])


def test_every_tip_participant_but_the_35_is_kept_from_the_page(older, mirror):
    before = read_current(older).participation
    assert _refresh_tip(mirror) == 0
    after = read_current(older).participation
    tip = after[after["mtdsg_no"] == TIP]
    read = tip[tip["source"].str.contains(mirror.xml_path(TIP), regex=False)]
    # Japan and the Republic of Korea, signatories on the page, have rows verified after its
    # date (their acceptance of 2017 and ratification of 2015): newer, so kept.
    newer = {"JPN", "KOR"}
    assert len(read) == 130 and not set(read["iso3"]) & newer
    assert read["verified_through"].eq("2014-01-20").all()
    assert (read["confidence"] == "high").all() and (read["later_act"] == "false").all()
    assert read["source"].str.contains("status as at 2014-01-20").all()
    assert dict(read["status"].value_counts()) == {"party": 125, "signatory": 5}
    assert set(read.loc[read["status"] == "signatory", "iso3"]) == SIGNATORIES_ONLY - newer
    kept = tip.set_index("iso3").loc[sorted(newer)]
    assert list(kept["verified_through"]) == ["2017-07-12", "2015-11-06"]
    assert set(kept["status"]) == {"party"}
    eu = read[read["participant"] == "European Union"].iloc[0]
    assert (eu["iso3"], eu["kind"], eu["status"]) == ("", "organisation", "party")
    assert (eu["consent_date"], eu["consent_kind"]) == ("2006-09-06", "approval")
    bahrain = read[read["iso3"] == "BHR"].iloc[0]
    assert (bahrain["signature_date"], bahrain["consent_date"]) == ("", "2004-06-07")
    assert bahrain["consent_kind"] == "accession"
    assert "SCG" not in set(tip["iso3"])  # a former state, not a participant
    assert not set(tip["iso3"]) & _states(older)  # the 35's facts are status.csv's
    # Rows verified after the page's date are newer and stay: Afghanistan's accession of 2014.
    afghanistan = tip[tip["iso3"] == "AFG"].iloc[0]
    assert (afghanistan["later_act"], afghanistan["verified_through"]) == ("true", "2018")
    # The other instruments' rows and the family's stay as they were.
    others = before[before["mtdsg_no"] != TIP].reset_index(drop=True)
    assert after[after["mtdsg_no"] != TIP].reset_index(drop=True).equals(others)


def test_a_2024_page_makes_the_world_counts_exact_up_to_its_date(older, mirror):
    _serve_tip_as_at_2024(mirror)
    assert _refresh_tip(mirror) == 0
    tip = _tip_rows(older)
    assert len(tip) == 132 and tip["verified_through"].eq("2024-06-01").all()
    # The change log says it short: 139 TIP rows beyond the 35 before (174 less the 35), 132
    # now; 9 changed: the 7 later acts absent from the page and Japan and the Republic of
    # Korea, signatories on it.
    _, events = read_changes((read_current(older).path / "changes.json").read_bytes())
    world = [(e.mtdsg_no, e.before, e.after, e.detail) for e in events if e.kind == WORLD]
    assert world == [(TIP, "139", "132", "9")]
    changes = (read_current(older).path / "changes.md").read_text()
    assert "Participants beyond the 35 on XVIII-12-a: 132 (before: 139), 9 changed" in changes
    dataset = load_dataset(older)
    counts = dataset.world_counts.loc["TIP"]
    assert (int(counts["parties"]), int(counts["signatories"])) == (159, 117)
    assert pd.Timestamp(counts["status_as_at"]).date() == AS_AT
    acts = unnamed_acts(dataset).loc["TIP"]
    assert (acts["untc_parties"], acts["named_parties"], acts["unnamed"]) == (159, 159, 0)

    shares = group_shares(dataset, AS_AT, ["EU"], ["TIP"]).set_index("instrument")
    eu = shares.loc["TIP"]  # 27 members on the day (the United Kingdom left in 2020)
    assert (eu["members"], eu["parties"], eu["unknown"]) == (27, 26, 0)  # Czechia signed only
    assert not eu["lower_bound"] and eu["unnamed_acts"] == 0
    later = group_shares(dataset, date(2024, 6, 2), ["EU"], ["TIP"]).set_index("instrument")
    assert later.loc["TIP", "lower_bound"]  # acts after the page's date may be unnamed

    model = world_model(dataset, Selection(("TIP",), AS_AT), "TIP")
    assert not model.lower_bound and model.untc == (159, AS_AT, 159, 0)
    frame = model.frame.set_index("iso3")
    assert "" not in frame.index  # the EU is a participant, never a state
    states = int((dataset.participants["kind"] == "state").sum())
    assert model.world.basis == "untc_count" and model.world.states == states
    assert model.world.gaps == states - 158  # 159 parties, one of them the EU
    assert frame.loc["AFG", "category"] == "no_action"  # absent from the complete list
    assert frame.loc["JPN", "category"] == "signatory"
    assert frame.loc["ALB", "category"] == "party"
    assert model.named_parties == 158  # 34 of the 35 and 124 other states


def test_paragraph6_figures_stay_the_35s(older, mirror):
    _serve_tip_as_at_2024(mirror)
    assert _refresh_tip(mirror) == 0
    snapshot = read_current(older)
    status = snapshot.status
    assert len(status) == 35 * 4 and set(status["iso3"]) == _states(older)
    tip = status[status["mtdsg_no"] == TIP]
    assert (tip["consent_date"] != "").sum() == 34
    dataset = load_dataset(older)
    without_world = replace(dataset, participation=dataset.participation.iloc[0:0])
    figures = party_counts(paragraph6(dataset, AS_AT))
    assert figures.equals(party_counts(paragraph6(without_world, AS_AT)))
    assert figures.loc["TIP", "parties"] == 34 and figures.loc["TIP", "states"] == 35


def test_a_withdrawal_beyond_the_35_keeps_the_signature_and_quotes_the_note(older, mirror):
    _serve_tip_as_at_2024(
        mirror,
        ("<Entry>Albania</Entry>", "<Entry>[Albania] 7</Entry>"),
        ("Signatories : 117. Parties : 159", "Signatories : 116. Parties : 158"),
        (
            "  </Footnotes>",
            "    <Footnote>\n      <Number>7</Number>\n      <Text>On 1 March 2024, the "
            "Government of Albania notified the Secretary-General of its decision to withdraw "
            "from the Protocol.</Text>\n    </Footnote>\n  </Footnotes>",
        ),
    )
    assert _refresh_tip(mirror) == 0
    albania = _tip_rows(older).set_index("iso3").loc["ALB"]
    assert (albania["status"], albania["signature_date"]) == ("signatory", "2000-12-12")
    assert albania["consent_date"] == "" and albania["consent_kind"] == ""
    assert "decision to withdraw" in albania["source"]
    assert albania["source"].startswith("UNTC status XML")  # the edited page, not a fallback


def test_brackets_without_a_note_beyond_the_35_stop_the_refresh(older, mirror, capsys):
    _serve_tip_as_at_2024(
        mirror,
        ("<Entry>Albania</Entry>", "<Entry>[Albania] 5</Entry>"),
        ("Signatories : 117. Parties : 159", "Signatories : 116. Parties : 158"),
    )
    before = tree(older)
    assert _refresh_tip(mirror) == 1
    err = capsys.readouterr().err
    assert "refresh failed, snapshot unchanged" in err and "Albania (ALB)" in err
    assert tree(older) == before
