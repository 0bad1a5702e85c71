"""The sessions tab: counselling contacts of the person, quick entry during a visit, finalising and addenda."""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import date
from typing import Any

from PySide6.QtWidgets import (
    QCheckBox,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from integrationsplan.domain.codes import LifeArea, PlanStatus, SessionPlace
from integrationsplan.domain.person import Person
from integrationsplan.domain.plan import Goal
from integrationsplan.domain.session import CounsellingSession, SessionAddendum, SessionGoal
from integrationsplan.i18n import _, format_date, format_number, format_time
from integrationsplan.labels import label
from integrationsplan.storage import Database
from integrationsplan.ui.backend import Backend, another_person, for_person
from integrationsplan.ui.fields import CodeField, DateField
from integrationsplan.ui.models.records import Column
from integrationsplan.ui.record_form import Choices, CodeList, DateTimeField, NumberField, RecordDialog, open_dialog
from integrationsplan.ui.views.record_section import RecordSection


@dataclass(frozen=True)
class SessionRow:
    session: CounsellingSession
    goal_ids: tuple[str, ...] = ()
    addenda: tuple[SessionAddendum, ...] = ()

    @property
    def id(self) -> str:
        return self.session.id


@dataclass(frozen=True)
class SessionsView:
    rows: list[SessionRow] = field(default_factory=list)
    goals: list[Goal] = field(default_factory=list)  # goals a session can be linked to
    plan_id: str | None = None  # the open plan version whose goals new links go to


def load_sessions(db: Database, person_id: str) -> SessionsView:
    rows = [
        SessionRow(
            s,
            tuple(g.goal_id for g in db.session_goals.where(session_id=s.id)),
            tuple(db.addenda.where(session_id=s.id, order_by="written_on, rowid")),
        )
        for s in db.sessions.where(person_id=person_id, order_by="held_on DESC, rowid DESC")
    ]
    plan = db.plans.current(person_id)
    open_plan = plan.id if plan is not None and plan.status is not PlanStatus.CLOSED else None
    goals = db.goals.where(plan_id=open_plan) if open_plan else []
    # Goals of earlier plan versions that sessions are linked to stay choosable: editing keeps those links.
    offered = {g.id for g in goals}
    linked = [goal_id for row in rows for goal_id in row.goal_ids if goal_id not in offered]
    goals += [db.goals.get(goal_id) for goal_id in dict.fromkeys(linked)]
    return SessionsView(rows, goals, open_plan)


def _minutes(minutes: int | None) -> str:
    return format_number(minutes) if minutes else ""


def _appointment(row: SessionRow) -> str:
    moment = row.session.next_appointment
    return f"{format_date(moment.date())} {format_time(moment)}" if moment else ""


SESSION_COLUMNS: list[Column[SessionRow]] = [
    Column(lambda: _("Date"), lambda r: format_date(r.session.held_on)),
    Column(lambda: _("Place"), lambda r: label(r.session.place)),
    Column(lambda: _("Minutes"), lambda r: _minutes(r.session.duration_minutes)),
    Column(lambda: _("Topics"), lambda r: ", ".join(label(t) for t in r.session.topics)),
    Column(lambda: _("Next appointment"), _appointment),
    Column(lambda: _("Note"), lambda r: _("finalised") if r.session.is_final else _("open")),
]


def save_session(db: Database, session: CounsellingSession, goal_ids: tuple[str, ...], creating: bool) -> Any:
    """Store the session and exactly the goal links ticked."""
    with db.write():
        stored = db.sessions.add(session) if creating else db.sessions.save(session)
        linked = {g.goal_id: g for g in db.session_goals.where(session_id=session.id)}
        for goal_id, link in linked.items():
            if goal_id not in goal_ids:
                db.session_goals.delete(link.id)
        for goal_id in goal_ids:
            if goal_id not in linked:
                db.session_goals.add(SessionGoal(session_id=session.id, goal_id=goal_id))
    return stored


class SessionDialog(RecordDialog):
    """A session as the manager notes it; a finalised one is shown read-only and takes addenda."""

    def __init__(self, backend: Backend, row: SessionRow, view: SessionsView, creating: bool,
                 parent: QWidget | None = None) -> None:  # fmt: skip
        final = row.session.is_final
        rows = [
            ("held_on", _("Date"), DateField(optional=False)),
            ("duration_minutes", _("Duration"), NumberField(24 * 60, _(" min"))),
            ("place", _("Place"), CodeField(SessionPlace, optional=False)),
            ("interpreter_language", _("Interpreter language"), QLineEdit()),
            ("interpreter_name", _("Interpreter"), QLineEdit()),
            ("topics", _("Topics"), CodeList(LifeArea)),
            ("note", _("Note"), QPlainTextEdit()),
            ("next_appointment", _("Next appointment"), DateTimeField()),
        ]
        title = _("New session") if creating else _("Session on {day}").format(day=format_date(row.session.held_on))
        super().__init__(backend, title, rows, row.session, lambda db, record: None, parent, read_only=final)
        self.creating = creating
        self.goals = Choices()
        shown = [
            g for g in view.goals
            if g.id in row.goal_ids or (g.plan_id == view.plan_id and not g.status.is_final)
        ]  # fmt: skip
        self.goals.set_choices([(g.id, f"{label(g.area)}: {g.text.splitlines()[0]}") for g in shown])
        self.goals.setMaximumHeight(self.goals.sizeHintForRow(0) * 5 + 4 if shown else 40)
        self.form.add_row("goal_ids", _("Goals worked on"), self.goals, of_record=False)
        self.form.set_extra("goal_ids", row.goal_ids)
        self.goals.setEnabled(not final)
        self.finalise = QCheckBox(_("Finalise the note now (it can then only be added to)"))
        self.addendum = QPlainTextEdit()
        if final:
            self._show_addenda(row)
        else:
            self.extra.addWidget(self.finalise)
        self.resize(640, 800)

    def _show_addenda(self, row: SessionRow) -> None:
        box = QVBoxLayout()
        finalised = row.session.finalised_on
        box.addWidget(QLabel(_("Finalised on {day}.").format(day=format_date(finalised)) if finalised else ""))
        for addendum in row.addenda:
            day = format_date(addendum.written_on)
            text = QLabel(_("Addendum of {day}: {text}").format(day=day, text=addendum.text))
            text.setWordWrap(True)
            box.addWidget(text)
        self.addendum.setPlaceholderText(_("Correction or addition, dated today"))
        self.addendum.setAccessibleName(_("Addendum"))
        self.addendum.setTabChangesFocus(True)
        self.addendum.setMaximumHeight(80)
        box.addWidget(self.addendum)
        self.extra.addLayout(box)
        self.buttons.clear()
        self.buttons.addButton(_("Add addendum"), self.buttons.ButtonRole.AcceptRole)
        self.buttons.addButton(self.buttons.StandardButton.Close)

    def submit(self) -> None:
        session: CounsellingSession = self.form.record()
        if session.is_final:
            text = self.addendum.toPlainText().strip()
            addendum = SessionAddendum(session_id=session.id, written_on=date.today(), text=text)
            self.run(lambda db: db.addenda.add(addendum))
            return
        if self.finalise.isChecked():
            session = replace(session, finalised_on=date.today())
        goal_ids: tuple[str, ...] = self.form.extra("goal_ids")
        creating = self.creating
        self.run(lambda db: save_session(db, session, goal_ids, creating))

    def reject(self) -> None:
        if self.addendum.toPlainText().strip():
            self.form.edited = True
        super().reject()


SESSION_TABLES = {"counselling_session", "session_goal", "session_addendum", "plan", "goal"}


class SessionsPanel(QWidget):
    def __init__(self, backend: Backend, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.backend = backend
        backend.watch(SESSION_TABLES, lambda: self.show_person(self.person) if self.person else None)
        self.person: Person | None = None
        self.view = SessionsView()
        self.loaded = False  # a new session needs the goals it can be linked to
        self.sessions: RecordSection[SessionRow] = RecordSection(_("Counselling sessions"), SESSION_COLUMNS)
        self.new_button = self.sessions.button(_("New session…"), self.new_session)
        self.open_button = self.sessions.button(_("Open…"), self.open_current)
        self.finalise_button = self.sessions.button(_("Finalise"), self.finalise)
        self.sessions.opened.connect(self.open_session)
        self.sessions.selected.connect(lambda _r: self._enable())
        layout = QVBoxLayout(self)
        layout.addWidget(self.sessions)
        self.show_person(None)

    def show_person(self, person: Person | None) -> None:
        if another_person(self.person, person):
            self.view = SessionsView()
            self.sessions.set_rows([])
            self.loaded = False
        self.person = person
        self._enable()
        if person is not None:
            self.backend.call(lambda db: load_sessions(db, person.id), for_person(self, person.id, self._loaded))

    def _loaded(self, view: SessionsView) -> None:
        self.view = view
        self.loaded = True
        self.sessions.set_rows(view.rows)
        self._enable()

    def _enable(self) -> None:
        row = self.sessions.current()
        self.new_button.setEnabled(self.person is not None and self.loaded)
        self.open_button.setEnabled(row is not None)
        self.finalise_button.setEnabled(row is not None and not row.session.is_final)

    def _edit(self, row: SessionRow, creating: bool) -> None:
        open_dialog(SessionDialog(self.backend, row, self.view, creating, self))

    def new_session(self) -> None:
        if self.person is not None:
            self._edit(SessionRow(CounsellingSession(person_id=self.person.id, held_on=date.today())), True)

    def open_current(self) -> None:
        row = self.sessions.current()
        if row is not None:
            self.open_session(row)

    def open_session(self, row: SessionRow) -> None:
        self._edit(row, False)

    def finalise(self) -> None:
        row = self.sessions.current()
        if row is None or row.session.is_final:
            return
        answer = QMessageBox.question(
            self, _("Finalise"),
            _("After finalising, the note of {day} can no longer be changed, only added to. Finalise it?").format(
                day=format_date(row.session.held_on)),
        )  # fmt: skip
        if answer != QMessageBox.StandardButton.Yes:
            return
        final = replace(row.session, finalised_on=date.today())
        self.backend.call(lambda db: db.sessions.save(final))
