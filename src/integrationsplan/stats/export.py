"""The key figures for the spreadsheet the Land asks for: CSV (semicolons and a byte order mark, as German
spreadsheet programs read it) or XLSX, one sheet "Auswertung Zeitraum" with the tables one under the other.
Numbers stay numbers; a suppressed count is the text "< 5". Written beside the target and renamed."""

from __future__ import annotations

import contextlib
import csv
import os
from collections.abc import Callable, Iterator
from datetime import datetime
from pathlib import Path
from typing import Any

from integrationsplan.errors import UserError
from integrationsplan.i18n import N_, Translator, _, format_date
from integrationsplan.stats.compute import KeyFigures
from integrationsplan.stats.tables import Column, Table, Value, suppressed, tables
from integrationsplan.storage import Database, audit

SHEET = "Auswertung Zeitraum"
FORMATS = ("csv", "xlsx", "pdf")


class ExportFailed(UserError):
    message = N_("The key figures could not be written to {path}: {reason}")


def cell(value: Value, column: Column, decimal_comma: bool = False) -> Any:
    """A value for a spreadsheet: a number (a share as a fraction in XLSX, in per cent in CSV), "< 5" when it
    is hidden, "" when there is none. CSV with a decimal comma: German spreadsheet programs read "12.5" as a
    date."""
    if value is None:
        return ""
    if isinstance(value, str) or not isinstance(value, float):
        return value
    if decimal_comma:
        return f"{round(value * 100 if column.percent else value, 1):.1f}".replace(".", ",")
    return round(value, 3 if column.percent else 1)


def heading(figures: KeyFigures, suppress: bool, translate: Callable[[str], str] | None = None) -> list[list[str]]:
    """What the figures are: period, filter, when made, whether small counts are suppressed."""
    t = translate or _
    language = getattr(translate, "language", None)
    period = f"{format_date(figures.period.first, language)} – {format_date(figures.period.last, language)}"
    lines = [[t(N_("Key figures of integration management"))], [t(N_("Period")), period]]
    if figures.filter.manager:
        lines.append([t(N_("Integration manager")), figures.filter.manager])
    if figures.filter.municipality:
        lines.append([t(N_("Municipality")), figures.filter.municipality])
    lines.append([t(N_("Made on")), format_date(datetime.now().date(), language)])
    lines.append([t(N_("Counts from 1 to 4 are shown as \u201c< 5\u201d; \u201cx\u201d hides a count from which one of "
                       "them could be worked out.")) if suppress
                  else t(N_("Small counts are not suppressed: for use inside the office only."))])  # fmt: skip
    return lines


def _rows(table: Table, suppress: bool, decimal_comma: bool = False) -> Iterator[list[Any]]:
    shown = suppressed(table) if suppress else table
    yield [table.title]
    yield [table.label, *(f"{c.title} (%)" if c.percent and decimal_comma else c.title for c in table.columns)]
    for text, values in shown.rows:
        yield [text, *(cell(v, c, decimal_comma) for v, c in zip(values, table.columns, strict=True))]


def _written(path: Path, write: Callable[[Path], None]) -> Path:
    if path.name in ("", ".", "..") or path.is_dir():
        raise ExportFailed(path=path, reason=_("it is a folder"))
    partial = path.with_name(f".{path.name}.part")
    try:
        write(partial)
        os.replace(partial, path)
    except OSError as exc:
        raise ExportFailed(path=path, reason=exc.strerror or exc) from exc
    finally:
        with contextlib.suppress(OSError):
            partial.unlink()
    return path


def to_csv(figures: KeyFigures, path: Path, suppress: bool = True,
           translate: Callable[[str], str] | None = None) -> Path:  # fmt: skip
    def write(target: Path) -> None:
        with target.open("w", encoding="utf-8-sig", newline="") as handle:
            out = csv.writer(handle, delimiter=";")
            out.writerows(heading(figures, suppress, translate))
            for table in tables(figures, translate):
                out.writerow([])
                out.writerows(_rows(table, suppress, decimal_comma=True))

    return _written(path, write)


def to_xlsx(figures: KeyFigures, path: Path, suppress: bool = True,
            translate: Callable[[str], str] | None = None) -> Path:  # fmt: skip
    from openpyxl import Workbook
    from openpyxl.styles import Font

    def write(target: Path) -> None:
        book = Workbook()
        sheet = book.active
        sheet.title = SHEET
        bold = Font(bold=True)
        for line in heading(figures, suppress, translate):
            sheet.append(line)
        sheet["A1"].font = Font(bold=True, size=14)
        for table in tables(figures, translate):
            sheet.append([])
            for index, row in enumerate(_rows(table, suppress)):
                sheet.append(row)
                if index < 2:
                    for item in sheet[sheet.max_row]:
                        item.font = bold
                for item, column in zip(sheet[sheet.max_row][1:], table.columns, strict=False):
                    if index >= 2 and column.percent:
                        item.number_format = "0.0%"
        sheet.column_dimensions["A"].width = 48
        for letter in "BCDEFGHIJ":
            sheet.column_dimensions[letter].width = 14
        book.save(target)

    return _written(path, write)


def write(db: Database, figures: KeyFigures, path: Path, kind: str, suppress: bool = True, organisation: str = "",
          logo: Path | None = None) -> int | None:  # fmt: skip
    """Write the figures as `kind` (csv, xlsx or pdf), in German: the report goes to the Land; then note the
    export in the audit log. Returns the pages of a PDF (None for a spreadsheet)."""
    pages = None
    if kind == "pdf":
        from integrationsplan.pdf import plan_pdf, stats_pdf  # ReportLab only when a PDF is asked for

        try:
            pages = stats_pdf.render(figures, path, plan_pdf.Letterhead(organisation, logo), suppress).pages
        except OSError as exc:
            raise UserError(N_("The PDF could not be written to {path}: {reason}"), path=path,
                            reason=exc.strerror or exc) from exc  # fmt: skip
    else:
        (to_xlsx if kind == "xlsx" else to_csv)(figures, path, suppress, Translator("de"))
    detail = {"format": kind, "from": figures.period.first.isoformat(), "to": figures.period.last.isoformat(),
              "suppressed": suppress}  # fmt: skip
    db.audit(audit.Action.EXPORTED, "key figures", detail)
    return pages
