"""The real entry point against fresh encrypted databases: commands, exit codes, no plaintext on disk."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from integrationsplan.storage import Database

PASS = "Demo-Passphrase 2026"


def run(*args: str, passphrase: str | None = PASS, **env: str) -> subprocess.CompletedProcess[str]:
    environment = {k: v for k, v in os.environ.items() if not k.startswith("INTEGRATIONSPLAN_")}
    if passphrase is not None:
        environment["INTEGRATIONSPLAN_PASSPHRASE"] = passphrase
    environment.update(env)
    return subprocess.run(
        [sys.executable, "-m", "integrationsplan", *args],
        capture_output=True, text=True, env=environment, stdin=subprocess.DEVNULL, timeout=600,
    )  # fmt: skip


@pytest.fixture(scope="module")
def demo_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("cli") / "demo.db"
    result = run("demo", "--db", str(path), "--persons", "200", "--seed", "7")
    assert result.returncode == 0, result.stderr
    assert "Demodaten geschrieben" in result.stdout
    return path


def _stored_bytes(path: Path) -> bytes:
    return b"".join(p.read_bytes() for p in path.parent.iterdir() if p.name.startswith(path.name))


def test_no_plaintext_on_disk_after_demo(demo_db: Path) -> None:
    with Database.open(demo_db, PASS) as db:
        texts = set()
        for person in db.persons.all():
            texts.update(t for t in (person.family_name, person.given_names, person.family_name_latin,
                                     person.phone, person.address) if t and len(t) >= 5)  # fmt: skip
        texts.update(s.note for s in db.sessions.all() if s.note and len(s.note) >= 12)
        texts.update(g.text for g in db.goals.all())
        # Keep a session open with a write in the WAL so that -wal and -shm exist while we look.
        db.conn.execute("PRAGMA wal_autocheckpoint = 0")
        db.persons.save(db.persons.all()[0])
        raw = _stored_bytes(demo_db)
        assert len(texts) > 300
        leaked = [t for t in texts for enc in ("utf-8", "utf-16-le") if t.encode(enc) in raw]
        assert leaked == []


def test_check_prints_counts_and_succeeds(demo_db: Path) -> None:
    result = run("check", "--db", str(demo_db))
    assert result.returncode == 0, result.stderr
    assert "Integrität und Fremdschlüssel: in Ordnung." in result.stdout
    assert "person" in result.stdout and "change_log" in result.stdout


def test_search_finds_spelling_variants(demo_db: Path) -> None:
    with Database.open(demo_db, PASS) as db:
        someone = next(p for p in db.persons.all() if p.family_name_latin)
    result = run("search", "--db", str(demo_db), someone.family_name_latin.lower())
    assert result.returncode == 0 and someone.case_number in result.stdout


def test_wrong_passphrase_is_one_line_exit_1_and_leaves_bytes(demo_db: Path) -> None:
    before = {p.name: p.read_bytes() for p in demo_db.parent.iterdir() if p.name in (demo_db.name,)}
    result = run("check", "--db", str(demo_db), passphrase="falsch falsch")
    assert result.returncode == 1
    assert result.stderr.count("\n") == 1
    assert "Falsche Passphrase" in result.stderr and "Traceback" not in result.stderr
    assert PASS not in result.stderr + result.stdout
    assert {p.name: p.read_bytes() for p in demo_db.parent.iterdir() if p.name in (demo_db.name,)} == before


def test_garbage_file_is_a_clear_message(tmp_path: Path) -> None:
    garbage = tmp_path / "urlaub.jpg"
    garbage.write_bytes(b"\xff\xd8\xff\xe0" + os.urandom(5000))
    result = run("check", "--db", str(garbage))
    assert result.returncode == 1
    assert "keine Integrationsplan-Datenbank" in result.stderr and "Traceback" not in result.stderr


def test_init_passwd_and_passphrase_file(tmp_path: Path) -> None:
    db = tmp_path / "neu.db"
    secret = tmp_path / "pass.txt"
    secret.write_text("aus der Datei gelesen\n", encoding="utf-8")
    result = run("init", "--db", str(db), "--passphrase-file", str(secret), "--case-prefix", "WT", passphrase=None)
    assert result.returncode == 0, result.stderr
    assert "WT-" in result.stdout and "aus der Datei" not in result.stdout
    assert run("init", "--db", str(db), "--passphrase-file", str(secret)).returncode == 1
    result = run("passwd", "--db", str(db), "--passphrase-file", str(secret), passphrase=None,
                 INTEGRATIONSPLAN_NEW_PASSPHRASE="eine ganz neue Phrase")  # fmt: skip
    assert result.returncode == 0, result.stderr
    assert run("check", "--db", str(db), "--passphrase-file", str(secret), passphrase=None).returncode == 1
    assert run("check", "--db", str(db), passphrase="eine ganz neue Phrase").returncode == 0


def test_passphrase_rules(tmp_path: Path) -> None:
    result = run("init", "--db", str(tmp_path / "a.db"), passphrase=None)
    assert result.returncode == 1 and "Keine Passphrase" in result.stderr
    result = run("init", "--db", str(tmp_path / "a.db"), passphrase="kurz")
    assert result.returncode == 1 and "mindestens 8 Zeichen" in result.stderr
    assert not (tmp_path / "a.db").exists()
    missing = run("check", "--db", str(tmp_path / "a.db"), "--passphrase-file", str(tmp_path / "nope"))
    assert missing.returncode == 1 and "kann nicht gelesen werden" in missing.stderr


def test_usage_errors_exit_2_and_english_on_request(tmp_path: Path) -> None:
    assert run("frobnicate").returncode == 2
    assert run("check").returncode == 2
    result = run("--lang", "en", "check", "--db", str(tmp_path / "none.db"))
    assert result.returncode == 1 and "There is no database" in result.stderr


def test_no_command_starts_the_desktop_program(tmp_path: Path) -> None:
    environment = {k: v for k, v in os.environ.items() if not k.startswith("INTEGRATIONSPLAN_")}
    environment |= {"QT_QPA_PLATFORM": "offscreen", "INTEGRATIONSPLAN_CONFIG_DIR": str(tmp_path)}
    process = subprocess.Popen(
        [sys.executable, "-m", "integrationsplan", "--db", str(tmp_path / "new.db")],
        env=environment, stdin=subprocess.DEVNULL, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
    )  # fmt: skip
    try:
        # The unlock dialog waits for the user: a program still running after a few seconds has started.
        with pytest.raises(subprocess.TimeoutExpired):
            process.wait(timeout=4)
    finally:
        process.terminate()
        _out, err = process.communicate(timeout=30)
    assert "Traceback" not in err


def test_version() -> None:
    result = run("--version")
    assert result.returncode == 0 and result.stdout.startswith("integrationsplan ")


def test_plan_pdf_prints_a_person_s_plan(demo_db: Path, tmp_path: Path) -> None:
    with Database.open(demo_db, PASS) as db:
        case = db.query("SELECT p.case_number FROM person p JOIN plan ON plan.person_id = p.id LIMIT 1")[0][0]
    out = tmp_path / "plan.pdf"
    result = run("plan-pdf", "--db", str(demo_db), "--person", case, "--lang", "fa", "--out", str(out),
                 "--organisation", "AWO Kreisverband")  # fmt: skip
    assert result.returncode == 0, result.stderr
    assert out.read_bytes().startswith(b"%PDF") and "Seite" in result.stdout  # "…: 4 Seiten"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["plan.pdf"]

    unknown = run("plan-pdf", "--db", str(demo_db), "--person", "XX-99999", "--out", str(tmp_path / "x.pdf"))
    assert unknown.returncode == 1 and "XX-99999" in unknown.stderr and not (tmp_path / "x.pdf").exists()
    wrong = run("plan-pdf", "--db", str(demo_db), "--person", case, "--lang", "xx", "--out", str(out))
    assert wrong.returncode == 2
    english = run("--lang", "en", "plan-pdf", "--db", str(demo_db), "--person", "XX-99999", "--lang", "ar",
                  "--out", str(tmp_path / "y.pdf"))  # fmt: skip
    assert "No person with the case number" in english.stderr  # --lang before the command: the messages
    folder = run("plan-pdf", "--db", str(demo_db), "--person", case, "--out", str(tmp_path))
    assert folder.returncode == 1 and "Ordner" in folder.stderr and "Traceback" not in folder.stderr


def test_catalogue_checks_the_organisation_folder(tmp_path: Path) -> None:
    own = tmp_path / "catalogue"
    ok = run("catalogue", "--list", INTEGRATIONSPLAN_CATALOGUE=str(own), passphrase=None)
    assert ok.returncode == 0, ok.stderr
    assert "language-integration-course\tgoal\tlanguage\tmitgeliefert\tEinen Integrationskurs beginnen" in ok.stdout
    assert "davon 0 von der Organisation" in ok.stdout and str(own) in ok.stdout

    own.mkdir()
    (own / "de.toml").write_text('[[goal]]\nkey = "org-tafel"\narea = "finances"\ntext = "Tafel-Ausweis erhalten"\n'
                                 "[[step]]\nkey = 'org-x'\narea = 'work'\nresponsible = 'boss'\ntext = 'x'\n",
                                 encoding="utf-8")  # fmt: skip
    (own / "ar.toml").write_text("[texts\n", encoding="utf-8")
    checked = run("catalogue", "--folder", str(own), passphrase=None)
    assert checked.returncode == 1
    assert "davon 1 von der Organisation" in checked.stdout
    problems = checked.stderr.splitlines()
    assert len(problems) == 2 and "Traceback" not in checked.stderr
    assert "Schritt Nr. 1" in problems[0] and "„boss“" in problems[0]
    assert "ar.toml" in problems[1] and "Zeile 1" in problems[1]
    missing = run("catalogue", "--folder", str(tmp_path / "typo"), passphrase=None)
    assert missing.returncode == 1 and "typo" in missing.stderr and "gibt es nicht" in missing.stderr


def test_a_sync_file_as_the_only_argument_opens_the_program_with_it() -> None:
    """What the installers' file association runs: `integrationsplan FILE.ipsync` (the desktop program, which
    takes the file in after unlocking); with a command the argument is the command's, as before."""
    from integrationsplan.cli import _opened_file

    double_clicked = "C:\\Austausch\\20261207-laptop-1a2b.IPSYNC"
    assert _opened_file([double_clicked]) == ([], Path(double_clicked))
    assert _opened_file(["--lang", "ar", "a.ipsync"]) == (["--lang", "ar"], Path("a.ipsync"))
    assert _opened_file(["sync", "import", "--db", "x.db", "a.ipsync"])[1] is None
    assert _opened_file(["--db", "x.db"]) == (["--db", "x.db"], None)
    assert _opened_file([]) == ([], None)
