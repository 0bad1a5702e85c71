"""The household of the person shown: who lives together, how they are related, joining and leaving."""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from integrationsplan.domain.codes import Relationship
from integrationsplan.domain.household import Household, HouseholdMember
from integrationsplan.domain.person import Person
from integrationsplan.i18n import _
from integrationsplan.labels import label
from integrationsplan.storage import Database
from integrationsplan.ui.backend import Backend, for_person
from integrationsplan.ui.fields import CodeField
from integrationsplan.ui.record_form import open_dialog
from integrationsplan.ui.text_direction import AutoDirectionDelegate

SEARCH_LIMIT = 30


@dataclass(frozen=True)
class Member:
    membership: HouseholdMember
    person: Person


@dataclass(frozen=True)
class HouseholdView:
    household: Household | None
    members: list[Member]


def load_household(db: Database, person_id: str) -> HouseholdView:
    """The household the person currently lives in (joined last), with its current members."""
    current = [m for m in db.members.where(person_id=person_id) if m.left_on is None]
    if not current:
        return HouseholdView(None, [])
    membership = max(current, key=lambda m: m.joined_on or date.min)
    members = [m for m in db.members.where(household_id=membership.household_id) if m.left_on is None]
    return HouseholdView(
        db.households.get(membership.household_id), [Member(m, db.persons.get(m.person_id)) for m in members]
    )


HOUSEHOLD_TABLES = {"household", "household_member", "person"}


class HouseholdPanel(QWidget):
    def __init__(self, backend: Backend, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.backend = backend
        backend.watch(HOUSEHOLD_TABLES, lambda: self.show_person(self.person) if self.person else None)
        self.person: Person | None = None
        self.loaded = False
        self.view = HouseholdView(None, [])
        self.title = QLabel()
        self.table = QTableWidget(0, 3)
        self.table.setHorizontalHeaderLabels([_("Name"), _("Relationship"), _("Day care or school")])
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        self.table.verticalHeader().setVisible(False)
        self.table.setAccessibleName(_("Household members"))
        self.table.setItemDelegate(AutoDirectionDelegate(self.table))
        self.create_button = QPushButton(_("New household"))
        self.create_button.clicked.connect(self.create_household)
        self.add_button = QPushButton(_("Add member…"))
        self.add_button.clicked.connect(self.add_member)
        self.leave_button = QPushButton(_("Moved out"))
        self.leave_button.clicked.connect(self.leave)
        buttons = QHBoxLayout()
        for button in (self.create_button, self.add_button, self.leave_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)
        self.show_person(None)

    def show_person(self, person: Person | None) -> None:
        self.loaded = False
        self.person = person
        self.view = HouseholdView(None, [])
        self._render()
        if person is not None:
            self.backend.call(lambda db: load_household(db, person.id), for_person(self, person.id, self._loaded))

    def _loaded(self, view: HouseholdView) -> None:
        self.view = view
        self.loaded = True
        self._render()

    def _render(self) -> None:
        household = self.view.household
        self.title.setText(
            _("Household: {label}").format(label=household.label or "–") if household else _("No household yet.")
        )
        self.table.setRowCount(len(self.view.members))
        for row, member in enumerate(self.view.members):
            relation = member.membership.relationship
            cells = (
                member.person.display_name(),
                label(relation) if relation else "",
                member.membership.childcare_or_school or "",
            )
            for column, text in enumerate(cells):
                self.table.setItem(row, column, QTableWidgetItem(text))
        has_person = self.person is not None and self.loaded
        self.create_button.setEnabled(has_person and household is None)
        self.add_button.setEnabled(household is not None)
        self.leave_button.setEnabled(household is not None)

    def _write(self, job: object) -> None:
        if self.person is not None:
            self.backend.call(job)  # type: ignore[arg-type]  # the panel follows through `watch`

    def create_household(self) -> None:
        person = self.person
        if person is None:
            return

        def job(db: Database) -> None:
            with db.write():
                household = db.households.add(Household(label=person.family_name or person.family_name_latin))
                reference = Relationship.REFERENCE_PERSON
                db.members.add(
                    HouseholdMember(household_id=household.id, person_id=person.id, relationship=reference,
                                    joined_on=date.today())
                )  # fmt: skip

        self._write(job)

    def add_member(self) -> None:
        dialog = MemberDialog(self.backend, self)
        if open_dialog(dialog) and dialog.chosen is not None:
            self.join(dialog.chosen, dialog.relationship.value())

    def join(self, person: Person, relationship: Relationship | None) -> None:
        """`person` moves into the household shown, as of today."""
        household = self.view.household
        if household is None:
            return
        membership = HouseholdMember(household_id=household.id, person_id=person.id,
                                     relationship=relationship, joined_on=date.today())  # fmt: skip
        self._write(lambda db: db.members.add(membership))

    def leave(self) -> None:
        """The selected member (or the person shown) no longer lives in the household."""
        rows = {index.row() for index in self.table.selectedIndexes()}
        members = [self.view.members[r] for r in rows] or [
            m for m in self.view.members if self.person and m.person.id == self.person.id
        ]
        if not members:
            return
        memberships = [replace(m.membership, left_on=date.today()) for m in members]

        def job(db: Database) -> None:
            with db.write():
                for membership in memberships:
                    db.members.save(membership)

        self._write(job)


class MemberDialog(QDialog):
    """Find the person who joins the household, and how they are related."""

    def __init__(self, backend: Backend, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.backend = backend
        self.chosen: Person | None = None
        self.setWindowTitle(_("Add household member"))
        self.search = QLineEdit()
        self.search.setPlaceholderText(_("Name or case number"))
        self.search.setAccessibleName(_("Search"))
        self.results = QListWidget()
        self.results.setAccessibleName(_("Persons"))
        self.relationship = CodeField(Relationship)
        self.relationship.setAccessibleName(_("Relationship"))
        self._timer = QTimer(self, singleShot=True, interval=150)
        self._timer.timeout.connect(self._find)
        self.search.textChanged.connect(self._timer.start)
        form = QFormLayout()
        form.addRow(_("Person:"), self.search)
        form.addRow("", self.results)
        form.addRow(_("Relationship:"), self.relationship)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self._accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(buttons)

    def _find(self) -> None:
        text = self.search.text()
        self.backend.call(lambda db: db.persons.search(text, limit=SEARCH_LIMIT), self._show)

    def _show(self, persons: list[Person]) -> None:
        self.results.clear()
        for person in persons:
            item = QListWidgetItem(f"{person.case_number} · {person.display_name()}")
            item.setData(Qt.ItemDataRole.UserRole, person)
            self.results.addItem(item)
        if persons:
            self.results.setCurrentRow(0)

    def _accept(self) -> None:
        if self.results.currentRow() < 0:
            return
        self.chosen = self.results.currentItem().data(Qt.ItemDataRole.UserRole)
        self.accept()
