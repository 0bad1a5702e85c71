"""The key figures in the program: counted on the worker with a progress bar, shown as tables and charts, and
exported for the Land (CSV, XLSX, PDF) with small counts suppressed."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pdfplumber
from openpyxl import load_workbook
from pytestqt.qtbot import QtBot

from integrationsplan.stats.tables import SUPPRESSED
from integrationsplan.storage import audit
from integrationsplan.ui.backend import Backend
from integrationsplan.ui.bar_chart import BarChart
from integrationsplan.ui.preferences import Preferences
from integrationsplan.ui.views.stats_dialog import StatsDialog, preset


def test_presets_name_whole_periods() -> None:
    today = date(2026, 11, 25)
    assert preset(0, today) == (date(2026, 1, 1), today)
    assert preset(1, today) == (date(2025, 1, 1), date(2025, 12, 31))
    assert preset(2, today) == (date(2026, 7, 1), date(2026, 9, 30))
    assert preset(2, date(2026, 2, 1)) == (date(2025, 10, 1), date(2025, 12, 31))
    assert preset(3, date(2026, 1, 15)) == (date(2025, 12, 1), date(2025, 12, 31))
    assert preset(4, today) is None


def test_the_figures_are_counted_shown_and_exported(qtbot: QtBot, opened: Backend, tmp_path: Path) -> None:
    dialog = StatsDialog(opened, Preferences())
    qtbot.addWidget(dialog)
    qtbot.waitUntil(lambda: dialog.manager.count() > 1 or opened.idle, timeout=10_000)
    dialog.preset.setCurrentIndex(4)
    dialog.first.set_value(date(2026, 1, 1))
    dialog.last.set_value(date(2025, 1, 1))
    dialog.count()  # a period that ends before it begins is refused
    assert "endet" in dialog.message.text() and dialog.progress.isHidden()
    dialog.last.set_value(date(2026, 10, 31))
    dialog.count()
    assert not dialog.progress.isHidden() and not dialog.count_button.isEnabled()
    qtbot.waitUntil(lambda: dialog.figures is not None and dialog.count_button.isEnabled(), timeout=20_000)
    figures = dialog.figures
    assert figures is not None and figures.persons["counselled"] > 0
    assert dialog.tables_layout.count() > 20
    charts = dialog.charts_page.findChildren(BarChart)
    assert len(charts) == 3 and charts[0].labels and figures.sessions > 0
    assert dialog.progress.maximum() == dialog.progress.value() == 6  # the worker reported every stage
    assert all(button.isEnabled() for button in dialog.exports)
    for kind in ("csv", "xlsx", "pdf"):
        done: list[Path] = []
        dialog.export(tmp_path / f"figures.{kind}", kind, done.append)
        qtbot.waitUntil(lambda done=done: bool(done), timeout=30_000)
    text = (tmp_path / "figures.csv").read_text(encoding="utf-8-sig")
    assert "Beratene Personen" in text and SUPPRESSED in text  # small counts leave the office as "< 5"
    sheet = load_workbook(tmp_path / "figures.xlsx").active
    assert sheet.title == "Auswertung Zeitraum"
    values = {row[0]: row[1] for row in sheet.iter_rows(values_only=True) if row and row[0]}
    assert values["Beratene Personen"] == figures.persons["counselled"]
    with pdfplumber.open(tmp_path / "figures.pdf") as pdf:
        assert "Kennzahlen des Integrationsmanagements" in (pdf.pages[0].extract_text() or "")
    exported = [e for e in _entries(opened, qtbot) if e.action == audit.Action.EXPORTED]
    assert len(exported) == 3 and all(e.target == "key figures" for e in exported)


def _entries(opened: Backend, qtbot: QtBot) -> list[audit.Entry]:
    from driving import query

    return query(opened, qtbot, lambda db: audit.entries(db.conn))
