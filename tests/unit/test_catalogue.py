"""The goal and step catalogue: the shipped data is complete in every plan language, an organisation's folder adds
entries (and a broken one loses nothing), search finds entries as caseworkers type, and a plan built only from
the catalogue prints bilingual in every language with nothing left in German only."""

from __future__ import annotations

import re
import unicodedata
from datetime import date
from pathlib import Path

import pytest
from pdf_text import in_order, logical_text

from integrationsplan import catalogue
from integrationsplan.catalogue import Catalogue, Kind
from integrationsplan.domain.codes import LifeArea, ReferralTarget, Responsible
from integrationsplan.domain.person import Person
from integrationsplan.domain.plan import Goal, Plan, Step
from integrationsplan.pdf import LANGUAGES, RIGHT_TO_LEFT, plan_data, plan_pdf
from integrationsplan.storage import Database

SHIPPED = catalogue.load(catalogue.shipped_folder())
TRANSLATED = [language for language in LANGUAGES if language != catalogue.MASTER_LANGUAGE]
SCRIPTS = {  # languages whose texts must be written in their own script (a copied German text would not be)
    "ar": "ARABIC", "fa": "ARABIC", "ps": "ARABIC", "ckb": "ARABIC", "uk": "CYRILLIC", "ru": "CYRILLIC",
    "ti": "ETHIOPIC",
}  # fmt: skip


def _write(folder: Path, name: str, text: str) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / name).write_text(text, encoding="utf-8")


def test_the_shipped_catalogue_reads_without_a_problem() -> None:
    assert SHIPPED.problems == ()
    goals, steps = SHIPPED.of_kind(Kind.GOAL), SHIPPED.of_kind(Kind.STEP)
    assert len(goals) >= 55 and len(steps) >= 95
    assert {e.area for e in goals} == set(LifeArea)  # every life area has goals to pick
    assert {e.area for e in steps} >= set(LifeArea) - {LifeArea.OTHER}
    assert all(e.responsible is not None for e in steps)


@pytest.mark.parametrize("language", TRANSLATED)
def test_every_entry_is_translated_into_every_plan_language(language: str) -> None:
    missing = [e.key for e in SHIPPED.entries if not e.text(language)]
    assert missing == [], f"{language}.toml lacks {missing[:5]}"
    assert SHIPPED.reviewed.get(language) is False, f"{language}.toml must say it is not reviewed yet"
    script = SCRIPTS.get(language)
    if script:
        foreign = [e.key for e in SHIPPED.entries
                   if not any(unicodedata.name(c, "").startswith(script) for c in e.text(language) or "")]  # fmt: skip
        assert foreign == [], f"{language}: not in its script: {foreign[:5]}"
    else:  # a Latin-script language: a text equal to the German one is an untranslated copy
        copied = [e.key for e in SHIPPED.entries if e.text(language) == e.german]
        assert copied == [], f"{language}: German copied: {copied[:5]}"


def test_placeholders_and_markup_never_appear() -> None:
    pattern = re.compile(r"[{}<>%]|\\n")
    bad = [(e.key, lang) for e in SHIPPED.entries for lang, text in e.texts.items() if pattern.search(text)]
    assert bad == []


def test_an_organisation_adds_entries_and_a_broken_file_loses_nothing(tmp_path: Path) -> None:
    own = tmp_path / "own"
    _write(
        own,
        "de.toml",
        """
[[goal]]
key = "org-tafel"
area = "finances"
text = "Einkaufsausweis für die Tafel erhalten"

[[goal]]
key = "org-bad-area"
area = "moon"
text = "Nie"

[[step]]
key = "org-tafel-apply"
area = "finances"
responsible = "volunteer"
referral = "volunteers"
text = "Mit dem Bescheid zur Ausgabestelle der Tafel gehen"
""",
    )
    _write(own, "ar.toml", 'review = "reviewed by Samir, 2026-11"\n[texts]\n'
                           'org-tafel = "الحصول على بطاقة التسوق من بنك الطعام (Tafel)"\n'
                           'no-such-entry = "x"\n')  # fmt: skip
    _write(own, "uk.toml", "[texts\nbroken")
    found = catalogue.load(catalogue.shipped_folder(), own)
    assert len(found.entries) == len(SHIPPED.entries) + 2
    tafel = found.get("org-tafel")
    assert tafel is not None and tafel.organisation and tafel.text("ar") and tafel.text("uk") is None
    step = found.get("org-tafel-apply")
    assert step is not None and step.responsible is Responsible.VOLUNTEER and step.referral is ReferralTarget.VOLUNTEERS
    problems = [p.text() for p in found.problems]
    assert len(problems) == 3, problems
    assert any("moon" in p and "Ziel Nr. 2" in p for p in problems)
    assert any("no-such-entry" in p for p in problems)
    assert any("uk.toml" in p and "Zeile 1" in p for p in problems)


