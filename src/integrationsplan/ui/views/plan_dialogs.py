"""The dialogs that write a plan: its header, needs, goals, steps and reviews."""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date, timedelta

from PySide6.QtWidgets import QFormLayout, QGroupBox, QLineEdit, QPlainTextEdit, QWidget

from integrationsplan.catalogue import Entry, Kind
from integrationsplan.domain.codes import GoalStatus, LifeArea, Priority, ReferralTarget, Responsible, SignerRole
from integrationsplan.domain.plan import Goal, GoalAssessment, Need, Plan, Review, Signature, Step
from integrationsplan.i18n import _
from integrationsplan.labels import label
from integrationsplan.storage import Database
from integrationsplan.ui.backend import Backend
from integrationsplan.ui.catalogue_field import CatalogueField
from integrationsplan.ui.fields import CodeField, DateField
from integrationsplan.ui.record_form import RecordDialog, Rows, saver

REVIEW_INTERVAL_DAYS = 91  # the next review is proposed a quarter ahead


def plan_dialog(backend: Backend, plan: Plan, creating: bool, parent: QWidget | None) -> RecordDialog:
    rows: Rows = [
        ("created_on", _("Made on"), DateField(optional=False)),
        ("next_review", _("Next review"), DateField()),
        ("manager", _("Integration manager"), QLineEdit()),
        ("interpreter_language", _("Interpreter language"), QLineEdit()),
        ("interpreter_name", _("Interpreter"), QLineEdit()),
    ]
    title = _("New integration plan") if creating else _("Plan version {version}").format(version=plan.version)
    return RecordDialog(backend, title, rows, plan, saver("plans", creating), parent)


def need_dialog(backend: Backend, need: Need, creating: bool, parent: QWidget | None, read_only: bool) -> RecordDialog:
    rows: Rows = [
        ("area", _("Life area"), CodeField(LifeArea, optional=False)),
        ("client_view", _("In the client's words"), QPlainTextEdit()),
        ("manager_view", _("Integration manager's view"), QPlainTextEdit()),
    ]
    return RecordDialog(backend, _("Need"), rows, need, saver("needs", creating), parent, read_only=read_only)


def goal_dialog(backend: Backend, goal: Goal, creating: bool, parent: QWidget | None, read_only: bool) -> RecordDialog:
    text = QPlainTextEdit()
    text.setPlaceholderText(_("Specific and measurable: what will be different, and how will we know?"))
    translation = QPlainTextEdit()
    area = CodeField(LifeArea, optional=False)
    from_catalogue = CatalogueField(Kind.GOAL, text, translation, area.value)
    from_catalogue.picked.connect(lambda entry: area.set_value(entry.area))
    status = CodeField(GoalStatus, optional=False)
    status_date = DateField()
    rows: Rows = [
        ("area", _("Life area"), area),
        ("catalogue_key", _("From the catalogue"), from_catalogue),
        ("text", _("Goal"), text),
        ("translation", _("Goal in the client's language"), translation),
        ("priority", _("Priority"), CodeField(Priority, optional=False)),
        ("start_date", _("Start"), DateField()),
        ("target_date", _("Achieve by"), DateField()),
        ("status", _("Status"), status),
        ("status_date", _("Status since"), status_date),
        ("status_reason", _("Reason for the status"), QPlainTextEdit()),
    ]
    dialog = RecordDialog(backend, _("Goal"), rows, goal, saver("goals", creating), parent, read_only=read_only)
    dialog.resize(720, dialog.height())  # room for the catalogue's sentences

    def status_moved() -> None:
        # A status change is dated; today is what the manager means unless they say otherwise.
        if status.value() is not GoalStatus.OPEN and status_date.value() is None:
            status_date.set_value(date.today())

    status.currentIndexChanged.connect(status_moved)
    return dialog


