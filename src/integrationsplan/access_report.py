"""The access report (DSGVO Art. 15): everything stored about a person, as data (JSON).

Gathered from the file itself, so nothing is left out by a forgotten list: every record that belongs to the
person (the person, and every row whose required references lead to it, from the change log as the erasure finds
them), each with all of its fields; the history of every field (every value the change log keeps, with when and
on which device); the private note of this device; and the audit log's entries about those records.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from integrationsplan.errors import UserError
from integrationsplan.i18n import N_
from integrationsplan.storage import Database, audit, erasure
from integrationsplan.storage.changes import references
from integrationsplan.storage.records import TABLES, columns
from integrationsplan.sync import clock

FORMAT = "integrationsplan-access-report/1"


def gather(db: Database, person_id: str) -> dict[str, Any]:
    """The report as plain data (what `write` saves as JSON)."""
    person = db.persons.get(person_id)
    keys = erasure.dependants(db.conn, references(db.conn), [("person", person_id)])
    records: dict[str, list[dict[str, Any]]] = {}
    history = []
    for table, row_id in reversed(keys):  # the person first, then what hangs off it
        names = columns(TABLES[table])
        row = db.conn.execute(f"SELECT {', '.join(names)} FROM {table} WHERE id = ?", (row_id,)).fetchone()
        if row is not None:
            records.setdefault(table, []).append(dict(zip(names, row, strict=True)))
        for device, hlc, field, op, value in db.conn.execute(
            "SELECT device_id, hlc, field, op, value FROM change_log WHERE tbl = ? AND row_id = ? ORDER BY id",
            (table, row_id),
        ):
            history.append({"record": f"{table}:{row_id}", "field": field, "change": op, "value": _plain(value),
                            "at": clock.to_datetime(hlc).isoformat(timespec="seconds"), "device": device})  # fmt: skip
    ids = [f"{table}:{row_id}" for table, row_id in keys]
    audit_entries = [
        {"at": at, "user": user, "action": action, "records": target}
        for at, user, action, target in db.conn.execute("SELECT at, user, action, target FROM audit_log ORDER BY seq")
        if any(record_id in target for record_id in ids)
    ]
    return {
        "format": FORMAT,
        "case_number": person.case_number,
        "records": {table: [_row(r) for r in rows] for table, rows in records.items()},
        "history": history,
        "private_note": db.private_note(person_id) or None,
        "audit": audit_entries,
    }


def _plain(value: Any) -> Any:
    return value.hex() if isinstance(value, bytes) else value


def _row(row: dict[str, Any]) -> dict[str, Any]:
    return {name: _plain(value) for name, value in row.items()}


def write(db: Database, person_id: str, folder: Path, language: str = "de") -> list[Path]:
    """Save the report as <case number>-auskunft.json and as a PDF in `language` in `folder`."""
    from integrationsplan.pdf import access_pdf

    report = gather(db, person_id)
    stem = folder / f"{report['case_number']}-auskunft"
    data, pdf = stem.with_suffix(".json"), stem.with_name(f"{stem.name}-{language}.pdf")
    kept = {r.column for refs in references(db.conn).values() for r in refs}
    try:
        data.write_text(json.dumps(report, ensure_ascii=False, indent=2), encoding="utf-8")
        access_pdf.render(report, language, pdf, kept)
    except OSError as exc:
        raise UserError(N_("{path} cannot be written: {reason}"), path=folder, reason=exc.strerror or exc) from exc
    db.audit(audit.Action.ACCESS_REPORT, f"person:{person_id}", {"files": [data.name, pdf.name]})
    return [data, pdf]
