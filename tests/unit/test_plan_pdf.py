"""Plans rendered in every language and read back with pdfplumber; hostile text; fonts cover what is drawn."""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
import unicodedata
from datetime import date
from pathlib import Path

import pdfplumber
import pytest
from babel.messages.pofile import read_po
from bidi import get_display
from pdf_text import in_order, logical_text, squeezed, words_of

from integrationsplan.domain.codes import (
    GoalStatus,
    LifeArea,
    ReferralTarget,
    Relationship,
    Responsible,
    SignerRole,
)
from integrationsplan.domain.household import Household, HouseholdMember
from integrationsplan.domain.person import Person
from integrationsplan.domain.plan import Goal, Need, Plan, Signature, Step
from integrationsplan.i18n import Translator
from integrationsplan.pdf import LANGUAGES, RIGHT_TO_LEFT, fonts, plan_data, plan_pdf
from integrationsplan.pdf.text import Style, lay_out, visual
from integrationsplan.storage import Database

ROOT = Path(__file__).resolve().parents[2]
GOALS = (
    (LifeArea.LANGUAGE, "Bis Juni die B1-Prüfung bestehen", "اجتياز امتحان B1 حتى يونيو"),
    (LifeArea.WORK, "Eine Teilzeitstelle in der Pflege finden (20 Stunden)", "Знайти роботу з неповним днем"),
    (LifeArea.HOUSING, "Eine Wohnung mit drei Zimmern finden", "ናይ ሰለስተ ክፍሊ ገዛ ምርካብ"),
)


def _plan(db: Database, note: str = "Ich möchte mit der Lehrerin meiner Kinder sprechen.") -> plan_data.PlanData:
    with db.write():
        person = db.persons.add(Person(case_number="T-00001", family_name="حداد", given_names="رنا",
                                       family_name_latin="Haddad", given_names_latin="Rana",
                                       counselling_start=date(2026, 1, 5), birth_year=1990))  # fmt: skip
        child = db.persons.add(Person(case_number="T-00002", family_name_latin="Haddad", given_names_latin="Omar",
                                      counselling_start=date(2026, 1, 5)))  # fmt: skip
        household = db.households.add(Household(label="Haddad"))
        db.members.add(HouseholdMember(household_id=household.id, person_id=person.id,
                                       relationship=Relationship.REFERENCE_PERSON))  # fmt: skip
        db.members.add(HouseholdMember(household_id=household.id, person_id=child.id,
                                       relationship=Relationship.CHILD))  # fmt: skip
        plan = db.plans.add(Plan(person_id=person.id, created_on=date(2026, 2, 1), manager="Stefanie Häußler",
                                 interpreter_language="ar", interpreter_name="Samir Haddad",
                                 next_review=date(2026, 5, 1)))  # fmt: skip
        db.needs.add(Need(plan_id=plan.id, area=LifeArea.LANGUAGE, client_view=note, manager_view="A2 erreicht."))
        for area, text, translation in GOALS:
            goal = db.goals.add(Goal(plan_id=plan.id, area=area, text=text, translation=translation,
                                     target_date=date(2026, 6, 30)))  # fmt: skip
            db.steps.add(Step(goal_id=goal.id, text=f"Schritt zu: {text}", responsible=Responsible.CLIENT,
                              due_date=date(2026, 3, 15), referral_target=ReferralTarget.JOBCENTER))  # fmt: skip
        db.signatures.add(Signature(plan_id=plan.id, role=SignerRole.CLIENT, signed_on=date(2026, 2, 1),
                                    place="Heilbronn"))  # fmt: skip
    return plan_data.load(db, person.id)


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_heading_and_goal_comes_back(db: Database, tmp_path: Path, language: str) -> None:
    data = _plan(db)
    out = tmp_path / f"plan-{language}.pdf"
    report = plan_pdf.render(data, language, out, plan_pdf.Letterhead("Caritas Heilbronn"))
    assert report.pages >= 1 and report.missing == set()
    text = logical_text(out, language in RIGHT_TO_LEFT)
    client, german = Translator(language), Translator("de")
    for heading in (plan_pdf.TITLE_TEXT, plan_pdf.GOALS_HEADING, plan_pdf.STEPS_HEADING, plan_pdf.SIGNATURES_HEADING):
        assert in_order(german(heading), text)
        assert client.has(heading), f"{language} catalog lacks {heading!r}"
        translated = client(heading)  # Sorani and Pashto too: shaped glyphs say which letters they draw
        assert in_order(translated, text), (language, translated)
    for _area, goal, _translation in GOALS:
        assert in_order(goal, text), goal
    assert "Caritas Heilbronn" in text and "T-00001" in text


