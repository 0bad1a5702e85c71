"""A caseworker's whole case in the real window: person, household, plan, sessions, review, closure, lock.

The dialogs are the program's own modal dialogs; a timer fills them in while `exec()` runs, as a user would.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta

import pytest
from driving import create_person, fill_and_save, query, through
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QMessageBox
from pytestqt.qtbot import QtBot

from integrationsplan.domain.codes import (
    ClosureReason,
    GoalStatus,
    LifeArea,
    PlanStatus,
    Relationship,
    SessionPlace,
    SignerRole,
)
from integrationsplan.ui.backend import Backend
from integrationsplan.ui.main_window import MainWindow
from integrationsplan.ui.record_form import RecordDialog, set_value_of
from integrationsplan.ui.views.closure_dialog import ClosureDialog
from integrationsplan.ui.views.household_panel import MemberDialog
from integrationsplan.ui.views.plan_dialogs import ReviewDialog
from integrationsplan.ui.views.sessions_panel import SessionDialog

Wait = Callable[[Backend], None]
TODAY = date.today()


def test_a_whole_case_from_first_visit_to_closure(
    qtbot: QtBot, window: MainWindow, opened: Backend, wait_idle: Wait, passphrase: str
) -> None:
    # A child first, then the mother, who gets the household and the plan.
    create_person(qtbot, window, wait_idle, "Haddad", "Omar")
    create_person(qtbot, window, wait_idle, "Haddad", "Rana")
    rana = window.form.person
    assert rana is not None and rana.case_number.startswith("UI-")

    window.tabs.setCurrentWidget(window.household)
    window.household.create_household()
    wait_idle(opened)

    def choose_omar(dialog: MemberDialog) -> None:
        dialog.search.setText("Omar Haddad")
        qtbot.waitUntil(lambda: dialog.results.count() > 0, timeout=10_000)
        dialog.relationship.set_value(Relationship.CHILD)
        dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok).click()

    through(qtbot, opened, MemberDialog, choose_omar, lambda: window.household.add_member())
    members = {(m.person.given_names, m.membership.relationship) for m in window.household.view.members}
    assert members == {("Rana", Relationship.REFERENCE_PERSON), ("Omar", Relationship.CHILD)}

    # The plan: made, three goals with a step each, activated.
    window.tabs.setCurrentWidget(window.plan)
    wait_idle(opened)
    assert window.plan.new_plan_button.isVisible()
    through(
        qtbot,
        opened,
        RecordDialog,
        fill_and_save(qtbot, {"next_review": TODAY + timedelta(days=60)}),
        lambda: window.plan.new_plan(),
    )
    assert window.plan.view.plan is not None and window.plan.view.plan.status is PlanStatus.DRAFT

    through(qtbot, opened, RecordDialog, fill_and_save(qtbot, {
        "area": LifeArea.LANGUAGE, "client_view": "Ich möchte mit der Lehrerin sprechen können.",
    }), lambda: window.plan.add_need())  # fmt: skip
    goals = [
        (LifeArea.LANGUAGE, "Bis Juni B1-Prüfung bestehen", "Integrationskurs bei der VHS anmelden"),
        (LifeArea.WORK, "Bis Herbst eine Teilzeitstelle in der Pflege finden", "Lebenslauf schreiben"),
        (LifeArea.HOUSING, "Eine Wohnung mit drei Zimmern finden", "Wohnberechtigungsschein beantragen"),
    ]
    for area, goal_text, step_text in goals:
        through(qtbot, opened, RecordDialog, fill_and_save(qtbot, {
            "area": area, "text": goal_text, "target_date": TODAY + timedelta(days=200),
        }), lambda: window.plan.add_goal())  # fmt: skip
        row = next(i for i, g in enumerate(window.plan.view.goals) if g.text == goal_text)
        window.plan.goals.select(row)
        through(qtbot, opened, RecordDialog, fill_and_save(qtbot, {
            "text": step_text, "due_date": TODAY + timedelta(days=30),
        }), lambda: window.plan.add_step())  # fmt: skip
    assert [g.text for g in window.plan.view.goals] == [g[1] for g in goals]
    assert all(len(steps) == 1 for steps in window.plan.view.steps.values())
    assert window.plan.steps.model.rowCount() == 1  # the steps of the selected goal are listed

    window.plan.activate_button.click()
    wait_idle(opened)
    assert window.plan.view.plan is not None and window.plan.view.plan.status is PlanStatus.ACTIVE

    # Both sign: the dialog proposes the client first, then the manager.
    for place in ("Hausbesuch Heilbronn", "Büro"):
        through(
            qtbot, opened, RecordDialog, fill_and_save(qtbot, {"place": place}), lambda: window.plan.sign_button.click()
        )
    assert [(s.role, s.signer_name, s.place) for s in window.plan.view.signatures] == [
        (SignerRole.CLIENT, "Haddad, Rana", "Hausbesuch Heilbronn"),
        (SignerRole.MANAGER, None, "Büro"),
    ]

    # Two sessions: one still open, one finalised at once; the finalised one only takes an addendum.
    window.tabs.setCurrentWidget(window.sessions)
    wait_idle(opened)
    language_goal = window.plan.view.goals[0]
    for minutes, note, final in ((45, "Erstgespräch zu Hause, Ziele besprochen.", False),
                                 (30, "Anmeldung zum Kurs ausgefüllt.", True)):  # fmt: skip

        def fill(dialog: SessionDialog, minutes: int = minutes, note: str = note, final: bool = final) -> None:
            for name, value in (("duration_minutes", minutes), ("note", note), ("place", SessionPlace.HOME_VISIT),
                                ("topics", (LifeArea.LANGUAGE, LifeArea.WORK))):  # fmt: skip
                set_value_of(dialog.form.widgets[name], value)
            set_value_of(dialog.goals, (language_goal.id,))
            dialog.finalise.setChecked(final)
            dialog.buttons.button(QDialogButtonBox.StandardButton.Save).click()
            qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=10_000)

        through(qtbot, opened, SessionDialog, fill, lambda: window.new_session_action.trigger())
    rows = window.sessions.view.rows
    assert len(rows) == 2 and sorted(r.session.is_final for r in rows) == [False, True]
    assert all(r.goal_ids == (language_goal.id,) for r in rows)
    final_row = next(r for r in rows if r.session.is_final)

    def add_addendum(dialog: SessionDialog) -> None:
        assert dialog.form.widgets["note"].isReadOnly()  # type: ignore[attr-defined]
        dialog.addendum.setPlainText("Kurs beginnt erst im Februar.")
        dialog.buttons.buttons()[0].click()
        qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=10_000)

    through(qtbot, opened, SessionDialog, add_addendum, lambda: window.sessions.open_session(final_row))
    final_row = next(r for r in window.sessions.view.rows if r.session.is_final)
    assert [a.text for a in final_row.addenda] == ["Kurs beginnt erst im Februar."]

    # A review: the language goal achieved, the housing goal dropped with a reason, a new review date.
    window.tabs.setCurrentWidget(window.plan)
    wait_idle(opened)

    def review(dialog: ReviewDialog) -> None:
        by_text = {a.goal.text: a for a in dialog.assessing}
        by_text[goals[0][1]].outcome.setPlainText("B1 bestanden.")
        by_text[goals[0][1]].status.set_value(GoalStatus.ACHIEVED)
        by_text[goals[2][1]].outcome.setPlainText("Familie zieht zu Verwandten.")
        by_text[goals[2][1]].status.set_value(GoalStatus.DROPPED)
        dialog.next_review.set_value(TODAY + timedelta(days=90))
        dialog.buttons.button(QDialogButtonBox.StandardButton.Save).click()
        qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=10_000)

    through(qtbot, opened, ReviewDialog, review, lambda: window.plan.review_button.click())
    status = {g.text: (g.status, g.status_reason) for g in window.plan.view.goals}
    assert status[goals[0][1]][0] is GoalStatus.ACHIEVED
    assert status[goals[1][1]][0] is GoalStatus.OPEN
    assert status[goals[2][1]] == (GoalStatus.DROPPED, "Familie zieht zu Verwandten.")
    assert window.plan.view.plan is not None and window.plan.view.plan.next_review == TODAY + timedelta(days=90)
    assert [count for _review, count in window.plan.view.reviews] == [2]

    # The case closes; the list of active cases no longer shows Rana.
    def close(dialog: ClosureDialog) -> None:
        dialog.reason.set_value(ClosureReason.GOALS_ACHIEVED)
        dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok).click()
        qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=10_000)

    through(qtbot, opened, ClosureDialog, close, lambda: window.close_case())
    closures = query(opened, qtbot, lambda db: db.closures.where(person_id=rana.id))
    assert [c.reason for c in closures] == [ClosureReason.GOALS_ACHIEVED]

    # Lock and unlock: nothing shown while locked, the case still there afterwards.
    window.lock()
    wait_idle(opened)
    assert window.locked and not window.workspace.isVisible()
    window.lock_screen.passphrase.setText(passphrase)
    window.lock_screen.button.click()
    qtbot.waitUntil(lambda: not window.locked, timeout=20_000)
    wait_idle(opened)
    assert window.workspace.isVisible()
    sessions = query(opened, qtbot, lambda db: db.sessions.where(person_id=rana.id))
    assert len(sessions) == 2


def test_a_refused_goal_stays_in_its_dialog_with_the_reason(
    qtbot: QtBot, window: MainWindow, opened: Backend, wait_idle: Wait
) -> None:
    create_person(qtbot, window, wait_idle, "Yilmaz", "Elif")
    through(qtbot, opened, RecordDialog, fill_and_save(qtbot, {}), lambda: window.plan.new_plan())

    def refuse_then_fix(dialog: RecordDialog) -> None:
        set_value_of(dialog.form.widgets["text"], "Führerschein machen")
        set_value_of(dialog.form.widgets["status"], GoalStatus.DROPPED)
        assert dialog.form.widgets["status_date"].value() == TODAY  # type: ignore[attr-defined]
        dialog.buttons.button(QDialogButtonBox.StandardButton.Save).click()
        qtbot.waitUntil(lambda: dialog.form.message.isVisible(), timeout=10_000)
        assert "Grund" in dialog.form.message.text() or "warum" in dialog.form.message.text()
        assert dialog.isVisible()
        set_value_of(dialog.form.widgets["status_reason"], "Kein Geld für die Fahrstunden.")
        dialog.buttons.button(QDialogButtonBox.StandardButton.Save).click()
        qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=10_000)

    through(qtbot, opened, RecordDialog, refuse_then_fix, lambda: window.plan.add_goal())
    assert [(g.status, g.status_reason) for g in window.plan.view.goals] == [
        (GoalStatus.DROPPED, "Kein Geld für die Fahrstunden.")
    ]


def test_a_new_version_carries_open_goals_and_the_old_one_is_read_only(
    qtbot: QtBot, window: MainWindow, opened: Backend, wait_idle: Wait, monkeypatch: pytest.MonkeyPatch
) -> None:
    create_person(qtbot, window, wait_idle, "Bakr", "Samira")
    through(qtbot, opened, RecordDialog, fill_and_save(qtbot, {}), lambda: window.plan.new_plan())
    for text in ("Deutschkurs abschließen", "Kita-Platz finden"):
        through(qtbot, opened, RecordDialog, fill_and_save(qtbot, {"text": text}), lambda: window.plan.add_goal())
    first = window.plan.view.plan
    assert first is not None
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    window.plan.version_button.click()
    wait_idle(opened)
    second = window.plan.view.plan
    assert second is not None and second.version == 2 and second.status is PlanStatus.DRAFT
    assert [g.text for g in window.plan.view.goals] == ["Deutschkurs abschließen", "Kita-Platz finden"]

    window.plan.show_person(window.plan.person, first.id)
    wait_idle(opened)
    assert window.plan.view.plan is not None and window.plan.view.plan.status is PlanStatus.CLOSED
    assert not window.plan.add_goal_button.isEnabled() and not window.plan.review_button.isEnabled()

    def read_only(dialog: RecordDialog) -> None:
        assert dialog.form.widgets["text"].isReadOnly()  # type: ignore[attr-defined]
        assert dialog.buttons.button(QDialogButtonBox.StandardButton.Save) is None
        dialog.done(QDialog.DialogCode.Rejected)

    through(qtbot, opened, RecordDialog, read_only, lambda: window.plan.edit_goal(window.plan.view.goals[0]))


def test_locking_covers_an_open_dialog_and_keeps_what_was_typed(
    qtbot: QtBot, window: MainWindow, opened: Backend, wait_idle: Wait, passphrase: str
) -> None:
    create_person(qtbot, window, wait_idle, "Nasser", "Dina")
    through(qtbot, opened, RecordDialog, fill_and_save(qtbot, {}), lambda: window.plan.new_plan())

    def typed_then_locked(dialog: RecordDialog) -> None:
        set_value_of(dialog.form.widgets["text"], "Eine Ausbildung als Pflegefachfrau beginnen")
        window.lock()  # what the idle timer does after the set minutes
        wait_idle(opened)
        cover = window.covers[0]
        assert cover.isVisible() and cover.geometry() == dialog.rect()
        assert not dialog.form.isEnabled() and not dialog.buttons.isEnabled()
        assert window.locked and dialog.isVisible()
        cover.lock_screen.passphrase.setText("falsch")
        cover.lock_screen.button.click()
        qtbot.waitUntil(lambda: bool(cover.lock_screen.message.text()), timeout=20_000)
        assert window.locked
        cover.lock_screen.passphrase.setText(passphrase)
        cover.lock_screen.button.click()
        qtbot.waitUntil(lambda: not window.locked, timeout=20_000)
        assert window.covers == [] and dialog.form.isEnabled()
        assert dialog.form.record().text == "Eine Ausbildung als Pflegefachfrau beginnen"
        dialog.buttons.button(QDialogButtonBox.StandardButton.Save).click()
        qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=10_000)

    through(qtbot, opened, RecordDialog, typed_then_locked, lambda: window.plan.add_goal())
    assert [g.text for g in window.plan.view.goals] == ["Eine Ausbildung als Pflegefachfrau beginnen"]
