"""The plan tab: the versions of a person's integration plan with needs, goals, steps and reviews."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field, replace
from datetime import date, timedelta
from functools import partial
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from integrationsplan.domain.codes import LifeArea, PlanStatus, SignerRole
from integrationsplan.domain.person import Person
from integrationsplan.domain.plan import Goal, Need, Plan, Review, Signature, Step
from integrationsplan.i18n import _, current_language, format_date, format_number, language_name, ngettext
from integrationsplan.labels import label
from integrationsplan.storage import Database
from integrationsplan.ui.backend import Backend, another_person, for_person
from integrationsplan.ui.models.records import Column
from integrationsplan.ui.record_form import RecordDialog, open_dialog
from integrationsplan.ui.views import plan_dialogs
from integrationsplan.ui.views.record_section import RecordSection

REVIEW_WARNING_DAYS = 14
LIMIT_WARNING_DAYS = 90


@dataclass(frozen=True)
class PlanView:
    """One plan version with everything it holds; `plans` lists all versions, newest first."""

    plans: list[Plan] = field(default_factory=list)
    plan: Plan | None = None
    needs: list[Need] = field(default_factory=list)
    goals: list[Goal] = field(default_factory=list)
    steps: dict[str, list[Step]] = field(default_factory=dict)
    reviews: list[tuple[Review, int]] = field(default_factory=list)  # with the number of goals assessed
    signatures: list[Signature] = field(default_factory=list)

    @property
    def editable(self) -> bool:
        return self.plan is not None and self.plan.status is not PlanStatus.CLOSED


def load_plan(db: Database, person_id: str, plan_id: str | None = None) -> PlanView:
    plans = db.plans.where(person_id=person_id, order_by="version DESC")
    plan = next((p for p in plans if p.id == plan_id), plans[0] if plans else None)
    if plan is None:
        return PlanView(plans)
    goals = db.goals.where(plan_id=plan.id, order_by="rowid")
    reviews = db.reviews.where(plan_id=plan.id, order_by="held_on DESC")
    return PlanView(
        plans, plan, db.needs.where(plan_id=plan.id), goals,
        {g.id: db.steps.of_goal(g.id) for g in goals},
        [(r, len(db.assessments.where(review_id=r.id))) for r in reviews],
        db.signatures.where(plan_id=plan.id, order_by="signed_on"),
    )  # fmt: skip


def alerts(person: Person, plan: Plan | None, today: date) -> list[str]:
    """What the manager must not miss: the end of the counselling period and a due plan review."""
    found = []
    limit = person.counselling_limit
    if today > limit:
        found.append(_("The counselling period ended on {day}.").format(day=format_date(limit)))
    elif today + timedelta(days=LIMIT_WARNING_DAYS) >= limit:
        found.append(_("The counselling period ends on {day}: plan the handover.").format(day=format_date(limit)))
    if plan is not None and plan.status is not PlanStatus.CLOSED:
        if plan.next_review is None:
            found.append(_("No review date is set."))
        elif plan.next_review < today:
            found.append(_("The review is overdue since {day}.").format(day=format_date(plan.next_review)))
        elif plan.next_review <= today + timedelta(days=REVIEW_WARNING_DAYS):
            found.append(_("The review is due on {day}.").format(day=format_date(plan.next_review)))
    return found


def _date(day: date | None) -> str:
    return format_date(day) if day else ""


def _first_line(text: str | None) -> str:
    return (text or "").strip().splitlines()[0] if (text or "").strip() else ""


def _overdue(step: Step) -> bool:
    return step.done_on is None and step.due_date is not None and step.due_date < date.today()


NEED_COLUMNS: list[Column[Need]] = [
    Column(lambda: _("Life area"), lambda n: label(n.area)),
    Column(lambda: _("In the client's words"), lambda n: _first_line(n.client_view)),
    Column(lambda: _("Integration manager's view"), lambda n: _first_line(n.manager_view)),
]
# The long text comes last: it takes the room that is left, and status and dates stay in sight.
GOAL_COLUMNS: list[Column[Goal]] = [
    Column(lambda: _("Life area"), lambda g: label(g.area)),
    Column(lambda: _("Status"), lambda g: label(g.status)),
    Column(lambda: _("Achieve by"), lambda g: _date(g.target_date),
           lambda g: not g.status.is_final and g.target_date is not None and g.target_date < date.today()),
    Column(lambda: _("Priority"), lambda g: label(g.priority)),
    Column(lambda: _("Goal"), lambda g: _first_line(g.text)),
]  # fmt: skip
STEP_COLUMNS: list[Column[Step]] = [
    Column(lambda: _("Due on"), lambda s: _date(s.due_date), _overdue),
    Column(lambda: _("Done on"), lambda s: _date(s.done_on)),
    Column(lambda: _("Responsible"), lambda s: s.responsible_name or label(s.responsible)),
    Column(lambda: _("Referral to"), lambda s: label(s.referral_target) if s.referral_target else ""),
    Column(lambda: _("Step"), lambda s: _first_line(s.text)),
]
SIGNATURE_COLUMNS: list[Column[Signature]] = [
    Column(lambda: _("Signed on"), lambda s: format_date(s.signed_on)),
    Column(lambda: _("Signed by"), lambda s: label(s.role)),
    Column(lambda: _("Name"), lambda s: s.signer_name or ""),
    Column(
        lambda: _("Explained in the language"),
        lambda s: language_name(s.explained_in_language, current_language()) if s.explained_in_language else "",
    ),
]
REVIEW_COLUMNS: list[Column[tuple[Review, int]]] = [
    Column(lambda: _("Review on"), lambda r: format_date(r[0].held_on)),
    Column(lambda: _("Goals assessed"), lambda r: format_number(r[1])),
    Column(lambda: _("Note"), lambda r: _first_line(r[0].note)),
]


PLAN_TABLES = {"plan", "need", "goal", "step", "review", "goal_assessment", "signature", "person", "case_closure"}


class PlanPanel(QWidget):
    def __init__(self, backend: Backend, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.backend = backend
        backend.watch(PLAN_TABLES, self.reload)
        self.person: Person | None = None
        self.view = PlanView()
        self.loaded = False  # writes wait until the person's plans have arrived

        self.versions = QComboBox()
        self.versions.setAccessibleName(_("Plan version"))
        self.versions.activated.connect(self._version_chosen)
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.banner = QLabel()
        self.banner.setWordWrap(True)
        self.banner.setStyleSheet(
            "QLabel { background: #fff4ce; color: #5c3c00; border: 1px solid #e0b84c; padding: 6px;"
            " font-weight: bold; }"
        )
        self.new_plan_button = QPushButton(_("New plan"))
        self.new_plan_button.clicked.connect(self.new_plan)
        self.edit_plan_button = QPushButton(_("Plan details…"))
        self.edit_plan_button.clicked.connect(self.edit_plan)
        self.activate_button = QPushButton(_("Activate"))
        self.activate_button.setToolTip(_("The plan was agreed with the client and is now in force"))
        self.activate_button.clicked.connect(self.activate)
        self.version_button = QPushButton(_("New version"))
        self.version_button.setToolTip(_("Close this version and continue with its open goals and steps"))
        self.version_button.clicked.connect(self.new_version)
        self.review_button = QPushButton(_("Review…"))
        self.review_button.clicked.connect(self.review)
        top = QHBoxLayout()
        top.addWidget(self.versions)
        for button in (self.new_plan_button, self.edit_plan_button, self.activate_button, self.version_button,
                       self.review_button):  # fmt: skip
            top.addWidget(button)
        top.addStretch(1)

        self.needs: RecordSection[Need] = RecordSection(_("Needs"), NEED_COLUMNS)
        self.add_need_button = self.needs.button(_("Add need…"), self.add_need)
        self.needs.opened.connect(self.edit_need)
        self.goals: RecordSection[Goal] = RecordSection(_("Goals"), GOAL_COLUMNS)
        self.add_goal_button = self.goals.button(_("Add goal…"), self.add_goal)
        self.goals.opened.connect(self.edit_goal)
        self.goals.selected.connect(self._goal_selected)
        self.steps: RecordSection[Step] = RecordSection(_("Steps of the selected goal"), STEP_COLUMNS)
        self.add_step_button = self.steps.button(_("Add step…"), self.add_step)
        self.done_button = self.steps.button(_("Done today"), self.step_done)
        self.steps.opened.connect(self.edit_step)
        self.steps.selected.connect(lambda _s: self._enable())
        self.reviews: RecordSection[tuple[Review, int]] = RecordSection(_("Reviews"), REVIEW_COLUMNS)
        self.signatures: RecordSection[Signature] = RecordSection(_("Signatures"), SIGNATURE_COLUMNS)
        self.sign_button = self.signatures.button(_("Record signature…"), self.add_signature)
        self.signatures.opened.connect(self.edit_signature)
        history = QSplitter()
        history.addWidget(self.reviews)
        history.addWidget(self.signatures)

        splitter = QSplitter(Qt.Orientation.Vertical)
        for section in (self.needs, self.goals, self.steps, history):
            splitter.addWidget(section)
        splitter.setSizes([140, 240, 170, 110])
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.summary)
        layout.addWidget(self.banner)
        layout.addWidget(splitter, 1)
        self.show_person(None)

    # -- loading ---------------------------------------------------------------------------------

    def show_person(self, person: Person | None, plan_id: str | None = None) -> None:
        if another_person(self.person, person):
            self.view = PlanView()
            self.loaded = False
        self.person = person
        if person is None:
            self._render()
            return
        self.backend.call(lambda db: load_plan(db, person.id, plan_id), for_person(self, person.id, self._loaded))

    def reload(self) -> None:
        if self.person is not None:
            self.show_person(self.person, self.view.plan.id if self.view.plan else None)

    def _loaded(self, view: PlanView) -> None:
        self.view = view
        self.loaded = True
        self._render()

    def _version_chosen(self, index: int) -> None:
        self.show_person(self.person, self.versions.itemData(index))

    def _render(self) -> None:
        view, plan = self.view, self.view.plan
        self.versions.clear()
        for p in view.plans:
            self.versions.addItem(
                _("Version {version} ({status})").format(version=p.version, status=label(p.status)), p.id
            )
        self.versions.setCurrentIndex(max(0, self.versions.findData(plan.id)) if plan else -1)
        self.versions.setVisible(bool(view.plans))
        if plan is None:
            self.summary.setText(_("No integration plan yet.") if self.person else "")
        else:
            parts = [_("Made on {day}").format(day=format_date(plan.created_on))]
            if plan.activated_on:
                parts.append(_("in force since {day}").format(day=format_date(plan.activated_on)))
            if plan.closed_on:
                parts.append(_("closed on {day}").format(day=format_date(plan.closed_on)))
            if plan.next_review and plan.status is not PlanStatus.CLOSED:
                parts.append(_("next review {day}").format(day=format_date(plan.next_review)))
            open_goals = sum(1 for g in view.goals if not g.status.is_final)
            parts.append(ngettext("{n} open goal", "{n} open goals", open_goals).format(n=format_number(open_goals)))
            self.summary.setText(" · ".join(parts))
        warnings = alerts(self.person, plan, date.today()) if self.person else []
        self.banner.setText("\n".join(warnings))
        self.banner.setVisible(bool(warnings))
        self.needs.set_rows(view.needs)
        self.goals.set_rows(view.goals, select_first=True)
        self.reviews.set_rows(view.reviews)
        self.signatures.set_rows(view.signatures)  # the goals' `selected` has shown their steps

    def _goal_selected(self, goal: Goal | None) -> None:
        self.steps.set_rows(self.view.steps.get(goal.id, []) if goal else [])
        self._enable()

    def _enable(self) -> None:
        plan, editable = self.view.plan, self.view.editable
        newest = plan is not None and plan.id == self.view.plans[0].id
        self.new_plan_button.setVisible(self.person is not None and self.loaded and plan is None)
        for button in (self.edit_plan_button, self.activate_button, self.version_button, self.review_button):
            button.setVisible(plan is not None)
        self.edit_plan_button.setEnabled(editable)
        self.activate_button.setEnabled(plan is not None and plan.status is PlanStatus.DRAFT)
        self.version_button.setEnabled(newest)
        self.review_button.setEnabled(editable and bool(self.view.goals))
        self.add_need_button.setEnabled(editable)
        self.add_goal_button.setEnabled(editable)
        self.sign_button.setEnabled(plan is not None)  # a closed version was signed too, perhaps late
        self.add_step_button.setEnabled(editable and self.goals.current() is not None)
        step = self.steps.current()
        self.done_button.setEnabled(editable and step is not None and step.done_on is None)

    # -- writing ---------------------------------------------------------------------------------

    # Writes go through the worker; the panel follows them through `Backend.watch`.

    def new_plan(self) -> None:
        person = self.person
        if person is None:
            return
        plan = Plan(person_id=person.id, created_on=date.today(), manager=person.manager,
                    interpreter_language=person.interpreter_language,
                    next_review=date.today() + timedelta(days=plan_dialogs.REVIEW_INTERVAL_DAYS))  # fmt: skip
        open_dialog(plan_dialogs.plan_dialog(self.backend, plan, True, self))

    def edit_plan(self) -> None:
        if self.view.plan is not None:
            open_dialog(plan_dialogs.plan_dialog(self.backend, self.view.plan, False, self))

    def activate(self) -> None:
        plan = self.view.plan
        if plan is None:
            return
        active = replace(plan, status=PlanStatus.ACTIVE, activated_on=date.today())
        self.backend.call(lambda db: db.plans.save(active))

    def new_version(self) -> None:
        plan = self.view.plan
        person = self.person
        if plan is None or person is None:
            return
        answer = QMessageBox.question(
            self, _("New plan version"),
            _("Version {version} will be closed and stays readable. Open goals and their open steps move on to "
              "version {next}. Continue?").format(version=plan.version, next=plan.version + 1),
        )  # fmt: skip
        if answer != QMessageBox.StandardButton.Yes:
            return

        self.backend.call(
            lambda db: db.plans.new_version(plan.id, date.today()), lambda new: self.show_person(person, new.id)
        )

    def review(self) -> None:
        if self.view.plan is not None:
            open_dialog(plan_dialogs.ReviewDialog(self.backend, self.view.plan, self.view.goals, self))

    def _open(self, make: Callable[..., RecordDialog], record: Any, creating: bool) -> None:
        open_dialog(make(self.backend, record, creating, self, not self.view.editable))

    def add_need(self) -> None:
        plan = self.view.plan
        if plan is not None:
            taken = {n.area for n in self.view.needs}
            area = next((a for a in LifeArea if a not in taken), LifeArea.OTHER)
            self._open(plan_dialogs.need_dialog, Need(plan_id=plan.id, area=area), True)

    def edit_need(self, need: Need) -> None:
        self._open(plan_dialogs.need_dialog, need, False)

    def add_goal(self) -> None:
        plan = self.view.plan
        if plan is not None:
            need = self.needs.current()
            area = need.area if need else LifeArea.LANGUAGE
            self._open(plan_dialogs.goal_dialog, Goal(plan_id=plan.id, area=area, text="", start_date=date.today()),
                       True)  # fmt: skip

    def edit_goal(self, goal: Goal) -> None:
        self._open(plan_dialogs.goal_dialog, goal, False)

    def add_step(self) -> None:
        goal = self.goals.current()
        if goal is not None:
            self._open(partial(plan_dialogs.step_dialog, area=goal.area), Step(goal_id=goal.id, text=""), True)

    def edit_step(self, step: Step) -> None:
        goal = next((g for g in self.view.goals if g.id == step.goal_id), None)
        self._open(partial(plan_dialogs.step_dialog, area=goal.area if goal else None), step, False)

    def add_signature(self) -> None:
        plan, person = self.view.plan, self.person
        if plan is None or person is None:
            return
        signed = {s.role for s in self.view.signatures}
        role = SignerRole.MANAGER if SignerRole.CLIENT in signed else SignerRole.CLIENT
        name = person.display_name() if role is SignerRole.CLIENT else plan.manager
        signature = Signature(plan_id=plan.id, role=role, signer_name=name, signed_on=date.today(),
                              explained_in_language=plan.interpreter_language,
                              interpreter_name=plan.interpreter_name)  # fmt: skip
        open_dialog(plan_dialogs.signature_dialog(self.backend, signature, True, self, False))

    def edit_signature(self, signature: Signature) -> None:
        open_dialog(plan_dialogs.signature_dialog(self.backend, signature, False, self, False))

    def step_done(self) -> None:
        step = self.steps.current()
        if step is not None and step.done_on is None:
            done = replace(step, done_on=date.today())
            self.backend.call(lambda db: db.steps.save(done))
