"""Screenshots of exchanging data: a laptop and the office edit the same demo case at the same time, exchange
through a folder, and the laptop shows the preview, the exchange dialog and the review list.

    xvfb-run -s "-screen 0 1400x900x24" python docs/screenshots/sync_screenshots.py de

Files: sync-dialog-<language>.png, sync-preview-<language>.png, review-<language>.png, and the erasure queue
(erasure-queue-<language>.png) over two cases of the laptop closed long ago and one whose consent to health data was
withdrawn, that person's situation tab (withdrawal-<language>.png), and the laptop's audit log
(audit-log-<language>.png).
"""

from __future__ import annotations

import os
import sys
import tempfile
import time
from dataclasses import replace
from datetime import date
from pathlib import Path

from PySide6.QtWidgets import QApplication

from integrationsplan import demo, retention
from integrationsplan.domain.codes import ClosureReason, ConsentForm, ConsentKind
from integrationsplan.domain.consent import Consent
from integrationsplan.domain.person import CaseClosure, Resources
from integrationsplan.domain.session import CounsellingSession
from integrationsplan.storage import Database
from integrationsplan.sync import exchange, team
from integrationsplan.ui.app import apply_language, make_application
from integrationsplan.ui.backend import Backend
from integrationsplan.ui.main_window import MainWindow
from integrationsplan.ui.preferences import Preferences
from integrationsplan.ui.views.audit_dialog import AuditDialog
from integrationsplan.ui.views.erasure_dialog import ErasureDialog
from integrationsplan.ui.views.review_dialog import ReviewDialog
from integrationsplan.ui.views.sync_dialog import PreviewDialog, SyncDialog

HERE = Path(__file__).resolve().parent
PASS = "demo-passphrase"


def scenario(folder: Path) -> Path:
    """Two devices of one team with conflicting edits; returns the laptop's database, its file not yet read."""
    members = team.new_team()
    laptop = Database.create(folder / "laptop.db", PASS, device_name="Laptop Schmidt", case_prefix="LS")
    office = Database.create(folder / "office.db", PASS, device_name="Büro Waldshut", case_prefix="BW")
    exchanged = folder / "exchange"
    exchanged.mkdir()
    for db in (laptop, office):
        with db.remote_write() as conn:
            team.join(conn, members)
    demo.fill(laptop, persons=12, seed=3)
    exchange.import_bundles(office, [exchange.export(laptop, exchanged)], None)
    exchange.import_bundles(laptop, [exchange.export(office, exchanged)], None)
    persons = laptop.persons.all()[:3]
    first, second, third = persons
    session = CounsellingSession(person_id=first.id, held_on=date(2026, 11, 20), note="Termin Jobcenter besprochen.")
    with laptop.write():
        laptop.sessions.add(session)
    exchange.import_bundles(office, [exchange.export(laptop, exchanged)], None)
    with laptop.write():
        laptop.persons.save(replace(first, phone="0176 5550101", municipality="Bad Säckingen"))
        laptop.sessions.save(replace(session, note="Termin Jobcenter besprochen; Antrag mitgegeben.",
                                     finalised_on=date(2026, 11, 21)))  # fmt: skip
        laptop.persons.save(replace(third, address="Hauptstraße 4"))
    with office.write():
        office.persons.save(replace(office.persons.get(first.id), phone="07751 5550199"))
        office.sessions.save(
            replace(office.sessions.get(session.id), note="Termin Jobcenter besprochen, Frau anwesend.")
        )
        office.persons.delete(third.id)
        office.persons.save(replace(office.persons.get(second.id), accommodation="Anschlussunterbringung"))
    exchange.export(office, exchanged)
    with laptop.write():
        for person, closed in zip(laptop.persons.all()[4:6], (date(2024, 6, 30), date(2025, 9, 1)), strict=True):
            laptop.closures.add(CaseClosure(person_id=person.id, closed_on=closed, reason=ClosureReason.MOVED_AWAY))
    withdrawing = laptop.persons.all()[7]  # health data recorded, then the consent to them withdrawn
    with laptop.write():
        special = laptop.consents.add(Consent(person_id=withdrawing.id, kind=ConsentKind.SPECIAL_CATEGORIES,
                                              given_on=date(2026, 9, 1), form=ConsentForm.WRITTEN))  # fmt: skip
        found = laptop.resources.where(person_id=withdrawing.id)
        resources = found[0] if found else laptop.resources.add(Resources(person_id=withdrawing.id))
        laptop.resources.save(replace(resources, health="Rückenschmerzen, in Behandlung"))
    with laptop.write():
        laptop.consents.save(replace(special, withdrawn_on=date(2026, 11, 2)))
    laptop.close()
    office.close()
    return folder / "laptop.db"


def settle(app: QApplication, backend: Backend, seconds: float = 0.4) -> None:
    end = time.monotonic() + seconds
    while time.monotonic() < end or not backend.idle:
        app.processEvents()
        time.sleep(0.01)


def main(language: str) -> None:
    os.environ.setdefault("INTEGRATIONSPLAN_CONFIG_DIR", tempfile.mkdtemp())
    work = Path(tempfile.mkdtemp())
    database = scenario(work)
    app = make_application(sys.argv[:1])
    apply_language(app, language)
    backend = Backend()
    backend.open(database, PASS, create=False)
    settle(app, backend)
    preferences = Preferences()
    preferences.exchange_dir = work / "exchange"
    preferences.backup_dir = work / "backups"
    dialog = SyncDialog(backend, preferences)
    dialog.show()
    settle(app, backend, 0.8)
    shown: list[PreviewDialog] = []

    def capture_preview(found: object, folder: object, skipped: object = None) -> None:
        bundles, report = found  # type: ignore[misc]
        preview = PreviewDialog(report, [], dialog)
        preview.show()
        shown.append(preview)
        settle(app, backend, 0.5)
        preview.grab().save(str(HERE / f"sync-preview-{language}.png"))
        preview.close()
        dialog._import(bundles, folder, allow=False)  # type: ignore[arg-type]

    dialog._confirm = capture_preview  # type: ignore[method-assign]
    dialog.exchange_folder()
    settle(app, backend, 1.5)
    dialog.grab().save(str(HERE / f"sync-dialog-{language}.png"))
    dialog.close()
    review = ReviewDialog(backend, preferences)
    review.show()
    settle(app, backend, 0.8)
    review.grab().save(str(HERE / f"review-{language}.png"))
    if review.list.count() > 1:
        review.list.setCurrentRow(1)
        settle(app, backend, 0.3)
        review.grab().save(str(HERE / f"review-finalised-{language}.png"))
    review.close()
    for name, shown_dialog in (
        ("erasure-queue", ErasureDialog(backend, preferences)),
        ("audit-log", AuditDialog(backend)),
    ):
        shown_dialog.show()
        settle(app, backend, 0.8)
        shown_dialog.grab().save(str(HERE / f"{name}-{language}.png"))
        shown_dialog.close()
    window = MainWindow(backend, preferences)  # the situation tab of the person who withdrew the consent
    window.resize(1400, 860)
    window.show()
    found: list[str] = []
    backend.call(lambda db: next(d.person_id for d in retention.due(db, 12, date.today())
                                 if d.reason == retention.SPECIAL), found.append)  # fmt: skip
    settle(app, backend, 0.8)
    window.open_person(found[0])
    window.tabs.setCurrentWidget(window.situation)
    settle(app, backend, 0.8)
    window.grab().save(str(HERE / f"withdrawal-{language}.png"))
    window.close()
    backend.shutdown()


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "de")
