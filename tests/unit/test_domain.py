"""Pure domain rules: every record validates, and every broken rule names its field and explains itself."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import replace
from datetime import date, datetime, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from integrationsplan import i18n
from integrationsplan.domain.codes import (
    Activity,
    Benefit,
    ClosureReason,
    ConsentForm,
    ConsentKind,
    Gender,
    GoalStatus,
    LanguageLevel,
    LifeArea,
    PlanStatus,
    Priority,
    ReferralTarget,
    Relationship,
    ResidenceKind,
    Responsible,
    SessionPlace,
    SignerRole,
)
from integrationsplan.domain.consent import Consent, has_valid_consent
from integrationsplan.domain.errors import ValidationError
from integrationsplan.domain.household import Household, HouseholdMember
from integrationsplan.domain.person import CaseClosure, Person, ResidenceStatus, Resources
from integrationsplan.domain.plan import (
    PLAN_TRANSITIONS,
    Goal,
    GoalAssessment,
    Need,
    Plan,
    Review,
    Signature,
    Step,
)
from integrationsplan.domain.rules import (
    LONG_TEXT_MAX,
    SHORT_TEXT_MAX,
    add_years,
    age_on,
    check_text,
    counselling_limit,
)
from integrationsplan.domain.session import (
    MAX_SESSION_MINUTES,
    CounsellingSession,
    Referral,
    SessionAddendum,
    SessionGoal,
    SessionParticipant,
)

START = date(2024, 3, 1)
PERSON_ID = "person-1"
PLAN_ID = "plan-1"


@pytest.fixture(autouse=True)
def _german() -> Iterator[None]:
    """German is the default language of messages; every test starts and ends with it."""
    i18n.set_language("de")
    try:
        yield
    finally:
        i18n.set_language("de")


def in_english(exc: ValidationError) -> str:
    i18n.set_language("en")
    try:
        return str(exc)
    finally:
        i18n.set_language("de")


def person(**changes: object) -> Person:
    return replace(Person(id=PERSON_ID, case_number="T-00001", counselling_start=START), **changes)


def plan(**changes: object) -> Plan:
    return replace(Plan(id=PLAN_ID, person_id=PERSON_ID, created_on=START), **changes)


def goal(**changes: object) -> Goal:
    base = Goal(plan_id=PLAN_ID, area=LifeArea.LANGUAGE, text="B1-Kurs abschließen")
    return replace(base, **changes)


def consent(**changes: object) -> Consent:
    base = Consent(
        person_id=PERSON_ID,
        kind=ConsentKind.DATA_PROCESSING,
        given_on=date(2024, 1, 10),
        form=ConsentForm.WRITTEN,
    )
    return replace(base, **changes)


def session(**changes: object) -> CounsellingSession:
    return replace(CounsellingSession(person_id=PERSON_ID, held_on=date(2024, 5, 2)), **changes)


def residence(**changes: object) -> ResidenceStatus:
    return replace(ResidenceStatus(person_id=PERSON_ID, kind=ResidenceKind.RESIDENCE_PERMIT), **changes)


# -- valid records ------------------------------------------------------------------------------------

VALID_RECORDS: dict[str, Callable[[], object]] = {
    "person-minimal": person,
    "person-full": lambda: person(
        family_name="Haile",
        given_names="Selam",
        family_name_latin="Haile",
        given_names_latin="Selam",
        birth_date=date(1995, 7, 14),
        birth_year=1995,
        gender=Gender.FEMALE,
        nationality="ER",
        languages=("ti", "ar", "de"),
        interpreter_needed=True,
        interpreter_language="ti",
        phone="+49 170 1234567",
        messenger="Signal",
        address="Hauptstraße 1\u00a0b",
        accommodation="Gemeinschaftsunterkunft",
        municipality="Kassel",
        entry_date=date(2015, 9, 1),
        follow_up_accommodation_date=date(2016, 2, 1),
        extended=True,
        extension_reason="Ausbildung läuft noch\nbis Sommer.",
        manager="Frau Beispiel",
    ),
    "residence": lambda: residence(
        legal_basis="§ 25 Abs. 2 AufenthG",
        valid_from=date(2023, 1, 1),
        valid_until=date(2026, 1, 1),
        residence_obligation="Kassel",
        note="Verlängerung beantragt",
    ),
    "resources": lambda: Resources(
        person_id=PERSON_ID,
        german_level=LanguageLevel.B1,
        german_course="Integrationskurs",
        schooling_years=0,
        activity=Activity.LANGUAGE_COURSE,
        benefit=Benefit.SGB_II,
        health="Diabetes",
    ),
    "resources-30-years": lambda: Resources(person_id=PERSON_ID, schooling_years=30),
    "closure": lambda: CaseClosure(person_id=PERSON_ID, closed_on=START, reason=ClosureReason.MOVED_AWAY),
    "household": lambda: Household(label="Familie Haile", note="fünf Personen"),
    "member": lambda: HouseholdMember(
        household_id="h",
        person_id=PERSON_ID,
        relationship=Relationship.CHILD,
        childcare_or_school="Kita Sonnenschein",
        joined_on=date(2020, 1, 1),
        left_on=date(2020, 1, 1),
    ),
    "consent": consent,
    "consent-oral": lambda: consent(form=ConsentForm.ORAL_WITH_WITNESS, witness="Herr Dolmetscher"),
    "consent-release": lambda: consent(kind=ConsentKind.SECRECY_RELEASE, recipients="Jobcenter Kassel"),
    "consent-same-day": lambda: consent(valid_until=date(2024, 1, 10), withdrawn_on=date(2024, 1, 10)),
    "plan": plan,
    "plan-closed": lambda: plan(status=PlanStatus.CLOSED, closed_on=START),
    "need": lambda: Need(plan_id=PLAN_ID, area=LifeArea.WORK, client_view="Arbeit finden", manager_view=None),
    "goal": goal,
    "goal-dates": lambda: goal(start_date=START, target_date=START, priority=Priority.HIGH),
    "goal-achieved": lambda: goal(status=GoalStatus.ACHIEVED, status_date=START),
    "goal-dropped": lambda: goal(status=GoalStatus.DROPPED, status_date=START, status_reason="verzogen"),
    "step": lambda: Step(
        goal_id="g",
        text="Anmeldung beim Kursträger",
        responsible=Responsible.MANAGER,
        due_date=START,
        referral_target=ReferralTarget.COURSE_PROVIDER,
    ),
    "review": lambda: Review(plan_id=PLAN_ID, held_on=START),
    "assessment": lambda: GoalAssessment(review_id="r", goal_id="g", outcome="gut", new_status=GoalStatus.ACHIEVED),
    "signature": lambda: Signature(plan_id=PLAN_ID, role=SignerRole.CLIENT, signed_on=START, place="Kassel"),
    "session": session,
    "session-full": lambda: session(
        duration_minutes=MAX_SESSION_MINUTES,
        place=SessionPlace.HOME_VISIT,
        topics=(LifeArea.WORK, LifeArea.HOUSING),
        note="Gespräch\n\tmit Tab",
        next_appointment=datetime(2024, 5, 2, 0, 0),
        finalised_on=date(2024, 5, 2),
    ),
    "participant": lambda: SessionParticipant(session_id="s", person_id=PERSON_ID),
    "session-goal": lambda: SessionGoal(session_id="s", goal_id="g"),
    "referral": lambda: Referral(session_id="s", target=ReferralTarget.JOBCENTER, note="Termin am Montag"),
    "addendum": lambda: SessionAddendum(session_id="s", written_on=START, text="Nachtrag"),
}


@pytest.mark.parametrize("make", VALID_RECORDS.values(), ids=VALID_RECORDS.keys())
def test_valid_records_pass(make: Callable[[], object]) -> None:
    make().validate()  # type: ignore[attr-defined]


def test_new_records_get_distinct_ids() -> None:
    assert person(id="x").id == "x"
    assert (
        Goal(plan_id=PLAN_ID, area=LifeArea.WORK, text="a").id != Goal(plan_id=PLAN_ID, area=LifeArea.WORK, text="a").id
    )


# -- broken rules ------------------------------------------------------------------------------------

# (record maker, the field the error names, a fragment of the English source text)
BROKEN: dict[str, tuple[Callable[[], object], str, str]] = {
    "goal-target-before-start": (
        lambda: goal(start_date=date(2024, 5, 1), target_date=date(2024, 4, 30)),
        "target_date",
        "target date",
    ),
    "goal-status-without-date": (lambda: goal(status=GoalStatus.IN_PROGRESS), "status_date", "status change"),
    "goal-achieved-without-date": (lambda: goal(status=GoalStatus.ACHIEVED), "status_date", "needs a date"),
    "goal-dropped-without-reason": (
        lambda: goal(status=GoalStatus.DROPPED, status_date=START),
        "status_reason",
        "dropped",
    ),
    "goal-dropped-blank-reason": (
        lambda: goal(status=GoalStatus.DROPPED, status_date=START, status_reason=" \n "),
        "status_reason",
        "dropped",
    ),
    "goal-not-achieved-without-reason": (
        lambda: goal(status=GoalStatus.NOT_ACHIEVED, status_date=START),
        "status_reason",
        "not achieved",
    ),
    "goal-empty-text": (lambda: goal(text="   "), "text", "must not be empty"),
    "goal-implausible-start": (lambda: goal(start_date=date(1899, 12, 31)), "start_date", "implausible"),
    "plan-closed-without-date": (lambda: plan(status=PlanStatus.CLOSED), "closed_on", "closing date"),
    "plan-closed-before-made": (
        lambda: plan(status=PlanStatus.CLOSED, closed_on=START - timedelta(days=1)),
        "closed_on",
        "cannot close",
    ),
    "plan-review-before-made": (
        lambda: plan(next_review=START - timedelta(days=1)),
        "next_review",
        "next review",
    ),
    "plan-version-0": (lambda: plan(version=0), "version", "version"),
    "residence-until-before-from": (
        lambda: residence(valid_from=date(2024, 1, 2), valid_until=date(2024, 1, 1)),
        "valid_until",
        "residence title ends",
    ),
    "consent-withdrawn-before-given": (
        lambda: consent(withdrawn_on=date(2024, 1, 9)),
        "withdrawn_on",
        "withdrawn",
    ),
    "consent-expires-before-given": (lambda: consent(valid_until=date(2024, 1, 9)), "valid_until", "expires"),
    "secrecy-release-without-recipient": (
        lambda: consent(kind=ConsentKind.SECRECY_RELEASE),
        "recipients",
        "recipient",
    ),
    "secrecy-release-blank-recipient": (
        lambda: consent(kind=ConsentKind.SECRECY_RELEASE, recipients="  "),
        "recipients",
        "recipient",
    ),
    "oral-consent-without-witness": (
        lambda: consent(form=ConsentForm.ORAL_WITH_WITNESS),
        "witness",
        "witness",
    ),
    "session-duration-0": (lambda: session(duration_minutes=0), "duration_minutes", "0 minutes"),
    "session-duration-negative": (lambda: session(duration_minutes=-5), "duration_minutes", "implausible"),
    "session-duration-over-24h": (
        lambda: session(duration_minutes=MAX_SESSION_MINUTES + 1),
        "duration_minutes",
        "1441 minutes",
    ),
    "next-appointment-before-session": (
        lambda: session(next_appointment=datetime(2024, 5, 1, 23, 59)),
        "next_appointment",
        "next appointment",
    ),
    "duplicate-topic": (
        lambda: session(topics=(LifeArea.WORK, LifeArea.HEALTH, LifeArea.WORK)),
        "topics",
        "topic",
    ),
    "birth-date-in-future": (
        lambda: person(birth_date=date.today() + timedelta(days=1)),
        "birth_date",
        "future",
    ),
    "birth-year-mismatch": (
        lambda: person(birth_date=date(1990, 1, 1), birth_year=1991),
        "birth_year",
        "does not match",
    ),
    "birth-year-before-1900": (lambda: person(birth_year=1899), "birth_year", "1899"),
    "birth-year-in-future": (lambda: person(birth_year=date.today().year + 1), "birth_year", "implausible"),
    "entry-before-birth": (
        lambda: person(birth_date=date(2000, 1, 2), entry_date=date(2000, 1, 1)),
        "entry_date",
        "entry date",
    ),
    "follow-up-before-entry": (
        lambda: person(entry_date=date(2016, 1, 2), follow_up_accommodation_date=date(2016, 1, 1)),
        "follow_up_accommodation_date",
        "follow-up",
    ),
    "extension-without-reason": (lambda: person(extended=True), "extension_reason", "needs a reason"),
    "extension-blank-reason": (
        lambda: person(extended=True, extension_reason="\n\t "),
        "extension_reason",
        "needs a reason",
    ),
    "empty-case-number": (lambda: person(case_number=""), "case_number", "must not be empty"),
    "empty-language-code": (lambda: person(languages=("de", " ")), "languages", "must not be empty"),
    "schooling-31-years": (
        lambda: Resources(person_id=PERSON_ID, schooling_years=31),
        "schooling_years",
        "31 years",
    ),
    "schooling-negative": (
        lambda: Resources(person_id=PERSON_ID, schooling_years=-1),
        "schooling_years",
        "-1",
    ),
    "member-leaves-before-joining": (
        lambda: HouseholdMember(
            household_id="h", person_id=PERSON_ID, joined_on=date(2020, 1, 2), left_on=date(2020, 1, 1)
        ),
        "left_on",
        "leave the household",
    ),
    "empty-addendum": (lambda: SessionAddendum(session_id="s", written_on=START, text=""), "text", "empty"),
    "short-text-too-long": (
        lambda: person(family_name="x" * (SHORT_TEXT_MAX + 1)),
        "family_name",
        f"{SHORT_TEXT_MAX + 1} characters, at most {SHORT_TEXT_MAX}",
    ),
    "long-text-too-long": (
        lambda: session(note="x" * (LONG_TEXT_MAX + 1)),
        "note",
        f"{LONG_TEXT_MAX + 1} characters, at most {LONG_TEXT_MAX}",
    ),
    "nul-in-name": (lambda: person(family_name="Ha\x00ile"), "family_name", "control characters"),
    "bell-in-name": (lambda: person(given_names="Se\x07lam"), "given_names", "control characters"),
    "newline-in-name": (lambda: person(family_name="Haile\nSelam"), "family_name", "control characters"),
    "tab-in-name": (lambda: person(family_name="Haile\tSelam"), "family_name", "control characters"),
    "del-in-phone": (lambda: person(phone="0170\x7f123"), "phone", "control characters"),
    "lone-surrogate-in-name": (
        lambda: person(family_name="Ha\ud800ile"),
        "family_name",
        "control characters",
    ),
    "lone-surrogate-in-note": (lambda: session(note="Notiz \udfff"), "note", "control characters"),
    "nul-in-note": (lambda: session(note="Zeile 1\n\x00"), "note", "control characters"),
    "escape-in-goal": (lambda: goal(text="Ziel \x1b[31m"), "text", "control characters"),
}


@pytest.mark.parametrize(("make", "field", "english"), BROKEN.values(), ids=BROKEN.keys())
def test_broken_rule_names_field_and_explains(make: Callable[[], object], field: str, english: str) -> None:
    with pytest.raises(ValidationError) as caught:
        make().validate()  # type: ignore[attr-defined]
    exc = caught.value
    assert exc.field == field
    german = str(exc)
    assert german.strip()
    assert "{" not in german  # every placeholder filled
    assert english in in_english(exc)
    assert str(exc) == german  # back in German afterwards


def test_message_is_translated_to_german_by_default() -> None:
    with pytest.raises(ValidationError) as caught:
        goal(start_date=date(2024, 5, 1), target_date=date(2024, 4, 30)).validate()
    exc = caught.value
    english = in_english(exc)
    assert english == "The target date 2024-04-30 lies before the start 2024-05-01."
    assert str(exc) != english
    assert "2024-04-30" in str(exc) and "2024-05-01" in str(exc)
    assert exc.params == {"earlier": "2024-05-01", "later": "2024-04-30"}


def test_validation_error_is_a_value_error() -> None:
    assert issubclass(ValidationError, ValueError)
    assert ValidationError("Some {x}.", field="f", x=1).field == "f"
    assert ValidationError("Some {x}.", x=1).field is None


# -- text limits and characters ----------------------------------------------------------------------


def test_text_at_the_limits_is_fine() -> None:
    person(family_name="x" * SHORT_TEXT_MAX).validate()
    session(note="x" * LONG_TEXT_MAX).validate()
    # A note may be far longer than a single-line field.
    session(note="x" * (SHORT_TEXT_MAX + 1)).validate()


def test_newlines_and_tabs_are_fine_in_notes() -> None:
    session(note="Zeile 1\nZeile 2\n\n\tEingerückt").validate()
    goal(text="Ziel\nmit zweiter Zeile", status_reason=None).validate()
    consent(kind=ConsentKind.SECRECY_RELEASE, recipients="Jobcenter\nAusländerbehörde").validate()


@pytest.mark.parametrize(
    "text",
    [
        "محمد عبد الرحمن",  # Arabic
        "ሰላም ሃይለ",  # Ethiopic (Tigrinya / Amharic)
        "Олександр",  # Cyrillic
        "👍🏽",  # emoji with skin tone modifier
        "👨\u200d👩\u200d👧",  # ZWJ family sequence
        "\u200fمحمد\u200e",  # direction marks (format characters, not control characters)
        "Nguyễn Thị Ánh",  # combining diacritics
    ],
)
def test_any_script_and_emoji_are_accepted(text: str) -> None:
    person(family_name=text, given_names=text, municipality=text).validate()
    session(note=f"{text}\n{text}").validate()
    goal(text=text, translation=text).validate()


def test_none_and_blank_optional_text_is_fine() -> None:
    check_text(None, "x")
    check_text("", "x")
    check_text("   ", "x", multiline=True)


@given(st.text(alphabet=st.characters(exclude_categories=("Cc", "Cs")), max_size=SHORT_TEXT_MAX))
def test_check_text_accepts_every_printable_short_text(text: str) -> None:
    check_text(text, "name")
    check_text(text, "note", multiline=True)


@given(
    st.text(max_size=20),
    st.characters(categories=("Cc", "Cs"), exclude_characters="\r\n\t"),
    st.text(max_size=20),
)
def test_check_text_rejects_any_control_character_or_surrogate(before: str, bad: str, after: str) -> None:
    for multiline in (False, True):
        with pytest.raises(ValidationError) as caught:
            check_text(before + bad + after, "f", multiline=multiline)
        assert caught.value.field == "f"


# -- plan transitions and cross-record rules ---------------------------------------------------------


@pytest.mark.parametrize(
    ("old", "new"),
    [
        (PlanStatus.DRAFT, PlanStatus.DRAFT),
        (PlanStatus.DRAFT, PlanStatus.ACTIVE),
        (PlanStatus.DRAFT, PlanStatus.CLOSED),
        (PlanStatus.ACTIVE, PlanStatus.ACTIVE),
        (PlanStatus.ACTIVE, PlanStatus.CLOSED),
        (PlanStatus.CLOSED, PlanStatus.CLOSED),
    ],
)
def test_allowed_plan_transitions(old: PlanStatus, new: PlanStatus) -> None:
    plan(status=old, closed_on=START).check_transition(new)


@pytest.mark.parametrize(
    ("old", "new"),
    [
        (PlanStatus.ACTIVE, PlanStatus.DRAFT),
        (PlanStatus.CLOSED, PlanStatus.ACTIVE),
        (PlanStatus.CLOSED, PlanStatus.DRAFT),
    ],
)
def test_refused_plan_transitions(old: PlanStatus, new: PlanStatus) -> None:
    with pytest.raises(ValidationError) as caught:
        plan(status=old, closed_on=START).check_transition(new)
    assert caught.value.field == "status"
    assert str(caught.value)
    text = in_english(caught.value)
    assert f"from {old.value} back to {new.value}" in text


def test_transition_table_covers_every_status() -> None:
    assert set(PLAN_TRANSITIONS) == set(PlanStatus)
    assert PLAN_TRANSITIONS[PlanStatus.CLOSED] == set()


def test_review_before_plan_creation_is_refused() -> None:
    review = Review(plan_id=PLAN_ID, held_on=START - timedelta(days=1))
    review.validate()  # alone it cannot know
    with pytest.raises(ValidationError) as caught:
        review.validate(plan())
    assert caught.value.field == "held_on"
    assert "review" in in_english(caught.value)
    Review(plan_id=PLAN_ID, held_on=START).validate(plan())


def test_assessment_of_a_goal_from_another_plan_is_refused() -> None:
    review = Review(plan_id=PLAN_ID, held_on=START)
    own = goal()
    foreign = goal(plan_id="plan-2")
    GoalAssessment(review_id=review.id, goal_id=own.id).validate(review, own)
    with pytest.raises(ValidationError) as caught:
        GoalAssessment(review_id=review.id, goal_id=foreign.id).validate(review, foreign)
    assert caught.value.field == "goal_id"
    assert "own plan" in in_english(caught.value)
    assert str(caught.value)


def test_case_closure_before_counselling_start_is_refused() -> None:
    closure = CaseClosure(person_id=PERSON_ID, closed_on=START - timedelta(days=1), reason=ClosureReason.OTHER)
    closure.validate()
    with pytest.raises(ValidationError) as caught:
        closure.validate(person())
    assert caught.value.field == "closed_on"
    CaseClosure(person_id=PERSON_ID, closed_on=START, reason=ClosureReason.OTHER).validate(person())


def test_next_appointment_later_on_the_session_day_is_fine() -> None:
    session(next_appointment=datetime(2024, 5, 2, 0, 0)).validate()
    session(next_appointment=datetime(2024, 5, 3, 9, 30)).validate()


@pytest.mark.parametrize("minutes", [1, 90, MAX_SESSION_MINUTES, None])
def test_plausible_durations(minutes: int | None) -> None:
    session(duration_minutes=minutes).validate()


# -- finalised sessions ------------------------------------------------------------------------------


def test_finalised_session_edit_is_refused() -> None:
    final = session(note="Inhalt", finalised_on=date(2024, 5, 3))
    assert final.is_final
    final.check_edit(final)
    final.check_edit(replace(final))  # an equal copy is no change
    for field_name, changed in (
        ("note", replace(final, note="geändert")),
        ("duration_minutes", replace(final, duration_minutes=30)),
        ("finalised_on", replace(final, finalised_on=None)),
    ):
        with pytest.raises(ValidationError) as caught:
            final.check_edit(changed)
        assert caught.value.field == field_name
        assert "addendum" in in_english(caught.value)


def test_draft_session_may_change_and_be_finalised() -> None:
    draft = session(note="Entwurf")
    assert not draft.is_final
    draft.check_edit(replace(draft, note="Neu"))
    draft.check_edit(replace(draft, finalised_on=date(2024, 5, 3)))


# -- counselling limit and age -----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("start", "extended", "limit"),
    [
        (date(2024, 3, 1), False, date(2027, 3, 1)),
        (date(2024, 3, 1), True, date(2028, 3, 1)),
        (date(2024, 2, 29), False, date(2027, 2, 28)),
        (date(2024, 2, 29), True, date(2028, 2, 29)),
        (date(2023, 12, 31), False, date(2026, 12, 31)),
    ],
)
def test_counselling_limit(start: date, extended: bool, limit: date) -> None:
    assert counselling_limit(start, extended) == limit
    reason = "Ausbildung" if extended else None
    assert person(counselling_start=start, extended=extended, extension_reason=reason).counselling_limit == limit


def test_add_years_on_29_february() -> None:
    assert add_years(date(2024, 2, 29), 1) == date(2025, 2, 28)
    assert add_years(date(2024, 2, 29), 4) == date(2028, 2, 29)


@pytest.mark.parametrize(
    ("birth_date", "birth_year", "day", "age"),
    [
        (date(2000, 6, 15), None, date(2024, 6, 14), 23),
        (date(2000, 6, 15), None, date(2024, 6, 15), 24),
        (date(2000, 6, 15), None, date(2000, 6, 15), 0),
        (date(2000, 2, 29), None, date(2023, 2, 28), 22),
        (date(2000, 2, 29), None, date(2023, 3, 1), 23),
        (date(2000, 2, 29), None, date(2024, 2, 29), 24),
        (None, 2000, date(2024, 1, 1), 24),
        (None, 2000, date(2024, 12, 31), 24),
        (date(2000, 12, 31), 1990, date(2024, 1, 1), 23),  # the full date wins over the year
        (None, None, date(2024, 1, 1), None),
    ],
)
def test_age_on(birth_date: date | None, birth_year: int | None, day: date, age: int | None) -> None:
    assert age_on(birth_date, birth_year, day) == age


def test_effective_birth_year_and_display_name() -> None:
    assert person(birth_date=date(1990, 4, 1)).effective_birth_year == 1990
    assert person(birth_year=1985).effective_birth_year == 1985
    assert person().effective_birth_year is None
    assert person(family_name="Ali", given_names="Muhammad").display_name() == "Ali, Muhammad"
    assert person(family_name="علي", family_name_latin="Ali").display_name() == "علي"
    assert person(family_name_latin="Ali").display_name() == "Ali"
    assert person().display_name() == "T-00001"


# -- consent validity --------------------------------------------------------------------------------


def test_consent_is_valid_from_the_day_it_is_given() -> None:
    c = consent()
    assert not c.is_valid_on(date(2024, 1, 9))
    assert c.is_valid_on(date(2024, 1, 10))
    assert c.is_valid_on(date(2099, 1, 1))


def test_consent_is_invalid_from_the_day_of_withdrawal() -> None:
    c = consent(withdrawn_on=date(2024, 2, 1))
    assert c.is_valid_on(date(2024, 1, 31))
    assert not c.is_valid_on(date(2024, 2, 1))
    assert not c.is_valid_on(date(2024, 2, 2))
    same_day = consent(withdrawn_on=date(2024, 1, 10))
    assert not same_day.is_valid_on(date(2024, 1, 10))


def test_consent_is_valid_up_to_and_including_valid_until() -> None:
    c = consent(valid_until=date(2024, 12, 31))
    assert c.is_valid_on(date(2024, 12, 31))
    assert not c.is_valid_on(date(2025, 1, 1))


def test_has_valid_consent_looks_at_kind_and_day() -> None:
    consents = [
        consent(kind=ConsentKind.DATA_PROCESSING),
        consent(kind=ConsentKind.SPECIAL_CATEGORIES, withdrawn_on=date(2024, 3, 1)),
    ]
    day = date(2024, 2, 1)
    assert has_valid_consent(consents, ConsentKind.DATA_PROCESSING, day)
    assert has_valid_consent(consents, ConsentKind.SPECIAL_CATEGORIES, day)
    assert not has_valid_consent(consents, ConsentKind.SPECIAL_CATEGORIES, date(2024, 3, 1))
    assert not has_valid_consent(consents, ConsentKind.SECRECY_RELEASE, day)
    assert not has_valid_consent([], ConsentKind.DATA_PROCESSING, day)


# -- codes -------------------------------------------------------------------------------------------


def test_final_goal_statuses() -> None:
    assert not GoalStatus.OPEN.is_final
    assert not GoalStatus.IN_PROGRESS.is_final
    assert {s for s in GoalStatus if s.is_final} == {
        GoalStatus.ACHIEVED,
        GoalStatus.PARTLY_ACHIEVED,
        GoalStatus.NOT_ACHIEVED,
        GoalStatus.DROPPED,
    }


def test_records_are_immutable() -> None:
    p = person()
    with pytest.raises(AttributeError):
        p.family_name = "x"  # type: ignore[misc]


def test_line_ends_and_blank_looking_control_characters() -> None:
    check_text("Zeile 1\r\nZeile 2", "note", multiline=True)  # pasted from Windows
    for bad in ("a\rb", "\x1f", "\x1c\x1d"):
        with pytest.raises(ValidationError):
            check_text(bad, "name")
    with pytest.raises(ValidationError):
        check_text("\x1f", "note", multiline=True)
