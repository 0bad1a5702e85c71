"""Render the sample plans in this folder from a demo database, with page images to look at, and the key
figures of the demo's year as the PDF report and the spreadsheet.

    INTEGRATIONSPLAN_PASSPHRASE=… python docs/samples/make_samples.py demo.db

For each of Arabic, Persian, Ukrainian, Tigrinya and Sorani: the person of the demo who speaks it and has the
fullest plan (goals with a translation or from the catalogue first).
Needs pdftoppm (poppler-utils) for the page images.
"""

from __future__ import annotations

import os
import subprocess
import sys
from datetime import date
from pathlib import Path

from integrationsplan.i18n import Translator
from integrationsplan.pdf import plan_data, plan_pdf, stats_pdf
from integrationsplan.stats import Period, compute
from integrationsplan.stats.export import to_xlsx
from integrationsplan.storage import Database

HERE = Path(__file__).resolve().parent
LETTERHEAD = plan_pdf.Letterhead("Landratsamt Musterkreis · Integrationsmanagement")


def speaker_with_fullest_plan(db: Database, language: str) -> str | None:
    rows = db.query(
        "SELECT p.id FROM person p JOIN plan pl ON pl.person_id = p.id AND pl.status != 'closed'"
        " WHERE EXISTS (SELECT 1 FROM json_each(p.languages) WHERE value = ?)"
        " ORDER BY (SELECT count(*) FROM goal g WHERE g.plan_id = pl.id"
        " AND (g.translation IS NOT NULL OR g.catalogue_key IS NOT NULL)) DESC,"
        " (SELECT count(*) FROM goal g WHERE g.plan_id = pl.id) DESC, p.case_number LIMIT 1",
        (language,),
    )
    return str(rows[0][0]) if rows else None


def main(database: Path) -> None:
    with Database.open(database, os.environ["INTEGRATIONSPLAN_PASSPHRASE"]) as db:
        speakers = {lang: speaker_with_fullest_plan(db, lang) for lang in ("ar", "fa", "uk", "ti", "ckb")}
        plans = {lang: plan_data.load(db, person) for lang, person in speakers.items() if person}
    for language in speakers.keys() - plans.keys():
        print(f"no person speaking {language} with a plan in the demo database")
    for language, data in plans.items():
        out = HERE / f"plan-de-{language}.pdf"
        report = plan_pdf.render(data, language, out, LETTERHEAD)
        for old in HERE.glob(f"plan-de-{language}-*.png"):
            old.unlink()
        subprocess.run(["pdftoppm", "-r", "80", "-png", str(out), str(HERE / f"plan-de-{language}")], check=True)
        print(f"{out.name}: {report.pages} pages", *report.warnings())
    with Database.open(database, os.environ["INTEGRATIONSPLAN_PASSPHRASE"]) as db:
        figures = compute(db, Period(date(2026, 1, 1), date(2026, 10, 31)))
    out = HERE / "Kennzahlen-Demo-2026.pdf"
    pages = stats_pdf.render(figures, out, LETTERHEAD).pages
    to_xlsx(figures, out.with_suffix(".xlsx"), True, Translator("de"))
    for old in HERE.glob("Kennzahlen-Demo-2026-*.png"):
        old.unlink()
    subprocess.run(["pdftoppm", "-r", "70", "-png", str(out), str(HERE / out.stem)], check=True)
    print(f"{out.name}: {pages} pages")


if __name__ == "__main__":
    main(Path(sys.argv[1]))
