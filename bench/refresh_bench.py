"""Refresh benchmark: parse, validate and normalise UNTC status pages, beside a pandas.read_html
pipeline on the same pages. Prints figures; it is not a test and never fails the suite.

    .venv/bin/python bench/refresh_bench.py [--runs 7]

Inputs are built in memory by tests/fixtures/untc/make_fixtures.py: the four instruments' pages
(2014 participant lists) and, for the scaled run, one synthetic page of 200 participants parsed
as each of 56 and 560 registry entries.
"""

from __future__ import annotations

import argparse
import csv
import io
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import replace
from datetime import UTC, datetime
from pathlib import Path

import pandas as pd

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from loaders.ingest.refresh import records_for  # noqa: E402
from loaders.model.names import NameIndex  # noqa: E402
from loaders.store.registry import load_instruments, load_states  # noqa: E402
from loaders.untc import parse_html  # noqa: E402

SUFFIX = r"\s+(AA|A|a|d|c)\s*$"


def _fixtures_module():
    from tests.fixtures.untc import make_fixtures

    return make_fixtures


def median_ms(task: Callable[[], object], runs: int) -> float:
    task()  # warm-up: imports, caches
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        task()
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times)


def our_pipeline(pages: list[tuple[str, bytes]], instruments, states, names) -> int:
    """parse_html -> validated Participants -> StatusRecords for the 35 states -> a frame."""
    retrieved = datetime.now(UTC)
    rows = []
    for mtdsg_no, page in pages:
        status = parse_html(page, f"bench://{mtdsg_no}", mtdsg_no)
        instrument = instruments[mtdsg_no]
        records = records_for(instrument, status, states, names, {}, retrieved)
        rows.extend(r.model_dump() for r in records)
    return len(pd.DataFrame(rows))


def read_html_pipeline(pages: list[tuple[str, bytes]], names: NameIndex) -> int:
    """The plain way: pandas.read_html, then string clean-up with pandas, no validation."""
    frames = []
    for mtdsg_no, page in pages:
        tables = pd.read_html(io.StringIO(page.decode("utf-8")), match="Participant", flavor="lxml")
        grid = tables[0]
        grid.columns = ["participant", "signature", "consent"]
        grid["participant"] = grid["participant"].str.replace(r"[\d,\s]+$", "", regex=True)
        grid["iso3"] = grid["participant"].map(names.iso3)
        consent = grid["consent"].fillna("").astype(str)
        grid["kind"] = consent.str.extract(SUFFIX, expand=False)
        grid["consent_date"] = pd.to_datetime(
            consent.str.replace(SUFFIX, "", regex=True), format="%d %b %Y", errors="coerce"
        )
        grid["signature_date"] = pd.to_datetime(
            grid["signature"], format="%d %b %Y", errors="coerce"
        )
        grid["mtdsg_no"] = mtdsg_no
        frames.append(grid[grid["iso3"].notna()])
    return len(pd.concat(frames))


def synthetic_page(fixtures, participants: int) -> bytes:
    """One status page of ``participants`` rows: the 35 OAS states plus invented names."""
    source = fixtures.CSV_DIR / "18-12-a.csv"
    with source.open(newline="", encoding="utf-8") as handle:
        reader = csv.reader(handle)
        header = next(reader)
        real = list(reader)
    rows = real[:participants]
    rows += [
        [f"Land {chr(65 + n // 26)}{chr(97 + n % 26)}", "12 Dec 2000", "1 Jan 2005"]
        for n in range(participants - len(rows))
    ]
    folder = Path(tempfile.mkdtemp())
    with (folder / "synthetic.csv").open("w", newline="", encoding="utf-8") as handle:
        csv.writer(handle).writerows([header, *rows])
    fixtures.CSV_DIR = folder
    spec = replace(fixtures.SPECS[1], csv="synthetic.csv")
    return fixtures.build_html(spec)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7)
    args = parser.parse_args()
    data = ROOT / "data"
    instruments = {i.mtdsg_no: i for i in load_instruments(data)}
    states = load_states(data)
    names = NameIndex(states)
    fixtures = _fixtures_module()
    four = [(s.mtdsg_no, fixtures.build_html(s)) for s in fixtures.SPECS]
    page = synthetic_page(fixtures, 200)
    tip = instruments["XVIII-12-a"]
    instruments_scaled = {f"XVIII-12-a#{n}": tip for n in range(560)}

    print(f"Refresh pipeline, median of {args.runs} runs, {datetime.now(UTC):%Y-%m-%d}")
    print(f"{'workload':44} {'ours (ms)':>10} {'read_html (ms)':>15} {'ratio':>7}")
    workloads = [("4 instruments (2014 pages, 117-185 rows)", four, 1)]
    for count in (56, 560):
        workloads.append(
            (
                f"{count} instruments x 200 participants",
                [(f"XVIII-12-a#{n}", page) for n in range(count)],
                3,
            )
        )
    registry = {**instruments, **instruments_scaled}
    for label, pages, runs_divisor in workloads:
        runs = max(1, args.runs // runs_divisor)
        ours = median_ms(lambda p=pages: our_pipeline(p, registry, states, names), runs)
        base = median_ms(lambda p=pages: read_html_pipeline(p, names), runs)
        print(f"{label:44} {ours:10.1f} {base:15.1f} {ours / base:7.2f}")


if __name__ == "__main__":
    main()
