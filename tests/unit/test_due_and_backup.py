"""Follow-ups over a real database, and backups that open with the same passphrase."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime, timedelta
from pathlib import Path

import pytest

from integrationsplan.domain.codes import ClosureReason, GoalStatus, LifeArea, PlanStatus
from integrationsplan.domain.person import CaseClosure, Person
from integrationsplan.domain.plan import Goal, Plan, Step
from integrationsplan.domain.session import CounsellingSession
from integrationsplan.storage import Database
from integrationsplan.storage.due import DueKind, due_items
from integrationsplan.storage.errors import BackupFailed

TODAY = date(2026, 11, 24)


def _case(db: Database, name: str, manager: str = "Frau A") -> tuple[Person, Plan, Goal]:
    with db.write():
        person = db.persons.add(Person(case_number=db.persons.next_case_number(), family_name=name,
                                       counselling_start=TODAY - timedelta(days=100), manager=manager))  # fmt: skip
        plan = db.plans.add(Plan(person_id=person.id, created_on=TODAY - timedelta(days=90)))
        goal = db.goals.add(Goal(plan_id=plan.id, area=LifeArea.WORK, text="Arbeit finden"))
    return person, plan, goal


def test_due_items_are_the_open_work_of_open_cases_oldest_first(db: Database) -> None:
    _person, plan, goal = _case(db, "Haddad")
    other, _other_plan, other_goal = _case(db, "Bakr", manager="Herr B")
    gone, _gone_plan, gone_goal = _case(db, "Weg")
    with db.write():
        db.plans.save(replace(plan, next_review=TODAY - timedelta(days=3)))  # overdue review
        db.steps.add(Step(goal_id=goal.id, text="Lebenslauf\nmit Foto", due_date=TODAY + timedelta(days=5)))
        db.steps.add(Step(goal_id=goal.id, text="erledigt", due_date=TODAY, done_on=TODAY))
        db.steps.add(Step(goal_id=goal.id, text="später", due_date=TODAY + timedelta(days=40)))
        db.steps.add(Step(goal_id=other_goal.id, text="Jobcenter anrufen", due_date=TODAY - timedelta(days=10)))
        db.sessions.add(CounsellingSession(person_id=other.id, held_on=TODAY - timedelta(days=1),
                                           next_appointment=datetime(2026, 11, 26, 9, 30)))  # fmt: skip
        db.sessions.add(CounsellingSession(person_id=other.id, held_on=TODAY - timedelta(days=20),
                                           next_appointment=datetime(2026, 11, 10, 9, 30)))  # fmt: skip  # past
        db.steps.add(Step(goal_id=gone_goal.id, text="geschlossener Fall", due_date=TODAY))
        db.closures.add(CaseClosure(person_id=gone.id, closed_on=TODAY, reason=ClosureReason.MOVED_AWAY))

    items = due_items(db.conn, TODAY, TODAY + timedelta(days=14))
    assert [(i.kind, i.day, i.name, i.text) for i in items] == [
        (DueKind.STEP, TODAY - timedelta(days=10), "Bakr", "Jobcenter anrufen"),
        (DueKind.REVIEW, TODAY - timedelta(days=3), "Haddad", "1"),
        (DueKind.APPOINTMENT, date(2026, 11, 26), "Bakr", "09:30"),
        (DueKind.STEP, TODAY + timedelta(days=5), "Haddad", "Lebenslauf"),
    ]
    assert [i.overdue(TODAY) for i in items] == [True, True, False, False]
    assert {i.name for i in due_items(db.conn, TODAY, TODAY + timedelta(days=14), manager="Herr B")} == {"Bakr"}

    # A closed plan version has no follow-ups of its own.
    with db.write():
        db.plans.save(replace(db.plans.get(plan.id), status=PlanStatus.CLOSED, closed_on=TODAY))
    assert {i.name for i in due_items(db.conn, TODAY, TODAY + timedelta(days=14))} == {"Bakr"}


def test_backup_is_an_encrypted_copy_that_opens_with_the_passphrase(
    db: Database, tmp_path: Path, db_passphrase: str
) -> None:
    _case(db, "Haddad")
    copy = db.backup(tmp_path / "sicherungen")
    assert copy.parent == tmp_path / "sicherungen" and copy.suffix == ".db"
    assert b"Haddad" not in copy.read_bytes() and not copy.read_bytes().startswith(b"SQLite format 3")
    with Database.open(copy, db_passphrase) as restored:
        assert [p.family_name for p in restored.persons.all()] == ["Haddad"]


def test_backup_into_an_unusable_folder_says_so(db: Database, tmp_path: Path) -> None:
    blocker = tmp_path / "eine-datei"
    blocker.write_text("kein Ordner")
    with pytest.raises(BackupFailed) as raised:
        db.backup(blocker)
    assert "eine-datei" in raised.value.text()
    assert list(tmp_path.glob("eine-datei/*")) == []


def test_steps_of_finished_goals_and_moved_appointments_are_not_due(db: Database) -> None:
    person, _plan, goal = _case(db, "Haddad")
    with db.write():
        dropped = db.goals.add(Goal(plan_id=_plan.id, area=LifeArea.HOUSING, text="Wohnung", status=GoalStatus.DROPPED,
                                    status_date=TODAY, status_reason="zieht weg"))  # fmt: skip
        db.steps.add(Step(goal_id=dropped.id, text="WBS beantragen", due_date=TODAY - timedelta(days=2)))
        db.steps.add(Step(goal_id=goal.id, text="Lebenslauf", due_date=TODAY - timedelta(days=2)))
        db.sessions.add(CounsellingSession(person_id=person.id, held_on=TODAY - timedelta(days=9),
                                           next_appointment=datetime(2026, 11, 27, 10, 0)))  # fmt: skip
        db.sessions.add(CounsellingSession(person_id=person.id, held_on=TODAY - timedelta(days=2),
                                           next_appointment=datetime(2026, 12, 1, 14, 0)))  # fmt: skip  # moved
    items = due_items(db.conn, TODAY, TODAY + timedelta(days=14))
    assert [(i.kind, i.text) for i in items] == [(DueKind.STEP, "Lebenslauf"), (DueKind.APPOINTMENT, "14:00")]


def test_two_backups_in_one_second_keep_both(db: Database, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from integrationsplan.storage import backup

    monkeypatch.setattr(backup, "stamp", lambda: "20261124-120000")
    first = db.backup(tmp_path / "backups")
    second = db.backup(tmp_path / "backups")
    assert first != second and first.exists() and second.exists()
    assert second.name == f"{db.path.stem}-20261124-120000-2.db"
