"""integrationsplan stats: the key figures of a period as CSV, XLSX and PDF from the command line; every figure
of the spreadsheet is the computed one, small counts suppressed unless asked not to; bad input is refused."""

from __future__ import annotations

import csv
from datetime import date
from pathlib import Path

import pdfplumber
from openpyxl import load_workbook
from test_cli import PASS, run

from integrationsplan.i18n import Translator
from integrationsplan.stats import Period, compute
from integrationsplan.stats.tables import SUPPRESSED, suppressed, tables
from integrationsplan.storage import Database


def test_the_key_figures_leave_as_csv_xlsx_and_pdf(tmp_path: Path) -> None:
    db_path = tmp_path / "office.db"
    assert run("demo", "--db", str(db_path), "--persons", "120", "--seed", "4").returncode == 0
    period = ("--from", "2026-01-01", "--to", "2026-06-30")
    for name in ("figures.csv", "figures.xlsx", "figures.pdf", "inside.csv"):
        extra = ("--no-suppression",) if name == "inside.csv" else ()
        made = run("stats", "--db", str(db_path), *period, "--out", str(tmp_path / name), *extra)
        assert made.returncode == 0, made.stderr
    with Database.open(db_path, PASS) as db:
        expected = tables(compute(db, Period(date(2026, 1, 1), date(2026, 6, 30))), Translator("de"))
    sheet = load_workbook(tmp_path / "figures.xlsx").active
    rows = [row for row in sheet.iter_rows(values_only=True) if any(v is not None for v in row)]
    with (tmp_path / "inside.csv").open(encoding="utf-8-sig", newline="") as handle:
        inside = [row for row in csv.reader(handle, delimiter=";") if row]
    checked = hidden = 0
    for table in expected:
        start = next(i for i, row in enumerate(rows) if row[0] == table.title)
        shown_rows = suppressed(table).rows
        for offset, ((label, values), (_label, exported)) in enumerate(zip(table.rows, shown_rows, strict=True), 2):
            row = rows[start + offset]
            assert row[0] == label, (table.key, label)
            for value, out, column, cell in zip(values, exported, table.columns, row[1:], strict=False):
                if column.count and isinstance(value, int) and 0 < value < 5:
                    assert cell == SUPPRESSED  # every small count hidden
                if isinstance(out, str) or out is None:
                    assert cell == out, (table.key, label, cell, out)
                    hidden += out is not None
                else:
                    assert abs(cell - out) < 0.06, (table.key, label, cell, out)
                checked += 1
    assert checked > 150 and hidden > 0
    assert SUPPRESSED not in {cell for row in inside for cell in row}  # for use inside the office
    with pdfplumber.open(tmp_path / "figures.pdf") as pdf:
        text = " ".join(page.extract_text() or "" for page in pdf.pages)
    assert all(table.title in text for table in expected)
    assert "Balken unter 5 sind weggelassen." in text


def test_bad_periods_and_files_are_refused(tmp_path: Path) -> None:
    db_path = tmp_path / "office.db"
    assert run("init", "--db", str(db_path)).returncode == 0
    backwards = run("stats", "--db", str(db_path), "--from", "2026-07-01", "--to", "2026-06-30",
                    "--out", str(tmp_path / "x.csv"))  # fmt: skip
    assert backwards.returncode == 1 and "bevor er beginnt" in backwards.stderr
    nonsense = run("stats", "--db", str(db_path), "--from", "2026-13-01", "--to", "2026-06-30",
                   "--out", str(tmp_path / "x.csv"))  # fmt: skip
    assert nonsense.returncode == 2 and "2026-06-30" in nonsense.stderr
    folder = run("stats", "--db", str(db_path), "--from", "2026-01-01", "--to", "2026-06-30", "--out", str(tmp_path))
    assert folder.returncode == 1 and "Traceback" not in folder.stderr
    assert not list(tmp_path.glob("*.part"))
