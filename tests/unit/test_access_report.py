"""The access report (Art. 15) holds every stored value of the person's records, their history and the private
note, and nothing of other persons."""

from __future__ import annotations

import json
import re
from datetime import date
from pathlib import Path

import pdfplumber

from integrationsplan import access_report, demo
from integrationsplan.record_names import display
from integrationsplan.storage import Database, audit, erasure
from integrationsplan.storage.changes import references
from integrationsplan.storage.records import TABLES, columns

PASS = "access report passphrase"


def test_the_report_holds_every_value_of_the_person_and_nothing_of_others(tmp_path: Path) -> None:
    with Database.create(tmp_path / "a.db", PASS) as db:
        demo.fill(db, persons=10, seed=7, today=date(2026, 11, 1))
        person = max(db.persons.all(), key=lambda p: len(db.sessions.where(person_id=p.id)))
        other = next(p for p in db.persons.all() if p.family_name and p.family_name != person.family_name)
        db.set_private_note(person.id, "nur für die Beraterin")
        written, _pdf = access_report.write(db, person.id, tmp_path)
        report = json.loads(written.read_text(encoding="utf-8"))
        text = written.read_text(encoding="utf-8")
        keys = erasure.dependants(db.conn, references(db.conn), [("person", person.id)])
        assert len(keys) > 10
        for table, row_id in keys:
            names = columns(TABLES[table])
            row = db.conn.execute(f"SELECT {', '.join(names)} FROM {table} WHERE id = ?", (row_id,)).fetchone()
            listed = {r["id"]: r for r in report["records"][table]}
            assert dict(zip(names, row, strict=True)) == listed[row_id], (table, row_id)
        assert report["private_note"] == "nur für die Beraterin" and report["case_number"] == person.case_number
        assert {h["record"] for h in report["history"]} >= {f"person:{person.id}"}
        assert other.family_name not in text and other.case_number not in text
        assert audit.entries(db.conn)[0].action == "access_report"


def _pdf_text(path: Path) -> str:
    with pdfplumber.open(path) as pdf:
        return "".join((page.extract_text() or "") for page in pdf.pages)


def test_the_pdf_holds_every_stored_value_as_the_person_reads_it(tmp_path: Path) -> None:
    with Database.create(tmp_path / "p.db", PASS) as db:
        demo.fill(db, persons=6, seed=3, today=date(2026, 11, 1))
        person = max(db.persons.all(), key=lambda p: len(db.sessions.where(person_id=p.id)))
        db.set_private_note(person.id, "Notiz der Beraterin")
        _json, pdf = access_report.write(db, person.id, tmp_path)
        report = access_report.gather(db, person.id)
        kept = {r.column for refs in references(db.conn).values() for r in refs}
        printed = re.sub(r"\s+", "", _pdf_text(pdf))
        values = 0
        for table, rows in report["records"].items():
            for row in rows:
                for name, value in row.items():
                    if value is None or name == "id" or name in kept:
                        continue
                    shown = re.sub(r"\s+", "", display(table, name, value, "de"))
                    assert shown in printed, (table, name, shown)
                    values += 1
        assert values > 50 and "NotizderBeraterin" in printed
        _json, arabic = access_report.write(db, person.id, tmp_path, "ar")  # right to left, shaped: it renders
        assert arabic.name.endswith("-ar.pdf") and _pdf_text(arabic)
