"""Reliability: a writer killed (SIGKILL) at random points loses nothing it had confirmed and leaves a sound file;
a full disk and a folder the user may not write give a clear message and leave the database as it was.

`KILL_POINTS=200 pytest tests/e2e/test_reliability.py` kills at more points than the default run."""

from __future__ import annotations

import os
import random
import shutil
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from test_cli import PASS, run

from integrationsplan.storage import Database, errors

WRITER = r"""
import sys
from datetime import date
from integrationsplan.domain.person import Person
from integrationsplan.domain.session import CounsellingSession
from integrationsplan.storage import Database

db = Database.open(sys.argv[1], sys.argv[2])
print("ready", flush=True)
n = 0
while True:
    n += 1
    with db.write():
        person = db.persons.add(Person(case_number=f"K-{sys.argv[3]}-{n}", family_name=f"Name {n}",
                                       counselling_start=date(2026, 1, 5), municipality="Waldshut"))
        db.sessions.add(CounsellingSession(person_id=person.id, held_on=date(2026, 2, 1), note="x" * (n % 900)))
    if n % 25 == 0:
        db.backup(__import__("pathlib").Path(sys.argv[4]))
    print(person.case_number, flush=True)
"""


def test_a_killed_writer_loses_nothing_it_confirmed(tmp_path: Path) -> None:
    path = tmp_path / "killed.db"
    Database.create(path, PASS).close()
    points = int(os.environ.get("KILL_POINTS", "12"))
    rng = random.Random(points)
    confirmed: list[str] = []
    for point in range(points):
        child = subprocess.Popen([sys.executable, "-c", WRITER, str(path), PASS, str(point), str(tmp_path / "bk")],
                                 stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)  # fmt: skip
        assert child.stdout is not None
        assert child.stdout.readline().strip() == "ready", child.stderr.read() if child.stderr else ""
        time.sleep(rng.uniform(0.0, 0.6))
        child.send_signal(signal.SIGKILL)
        out, _err = child.communicate(timeout=30)
        confirmed += out.split()  # what the writer printed had been committed before
        with Database.open(path, PASS) as db:
            assert db.conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
            assert db.check() == []
            stored = {p.case_number for p in db.persons.all()}
            assert set(confirmed) <= stored, sorted(set(confirmed) - stored)[:5]
            assert db.persons.search(confirmed[-1]) if confirmed else True  # the search index kept step
        (path.parent / f"{path.name}.lock").unlink(missing_ok=True)  # a lock file a killed process left
    assert len(confirmed) > points  # the writer got somewhere between the kills


@pytest.fixture
def small_disk(tmp_path: Path) -> Iterator[Path]:
    """A real file system of 3 MB (tmpfs), where a database can fill the disk."""
    folder = tmp_path / "small"
    folder.mkdir()
    if os.geteuid() != 0 or shutil.which("mount") is None:
        pytest.skip("mounting a small file system needs root")
    mounted = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=3m", "tmpfs", str(folder)], capture_output=True)
    if mounted.returncode != 0:
        pytest.skip(f"mount refused: {mounted.stderr.decode(errors='replace').strip()}")
    try:
        yield folder
    finally:
        subprocess.run(["umount", "-l", str(folder)], check=False)


def test_a_full_disk_refuses_the_write_with_a_message_and_keeps_the_database(small_disk: Path) -> None:
    from datetime import date

    from integrationsplan.domain.person import Person
    from integrationsplan.domain.session import CounsellingSession

    path = small_disk / "full.db"
    saved: list[str] = []
    with Database.create(path, PASS) as db:
        filler = small_disk / "filler"
        filler.write_bytes(b"\0" * (os.statvfs(small_disk).f_bavail * os.statvfs(small_disk).f_frsize - 400_000))
        with pytest.raises(errors.DiskFull) as refused:
            for n in range(100_000):
                with db.write():
                    person = db.persons.add(Person(case_number=f"F-{n}", family_name=f"Voll {n}",
                                                   counselling_start=date(2026, 1, 5)))  # fmt: skip
                    db.sessions.add(CounsellingSession(person_id=person.id, held_on=date(2026, 2, 1),
                                                       note=f"Notiz {n} " + "lang " * 800))  # fmt: skip
                saved.append(f"F-{n}")
        assert "voll" in refused.value.text().lower()
    filler.unlink()  # space again: everything confirmed is there and the file is sound
    with Database.open(path, PASS) as db:
        assert db.conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        assert {p.case_number for p in db.persons.all()} >= set(saved) and len(saved) >= 2


def test_a_folder_the_user_may_not_use_gives_a_message_and_changes_nothing(tmp_path: Path) -> None:
    if os.geteuid() != 0 or shutil.which("setpriv") is None:
        pytest.skip("running as another user needs root and setpriv")
    folder = tmp_path / "theirs"
    folder.mkdir()
    db_path = folder / "x.db"
    assert run("init", "--db", str(db_path)).returncode == 0
    as_nobody = ["setpriv", "--reuid=65534", "--regid=65534", "--clear-groups"]
    env = {k: v for k, v in os.environ.items() if not k.startswith("INTEGRATIONSPLAN_")}
    env.update(INTEGRATIONSPLAN_PASSPHRASE=PASS, HOME=str(tmp_path), INTEGRATIONSPLAN_DATA_DIR=str(tmp_path / "d"))
    for args in (["init", "--db", str(folder / "new.db")], ["demo", "--db", str(db_path), "--persons", "2"]):
        refused = subprocess.run([*as_nobody, sys.executable, "-m", "integrationsplan", *args], capture_output=True,
                                 text=True, env=env, stdin=subprocess.DEVNULL, timeout=120)  # fmt: skip
        assert refused.returncode == 1, refused.stderr
        assert "Traceback" not in refused.stderr and str(folder) in refused.stderr, refused.stderr
    with Database.open(db_path, PASS) as db:  # untouched
        assert db.persons.count() == 0 and db.check() == []