def test_an_organisation_s_keys_begin_with_org_and_shipped_ones_never_do(tmp_path: Path) -> None:
    assert not any(e.key.startswith(catalogue.ORGANISATION_PREFIX) for e in SHIPPED.entries)
    taken = SHIPPED.of_kind(Kind.GOAL)[0]
    _write(tmp_path, "de.toml", f'[[goal]]\nkey = "{taken.key}"\narea = "other"\ntext = "Etwas anderes"\n'
                                '[[goal]]\nkey = "tafel"\narea = "other"\ntext = "Tafel"\n')  # fmt: skip
    found = catalogue.load(catalogue.shipped_folder(), tmp_path)
    kept = found.get(taken.key)
    assert kept is not None and kept.german == taken.german and not kept.organisation
    assert found.get("tafel") is None
    assert [type(p) for p in found.problems] == [catalogue.CatalogueDuplicate, catalogue.CataloguePrefix]
    assert "org-" in found.problems[1].text()


def test_an_organisation_translates_shipped_entries_into_more_languages(tmp_path: Path) -> None:
    entry = SHIPPED.of_kind(Kind.GOAL)[0]
    _write(tmp_path, "ur.toml", f'[texts]\n{entry.key} = "انضمامی کورس شروع کرنا"\n')
    _write(tmp_path, "ar.toml", f'[texts]\n{entry.key} = "نص آخر"\n')  # the shipped Arabic stands
    _write(tmp_path, "notes.toml", "x = 1\n")
    _write(tmp_path, "fa.toml", "texts = 3\n")
    found = catalogue.load(catalogue.shipped_folder(), tmp_path)
    merged = found.get(entry.key)
    assert (
        merged is not None and merged.text("ur") == "انضمامی کورس شروع کرنا" and merged.text("ar") == entry.text("ar")
    )
    assert [type(p) for p in found.problems] == [catalogue.CatalogueFileError, catalogue.CatalogueNotLanguage]
    assert "fa.toml" in found.problems[0].text() and "notes.toml" in found.problems[1].text()


def test_a_byte_order_mark_is_no_problem(tmp_path: Path) -> None:
    (tmp_path / "de.toml").write_bytes(b"\xef\xbb\xbf[[goal]]\nkey = 'org-a'\narea = 'work'\ntext = 'Arbeit finden'\n")
    found = catalogue.load(catalogue.shipped_folder(), tmp_path)
    assert found.problems == () and found.get("org-a") is not None


def test_the_example_for_an_organisation_is_a_valid_catalogue_once_uncommented(tmp_path: Path) -> None:
    example = catalogue.example_master()
    (tmp_path / "de.toml").write_text(example, encoding="utf-8")
    assert catalogue.load(None, tmp_path) == catalogue.Catalogue()  # all comments: nothing, and no problem
    entries = "\n".join(line[2:] for line in example.split("#\n", 1)[1].splitlines())  # after the explanation
    (tmp_path / "de.toml").write_text(entries, encoding="utf-8")
    found = catalogue.load(None, tmp_path)
    assert found.problems == () and len(found.entries) == 2


@pytest.mark.parametrize(
    "content",
    [
        b"\xff\xfe not utf-8",
        b"goal = 3",
        b"[[goal]]\nkey = 'UPPER case'\narea='work'\ntext='x'",
        b"[[step]]\nkey='s'\narea='work'\nresponsible='nobody'\ntext='x'",
        b'[[goal]]\nkey="g"\narea="work"\ntext="a\\u0007b"',
        b"[[goal]]\nkey='g'\narea='work'\ntext='" + b"x" * 400 + b"'",
        b"x = " + b"[" * 5000 + b"]" * 5000,
        b"[[goal]]\nkey='org-g'\narea='work'\ntext=['a list']",
    ],
)
def test_absurd_files_give_a_message_and_keep_the_shipped_entries(tmp_path: Path, content: bytes) -> None:
    (tmp_path / "de.toml").write_bytes(content)
    found = catalogue.load(catalogue.shipped_folder(), tmp_path)
    assert len(found.entries) == len(SHIPPED.entries)
    assert found.problems and all(str(tmp_path) in p.text() for p in found.problems)


def test_search_as_you_type() -> None:
    def keys(query: str, kind: Kind = Kind.GOAL, language: str | None = None,
             area: LifeArea | None = None) -> list[str]:  # fmt: skip
        return [e.key for e in SHIPPED.search(query, kind, language, area)]

    assert len(keys("")) == len(SHIPPED.of_kind(Kind.GOAL))
    kita = keys("kita")
    with_kita = [e.key for e in SHIPPED.of_kind(Kind.GOAL) if re.search(r"\bkita", e.german, re.IGNORECASE)]
    assert kita == with_kita != []  # every goal with a word starting "Kita", no other
    steps = keys("kita", Kind.STEP)
    assert len(steps) >= 2 and all(re.search(r"\bkita", SHIPPED.get(k).german, re.I) for k in steps)  # type: ignore[union-attr]
    assert keys("Fuehrerschein") == keys("führerschein") != []  # umlaut spellings meet
    assert keys("integrationskurs anmelden", Kind.STEP) == keys("anmelden integrationskurs", Kind.STEP)
    assert keys("zzzz") == []
    # In the Arabic interface, Arabic words find entries too; a word start is enough.
    arabic = SHIPPED.search("", Kind.GOAL, "ar")[0].text("ar") or ""
    first_word = arabic.split()[0]
    assert keys(first_word[:3], language="ar") != []
    # The life area of the goal comes first.
    ordered = SHIPPED.search("", Kind.STEP, None, LifeArea.HOUSING)
    housing = [e.area is LifeArea.HOUSING for e in ordered]
    assert housing == sorted(housing, reverse=True) and housing[0]


