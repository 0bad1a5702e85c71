"""Take the screenshots in this folder from the real window over a demo database.

    xvfb-run -s "-screen 0 1400x900x24" python docs/screenshots/take_screenshots.py demo.db de
    (the passphrase comes from INTEGRATIONSPLAN_PASSPHRASE, as for the command line)

Run once per language (de en ar fa uk tr ru); the files are named <screen>-<language>.png.
"""

from __future__ import annotations

import os
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

from PySide6.QtCore import QItemSelectionModel
from PySide6.QtWidgets import QApplication, QDialog, QWidget

from integrationsplan.domain.codes import LifeArea
from integrationsplan.domain.plan import Goal
from integrationsplan.storage import Database
from integrationsplan.ui.app import apply_language, make_application
from integrationsplan.ui.backend import Backend
from integrationsplan.ui.catalogue_field import CatalogueField
from integrationsplan.ui.main_window import MainWindow
from integrationsplan.ui.models.person_list import Column
from integrationsplan.ui.preferences import Preferences
from integrationsplan.ui.views import plan_dialogs
from integrationsplan.ui.views.print_dialog import PrintDialog, plan_document
from integrationsplan.ui.views.sessions_panel import SessionDialog
from integrationsplan.ui.views.stats_dialog import StatsDialog

HERE = Path(__file__).resolve().parent


def settle(app: QApplication, backend: Backend, seconds: float = 0.4) -> None:
    end = time.monotonic() + seconds
    while time.monotonic() < end or not backend.idle:
        app.processEvents()
        time.sleep(0.01)


def richest_case(db: Database) -> str:
    """An open case with an active plan, several goals and sessions: the screens show what a plan holds."""
    row = db.query(
        "SELECT p.id FROM person p JOIN plan pl ON pl.person_id = p.id AND pl.status = 'active'"
        " WHERE p.id NOT IN (SELECT person_id FROM case_closure)"
        " ORDER BY (SELECT count(*) >= 3 FROM household_member m WHERE m.left_on IS NULL AND m.household_id IN"
        " (SELECT household_id FROM household_member WHERE person_id = p.id)) DESC,"
        " (SELECT count(*) FROM goal WHERE plan_id = pl.id) DESC,"
        " (SELECT count(*) FROM counselling_session WHERE person_id = p.id) DESC, p.case_number LIMIT 1"
    )
    return str(row[0][0])


def goal_shot(app: QApplication, backend: Backend, window: MainWindow, language: str) -> None:
    """The goal dialog with the catalogue's popup open (a separate window: grabbed from the screen)."""
    plan = window.plan.view.plan
    assert plan is not None
    goal = Goal(plan_id=plan.id, area=LifeArea.LANGUAGE, text="", start_date=date.today())
    dialog = plan_dialogs.goal_dialog(backend, goal, True, window, False)
    dialog.show()
    settle(app, backend)
    field = dialog.form.widgets["catalogue_key"]
    assert isinstance(field, CatalogueField)
    field.search.setFocus()
    field.search.setText("deutsch")
    field.show_matches("deutsch")
    settle(app, backend, 0.6)
    screen = app.primaryScreen()
    area = dialog.frameGeometry().united(field.completer.popup().frameGeometry())  # type: ignore[union-attr]
    screen.grabWindow(0, area.x(), area.y(), area.width(), area.height()).save(
        str(HERE / f"goal-dialog-{language}.png")
    )
    field.completer.popup().hide()  # type: ignore[union-attr]
    dialog.form.edited = False
    dialog.done(QDialog.DialogCode.Rejected)


def main(database: Path, language: str) -> None:
    os.environ.setdefault("INTEGRATIONSPLAN_CONFIG_DIR", tempfile.mkdtemp())
    app = make_application(sys.argv[:1])
    apply_language(app, language)
    backend = Backend()
    backend.open(database, os.environ["INTEGRATIONSPLAN_PASSPHRASE"], create=False)
    settle(app, backend)
    window = MainWindow(backend, Preferences())
    window.resize(1400, 860)
    window.show()
    settle(app, backend, 1.0)

    def shot(name: str, widget: QWidget | None = None) -> None:
        settle(app, backend)
        (widget or window).grab().save(str(HERE / f"{name}-{language}.png"))

    chosen: list[str] = []
    backend.call(richest_case, chosen.append)
    settle(app, backend)
    rows = window.model.rows
    target = next((r for r, listed in enumerate(rows) if listed.id == chosen[0]), 0)
    index = window.model.index(target, Column.NAME)
    window.table.selectionModel().setCurrentIndex(
        index, QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows
    )
    window.table.scrollTo(index)
    settle(app, backend, 1.0)
    shot("person")
    for name, tab in (("household", window.household), ("situation", window.situation), ("plan", window.plan),
                      ("sessions", window.sessions)):  # fmt: skip
        window.tabs.setCurrentWidget(tab)
        shot(name)

    window.tabs.setCurrentWidget(window.plan)
    goal_shot(app, backend, window, language)
    window.list_tabs.setCurrentWidget(window.due)
    shot("due")
    person = window.form.person
    assert person is not None
    printing = PrintDialog(backend, window.preferences, person, plan_document(person, None, window.preferences), window)
    printing.language.setCurrentIndex(printing.language.findData("ar"))
    printing.show()
    shot("print-dialog", printing)
    printing.done(QDialog.DialogCode.Rejected)
    figures = StatsDialog(backend, window.preferences, window)
    figures.show()
    figures.count()
    shot("key-figures", figures)
    figures.results.setCurrentIndex(1)
    shot("key-figures-charts", figures)
    figures.done(QDialog.DialogCode.Rejected)
    row = window.sessions.view.rows[0]
    dialog = SessionDialog(backend, row, window.sessions.view, False, window)
    dialog.show()
    shot("session-dialog", dialog)
    window.lock()  # an open dialog is covered, its input kept
    shot("locked-dialog", dialog)
    shot("locked")
    dialog.done(QDialog.DialogCode.Rejected)
    window.close()
    backend.shutdown()


if __name__ == "__main__":
    main(Path(sys.argv[1]), sys.argv[2] if len(sys.argv) > 2 else "de")
