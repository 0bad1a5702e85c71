"""Key-figure timings on the Landkreis data set (5,000 persons) next to a raw baseline in the same run.

    .venv/bin/python benchmarks/bench_stats.py [--persons 5000] [--runs 5]

The baseline reads the same columns from the same encrypted file with plain queries and keeps every row
(what any counting has to read); the program's figure is the whole count of a year. Then the exports: the
spreadsheet (CSV, XLSX) and the PDF report with its charts. Prints medians and ratios. Not part of the tests.
"""

from __future__ import annotations

import argparse
import statistics
import tempfile
import time
from collections.abc import Callable
from datetime import date
from pathlib import Path

from dataset import PASS, describe, landkreis

from integrationsplan.i18n import Translator
from integrationsplan.pdf import stats_pdf
from integrationsplan.stats import Period, compute
from integrationsplan.stats.export import to_csv, to_xlsx
from integrationsplan.storage import Database

READS = (
    "SELECT id, counselling_start, birth_date, birth_year, gender, nationality, extended, manager, municipality"
    " FROM person",
    "SELECT person_id, closed_on, reason FROM case_closure",
    "SELECT household_id, person_id, joined_on, left_on FROM household_member",
    "SELECT person_id, kind, valid_from, valid_until FROM residence_status",
    "SELECT id, person_id, version, created_on, activated_on, closed_on, previous_plan_id FROM plan",
    "SELECT plan_id, area, status, status_date FROM goal",
    "SELECT id, person_id, held_on, duration_minutes, place, topics FROM counselling_session",
    "SELECT session_id, person_id FROM session_participant",
    "SELECT session_id, target FROM referral",
    "SELECT period, figure, category, count, minutes FROM erasure_tally",
)


def median_time(action: Callable[[], object], runs: int) -> float:
    times = []
    for _run in range(runs):
        start = time.perf_counter()
        action()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--persons", type=int, default=5000)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    path = landkreis(args.persons)
    print(describe(path))
    with tempfile.TemporaryDirectory() as folder, Database.open(path, PASS) as db:
        out = Path(folder)
        year = Period(date(2026, 1, 1), date(2026, 10, 31))
        raw = median_time(lambda: [db.conn.execute(query).fetchall() for query in READS], args.runs)
        ours = median_time(lambda: compute(db, year), args.runs)
        print(f"{'count a year':32} {ours * 1000:9.1f} ms   raw reads {raw * 1000:9.1f} ms   ratio {ours / raw:5.2f}")
        figures = compute(db, year)
        german = Translator("de")
        for name, action in (
            ("CSV", lambda: to_csv(figures, out / "k.csv", True, german)),
            ("XLSX", lambda: to_xlsx(figures, out / "k.xlsx", True, german)),
            ("PDF report with charts", lambda: stats_pdf.render(figures, out / "k.pdf")),
        ):
            took = median_time(action, args.runs)
            print(f"{name:32} {took * 1000:9.1f} ms   ratio to counting {took / ours:5.2f}")


if __name__ == "__main__":
    main()