def test_right_to_left_lines_are_joined_ordered_and_mirrored() -> None:
    line = lay_out("الهدف (Jobcenter) رقم 12، تمّ.", 500, Style(rtl_default=True))[0]
    assert line.rtl
    drawn = "".join(run.text for run in line.runs)
    assert "ﻑﺪﻬﻟﺍ" in drawn  # joined forms (drawn from the left, so the word's end comes first)
    assert "(Jobcenter)" in drawn  # brackets mirrored around the Latin word, which keeps its own order
    assert drawn.endswith("ﻑﺪﻬﻟﺍ") and drawn.startswith(".")  # the first word at the right, the full stop left
    assert "12" in drawn  # numbers keep their digit order
    assert visual("abc (def)", rtl=False) == "abc (def)"


def test_wrapped_right_to_left_lines_stay_in_reading_order() -> None:
    words = [f"كلمة{i}" for i in range(40)]
    lines = lay_out(" ".join(words), 120, Style(rtl_default=True))
    assert len(lines) > 3
    logical = [unicodedata.normalize("NFKC", str(get_display("".join(r.text for r in line.runs), base_dir="R")))
               for line in lines]  # fmt: skip
    assert " ".join(logical).split() == words  # the first line holds the first words


def test_every_character_of_every_catalog_has_a_font() -> None:
    """What the plan prints comes from the catalogs; each character must be drawn by a font that has it."""
    for po in sorted((ROOT / "translations").glob("*/LC_MESSAGES/integrationsplan.po")):
        with po.open("rb") as fp:
            catalog = read_po(fp, locale=po.parts[-3])
        texts = [s for m in catalog for s in (m.string if isinstance(m.string, tuple) else (m.string,)) if s]
        for text in texts:
            missing: set[str] = set()
            for line in lay_out(text, 400, Style(), missing):
                for run in line.runs:
                    absent = [c for c in run.text if not fonts.has_glyph(run.font, c)]
                    assert not absent, (po.parts[-3], text, run.font, absent)
            assert missing == set(), (po.parts[-3], text, missing)


def test_hostile_text_neither_crashes_nor_leaks_into_the_layout(db: Database, tmp_path: Path) -> None:
    hostile = ("<b>fett</b> & <para>offen <font name='x'> \u202eRLO\u202c 😀 " + "Wort " * 2000)[:10_000]
    data = _plan(db, note=hostile)
    out = tmp_path / "hostile.pdf"
    report = plan_pdf.render(data, "ar", out)
    assert report.missing == {"😀"}  # reported, drawn as U+FFFD, never dropped silently
    text = logical_text(out, rtl=False)
    assert "<b>fett</b> &" in text and "<para>offen" in text
    assert report.pages >= 3  # the long note flows over pages instead of failing
    assert squeezed(GOALS[0][1]) in squeezed(text)