def test_the_translation_speaks_only_for_the_unchanged_text() -> None:
    entry = SHIPPED.of_kind(Kind.GOAL)[0]
    assert SHIPPED.translation(entry.key, entry.german, "ar") == entry.text("ar")
    assert SHIPPED.translation(entry.key, "  " + entry.german.replace(" ", "\n", 1) + " ", "ar") == entry.text("ar")
    assert SHIPPED.translation(entry.key, entry.german + " bis März", "ar") is None
    assert SHIPPED.translation(None, entry.german, "ar") is None
    assert SHIPPED.translation("gone-from-the-catalogue", entry.german, "ar") is None


def _catalogue_plan(db: Database, entries: Catalogue) -> plan_data.PlanData:
    """Every goal of the catalogue, and every step under a goal of its life area."""
    with db.write():
        person = db.persons.add(Person(case_number="T-00009", family_name_latin="Ahmadi",
                                       given_names_latin="Zahra", counselling_start=date(2026, 1, 5)))  # fmt: skip
        plan = db.plans.add(Plan(person_id=person.id, created_on=date(2026, 2, 1), manager="Jonas Weber"))
        first_of_area: dict[LifeArea, Goal] = {}
        for entry in entries.of_kind(Kind.GOAL):
            goal = db.goals.add(Goal(plan_id=plan.id, area=entry.area, text=entry.german, catalogue_key=entry.key,
                                     target_date=date(2026, 9, 30)))  # fmt: skip
            first_of_area.setdefault(entry.area, goal)
        for entry in entries.of_kind(Kind.STEP):
            goal = first_of_area.get(entry.area) or next(iter(first_of_area.values()))
            db.steps.add(Step(goal_id=goal.id, text=entry.german, catalogue_key=entry.key,
                              responsible=entry.responsible or Responsible.CLIENT, referral_target=entry.referral,
                              due_date=date(2026, 4, 1)))  # fmt: skip
    return plan_data.load(db, person.id)


@pytest.mark.parametrize("language", TRANSLATED)
def test_a_plan_from_the_catalogue_prints_with_no_text_in_german_only(db: Database, tmp_path: Path,
                                                                      language: str) -> None:  # fmt: skip
    data = _catalogue_plan(db, SHIPPED)
    out = tmp_path / f"catalogue-{language}.pdf"
    report = plan_pdf.render(data, language, out, entries=SHIPPED)
    assert report.untranslated == [] and report.missing == set()
    assert report.unreviewed and len(report.warnings()) == 1  # the shipped translations say they are unreviewed
    text = logical_text(out, language in RIGHT_TO_LEFT)
    for entry in SHIPPED.entries:
        translated = entry.text(language) or ""
        assert in_order(translated, text), (language, entry.key, translated)


def test_a_changed_text_is_reported_as_german_only(db: Database, tmp_path: Path) -> None:
    data = _catalogue_plan(db, SHIPPED)
    first = data.goals[0]
    changed = Goal(**{**{f: getattr(first.goal, f) for f in first.goal.__dataclass_fields__},
                      "text": first.goal.text + " (mit Kinderbetreuung)"})  # fmt: skip
    data.goals[0] = plan_data.GoalEntry(first.number, changed, first.steps)
    report = plan_pdf.render(data, "ar", tmp_path / "changed.pdf", entries=SHIPPED)
    assert report.untranslated == [changed.text]
    assert "1 Ziel oder Schritt" in report.warnings()[0]


def test_the_catalogue_key_survives_a_new_plan_version(db: Database) -> None:
    entry = SHIPPED.of_kind(Kind.GOAL)[0]
    with db.write():
        person = db.persons.add(Person(case_number="T-1", family_name="Rahimi", counselling_start=date(2026, 1, 1)))
        plan = db.plans.add(Plan(person_id=person.id, created_on=date(2026, 1, 2)))
        db.goals.add(Goal(plan_id=plan.id, area=entry.area, text=entry.german, catalogue_key=entry.key))
        new = db.plans.new_version(plan.id, date(2026, 6, 1))
    assert [g.catalogue_key for g in db.goals.where(plan_id=new.id)] == [entry.key]


def test_paths_in_right_to_left_messages_keep_their_order(tmp_path: Path) -> None:
    from integrationsplan import i18n

    error = catalogue.CatalogueFolderMissing(path=tmp_path / "de.toml")
    assert "\u2066" not in error.text() and str(tmp_path / "de.toml") in error.text()
    i18n.set_language("ar")
    assert f"\u2066{tmp_path / 'de.toml'}\u2069" in error.text()  # one left-to-right piece in the Arabic sentence
