"""Repositories whose rules span several records: case numbers, consent, reviews, sessions, plan versions."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from typing import TYPE_CHECKING, TypeVar

from integrationsplan.domain.codes import ConsentKind, GoalStatus, PlanStatus
from integrationsplan.domain.consent import Consent, has_valid_consent
from integrationsplan.domain.errors import ValidationError
from integrationsplan.domain.person import Person, Resources
from integrationsplan.domain.plan import GoalAssessment, Plan, Review, Step
from integrationsplan.domain.rules import new_id
from integrationsplan.domain.session import CounsellingSession, SessionAddendum
from integrationsplan.i18n import N_
from integrationsplan.storage import search
from integrationsplan.storage.repository import Repository

T = TypeVar("T")

if TYPE_CHECKING:
    from integrationsplan.storage.database import Database


class Persons(Repository[Person]):
    def __init__(self, db: Database) -> None:
        super().__init__(db, Person)

    def next_case_number(self) -> str:
        """Reserve this device's next case number: its prefix and a counter, skipping numbers in use."""
        with self.db.write():
            prefix, number = self.db.conn.execute("SELECT case_prefix, next_case_number FROM device").fetchone()
            while True:
                candidate = f"{prefix}-{number:05d}"
                number += 1
                if not self.db.conn.execute("SELECT 1 FROM person WHERE case_number = ?", (candidate,)).fetchone():
                    break
            self.db.conn.execute("UPDATE device SET next_case_number = ?", (number,))
        return candidate

    def by_case_number(self, case_number: str) -> list[Person]:
        return self.where(case_number=case_number)

    def search(self, query: str, limit: int = 200) -> list[Person]:
        ids = search.search(self.db.conn, query, limit)
        found = {p.id: p for p in self.many(ids)}
        return [found[i] for i in ids if i in found]

    def possible_duplicates(self, person: Person) -> list[Person]:
        return self.many(search.possible_duplicates(self.db.conn, person))


class ResourcesRepository(Repository[Resources]):
    def __init__(self, db: Database) -> None:
        super().__init__(db, Resources)

    def validate(self, record: Resources, old: Resources | None) -> None:
        super().validate(record, old)
        if old is None and self.where(person_id=record.person_id):
            raise ValidationError(N_("The resources of this person are recorded already."), field="person_id")
        special_changed = old is None or any(getattr(record, f) != getattr(old, f) for f in Resources.SPECIAL_FIELDS)
        if record.has_special_data() and special_changed:
            consents = self.db.consents.where(person_id=record.person_id)
            if not has_valid_consent(consents, ConsentKind.SPECIAL_CATEGORIES, date.today()):
                filled = next(f for f in Resources.SPECIAL_FIELDS if (getattr(record, f) or "").strip())
                raise ValidationError(
                    N_("Health and disability may only be recorded with the person's explicit consent."),
                    field=filled,
                )


class Plans(Repository[Plan]):
    def __init__(self, db: Database) -> None:
        super().__init__(db, Plan)

    def validate(self, record: Plan, old: Plan | None) -> None:
        super().validate(record, old)
        if old is not None:
            old.check_transition(record.status)
        elif self.where(person_id=record.person_id, version=record.version):
            raise ValidationError(
                N_("Version {version} of this plan exists already."), field="version", version=record.version
            )

    def current(self, person_id: str) -> Plan | None:
        """The newest plan version of a person."""
        plans = self.where(person_id=person_id, order_by="version DESC")
        return plans[0] if plans else None

    def new_version(self, plan_id: str, on: date) -> Plan:
        """Close a plan and start the next version as a draft that carries its open goals and steps."""
        old = self.get(plan_id)
        newest = self.current(old.person_id)
        if newest is not None and newest.id != old.id:
            raise ValidationError(
                N_("Only the newest version of a plan can be continued (version {version})."),
                field="version", version=newest.version,
            )  # fmt: skip
        if on < old.created_on:
            raise ValidationError(
                N_("The new version ({later}) cannot start before the plan it continues ({earlier})."),
                field="created_on", later=on.isoformat(), earlier=old.created_on.isoformat(),
            )  # fmt: skip
        new = Plan(
            person_id=old.person_id, version=old.version + 1, created_on=on, manager=old.manager,
            interpreter_language=old.interpreter_language, interpreter_name=old.interpreter_name,
            next_review=old.next_review if old.next_review and old.next_review >= on else None,
            previous_plan_id=old.id,
        )  # fmt: skip
        with self.db.write():
            if old.status is not PlanStatus.CLOSED:
                self.save(replace(old, status=PlanStatus.CLOSED, closed_on=on))
            self.add(new)
            for need in self.db.needs.where(plan_id=old.id):
                self.db.needs.add(replace(need, id=new_id(), plan_id=new.id))
            for goal in self.db.goals.where(plan_id=old.id):
                if goal.status.is_final:
                    continue
                carried = self.db.goals.add(replace(goal, id=new_id(), plan_id=new.id, carried_from_goal_id=goal.id))
                for step in self.db.steps.where(goal_id=goal.id):
                    if step.done_on is None:
                        self.db.steps.add(replace(step, id=new_id(), goal_id=carried.id))
        return new


