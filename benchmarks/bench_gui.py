"""The window's timings on the Landkreis data set, next to raw baselines measured in the same run, and its peak memory.

    QT_QPA_PLATFORM=offscreen .venv/bin/python benchmarks/bench_gui.py [--persons 5000] [--runs 5]

- unlock → first page of the person list, against one key derivation (the floor: the passphrase must be
  stretched) plus a raw query of the first 100 rows;
- opening a person with a plan (every tab filled), against plain queries of the same records;
- peak resident memory (VmHWM) of a working session in a fresh process: unlock, the list, five persons opened.
Not part of the tests.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from dataset import PASS, describe, landkreis
from PySide6.QtWidgets import QApplication

from integrationsplan.storage import Database, connection
from integrationsplan.ui.backend import Backend
from integrationsplan.ui.main_window import MainWindow
from integrationsplan.ui.preferences import Preferences

PERSON_TABLES = ("plan", "counselling_session", "consent", "residence_status", "resources", "household_member")


def wait(app: QApplication, done: Callable[[], bool], limit_s: float = 120) -> None:
    end = time.perf_counter() + limit_s
    while not done():
        app.processEvents()
        if time.perf_counter() > end:
            raise TimeoutError("the window did not get there in time")


def report(name: str, ours: float, raw: float) -> None:
    print(f"{name:44} {ours * 1000:9.1f} ms   raw {raw * 1000:9.1f} ms   ratio {ours / raw:6.2f}")


def session(path: Path) -> None:
    """One working session in a fresh process: unlock, the list, five persons with a plan opened; prints the
    peak resident memory (the timing runs above reopen the file and keep a second connection: not a session)."""
    app = QApplication.instance() or QApplication([])
    backend = Backend()
    window = MainWindow(backend, Preferences())
    window.resize(1400, 860)
    window.show()
    backend.open(path, PASS, create=False, on_done=lambda _p: window.model.reload())
    wait(app, lambda: backend.idle and window.model.rowCount() > 0)
    found: list[list[str]] = []
    backend.call(lambda db: [r[0] for r in db.conn.execute("SELECT DISTINCT person_id FROM plan LIMIT 5")],
                 found.append)  # fmt: skip
    wait(app, lambda: bool(found))
    for person_id in found[0]:
        window.open_person(person_id)
        wait(app, lambda: backend.idle and window.plan.view.plan is not None)
    # VmHWM, not ru_maxrss: Linux carries ru_maxrss over exec, so a child would report its parent's peak.
    peak = next(int(line.split()[1]) for line in Path("/proc/self/status").read_text().splitlines()
                if line.startswith("VmHWM"))  # fmt: skip
    print(peak / 1024, flush=True)
    backend.shutdown()
    os._exit(0)  # measured: no quit backup, no teardown of the window needed


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--persons", type=int, default=5000)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--session", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.session:
        session(args.session)
        return
    os.environ.setdefault("INTEGRATIONSPLAN_CONFIG_DIR", tempfile.mkdtemp())
    app = QApplication.instance() or QApplication([])
    path = landkreis(args.persons)  # made in another process: the memory below is the window's, not the generator's
    print(describe(path))
    salt = path.read_bytes()[:16]
    raw_unlock = []
    with Database.open(path, PASS) as db:
        with_plan = [row[0] for row in db.conn.execute("SELECT DISTINCT person_id FROM plan LIMIT 50")]
        for _run in range(args.runs):  # the floor: one key derivation, then the first 100 rows read raw
            start = time.perf_counter()
            connection.derive_key(PASS, salt)
            db.conn.execute("SELECT id, case_number, family_name, given_names, municipality FROM person"
                            " ORDER BY family_name LIMIT 100").fetchall()  # fmt: skip
            raw_unlock.append(time.perf_counter() - start)
    unlock, opening, raw_open = [], [], []
    backend = Backend()
    window = MainWindow(backend, Preferences())
    window.resize(1400, 860)
    window.show()
    for run in range(args.runs):
        backend.close()
        wait(app, lambda: backend.idle)
        window.model.clear()
        start = time.perf_counter()
        backend.open(path, PASS, create=False, on_done=lambda _p: window.model.reload())
        wait(app, lambda: backend.idle and window.model.rowCount() > 0)
        unlock.append(time.perf_counter() - start)
        person_id = with_plan[run % len(with_plan)]
        start = time.perf_counter()
        window.open_person(person_id)
        wait(app, lambda: backend.idle and window.plan.view.plan is not None)
        opening.append(time.perf_counter() - start)
    preferences = window.preferences
    preferences.backup_keep = 0  # no backup at quit in a benchmark
    window.close()
    backend.shutdown()
    with Database.open(path, PASS) as db:
        for person_id in with_plan[: args.runs]:
            start = time.perf_counter()
            db.conn.execute("SELECT * FROM person WHERE id = ?", (person_id,)).fetchall()
            for table in PERSON_TABLES:
                db.conn.execute(f"SELECT * FROM {table} WHERE person_id = ?", (person_id,)).fetchall()
            db.conn.execute("SELECT g.* FROM goal g JOIN plan p ON p.id = g.plan_id WHERE p.person_id = ?",
                            (person_id,)).fetchall()  # fmt: skip
            db.conn.execute("SELECT s.* FROM step s JOIN goal g ON g.id = s.goal_id JOIN plan p ON p.id = g.plan_id"
                            " WHERE p.person_id = ?", (person_id,)).fetchall()  # fmt: skip
            raw_open.append(time.perf_counter() - start)
    print(f"{args.persons} persons; medians of {args.runs} runs")
    report("unlock -> first page of the person list", statistics.median(unlock), statistics.median(raw_unlock))
    report("open a person with a plan (all tabs)", statistics.median(opening), statistics.median(raw_open))
    measured = subprocess.run([sys.executable, __file__, "--session", str(path)], capture_output=True, text=True)
    rss = float(measured.stdout.split()[-1]) if measured.returncode == 0 else float("nan")
    print(f"{'peak memory of a session (fresh process)':44} {rss:9.1f} MB")


if __name__ == "__main__":
    main()
