"""Hostile text through every PDF renderer: the plan, the access report, the information and consent sheet, the key
figures, and the layout beneath them (pdf/text.py). Text reaches a record through the database, whose rules may
refuse it (a ValidationError naming the field); what they let through, and what no rule checks (the letterhead, the
office's contact, a filter), must give a PDF that pdfplumber reads, with the fuzzed field between two markers.
Never another exception, never a hang."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass, replace
from datetime import date
from pathlib import Path
from typing import Any, TypeVar

import pdfplumber
import pytest
from hypothesis import event, example, given
from hypothesis import strategies as st
from strategies import BIDI_CONTROLS, LONE_SURROGATES, fuzzing, huge_text, text, watchdog

from integrationsplan import access_report
from integrationsplan.domain.codes import GoalStatus, LifeArea, ReferralTarget, Relationship, SignerRole
from integrationsplan.domain.errors import ValidationError
from integrationsplan.domain.household import Household, HouseholdMember
from integrationsplan.domain.person import Person
from integrationsplan.domain.plan import Goal, Need, Plan, Signature, Step
from integrationsplan.errors import UserError
from integrationsplan.pdf import LANGUAGES, access_pdf, consent_sheet, fonts, plan_data, plan_pdf, stats_pdf
from integrationsplan.pdf.plan_pdf import Letterhead
from integrationsplan.pdf.text import Style, TextBlock, lay_out, visual
from integrationsplan.stats import Filter, KeyFigures, Period, compute
from integrationsplan.storage import Database
from integrationsplan.storage.changes import references

BEFORE, AFTER = "QXFUZZBEGIN", "QXFUZZEND"  # on lines of their own: no bidi control of the field reaches them
T = TypeVar("T")

languages = st.sampled_from(LANGUAGES)
language_codes = st.one_of(st.sampled_from([*LANGUAGES, "xx", "de-AT", "zh_Hant_TW", "und", "../..", "@", "_"]),
                           text(stored=True, lines=False, max_pieces=2))  # fmt: skip


# Once a LayoutError: a table row that cannot split, taller than a page (the sheet's name, the plan's letterhead).
LONGER_THAN_A_PAGE = "مرحبا بالعالم " * 400 + "W" * 998


def framed(value: str) -> str:
    return f"{BEFORE}\n{value}\n{AFTER}"


def assert_framed_field_printed(path: Path) -> None:
    """Both markers come back from the PDF (read page by page until they have: the text of a page costs)."""
    printed = ""
    with pdfplumber.open(path) as document:
        for page in document.pages:
            printed += (page.extract_text() or "") + "\n"
            if BEFORE in printed and AFTER in printed:
                return
    raise AssertionError(f"the fuzzed field is not printed between {BEFORE} and {AFTER}")


def refused_or_done(action: Callable[[], T]) -> T | None:
    """`action`'s result, or None when it refused with a UserError that says why; never longer than the watchdog."""
    with watchdog():
        try:
            return action()
        except UserError as refused:
            assert refused.text().strip() and "Traceback" not in refused.text()
            return None


# -- records written through the database, as the program writes them ---------------------------------------------


@dataclass(frozen=True)
class Case:
    """What one example writes: the person, their plan and the texts around it, and how it is printed."""

    person: Person
    member: Person
    relationship: Relationship | None
    plan: Plan
    need: Need
    goal: Goal
    step: Step
    signature: Signature
    note: str
    language: str
    organisation: str


@st.composite
def cases(draw: st.DrawFn) -> Case:
    # Most examples hold only what the rules let through (they reach the renderer), the others anything at all.
    stored = draw(st.sampled_from([True, True, True, False]))
    line, lines = text(stored=stored, lines=False, max_pieces=6), text(stored=stored)
    day = date(2026, 2, 1)
    person = Person(case_number=draw(line) or "T-1", family_name=draw(line), given_names=draw(line),
                    family_name_latin=draw(line), counselling_start=date(2026, 1, 5), manager=draw(line))  # fmt: skip
    member = Person(case_number="T-2", family_name=draw(line), counselling_start=day)
    plan = Plan(person_id=person.id, created_on=day, manager=draw(line), interpreter_name=draw(line),
                interpreter_language=draw(language_codes))  # fmt: skip
    status = draw(st.sampled_from(GoalStatus))
    goal = Goal(plan_id=plan.id, area=draw(st.sampled_from(LifeArea)), text=draw(lines) or "Ziel",
                translation=draw(lines), catalogue_key=draw(st.one_of(st.none(), line)), status=status,
                status_date=None if status is GoalStatus.OPEN else day,
                status_reason=draw(lines) or "weil")  # fmt: skip
    return Case(
        person, member, draw(st.one_of(st.none(), st.sampled_from(Relationship))), plan,
        Need(plan_id=plan.id, area=draw(st.sampled_from(LifeArea)), client_view=framed(draw(lines)),
             manager_view=draw(lines)),
        goal,
        Step(goal_id=goal.id, text=draw(lines) or "Schritt", translation=draw(lines), responsible_name=draw(line),
             referral_target=draw(st.one_of(st.none(), st.sampled_from(ReferralTarget))),
             referral_note=draw(lines)),
        Signature(plan_id=plan.id, role=draw(st.sampled_from(SignerRole)), signer_name=draw(line), signed_on=day,
                  place=draw(line), explained_in_language=draw(language_codes), interpreter_name=draw(line)),
        framed(draw(lines)), draw(languages), draw(text()),
    )  # fmt: skip


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Database]:
    database = Database.create(tmp_path_factory.mktemp("pdf") / "fuzz.db", "fuzz passphrase", case_prefix="F")
    try:
        yield database
    finally:
        database.close()


