"""The key figures of a hand-made data set, where every right number is known (counted by hand in the comments):
a plan begun before the period, a case closed on its last day, a birthday on the last day, persons without
birth data, a status set after the period, an erased case's counts, and the filters."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest

from integrationsplan.domain.codes import (
    ClosureReason,
    Gender,
    GoalStatus,
    LifeArea,
    PlanStatus,
    ReferralTarget,
    ResidenceKind,
    SessionPlace,
)
from integrationsplan.domain.household import Household, HouseholdMember
from integrationsplan.domain.person import CaseClosure, Person, ResidenceStatus
from integrationsplan.domain.plan import Goal, GoalAssessment, Plan, Review
from integrationsplan.domain.session import CounsellingSession, Referral, SessionParticipant
from integrationsplan.domain.tally import ErasureTally, Figure
from integrationsplan.i18n import Translator
from integrationsplan.stats import Filter, Period, compute
from integrationsplan.stats.compute import age_group
from integrationsplan.stats.tables import HIDDEN, SUPPRESSED, Column, Table, shown, suppressed, tables
from integrationsplan.storage import Database

PASS = "stats test passphrase"
PERIOD = Period(date(2026, 1, 1), date(2026, 6, 30))


def _session(db: Database, person: Person, day: date, place: SessionPlace, minutes: int | None,
             topics: tuple[LifeArea, ...], *referrals: ReferralTarget) -> CounsellingSession:  # fmt: skip
    session = db.sessions.add(CounsellingSession(person_id=person.id, held_on=day, place=place,
                                                 duration_minutes=minutes, topics=topics))  # fmt: skip
    for target in referrals:
        db.referrals.add(Referral(session_id=session.id, target=target))
    return session


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Database]:
    database = Database.create(tmp_path_factory.mktemp("stats") / "stats.db", PASS)
    d = date
    with database.write():
        add = database.persons.add
        # P1: continuing (began 2025), 25 on the last day, household with P2, residence permit since February.
        p1 = add(
            Person(
                case_number="S-1",
                family_name="Eins",
                counselling_start=d(2025, 3, 1),
                gender=Gender.FEMALE,
                birth_date=d(2000, 7, 1),
                nationality="SYR",
                manager="Frau A",
                municipality="Waldshut",
            )
        )
        # P2: new on the first day, closed on the last day (goals achieved); 16 (birth year only); no nationality.
        p2 = add(
            Person(
                case_number="S-2",
                family_name="Zwei",
                counselling_start=d(2026, 1, 1),
                gender=Gender.MALE,
                birth_year=2010,
                manager="Frau A",
                municipality="Waldshut",
            )
        )
        # P3: began 2023, not extended, open: past the three-year limit; nothing about gender or birth.
        p3 = add(Person(case_number="S-3", family_name="Drei", counselling_start=d(2023, 1, 10), nationality="afg "))
        # P4: began 2023, extended, 76 years old.
        p4 = add(
            Person(
                case_number="S-4",
                family_name="Vier",
                counselling_start=d(2023, 5, 15),
                extended=True,
                extension_reason="Ausbildung",
                gender=Gender.DIVERSE,
                birth_date=d(1950, 1, 1),
                nationality="UKR",
            )
        )
        # P5: began August 2023: the limit (15 August 2026) is within three months; turns 18 on the last day.
        add(
            Person(
                case_number="S-5",
                family_name="Fuenf",
                counselling_start=d(2023, 8, 15),
                gender=Gender.FEMALE,
                birth_date=d(2008, 6, 30),
                nationality="SYR",
            )
        )
        # P6 begins after the period, P7 was closed before it: neither was counselled in it.
        add(Person(case_number="S-6", family_name="Sechs", counselling_start=d(2026, 7, 1)))
        p7 = add(Person(case_number="S-7", family_name="Sieben", counselling_start=d(2024, 1, 1)))
        # P8: new in February, closed in May (moved away), 36, another manager and municipality.
        p8 = add(
            Person(
                case_number="S-8",
                family_name="Acht",
                counselling_start=d(2026, 2, 1),
                gender=Gender.MALE,
                birth_date=d(1990, 5, 1),
                nationality="syr",
                manager="Herr B",
                municipality="Lörrach",
            )
        )
        household = database.households.add(Household(label="Eins-Zwei"))
        for person in (p1, p2):
            database.members.add(HouseholdMember(household_id=household.id, person_id=person.id))
        for person, day, reason in (
            (p2, d(2026, 6, 30), ClosureReason.GOALS_ACHIEVED),
            (p7, d(2025, 12, 31), ClosureReason.CONTACT_LOST),
            (p8, d(2026, 5, 15), ClosureReason.MOVED_AWAY),
        ):
            database.closures.add(CaseClosure(person_id=person.id, closed_on=day, reason=reason))
        residence = database.residence.add
        residence(
            ResidenceStatus(
                person_id=p1.id,
                kind=ResidenceKind.PERMISSION_TO_STAY,
                valid_from=d(2025, 3, 1),
                valid_until=d(2026, 1, 31),
            )
        )
        residence(ResidenceStatus(person_id=p1.id, kind=ResidenceKind.RESIDENCE_PERMIT, valid_from=d(2026, 2, 1)))
        residence(
            ResidenceStatus(
                person_id=p3.id, kind=ResidenceKind.TOLERATION, valid_from=d(2023, 1, 10), valid_until=d(2025, 12, 31)
            )
        )  # expired: still the newest title begun
        # P1's first plan (2025): language achieved in 2025, work under way; continued in February (below).
        first = database.plans.add(Plan(person_id=p1.id, created_on=d(2025, 4, 1), status=PlanStatus.ACTIVE,
                                        activated_on=d(2025, 4, 1)))  # fmt: skip
        database.goals.add(Goal(plan_id=first.id, area=LifeArea.LANGUAGE, text="A2", status=GoalStatus.ACHIEVED,
                                status_date=d(2025, 10, 1)))  # fmt: skip
        database.goals.add(Goal(plan_id=first.id, area=LifeArea.WORK, text="Praktikum",
                                status=GoalStatus.IN_PROGRESS, status_date=d(2025, 11, 1)))  # fmt: skip
        # P2's first plan, a draft made in January.
        second = database.plans.add(Plan(person_id=p2.id, created_on=d(2026, 1, 5)))
        database.goals.add(Goal(plan_id=second.id, area=LifeArea.SCHOOL, text="Schulplatz"))
        # P8's plan, active since February: its case closes in May, so it is not active at the end.
        database.plans.add(Plan(person_id=p8.id, created_on=d(2026, 2, 5), status=PlanStatus.ACTIVE,
                                activated_on=d(2026, 2, 5)))  # fmt: skip
        # P4's plan began in 2024 and runs on: active at the end, neither new nor continued.
        older = database.plans.add(Plan(person_id=p4.id, created_on=d(2024, 6, 1), status=PlanStatus.ACTIVE,
                                        activated_on=d(2024, 6, 1)))  # fmt: skip
        database.goals.add(Goal(plan_id=older.id, area=LifeArea.HOUSING, text="Wohnung",
                                status=GoalStatus.PARTLY_ACHIEVED, status_date=d(2025, 5, 1)))  # fmt: skip
    # Version 2 as the program makes it: the first closed, the open goal carried over (it counts once).
    continued = database.plans.new_version(first.id, d(2026, 2, 15))
    with database.write():
        database.plans.save(replace(continued, status=PlanStatus.ACTIVE, activated_on=d(2026, 2, 15)))
        goals = database.goals.add
        goals(Goal(plan_id=continued.id, area=LifeArea.LANGUAGE, text="B1", status=GoalStatus.ACHIEVED,
                   status_date=d(2026, 3, 1)))  # fmt: skip
        job = goals(Goal(plan_id=continued.id, area=LifeArea.WORK, text="Stelle"))
        review = database.reviews.add(Review(plan_id=continued.id, held_on=d(2026, 5, 1)))
        database.assessments.add(GoalAssessment(review_id=review.id, goal_id=job.id,
                                                new_status=GoalStatus.IN_PROGRESS))  # fmt: skip
    with database.write():  # achieved after the period: at its end as the review in May said
        database.goals.save(replace(database.goals.get(job.id), status=GoalStatus.ACHIEVED,
                                    status_date=d(2026, 8, 1)))  # fmt: skip
    with database.write():
        # Sessions: one before the period, four in it (one on the last day, one with P2 taking part).
        _session(database, p1, d(2025, 12, 20), SessionPlace.OFFICE, 50, (LifeArea.LANGUAGE,))
        joint = _session(
            database,
            p1,
            d(2026, 1, 10),
            SessionPlace.OFFICE,
            60,
            (LifeArea.LANGUAGE, LifeArea.WORK),
            ReferralTarget.JOBCENTER,
        )
        database.participants.add(SessionParticipant(session_id=joint.id, person_id=p2.id))
        for session in database.sessions.where(person_id=p1.id):  # the person may be listed: no one else
            database.participants.add(SessionParticipant(session_id=session.id, person_id=p1.id))
        _session(database, p1, d(2026, 6, 30), SessionPlace.HOME_VISIT, None, (LifeArea.HOUSING,))
        _session(database, p2, d(2026, 3, 5), SessionPlace.PHONE, 30, (LifeArea.SCHOOL,), ReferralTarget.SCHOOL)
        _session(
            database,
            p8,
            d(2026, 2, 2),
            SessionPlace.VIDEO,
            45,
            (LifeArea.RESIDENCE, LifeArea.FAMILY),
            ReferralTarget.IMMIGRATION_OFFICE,
            ReferralTarget.OTHER,
        )
        # An erased case: begun in March, closed in April; two sessions; one tally of 2025 lies outside.
        for month, figure, category, count, minutes in (
            ("2026-03", Figure.CASE_STARTED, "", 1, None),
            ("2026-04", Figure.CASE_CLOSED, "moved_away", 1, None),
            ("2026-03", Figure.SESSION, "office", 2, None),
            ("2026-03", Figure.SESSION_TIMED, "office", 2, 90),
            ("2026-03", Figure.TOPIC, "language", 2, None),
            ("2026-03", Figure.REFERRAL, "jobcenter", 1, None),
            ("2026-03", Figure.PLAN, "new", 1, None),
            ("2026-03", Figure.GOAL, "language:achieved", 1, None),
            ("2025-12", Figure.SESSION, "office", 5, 300),
        ):
            database.tallies.add(
                ErasureTally(period=month, figure=figure, category=category, count=count, minutes=minutes)
            )
    yield database
    database.close()


def test_persons_plans_and_breakdowns(db: Database) -> None:
    f = compute(db, PERIOD)
    # Counselled: P1 P2 P3 P4 P5 P8 and the erased case; new: P2 P8 + erased; continuing: P1 P3 P4 P5.
    assert dict(f.persons) == {"counselled": 7, "new": 3, "continuing": 4, "closed": 3, "household": 2, "single": 4}
    assert dict(f.erased) == {"new": 1, "closed": 1, "sessions": 2}
    assert dict(f.closures) == {"goals_achieved": 1, "moved_away": 2}
    assert dict(f.durations) == {"under_6": 2} and sorted(f.duration_days) == [103, 180]
    assert dict(f.gender) == {"f": 2, "m": 2, "d": 1, "": 1}
    assert dict(f.age) == {"18–26": 2, "0–17": 1, "65+": 1, "27–64": 1, "": 1}
    assert dict(f.nationality) == {"SYR": 3, "AFG": 1, "UKR": 1, "": 1}
    assert dict(f.residence) == {"erlaubnis": 1, "duldung": 1, "": 4}
    assert (f.past_limit, f.near_limit, f.extended) == (1, 1, 1)
    # Plans: new P2's draft, P8's and the erased case's; continued P1 v2; active at the end P1 v2 and P4's of 2024
    # (not P8's: its case closed in May); closed P1 v1.
    assert dict(f.plans) == {"new": 3, "continued": 1, "active": 2, "closed": 1}
    # Goals of every version, each once: P1 v1 A2 (achieved 2025) and the carried Praktikum (counted in v2), P1 v2
    # B1 and Stelle (in progress at the end, by the May review), P2's school, P4's housing, the erased case's.
    assert dict(f.goals) == {("language", "achieved"): 3, ("work", "in_progress"): 2, ("school", "open"): 1,
                             ("housing", "partly_achieved"): 1}  # fmt: skip
    assert f.achieved_share == pytest.approx(3 / 7)


def test_sessions_topics_and_referrals(db: Database) -> None:
    f = compute(db, PERIOD)
    assert f.sessions == 6 and f.minutes == 60 + 30 + 45 + 90 and f.timed_sessions == 5
    assert f.mean_minutes == pytest.approx(45)
    assert dict(f.place_minutes) == {"office": 150, "phone": 30, "video": 45} and f.place_timed["office"] == 3
    assert dict(f.kind_minutes) == {"joint": 60, "individual": 75} and dict(f.kind_timed) == {
        "joint": 1,
        "individual": 2,
    }
    assert dict(f.places) == {"office": 3, "home_visit": 1, "phone": 1, "video": 1}
    assert dict(f.session_kinds) == {"joint": 1, "individual": 3}  # the erased case's sessions have no kind
    assert dict(f.months) == {"2026-01": 1, "2026-02": 1, "2026-03": 3, "2026-06": 1}
    assert dict(f.topics) == {"language": 3, "work": 1, "housing": 1, "school": 1, "residence": 1, "family": 1}
    assert dict(f.referrals) == {"jobcenter": 2, "school": 1, "immigration_office": 1, "other": 1}


def test_filters_take_the_persons_their_record_names(db: Database) -> None:
    mine = compute(db, PERIOD, Filter(manager="Frau A"))
    assert dict(mine.persons) == {"counselled": 2, "new": 1, "continuing": 1, "closed": 1, "household": 2}
    assert mine.sessions == 3 and not mine.erased and dict(mine.closures) == {"goals_achieved": 1}
    there = compute(db, PERIOD, Filter(municipality="Lörrach"))
    assert dict(there.persons) == {"counselled": 1, "new": 1, "closed": 1, "single": 1} and there.sessions == 1


def test_edges_of_the_period(db: Database) -> None:
    # The last day alone: P2 closes on it and P1 has a session on it.
    day = compute(db, Period(date(2026, 6, 30), date(2026, 6, 30)))
    assert day.persons["closed"] == 1 and day.sessions == 1 and day.places["home_visit"] == 1
    # Before any case began nothing counts, and a period may not end before it begins.
    assert compute(db, Period(date(2020, 1, 1), date(2020, 12, 31))).persons["counselled"] == 0
    with pytest.raises(ValueError):
        Period(date(2026, 2, 1), date(2026, 1, 31))
    assert age_group(date(2008, 7, 1), None, date(2026, 6, 30)) == "0–17"  # 18 the day after
    assert age_group(None, 2008, date(2026, 1, 1)) == "18–26"  # the year alone: as if born on 1 January


def test_tables_list_every_code_and_suppress_small_counts(db: Database) -> None:
    found = {table.key: table for table in tables(compute(db, PERIOD), Translator("de"))}
    assert found["persons"].value("Beratene Personen") == 7
    assert found["gender"].value("keine Angabe") == 1
    assert len(found["topics"].rows) == len(LifeArea) and found["topics"].value("Sprache") == 3
    goals = found["goals"]
    assert goals.value("Alle Lebensbereiche", len(GoalStatus)) == 7  # the "all" column
    assert goals.value("Alle Lebensbereiche", len(GoalStatus) + 1) == pytest.approx(3 / 7)
    assert [month for month, _values in found["months"].rows] == ["2026-01", "2026-02", "2026-03", "2026-04",
                                                                   "2026-05", "2026-06"]  # fmt: skip
    count, share = Column("n"), Column("%", count=False, percent=True)
    assert shown(3, count) == "3" and shown(SUPPRESSED, count) == SUPPRESSED and shown(0.4, share, "de") == "40 %"


def test_exports_hide_small_counts_and_what_they_could_be_worked_out_from() -> None:
    columns = (Column("a"), Column("b"), Column("all"), Column("share", count=False, percent=True, over=(0, 2)))
    rows = (("x1", (3, 9, 12, 0.25)), ("x2", (8, 0, 8, 1.0)), ("x3", (6, 7, 13, 6 / 13)), ("all", (17, 16, 33, 0.5)))
    groups = (*(tuple((r, c) for c in range(2)) for r in range(3)), *(tuple((r, c) for r in range(3))
                                                                      for c in range(3)))  # fmt: skip
    hidden = suppressed(Table("t", "T", "L", columns, rows, groups))
    values = [v for _text, v in hidden.rows]
    assert values[0][0] == SUPPRESSED  # 3: primary
    # Its row and its column would give it away: the smallest others become "x" (9 in the row; 6 in the
    # column), and so on until every line holds none or at least two hidden counts.
    assert values[0][1] == HIDDEN and values[2][0] == HIDDEN
    for line in groups:
        hidden_in_line = [cell for cell in line if values[cell[0]][cell[1]] in (SUPPRESSED, HIDDEN)]
        assert len(hidden_in_line) != 1, line
    assert values[0][3] is None and values[2][3] is None  # a share over a hidden count would give it away
    assert values[3] == (17, 16, 33, 0.5)  # totals of 5 or more stay


def test_csv_writes_decimal_commas_and_xlsx_numbers(db: Database, tmp_path: Path) -> None:
    from openpyxl import load_workbook

    from integrationsplan.stats.export import to_csv, to_xlsx

    figures = compute(db, PERIOD)
    to_csv(figures, tmp_path / "k.csv", False, Translator("de"))
    text = (tmp_path / "k.csv").read_text(encoding="utf-8-sig")
    assert "Geführte Beratungsgespräche;6;3,8;45,0" in text  # 225 minutes: 3.75 hours, rounded as Excel reads it
    assert "Alle Lebensbereiche;" in text and ";42,9" in text  # the share achieved in per cent
    to_xlsx(figures, tmp_path / "k.xlsx", False, Translator("de"))
    rows = list(load_workbook(tmp_path / "k.xlsx").active.iter_rows(values_only=True))
    assert next(r for r in rows if r[0] == "Geführte Beratungsgespräche")[1:4] == (6, 3.8, 45.0)


def test_an_empty_database_has_every_table_with_zeros(tmp_path: Path) -> None:
    with Database.create(tmp_path / "empty.db", PASS) as empty:
        found = tables(compute(empty, PERIOD), Translator("de"))
    assert all(table.rows for table in found)
    assert all(value in (0, None) for table in found for _label, values in table.rows for value in values)


def test_an_erased_case_counts_as_it_did_before_its_erasure(tmp_path: Path) -> None:
    """Erasing a closed case keeps its figures: its goals once each (a carried goal is not counted twice), its
    latest closure, its sessions with their minutes (those without a duration not timed)."""
    from integrationsplan import retention

    with Database.create(tmp_path / "erase.db", PASS) as db:
        with db.write():
            person = db.persons.add(Person(case_number="E-1", family_name="Weg", counselling_start=date(2026, 1, 10)))
            plan = db.plans.add(Plan(person_id=person.id, created_on=date(2026, 1, 12), status=PlanStatus.ACTIVE,
                                     activated_on=date(2026, 1, 12)))  # fmt: skip
            db.goals.add(Goal(plan_id=plan.id, area=LifeArea.WORK, text="Job", status=GoalStatus.IN_PROGRESS,
                              status_date=date(2026, 1, 20)))  # fmt: skip
            for day, minutes in ((date(2026, 2, 3), 60), (date(2026, 2, 10), None)):
                db.sessions.add(CounsellingSession(person_id=person.id, held_on=day, duration_minutes=minutes,
                                                   topics=(LifeArea.WORK,)))  # fmt: skip
        db.plans.new_version(plan.id, date(2026, 3, 1))
        with db.write():
            db.closures.add(CaseClosure(person_id=person.id, closed_on=date(2026, 4, 30),
                                        reason=ClosureReason.SELF_RELIANT))  # fmt: skip
        period = Period(date(2026, 1, 1), date(2026, 6, 30))
        before = compute(db, period)
        retention.erase(db, person.id)
        after = compute(db, period)
    assert dict(before.goals) == dict(after.goals) == {("work", "in_progress"): 1}
    assert dict(before.closures) == dict(after.closures) == {"self_reliant": 1}
    assert (before.sessions, before.minutes, before.timed_sessions) == (after.sessions, after.minutes,
                                                                        after.timed_sessions) == (2, 60, 1)  # fmt: skip
    assert before.plans["new"] + before.plans["continued"] == after.plans["new"] + after.plans["continued"] == 2
    assert (before.persons["new"], before.persons["closed"]) == (after.persons["new"], after.persons["closed"])