def step_dialog(backend: Backend, step: Step, creating: bool, parent: QWidget | None, read_only: bool,
                area: LifeArea | None = None) -> RecordDialog:  # fmt: skip
    """`area`: the goal's life area, whose steps the catalogue offers first."""
    text = QPlainTextEdit()
    translation = QPlainTextEdit()
    responsible = CodeField(Responsible, optional=False)
    referral = CodeField(ReferralTarget)
    from_catalogue = CatalogueField(Kind.STEP, text, translation, lambda: area)

    def take(entry: Entry) -> None:
        # The entry's usual responsible and referral, unless the caseworker has chosen their own already.
        if entry.responsible is not None and responsible.value() is step.responsible:
            responsible.set_value(entry.responsible)
        if entry.referral is not None and referral.value() is None:
            referral.set_value(entry.referral)

    from_catalogue.picked.connect(take)
    rows: Rows = [
        ("catalogue_key", _("From the catalogue"), from_catalogue),
        ("text", _("Step"), text),
        ("translation", _("Step in the client's language"), translation),
        ("responsible", _("Responsible"), responsible),
        ("responsible_name", _("Name of the responsible"), QLineEdit()),
        ("due_date", _("Due on"), DateField()),
        ("done_on", _("Done on"), DateField()),
        ("referral_target", _("Referral to"), referral),
        ("referral_note", _("Referral note"), QPlainTextEdit()),
    ]
    dialog = RecordDialog(backend, _("Step"), rows, step, saver("steps", creating), parent, read_only=read_only)
    dialog.resize(720, dialog.height())
    return dialog


def signature_dialog(backend: Backend, signature: Signature, creating: bool, parent: QWidget | None,
                     read_only: bool) -> RecordDialog:  # fmt: skip
    rows: Rows = [
        ("role", _("Signed by"), CodeField(SignerRole, optional=False)),
        ("signer_name", _("Name"), QLineEdit()),
        ("signed_on", _("Signed on"), DateField(optional=False)),
        ("place", _("Place"), QLineEdit()),
        ("explained_in_language", _("Explained in the language"), QLineEdit()),
        ("interpreter_name", _("Interpreter"), QLineEdit()),
    ]
    return RecordDialog(backend, _("Signature"), rows, signature, saver("signatures", creating), parent,
                        read_only=read_only)  # fmt: skip


@dataclass(frozen=True)
class _Assessing:
    goal: Goal
    outcome: QPlainTextEdit
    status: CodeField[GoalStatus]


class ReviewDialog(RecordDialog):
    """A review of the plan: when, what was said, and per open goal what happened and its new status."""

    def __init__(self, backend: Backend, plan: Plan, goals: list[Goal], parent: QWidget | None = None) -> None:
        rows: Rows = [
            ("held_on", _("Review on"), DateField(optional=False)),
            ("note", _("Note"), QPlainTextEdit()),
        ]
        review = Review(plan_id=plan.id, held_on=date.today())
        super().__init__(backend, _("Review of plan version {version}").format(version=plan.version), rows, review,
                         lambda db, record: None, parent)  # fmt: skip
        self.plan = plan
        self.next_review = DateField()
        self.form.add_row("next_review", _("Next review"), self.next_review, of_record=False)
        self.form.set_extra("next_review", review.held_on + timedelta(days=REVIEW_INTERVAL_DAYS))
        self.assessing: list[_Assessing] = []
        for goal in goals:
            if goal.status.is_final:
                continue
            box = QGroupBox(f"{label(goal.area)}: {goal.text.splitlines()[0]}")
            form = QFormLayout(box)
            outcome = QPlainTextEdit()
            outcome.setTabChangesFocus(True)
            outcome.setAccessibleName(_("What happened"))
            outcome.setMaximumHeight(64)
            outcome.textChanged.connect(self.form.mark_edited)
            status = CodeField(GoalStatus)
            status.currentIndexChanged.connect(self.form.mark_edited)
            status.setAccessibleName(_("New status"))
            form.addRow(_("What happened:"), outcome)
            form.addRow(_("New status:"), status)
            self.extra.addWidget(box)
            self.assessing.append(_Assessing(goal, outcome, status))
        self.resize(640, 720)

    def submit(self) -> None:
        review: Review = self.form.record()
        plan = self.plan
        next_review = self.next_review.value()
        assessments = [
            GoalAssessment(review_id=review.id, goal_id=a.goal.id, outcome=a.outcome.toPlainText().strip() or None,
                           new_status=a.status.value())
            for a in self.assessing
            if a.outcome.toPlainText().strip() or a.status.value() is not None
        ]  # fmt: skip

        def job(db: Database) -> Review:
            with db.write():
                db.reviews.add(review)
                for assessment in assessments:
                    db.assessments.add(assessment)
                if next_review is not None:
                    db.plans.save(replace(db.plans.get(plan.id), next_review=next_review))
            return review

        self.run(job)
