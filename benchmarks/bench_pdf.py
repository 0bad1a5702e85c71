"""Plan PDF timings next to bare ReportLab drawing the same tables, measured in the same run.

    .venv/bin/python benchmarks/bench_pdf.py [--goals 30] [--runs 7]

The baseline builds the same document (letterhead, facts, needs, goals and steps tables, repeated headers)
from plain ReportLab Paragraphs in one font: no shaping, no bidi, no per-script fonts, no second language.
Prints the median of each and their ratio. Not part of the tests.
"""

from __future__ import annotations

import argparse
import statistics
import tempfile
import time
from datetime import date
from pathlib import Path
from xml.sax.saxutils import escape

from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import getSampleStyleSheet
from reportlab.lib.units import mm
from reportlab.platypus import Paragraph, SimpleDocTemplate, Table, TableStyle

from integrationsplan.domain.codes import LifeArea, ReferralTarget, Responsible
from integrationsplan.domain.person import Person
from integrationsplan.domain.plan import Goal, Need, Plan, Step
from integrationsplan.pdf import fonts, plan_pdf
from integrationsplan.pdf.plan_data import GoalEntry, PlanData

GOAL = "Bis {n}. Juni die Prüfung B1 bestehen und danach einen Platz im Berufssprachkurs bekommen"
TRANSLATION = "اجتياز امتحان B1 حتى {n} يونيو ثم الحصول على مكان في دورة اللغة المهنية"
STEP = "Anmeldung bei der VHS ausfüllen, Kopie des Aufenthaltstitels mitbringen"


def plan_with(goals: int) -> PlanData:
    person = Person(case_number="B-00001", family_name="حداد", given_names="رنا", family_name_latin="Haddad",
                    given_names_latin="Rana", counselling_start=date(2026, 1, 5))  # fmt: skip
    plan = Plan(person_id=person.id, created_on=date(2026, 2, 1), manager="Stefanie Häußler",
                next_review=date(2026, 5, 1), interpreter_language="ar")  # fmt: skip
    areas = list(LifeArea)
    entries = [
        GoalEntry(n, Goal(plan_id=plan.id, area=areas[n % len(areas)], text=GOAL.format(n=n),
                          translation=TRANSLATION.format(n=n), target_date=date(2026, 6, 30)),
                  [Step(goal_id="g", text=STEP, responsible=Responsible.CLIENT, due_date=date(2026, 3, 1),
                        referral_target=ReferralTarget.COURSE_PROVIDER)] * 2)
        for n in range(1, goals + 1)
    ]  # fmt: skip
    needs = [Need(plan_id=plan.id, area=a, client_view="Ich möchte arbeiten.", manager_view="B1 fehlt.")
             for a in areas[:5]]  # fmt: skip
    return PlanData(person, plan, needs=needs, goals=entries)


def bare_reportlab(data: PlanData, out: Path) -> None:
    """The same tables with plain Paragraphs: what ReportLab costs without anything of ours."""
    style = getSampleStyleSheet()["BodyText"]
    style.fontName = fonts.SANS.name(False)

    def p(text: str | None) -> Paragraph:
        return Paragraph(escape(text or ""), style)

    width = A4[0] - 36 * mm
    goals = [[p("Nr."), p("Lebensbereich"), p("Ziel"), p("Bis wann"), p("Stand")]] + [
        [p(str(e.number)), p(e.goal.area.value), [p(e.goal.text), p(e.goal.translation)],
         p(e.goal.target_date.isoformat() if e.goal.target_date else ""), p(e.goal.status.value)]
        for e in data.goals
    ]  # fmt: skip
    steps = [[p("Ziel"), p("Schritt"), p("Wer"), p("Bis wann"), p("Weitervermittlung")]] + [
        [p(str(e.number)), p(s.text), p(s.responsible.value), p(str(s.due_date)), p(str(s.referral_target))]
        for e in data.goals for s in e.steps
    ]  # fmt: skip
    needs = [[p("Bereich"), p("Sicht der Person"), p("Sicht IM")]] + [
        [p(n.area.value), p(n.client_view), p(n.manager_view)] for n in data.needs
    ]
    story = []
    for rows, widths in ((needs, [width / 3] * 3),
                         (goals, [12 * mm, 32 * mm, width - 106 * mm, 24 * mm, 38 * mm]),
                         (steps, [14 * mm, width - 126 * mm, 40 * mm, 24 * mm, 48 * mm])):  # fmt: skip
        table = Table(rows, colWidths=widths, repeatRows=1, splitInRow=1)
        table.setStyle(TableStyle([("GRID", (0, 0), (-1, -1), 0.5, "#b9c3cc")]))
        story.append(table)
    SimpleDocTemplate(str(out), pagesize=A4, leftMargin=18 * mm, rightMargin=18 * mm).build(story)


def median_time(action: object, runs: int) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        action()  # type: ignore[operator]
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--goals", type=int, default=30)
    parser.add_argument("--runs", type=int, default=7)
    args = parser.parse_args()
    fonts.register()
    data = plan_with(args.goals)
    with tempfile.TemporaryDirectory() as folder:
        out = Path(folder)
        plan_pdf.render(data, "ar", out / "warm.pdf")  # fonts parsed, caches filled: as in a running program
        bare_reportlab(data, out / "warm-bare.pdf")
        for language in ("de", "ar", "uk", "ti"):
            ours = median_time(lambda language=language: plan_pdf.render(data, language, out / "p.pdf"), args.runs)
            raw = median_time(lambda: bare_reportlab(data, out / "b.pdf"), args.runs)
            pages = plan_pdf.render(data, language, out / "p.pdf").pages
            print(f"plan with {args.goals} goals, German–{language:3} {pages:2} pages {ours * 1000:9.1f} ms"
                  f"   bare ReportLab {raw * 1000:8.1f} ms   ratio {ours / raw:5.2f}")  # fmt: skip


if __name__ == "__main__":
    main()