class PlanContent(Repository[T]):
    """Needs, goals and steps: part of a plan, frozen once the plan is closed."""

    def plan_id_of(self, record: T) -> str:
        return record.plan_id  # type: ignore[attr-defined, no-any-return]

    def _check_open(self, record: T) -> None:
        if self.db.plans.get(self.plan_id_of(record)).status is PlanStatus.CLOSED:
            raise ValidationError(N_("A closed plan cannot be changed; start a new version."), field="plan_id")

    def validate(self, record: T, old: T | None) -> None:
        super().validate(record, old)
        self._check_open(record)

    def check_delete(self, record: T) -> None:
        self._check_open(record)


class Steps(PlanContent[Step]):
    def __init__(self, db: Database) -> None:
        super().__init__(db, Step)

    def plan_id_of(self, record: Step) -> str:
        return self.db.goals.get(record.goal_id).plan_id

    def of_goal(self, goal_id: str) -> list[Step]:
        """A goal's steps by due date, those without one last (as the plan tab and the PDF list them)."""
        return sorted(self.where(goal_id=goal_id), key=lambda s: (s.due_date is None, s.due_date))


class Assessments(Repository[GoalAssessment]):
    def __init__(self, db: Database) -> None:
        super().__init__(db, GoalAssessment)

    def validate(self, record: GoalAssessment, old: GoalAssessment | None) -> None:
        record.validate(self.db.reviews.get(record.review_id), self.db.goals.get(record.goal_id))

    def add(self, record: GoalAssessment) -> GoalAssessment:
        """Record the assessment and move the goal to its new status on the review's date."""
        with self.db.write():
            super().add(record)
            self._move_goal(record)
        return record

    def save(self, record: GoalAssessment) -> GoalAssessment:
        with self.db.write():
            super().save(record)
            self._move_goal(record)
        return record

    def _move_goal(self, record: GoalAssessment) -> None:
        if record.new_status is None:
            return
        goal = self.db.goals.get(record.goal_id)
        if goal.status is not record.new_status:
            review = self.db.reviews.get(record.review_id)
            reason = record.outcome if record.new_status is not GoalStatus.OPEN else None
            self.db.goals.save(
                replace(goal, status=record.new_status, status_date=review.held_on,
                        status_reason=reason or goal.status_reason)
            )  # fmt: skip


class Reviews(Repository[Review]):
    def __init__(self, db: Database) -> None:
        super().__init__(db, Review)

    def validate(self, record: Review, old: Review | None) -> None:
        record.validate(self.db.plans.get(record.plan_id))


class Sessions(Repository[CounsellingSession]):
    def __init__(self, db: Database) -> None:
        super().__init__(db, CounsellingSession)

    def validate(self, record: CounsellingSession, old: CounsellingSession | None) -> None:
        super().validate(record, old)
        if old is not None:
            old.check_edit(record)

    def check_delete(self, record: CounsellingSession) -> None:
        if record.is_final:
            raise ValidationError(N_("A finalised session is kept; correct it with an addendum."), field="finalised_on")


class Addenda(Repository[SessionAddendum]):
    def __init__(self, db: Database) -> None:
        super().__init__(db, SessionAddendum)

    def validate(self, record: SessionAddendum, old: SessionAddendum | None) -> None:
        super().validate(record, old)
        if old is not None:
            raise ValidationError(N_("An addendum is never changed; write another one."), field="text")

    def check_delete(self, record: SessionAddendum) -> None:
        raise ValidationError(N_("An addendum is never changed; write another one."), field="text")


class Consents(Repository[Consent]):
    def __init__(self, db: Database) -> None:
        super().__init__(db, Consent)