def test_no_file_is_left_in_the_temporary_folder_or_half_written(
    db: Database, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    temp = tmp_path / "tmp"
    temp.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(temp))
    monkeypatch.setenv("TMPDIR", str(temp))
    data = _plan(db)
    out_dir = tmp_path / "out"
    out_dir.mkdir()
    plan_pdf.render(data, "fa", out_dir / "plan.pdf")
    assert sorted(p.name for p in out_dir.iterdir()) == ["plan.pdf"]
    assert list(temp.iterdir()) == []
    with pytest.raises(plan_pdf.BadOutput):
        plan_pdf.render(data, "fa", out_dir)  # a folder is no file name: refused before anything is written

    def full_disk(source: object, target: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", full_disk)  # the write fails at the last moment
    with pytest.raises(OSError):
        plan_pdf.render(data, "fa", out_dir / "second.pdf")
    assert sorted(p.name for p in out_dir.iterdir()) == ["plan.pdf"]  # no half-written file


@pytest.mark.skipif(shutil.which("qpdf") is None and not os.environ.get("CI"), reason="qpdf not installed")
def test_qpdf_finds_the_file_sound(db: Database, tmp_path: Path) -> None:
    data = _plan(db)
    for language in ("ar", "uk", "ti"):
        out = tmp_path / f"{language}.pdf"
        plan_pdf.render(data, language, out)
        result = subprocess.run(["qpdf", "--check", str(out)], capture_output=True, text=True)
        assert result.returncode == 0, result.stdout + result.stderr


def test_letterhead_with_logo(db: Database, tmp_path: Path) -> None:
    from PIL import Image as PillowImage

    logo = tmp_path / "logo.png"
    PillowImage.new("RGB", (400, 120), "#225588").save(logo)
    out = tmp_path / "logo.pdf"
    plan_pdf.render(_plan(db), "uk", out, plan_pdf.Letterhead("Malteser Hilfsdienst", logo))
    with pdfplumber.open(out) as document:
        first = document.pages[0]
        assert len(first.images) == 1 and first.images[0]["x0"] > first.width / 2  # the logo at the right
        assert "Malteser Hilfsdienst" in (first.extract_text() or "")


def test_status_at_the_last_review_and_no_goals(db: Database, tmp_path: Path) -> None:
    data = _plan(db)
    entry = data.goals[0]
    reviewed = plan_data.GoalEntry(entry.number, entry.goal, entry.steps, GoalStatus.ACHIEVED)
    out = tmp_path / "reviewed.pdf"
    plan_pdf.render(plan_data.PlanData(data.person, data.plan, goals=[reviewed]), "de", out)
    assert "erreicht" in logical_text(out, rtl=False)
    empty = tmp_path / "empty.pdf"
    plan_pdf.render(plan_data.PlanData(data.person, data.plan), "tr", empty)
    assert squeezed(Translator("de")(plan_pdf.NO_GOALS)) in squeezed(logical_text(empty, rtl=False))


def test_every_demo_plan_renders(tmp_path: Path, db: Database) -> None:
    """Real-shaped data: table rows split across pages with their text (this once crashed four demo plans)."""
    from integrationsplan import demo

    demo.fill(db, persons=60, seed=3, today=date(2026, 11, 1))
    person_ids = [row[0] for row in db.query("SELECT DISTINCT person_id FROM plan")]
    assert len(person_ids) > 20
    for person_id in person_ids:
        data = plan_data.load(db, person_id)
        for language in ("fa", "uk"):
            report = plan_pdf.render(data, language, tmp_path / "p.pdf")
            assert report.pages >= 1


def test_lines_never_run_wider_than_the_column() -> None:
    text = (
        "Bitte an integrationsmanagement.musterkreis-heilbronn@landratsamt-beispiel.de schreiben, "
        "IBAN DE89370400440532013000"
    )
    for rtl in (False, True):
        lines = lay_out(text, 90, Style(rtl_default=rtl))
        assert len(lines) > 3 and all(line.width <= 90 + 0.01 for line in lines)
    fits = fonts.width(fonts.runs("Integrationsmanager/"), Style().size) + 2
    cut = lay_out("Integrationsmanager/in", fits, Style())
    assert "".join(r.text for r in cut[0].runs).endswith("/")  # broken after the slash, not inside a word


def test_invisible_and_odd_characters() -> None:
    def drawn(text: str, **style: object) -> tuple[str, set[str], bool]:
        missing: set[str] = set()
        lines = lay_out(text, 400, Style(**style), missing)  # type: ignore[arg-type]
        return "".join(r.text for line in lines for r in line.runs), missing, lines[0].rtl

    text, missing, _rtl = drawn("می\u200cخواهید \u200e\u202eweich\u00adgespült\u202c")
    assert not any(unicodedata.category(c) == "Cf" for c in text) and missing == set()
    text, missing, _rtl = drawn("Z\u030cydrunas\tL\u0307ietuva ❤\ufe0f")
    assert "Ž" in text and "\t" not in text and missing == {"❤"}
    _text, missing, _rtl = drawn("გიორგი ბერიძე · Արմեն · שלום")
    assert missing == set()
    _text, _missing, rtl = drawn("B1-Kurs: التسجيل في الدورة.", rtl=True)
    assert rtl  # text in a right-to-left language is right-to-left even when it starts with a Latin word


def test_sorani_and_pashto_letters_are_shaped_by_harfbuzz() -> None:
    """ێ ڵ ە ښ ټ ګ have no presentation forms: their words are shaped by OpenType, not drawn letter by letter."""
    for word in ("تێکەڵبوون", "ګامونه", "ښځه"):
        (line,) = lay_out(word, 400, Style(rtl=True))
        (run,) = line.runs
        assert run.opentype and run.text == word  # logical order: HarfBuzz orders and joins
        assert 0 < line.width < fonts.width([fonts.Run(run.font, word)], Style().size) * 1.5
    (plain,) = lay_out("الهدف", 400, Style(rtl=True))
    assert not any(run.opentype for run in plain.runs)  # Arabic keeps the extractable presentation forms


def test_shaped_letters_read_back_as_letters(tmp_path: Path) -> None:
    """Joined Sorani and Pashto glyphs have no character of their own; the PDF's map names the letters they
    draw, so copying, searching and screen readers get the words instead of private-use codes."""
    from reportlab.pdfgen.canvas import Canvas

    from integrationsplan.pdf.text import draw_lines

    fonts.register()
    out = tmp_path / "shaped.pdf"
    canvas = Canvas(str(out))
    words = ("تێکەڵبوون", "ګامونه", "ښځه")
    style = Style(rtl=True)
    for number, word in enumerate(words):
        draw_lines(canvas, lay_out(word, 400, style), 72, 700 - 40 * number, 400, style)
    canvas.save()
    text = logical_text(out, rtl=True)
    assert not any(0xE000 <= ord(c) < 0xF900 for c in text), text
    for word in words:
        assert in_order(word, text), (word, text)


def test_the_to_unicode_map_is_reportlab_s_own_but_for_shaped_glyphs() -> None:
    """`to_unicode` writes ReportLab's CMap itself; if a ReportLab release changes the format, this fails."""
    from integrationsplan.pdf import to_unicode

    subset = [0x20, 0x41, 0x627, 0xFEFB]
    assert to_unicode._cmap("ABCDEF+NotoSans-Regular", subset) == to_unicode.REPORTLAB_CMAP(
        "ABCDEF+NotoSans-Regular", subset
    )


def test_a_cell_split_at_the_bottom_of_a_page_keeps_its_lines(tmp_path: Path) -> None:
    """ReportLab's table asks a cell to split at the column's full width, wider than the width it wrapped the
    cell at (the padding taken off). Laid out again at the full width, the text once fitted the space left,
    the block answered with one piece, and the table failed with an IndexError. It splits the lines its
    height was measured with."""
    from reportlab.lib.pagesizes import A4
    from reportlab.platypus import SimpleDocTemplate, Spacer, Table, TableStyle

    from integrationsplan.pdf.text import TextBlock

    fonts.register()
    style = Style()
    text = " ".join(f"Wort{i}" for i in range(260))
    narrow, full = 180, 300  # the text's width in the cell, and the column's
    lines_narrow = len(lay_out(text, narrow, style))
    lines_full = len(lay_out(text, full, style))
    room = (lines_full + 2) * style.line_height  # fits laid out at the full width, not at the narrow one
    assert lines_narrow * style.line_height > room
    table = Table([[TextBlock(text, style)]], colWidths=[full], splitInRow=1)
    table.setStyle(TableStyle([
        ("VALIGN", (0, 0), (-1, -1), "TOP"),  # as in every table of the plan (bottom-aligned cells loop in ReportLab)
        ("LEFTPADDING", (0, 0), (-1, -1), 60), ("RIGHTPADDING", (0, 0), (-1, -1), 60),
        ("TOPPADDING", (0, 0), (-1, -1), 0), ("BOTTOMPADDING", (0, 0), (-1, -1), 0),
    ]))  # fmt: skip
    out = tmp_path / "split.pdf"
    document = SimpleDocTemplate(str(out), pagesize=A4, topMargin=36, bottomMargin=36)
    document.build([Spacer(1, document.height - room), table])
    with pdfplumber.open(out) as pdf:
        assert len(pdf.pages) == 2
        words = words_of(" ".join(page.extract_text() or "" for page in pdf.pages))
    assert [w for w in words if w.startswith("Wort")] == text.split()


@pytest.mark.parametrize("language", [lang for lang in LANGUAGES if lang not in RIGHT_TO_LEFT])
def test_a_printed_date_breaks_only_between_its_parts(language: str) -> None:
    """The client's date is joined by no-break spaces; in a narrow column it still breaks between its parts
    rather than inside one ("2026" | "р." and not "2026 р" | ".")."""
    from datetime import date

    from reportlab.lib.units import mm

    from integrationsplan.i18n import format_date

    for month in range(1, 13):
        written = format_date(date(2026, month, 28), language).replace(" ", "\u00a0")
        lines = lay_out(written, 28 * mm - 8, Style())
        parts = ["".join(run.text for run in line.runs).strip("\u00a0\u202f") for line in lines]
        joined = "\u00a0".join(parts).replace("\u202f", "\u00a0")
        assert joined == written.replace("\u202f", "\u00a0"), (language, month, parts)
