"""What a printed plan shows, read from the database in one go (on the worker, or in the command line)."""

from __future__ import annotations

from dataclasses import dataclass, field

from integrationsplan.domain.codes import GoalStatus, Relationship
from integrationsplan.domain.person import Person
from integrationsplan.domain.plan import Goal, Need, Plan, Signature, Step
from integrationsplan.errors import UserError
from integrationsplan.i18n import N_
from integrationsplan.storage import Database


class NoPlan(UserError):
    message = N_("{person} has no integration plan yet.")


class PersonNotFound(UserError):
    message = N_("No person with the case number or id {reference}.")


@dataclass(frozen=True)
class Member:
    name: str
    relationship: Relationship | None


@dataclass(frozen=True)
class GoalEntry:
    number: int
    goal: Goal
    steps: list[Step]
    reviewed_status: GoalStatus | None = None  # the status given at the last review that assessed the goal


@dataclass(frozen=True)
class PlanData:
    person: Person
    plan: Plan
    members: list[Member] = field(default_factory=list)
    needs: list[Need] = field(default_factory=list)
    goals: list[GoalEntry] = field(default_factory=list)
    last_review: str | None = None  # ISO date of the newest review
    signatures: list[Signature] = field(default_factory=list)


def find_person(db: Database, reference: str) -> Person:
    """A person by case number or id."""
    found = db.persons.by_case_number(reference.strip()) or [p for p in [db.persons.find(reference.strip())] if p]
    if not found:
        raise PersonNotFound(reference=reference)
    return found[0]


def load(db: Database, person_id: str, plan_id: str | None = None) -> PlanData:
    """The plan (newest version unless `plan_id` names one) with everything it prints."""
    person = db.persons.get(person_id)
    plan = db.plans.get(plan_id) if plan_id else db.plans.current(person_id)
    if plan is None:
        raise NoPlan(person=person.display_name())
    members: list[Member] = []
    for membership in db.members.where(person_id=person_id, left_on=None):
        for other in db.members.where(household_id=membership.household_id, left_on=None):
            if other.person_id != person_id:
                members.append(Member(db.persons.get(other.person_id).display_name(), other.relationship))
    reviews = db.reviews.where(plan_id=plan.id, order_by="held_on")
    reviewed: dict[str, GoalStatus] = {}
    for review in reviews:  # oldest first: a later review's status wins
        for assessment in db.assessments.where(review_id=review.id):
            if assessment.new_status is not None:
                reviewed[assessment.goal_id] = assessment.new_status
    goals = [
        GoalEntry(number, goal, db.steps.of_goal(goal.id), reviewed.get(goal.id))
        for number, goal in enumerate(db.goals.where(plan_id=plan.id), start=1)
    ]  # fmt: skip
    return PlanData(
        person, plan, members, db.needs.where(plan_id=plan.id), goals,
        reviews[-1].held_on.isoformat() if reviews else None,
        db.signatures.where(plan_id=plan.id, order_by="signed_on"),
    )  # fmt: skip
