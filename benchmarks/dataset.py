"""The benchmark data set, the "Landkreis" of issue 9, made once per size and kept for the next run.

Per 5,000 persons about 60,000 sessions, 25,000 goals and 100,000 steps (`integrationsplan demo --landkreis`).
The program's own demo command makes it in another process, so that no benchmark counts the generator's time or
memory, into BENCH_DATA (default: ~/.cache/integrationsplan-benchmarks) under a name that carries the size. A file
is only used once it is complete; one made by an older version is brought to the newest schema (without the backup
copy a caseworker's file gets). Delete the folder to make the data sets again.
"""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

from integrationsplan.storage import Database, connection, migrate

PASS = "benchmark passphrase"
TABLES = ("person", "plan", "goal", "step", "counselling_session", "change_log")


def folder() -> Path:
    return Path(os.environ.get("BENCH_DATA") or Path.home() / ".cache" / "integrationsplan-benchmarks")


def landkreis(persons: int) -> Path:
    """The data set of `persons` persons, made now if no earlier run left it."""
    path = folder() / f"landkreis-{persons}.db"
    if path.exists():
        conn = connection.connect(path, PASS, create=False)
        try:
            migrate.migrate(conn, path, backup=False)
        finally:
            conn.close()
        return path
    path.parent.mkdir(parents=True, exist_ok=True)
    partial = path.with_name(path.name + ".partial")
    for leftover in path.parent.glob(partial.name + "*"):  # an interrupted run's file and its journal
        leftover.unlink()
    started = time.perf_counter()
    subprocess.run(
        [sys.executable, "-m", "integrationsplan", "demo", "--db", str(partial), "--persons", str(persons),
         "--landkreis"],
        env={**os.environ, "INTEGRATIONSPLAN_PASSPHRASE": PASS}, check=True, stdout=subprocess.DEVNULL,
    )  # fmt: skip
    partial.rename(path)
    for leftover in path.parent.glob(partial.name + "*"):  # the lock file the program leaves behind
        leftover.unlink()
    print(f"data set made in {time.perf_counter() - started:.0f} s: {path}", file=sys.stderr)
    return path


def describe(path: Path) -> str:
    """One line: what the data set holds and its size on disk."""
    with Database.open(path, PASS) as db:
        counts = db.counts()
    held = ", ".join(f"{counts[table]:,} {table}" for table in TABLES)
    return f"data set {path.name}: {held}; {path.stat().st_size / 1e6:,.0f} MB"
