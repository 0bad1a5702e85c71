"""The erasure queue from the command line: list what is due, refuse without the second confirmation, erase."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

from test_cli import PASS, run

from integrationsplan.domain.codes import ClosureReason
from integrationsplan.domain.person import CaseClosure
from integrationsplan.storage import Database


def test_a_due_case_is_listed_and_erased_only_when_confirmed(tmp_path: Path) -> None:
    db_path = tmp_path / "office.db"
    assert run("init", "--db", str(db_path), "--case-prefix", "ER").returncode == 0
    assert run("demo", "--db", str(db_path), "--persons", "6", "--seed", "3").returncode == 0
    with Database.open(db_path, PASS) as db:
        person = db.persons.all()[0]
        with db.write():
            db.closures.add(CaseClosure(person_id=person.id, closed_on=date(2024, 1, 15),
                                        reason=ClosureReason.SELF_RELIANT))  # fmt: skip
    listed = run("erasure", "--db", str(db_path))
    assert listed.returncode == 0 and person.case_number in listed.stdout and "1 Fall" in listed.stdout
    refused = run("erasure", "--db", str(db_path), "--erase", person.case_number)
    assert refused.returncode == 1 and "--confirm" in refused.stderr
    erased = run("erasure", "--db", str(db_path), "--erase", person.case_number, "--confirm", person.case_number)
    assert erased.returncode == 0, erased.stderr
    with Database.open(db_path, PASS) as db:
        assert db.persons.find(person.id) is None and db.persons.count() == 5 and db.tallies.count() > 0
    assert "0 Fälle" in run("erasure", "--db", str(db_path)).stdout
    # The audit log names the erasure by ids only, and its chain is intact.
    logged = run("audit", "--db", str(db_path))
    assert logged.returncode == 0 and f"erased\tperson:{person.id}" in logged.stdout
    assert person.family_name not in logged.stdout and "unversehrt" in logged.stdout
    exported = run("audit", "--db", str(db_path), "--csv", str(tmp_path / "audit.csv"))
    assert exported.returncode == 0 and "seq,at,user" in (tmp_path / "audit.csv").read_text(encoding="utf-8")


def test_restore_from_the_command_line(tmp_path: Path) -> None:
    db_path = tmp_path / "laptop.db"
    assert run("init", "--db", str(db_path)).returncode == 0
    assert run("demo", "--db", str(db_path), "--persons", "3", "--seed", "1").returncode == 0
    with Database.open(db_path, PASS) as db:
        copy = db.backup(tmp_path / "backups")
        with db.write():
            db.persons.delete(db.persons.all()[0].id)
    restored = run("restore", "--db", str(db_path), "--from", str(copy), "--backup-dir", str(tmp_path / "kept"))
    assert restored.returncode == 0, restored.stderr
    assert list((tmp_path / "kept").iterdir())
    with Database.open(db_path, PASS) as db:
        assert db.persons.count() == 3
    wrong = run("restore", "--db", str(db_path), "--from", str(copy), passphrase="falsch")
    assert wrong.returncode == 1 and "Traceback" not in wrong.stderr


def test_access_report_from_the_command_line(tmp_path: Path) -> None:
    db_path = tmp_path / "office.db"
    assert run("init", "--db", str(db_path), "--case-prefix", "AR").returncode == 0
    assert run("demo", "--db", str(db_path), "--persons", "3", "--seed", "2").returncode == 0
    with Database.open(db_path, PASS) as db:
        person = db.persons.all()[0]
    missing = run("access-report", "--db", str(db_path), "--person", person.case_number, "--out", str(tmp_path / "x"))
    assert missing.returncode == 1 and "Traceback" not in missing.stderr
    made = run("access-report", "--db", str(db_path), "--person", person.case_number, "--out", str(tmp_path))
    assert made.returncode == 0, made.stderr
    data, pdf = made.stdout.split()
    report = json.loads(Path(data).read_text(encoding="utf-8"))
    assert Path(pdf).read_bytes().startswith(b"%PDF")
    assert report["case_number"] == person.case_number and report["records"]["person"][0]["id"] == person.id


def test_no_command_leaves_personal_data_in_temporary_files_or_diagnostics(tmp_path: Path) -> None:
    """What the commands write goes where the user said, encrypted where it is a database, backup or exchange
    file: nothing in the temporary folder, and no name in the diagnostics (stderr), also of refused commands."""
    temporary = tmp_path / "tmp"
    temporary.mkdir()
    env = {"TMPDIR": str(temporary), "TEMP": str(temporary), "TMP": str(temporary)}
    laptop, office, out, share = tmp_path / "laptop.db", tmp_path / "office.db", tmp_path / "out", tmp_path / "share"
    out.mkdir()
    share.mkdir()
    done = [run("init", "--db", str(laptop), "--case-prefix", "LK", **env),
            run("demo", "--db", str(laptop), "--persons", "6", "--seed", "4", **env),
            run("init", "--db", str(office), "--case-prefix", "OF", **env)]  # fmt: skip
    with Database.open(laptop, PASS) as db:
        persons = db.persons.all()
        names = {n for p in persons for n in (p.family_name, p.given_names) if n and len(n) > 3}
    person = persons[0].case_number
    team = run("sync", "team", "--db", str(laptop), "--new", **env)
    key = team.stdout.strip().splitlines()[-1]
    done += [
        team,
        run("sync", "team", "--db", str(office), "--join", key, **env),
        run("plan-pdf", "--db", str(laptop), "--person", person, "--lang", "ar", "--out", str(out / "plan.pdf"),
            **env),
        run("access-report", "--db", str(laptop), "--person", person, "--out", str(out), **env),
        run("sync", "export", "--db", str(laptop), "--out", str(share), **env),
        run("sync", "folder", "--db", str(office), str(share), "--backup-dir", str(tmp_path / "backups"), **env),
        run("audit", "--db", str(laptop), "--csv", str(out / "audit.csv"), **env),
        run("check", "--db", str(office), **env),
    ]  # fmt: skip
    assert [r.returncode for r in done] == [0] * len(done), [r.stderr for r in done if r.returncode]
    refused = [run("plan-pdf", "--db", str(laptop), "--person", person, "--out", str(tmp_path), **env),
               run("check", "--db", str(laptop), passphrase="falsch", **env)]  # fmt: skip
    assert all(r.returncode == 1 and "Traceback" not in r.stderr for r in refused)
    assert sorted(temporary.iterdir()) == []
    for result in done + refused:
        for name in names:
            assert name not in result.stderr, (result.args[3:5], name)
    assert not any(name in (out / "audit.csv").read_text(encoding="utf-8") for name in names)
