"""Render the sample plans in this folder from a demo database, with page images to look at.

    INTEGRATIONSPLAN_PASSPHRASE=… python docs/samples/make_samples.py demo.db

For each of Arabic, Ukrainian and Tigrinya: the person of the demo who speaks it and has the fullest plan.
Needs pdftoppm (poppler-utils) for the page images.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from integrationsplan.pdf import plan_data, plan_pdf
from integrationsplan.storage import Database

HERE = Path(__file__).resolve().parent
LETTERHEAD = plan_pdf.Letterhead("Landratsamt Musterkreis · Integrationsmanagement")


def speaker_with_fullest_plan(db: Database, language: str) -> str:
    rows = db.query(
        "SELECT p.id FROM person p JOIN plan pl ON pl.person_id = p.id AND pl.status != 'closed'"
        " WHERE EXISTS (SELECT 1 FROM json_each(p.languages) WHERE value = ?)"
        " ORDER BY (SELECT count(*) FROM goal g WHERE g.plan_id = pl.id AND g.translation IS NOT NULL) DESC,"
        " (SELECT count(*) FROM goal g WHERE g.plan_id = pl.id) DESC, p.case_number LIMIT 1",
        (language,),
    )
    if not rows:
        raise SystemExit(f"no person speaking {language} with a plan in the demo database")
    return str(rows[0][0])


def main(database: Path) -> None:
    with Database.open(database, os.environ["INTEGRATIONSPLAN_PASSPHRASE"]) as db:
        plans = {lang: plan_data.load(db, speaker_with_fullest_plan(db, lang)) for lang in ("ar", "uk", "ti")}
    for language, data in plans.items():
        out = HERE / f"plan-de-{language}.pdf"
        report = plan_pdf.render(data, language, out, LETTERHEAD)
        for old in HERE.glob(f"plan-de-{language}-*.png"):
            old.unlink()
        subprocess.run(["pdftoppm", "-r", "80", "-png", str(out), str(HERE / f"plan-de-{language}")], check=True)
        print(f"{out.name}: {report.pages} pages, missing glyphs: {sorted(report.missing) or 'none'}")


if __name__ == "__main__":
    main(Path(sys.argv[1]))