def store(db: Database, case: Case) -> None:
    """Write the case as the program would: the rules check each record."""
    with db.write():
        household = db.households.add(Household(label="Fuzz"))
        for person, relationship in ((case.person, Relationship.REFERENCE_PERSON), (case.member, case.relationship)):
            db.persons.add(person)
            db.members.add(HouseholdMember(household_id=household.id, person_id=person.id,
                                           relationship=relationship))  # fmt: skip
        db.plans.add(case.plan)
        db.needs.add(case.need)
        db.goals.add(case.goal)
        db.steps.add(case.step)
        db.signatures.add(case.signature)
    db.set_private_note(case.person.id, case.note)


def written_or_refused(db: Database, case: Case) -> str | None:
    """The person's id, or None when a rule refused a text, naming the field (and nothing of the records is kept:
    the note, refused after them, has its own transaction)."""
    before = db.counts()
    try:
        store(db, case)
    except ValidationError as refused:
        assert refused.field and refused.text().strip()
        event(f"refused: {refused.message}")
        assert db.counts()["person"] - before["person"] in (0, 2)
        return None
    event("stored")
    return case.person.id


@fuzzing()
@given(case=cases())
def test_the_plan_prints_or_its_text_is_refused(db: Database, tmp_path: Path, case: Case) -> None:
    out = tmp_path / "plan.pdf"
    with watchdog():
        person_id = written_or_refused(db, case)
        if person_id is None:
            return
        data = plan_data.load(db, person_id)
        report = plan_pdf.render(data, case.language, out, Letterhead(case.organisation))
    assert report.pages >= 1 and all(isinstance(w, str) for w in report.warnings())
    assert_framed_field_printed(out)


@fuzzing()
@given(case=cases())
def test_the_access_report_prints_every_stored_text(db: Database, tmp_path: Path, case: Case) -> None:
    out = tmp_path / "auskunft.pdf"
    with watchdog():
        person_id = written_or_refused(db, case)
        if person_id is None:
            return
        report = access_report.gather(db, person_id)
        kept = {r.column for refs in references(db.conn).values() for r in refs}
        access_pdf.render(report, case.language, out, kept)
    assert_framed_field_printed(out)  # the private note


# What an SQLite column can hand back. Floats from 1e25 on are left out: i18n.format_number fails on them (Babel's
# decimal context); no field of the program holds a float.
floats = st.one_of(st.floats(-1e24, 1e24), st.sampled_from([float("inf"), float("-inf"), float("nan")]))
values = st.one_of(text(), st.none(), st.integers(-(2**63), 2**63 - 1), floats, st.booleans(),
                   st.dates().map(date.isoformat))  # fmt: skip


fields = st.sampled_from(["family_name", "birth_date", "gender", "languages", "extended", "counselling_start", "x"])


@fuzzing()
@given(language=languages, value=values, field=fields)
def test_the_access_report_prints_any_stored_value(tmp_path: Path, language: str, value: Any, field: str) -> None:
    """A value of any kind where a field's value goes (one a newer version or a damaged file left): printed as it is."""
    report: dict[str, Any] = {"case_number": framed("T-1"), "private_note": None, "history": [],
              "records": {"person": [{"id": "p", field: value}], "plan": [{"id": "x", "manager": value}]}}  # fmt: skip
    out = tmp_path / "auskunft.pdf"
    with watchdog():
        access_pdf.render(report, language, out, set())
    assert_framed_field_printed(out)


@fuzzing()
@given(organisation=text(), contact=text(), name=text(), case_number=text(), language=languages,
       months=st.integers(0, 10**6))  # fmt: skip
@example(organisation="", contact="", name=LONGER_THAN_A_PAGE, case_number="", language="en", months=0)
@example(organisation="", contact="", name="", case_number=LONGER_THAN_A_PAGE, language="ar", months=0)
def test_the_consent_sheet_prints_whatever_the_office_entered(
    tmp_path: Path, organisation: str, contact: str, name: str, case_number: str, language: str, months: int
) -> None:
    sheet = consent_sheet.SheetData(Letterhead(organisation), framed(contact), months, name, case_number)
    out = tmp_path / "bogen.pdf"
    if refused_or_done(lambda: consent_sheet.render(sheet, language, out)) is not None:
        assert_framed_field_printed(out)


@pytest.fixture(scope="module")
def figures(db: Database) -> KeyFigures:
    return compute(db, Period(date(2026, 1, 1), date(2026, 12, 31)))


@fuzzing()
@given(organisation=text(), manager=st.one_of(st.none(), text()), municipality=st.one_of(st.none(), text()),
       suppress=st.booleans())  # fmt: skip
