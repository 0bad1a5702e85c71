"""The individual integration plan: needs, goals, steps, reviews and signatures."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from integrationsplan.domain.codes import (
    GoalStatus,
    LifeArea,
    PlanStatus,
    Priority,
    ReferralTarget,
    Responsible,
    SignerRole,
)
from integrationsplan.domain.errors import ValidationError
from integrationsplan.domain.rules import check_date, check_order, check_text, new_id
from integrationsplan.i18n import N_

# Allowed moves between plan states; a closed plan is history and a new version continues it.
PLAN_TRANSITIONS = {
    PlanStatus.DRAFT: {PlanStatus.ACTIVE, PlanStatus.CLOSED},
    PlanStatus.ACTIVE: {PlanStatus.CLOSED},
    PlanStatus.CLOSED: set(),
}


@dataclass(frozen=True, slots=True, kw_only=True)
class Plan:
    id: str = field(default_factory=new_id)
    person_id: str
    version: int = 1
    status: PlanStatus = PlanStatus.DRAFT
    created_on: date
    manager: str | None = None
    interpreter_language: str | None = None
    interpreter_name: str | None = None
    next_review: date | None = None
    activated_on: date | None = None
    closed_on: date | None = None
    previous_plan_id: str | None = None

    def validate(self) -> None:
        for name in ("manager", "interpreter_language", "interpreter_name"):
            check_text(getattr(self, name), name)
        check_date(self.created_on, "created_on")
        if self.version < 1:
            raise ValidationError(N_("A plan version starts at 1."), field="version")
        check_order(
            self.created_on, self.next_review, "next_review",
            N_("The next review ({later}) lies before the plan was made ({earlier})."),
        )  # fmt: skip
        check_order(
            self.created_on, self.closed_on, "closed_on",
            N_("The plan cannot close ({later}) before it was made ({earlier})."),
        )  # fmt: skip
        if self.status is PlanStatus.CLOSED and self.closed_on is None:
            raise ValidationError(N_("A closed plan needs a closing date."), field="closed_on")

    def check_transition(self, new: PlanStatus) -> None:
        if new is not self.status and new not in PLAN_TRANSITIONS[self.status]:
            raise ValidationError(
                N_("A plan cannot go from {old} back to {new}."), field="status", old=self.status.value,
                new=new.value,
            )  # fmt: skip


@dataclass(frozen=True, slots=True, kw_only=True)
class Need:
    """The need in one life area, from the client's and from the manager's view."""

    id: str = field(default_factory=new_id)
    plan_id: str
    area: LifeArea
    client_view: str | None = None
    manager_view: str | None = None

    def validate(self) -> None:
        check_text(self.client_view, "client_view", multiline=True)
        check_text(self.manager_view, "manager_view", multiline=True)


@dataclass(frozen=True, slots=True, kw_only=True)
class Goal:
    """A SMART goal; the status carries its reason and date once it moves on from open."""

    id: str = field(default_factory=new_id)
    plan_id: str
    area: LifeArea
    text: str
    translation: str | None = None  # the goal in the client's language, for the PDF
    catalogue_key: str | None = None  # the catalogue entry the text was taken from (see catalogue.py)
    priority: Priority = Priority.MEDIUM
    start_date: date | None = None
    target_date: date | None = None
    status: GoalStatus = GoalStatus.OPEN
    status_reason: str | None = None
    status_date: date | None = None
    carried_from_goal_id: str | None = None

    def validate(self) -> None:
        check_text(self.text, "text", multiline=True, required=True)
        check_text(self.translation, "translation", multiline=True)
        check_text(self.catalogue_key, "catalogue_key")
        check_text(self.status_reason, "status_reason", multiline=True)
        check_date(self.start_date, "start_date")
        check_order(
            self.start_date, self.target_date, "target_date",
            N_("The target date {later} lies before the start {earlier}."),
        )  # fmt: skip
        if self.status is not GoalStatus.OPEN and self.status_date is None:
            raise ValidationError(N_("A status change needs a date."), field="status_date")
        if self.status in (GoalStatus.DROPPED, GoalStatus.NOT_ACHIEVED) and not (self.status_reason or "").strip():
            raise ValidationError(N_("Say why the goal was dropped or not achieved."), field="status_reason")


@dataclass(frozen=True, slots=True, kw_only=True)
class Step:
    """A step (Maßnahme) towards a goal: who does what by when, often a referral."""

    id: str = field(default_factory=new_id)
    goal_id: str
    text: str
    translation: str | None = None
    catalogue_key: str | None = None
    responsible: Responsible = Responsible.CLIENT
    responsible_name: str | None = None
    due_date: date | None = None
    done_on: date | None = None
    referral_target: ReferralTarget | None = None
    referral_note: str | None = None

    def validate(self) -> None:
        check_text(self.text, "text", multiline=True, required=True)
        check_text(self.translation, "translation", multiline=True)
        check_text(self.catalogue_key, "catalogue_key")
        check_text(self.responsible_name, "responsible_name")
        check_text(self.referral_note, "referral_note", multiline=True)
        check_date(self.due_date, "due_date")
        check_date(self.done_on, "done_on")


@dataclass(frozen=True, slots=True, kw_only=True)
class Review:
    id: str = field(default_factory=new_id)
    plan_id: str
    held_on: date
    note: str | None = None

    def validate(self, plan: Plan | None = None) -> None:
        check_text(self.note, "note", multiline=True)
        check_date(self.held_on, "held_on")
        if plan is not None:
            check_order(
                plan.created_on, self.held_on, "held_on",
                N_("The review ({later}) lies before the plan was made ({earlier})."),
            )  # fmt: skip


@dataclass(frozen=True, slots=True, kw_only=True)
class GoalAssessment:
    """What happened with one goal at a review, and the goal's status afterwards."""

    id: str = field(default_factory=new_id)
    review_id: str
    goal_id: str
    outcome: str | None = None
    new_status: GoalStatus | None = None

    def validate(self, review: Review | None = None, goal: Goal | None = None) -> None:
        check_text(self.outcome, "outcome", multiline=True)
        if review is not None and goal is not None and goal.plan_id != review.plan_id:
            raise ValidationError(N_("A review can only assess goals of its own plan."), field="goal_id")


@dataclass(frozen=True, slots=True, kw_only=True)
class Signature:
    id: str = field(default_factory=new_id)
    plan_id: str
    role: SignerRole
    signer_name: str | None = None
    signed_on: date
    place: str | None = None
    explained_in_language: str | None = None
    interpreter_name: str | None = None

    def validate(self) -> None:
        for name in ("signer_name", "place", "explained_in_language", "interpreter_name"):
            check_text(getattr(self, name), name)
        check_date(self.signed_on, "signed_on")