def test_the_key_figures_print_the_letterhead_and_filter_as_entered(
    tmp_path: Path,
    figures: KeyFigures,
    organisation: str,
    manager: str | None,
    municipality: str | None,
    suppress: bool,
) -> None:
    shown = replace(figures, filter=Filter(manager, municipality))
    out = tmp_path / "kennzahlen.pdf"
    if refused_or_done(lambda: stats_pdf.render(shown, out, Letterhead(framed(organisation)), suppress)) is not None:
        assert_framed_field_printed(out)


def test_a_letterhead_beside_the_logo_flows_over_pages(db: Database, tmp_path: Path) -> None:
    from PIL import Image

    logo = tmp_path / "logo.png"
    Image.new("RGB", (400, 120), "#225588").save(logo)
    with db.write():
        person = db.persons.add(Person(case_number="L-1", counselling_start=date(2026, 1, 5)))
        db.plans.add(Plan(person_id=person.id, created_on=date(2026, 2, 1)))
    out = tmp_path / "plan.pdf"
    with watchdog():
        report = plan_pdf.render(plan_data.load(db, person.id), "fa", out, Letterhead(framed(LONGER_THAN_A_PAGE), logo))
    assert report.pages >= 3
    assert_framed_field_printed(out)


# -- the layout itself ---------------------------------------------------------------------------------------------


@fuzzing(times=4)
@given(value=text(), width=st.floats(0.5, 600), size=st.floats(4, 40), bold=st.booleans(),
       rtl=st.one_of(st.none(), st.booleans()), rtl_default=st.booleans())  # fmt: skip
@example(value="\u202eabc\ud800مرحبا\u2069", width=80, size=9.5, bold=False, rtl=None, rtl_default=True)
def test_every_drawn_character_has_its_font(
    value: str, width: float, size: float, bold: bool, rtl: bool | None, rtl_default: bool
) -> None:
    """Each run is in a font that has its characters; nothing invisible, no lone surrogate and no line break is
    drawn; what no font has is drawn as U+FFFD and reported. Once a crash: lone surrogates in bidi text."""
    missing: set[str] = set()
    style = Style(size=size, bold=bold, rtl=rtl, rtl_default=rtl_default)
    with watchdog():
        lines = lay_out(value, width, style, missing)
        shown = visual(value, rtl_default)
    assert len(lines) >= 1 and len(shown) == len(value)
    drawn = "".join(run.text for line in lines for run in line.runs)
    assert not set(drawn) & {*BIDI_CONTROLS, *LONE_SURROGATES, "\n", "\r", "\t"}
    for run in (run for line in lines for run in line.runs):
        assert all(fonts.has_glyph(run.font, c) for c in run.text), (run.font, ascii(run.text))
    assert not any(fonts.has_glyph(family.name(bold), c) for family in fonts.FAMILIES for c in missing)


@fuzzing(times=4)
@given(value=text(), width=st.floats(20, 500), height=st.floats(0, 800))
def test_a_text_block_splits_into_its_own_lines(value: str, width: float, height: float) -> None:
    block = TextBlock(value, Style())
    with watchdog():
        _width, total = block.wrap(width, 10**6)
        parts = block.split(width, height)
    lines = round(total / Style().line_height)
    assert parts == [] or sum(round(part.wrap(width, 10**6)[1] / Style().line_height) for part in parts) == lines


# -- huge fields ---------------------------------------------------------------------------------------------------


@fuzzing(share=15)
@given(huge=huge_text(100_000), language=languages)
def test_a_field_as_long_as_allowed_prints_over_pages(db: Database, tmp_path: Path, huge: str, language: str) -> None:
    """The longest text a record may hold (100,000 characters), in one plan cell; a longer one is refused."""
    with watchdog():
        with db.write():
            person = db.persons.add(Person(case_number="H-1", counselling_start=date(2026, 1, 5)))
            plan = db.plans.add(Plan(person_id=person.id, created_on=date(2026, 2, 1)))
            db.needs.add(Need(plan_id=plan.id, area=LifeArea.WORK, client_view=huge))
            with pytest.raises(ValidationError):
                db.needs.add(Need(plan_id=plan.id, area=LifeArea.WORK, client_view=huge + huge[:1] * 1))
        report = plan_pdf.render(plan_data.load(db, person.id), language, tmp_path / "lang.pdf")
    assert report.pages >= 1
    with pdfplumber.open(tmp_path / "lang.pdf") as document:
        assert len(document.pages) == report.pages


@fuzzing(share=30)
@given(huge=huge_text(200_000), language=languages)
def test_a_huge_letterhead_prints_over_pages(tmp_path: Path, huge: str, language: str) -> None:
    """Nothing limits the organisation's name in the settings: 200,000 characters flow over pages too."""
    sheet = consent_sheet.SheetData(Letterhead(huge), contact="Kontakt")
    with watchdog():
        report = consent_sheet.render(sheet, language, tmp_path / "bogen.pdf")
    with pdfplumber.open(tmp_path / "bogen.pdf") as document:
        assert len(document.pages) == report.pages >= 1
