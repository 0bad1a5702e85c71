"""The situation tab: residence titles, what the person brings (resources) and the consents they gave."""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import date, timedelta

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from integrationsplan.domain.codes import (
    Activity,
    Benefit,
    ConsentForm,
    ConsentKind,
    LanguageLevel,
    ResidenceKind,
)
from integrationsplan.domain.consent import SHEET_VERSION, Consent, standing_withdrawal
from integrationsplan.domain.person import Person, ResidenceStatus, Resources
from integrationsplan.i18n import _, format_date
from integrationsplan.labels import label
from integrationsplan.storage import Database
from integrationsplan.ui.backend import Backend, another_person, for_person
from integrationsplan.ui.fields import CodeField, DateField, error_label
from integrationsplan.ui.models.records import Column
from integrationsplan.ui.record_form import NumberField, RecordDialog, Rows, open_dialog, saver
from integrationsplan.ui.views.record_section import RecordSection

SITUATION_TABLES = {"residence_status", "resources", "consent"}
EXPIRY_WARNING_DAYS = 60


@dataclass(frozen=True)
class Situation:
    residence: list[ResidenceStatus] = field(default_factory=list)
    resources: Resources | None = None
    consents: list[Consent] = field(default_factory=list)


def load_situation(db: Database, person_id: str) -> Situation:
    titles = db.residence.where(person_id=person_id)
    titles.sort(key=lambda t: t.valid_from or date.min, reverse=True)
    resources = db.resources.where(person_id=person_id)
    return Situation(titles, resources[0] if resources else None,
                     db.consents.where(person_id=person_id, order_by="given_on DESC"))  # fmt: skip


def _date(day: date | None) -> str:
    return format_date(day) if day else ""


def _expiring(title: ResidenceStatus) -> bool:
    return title.valid_until is not None and title.valid_until <= date.today() + timedelta(days=EXPIRY_WARNING_DAYS)


def _consent_state(consent: Consent) -> str:
    if consent.withdrawn_on is not None:
        return _("withdrawn on {day}").format(day=format_date(consent.withdrawn_on))
    if consent.is_valid_on(date.today()):
        return _("valid")
    return _("expired")


RESIDENCE_COLUMNS: list[Column[ResidenceStatus]] = [
    Column(lambda: _("Residence title"), lambda t: label(t.kind)),
    Column(lambda: _("Legal basis"), lambda t: t.legal_basis or ""),
    Column(lambda: _("Valid from"), lambda t: _date(t.valid_from)),
    Column(lambda: _("Valid until"), lambda t: _date(t.valid_until), _expiring),
    Column(lambda: _("Residence obligation"), lambda t: t.residence_obligation or ""),
]
CONSENT_COLUMNS: list[Column[Consent]] = [
    Column(lambda: _("Consent"), lambda c: label(c.kind)),
    Column(lambda: _("Given on"), lambda c: format_date(c.given_on)),
    Column(lambda: _("Form"), lambda c: label(c.form)),
    Column(lambda: _("Valid until"), lambda c: _date(c.valid_until)),
    Column(lambda: _("State"), _consent_state, lambda c: not c.is_valid_on(date.today())),
]


def residence_dialog(backend: Backend, title: ResidenceStatus, creating: bool, parent: QWidget) -> RecordDialog:
    basis = QLineEdit()
    basis.setPlaceholderText(_("e.g. § 25 Abs. 2 AufenthG"))
    rows: Rows = [
        ("kind", _("Residence title"), CodeField(ResidenceKind, optional=False)),
        ("legal_basis", _("Legal basis"), basis),
        ("valid_from", _("Valid from"), DateField()),
        ("valid_until", _("Valid until"), DateField()),
        ("residence_obligation", _("Residence obligation"), QLineEdit()),
        ("note", _("Note"), QPlainTextEdit()),
    ]
    return RecordDialog(backend, _("Residence title"), rows, title,
                        saver("residence", creating), parent)  # fmt: skip


def resources_dialog(backend: Backend, resources: Resources, creating: bool, parent: QWidget) -> RecordDialog:
    rows: Rows = [
        ("german_level", _("German"), CodeField(LanguageLevel)),
        ("german_course", _("German course"), QLineEdit()),
        ("german_certificate", _("German certificate"), QLineEdit()),
        ("schooling_years", _("Years of schooling"), NumberField(30)),
        ("school_qualification", _("School qualification"), QLineEdit()),
        ("vocational_training", _("Vocational training"), QPlainTextEdit()),
        ("studies", _("Studies"), QPlainTextEdit()),
        ("recognition", _("Recognition of qualifications"), QPlainTextEdit()),
        ("work_experience", _("Work experience"), QPlainTextEdit()),
        ("activity", _("Current activity"), CodeField(Activity)),
        ("benefit", _("Benefits"), CodeField(Benefit)),
        ("health", _("Health (only with consent)"), QPlainTextEdit()),
        ("disability", _("Disability (only with consent)"), QPlainTextEdit()),
    ]
    return RecordDialog(backend, _("Resources"), rows, resources,
                        saver("resources", creating), parent)  # fmt: skip


def consent_dialog(backend: Backend, consent: Consent, creating: bool, parent: QWidget) -> RecordDialog:
    rows: Rows = [
        ("kind", _("Consent"), CodeField(ConsentKind, optional=False)),
        ("given_on", _("Given on"), DateField(optional=False)),
        ("form", _("Form"), CodeField(ConsentForm, optional=False)),
        ("purposes", _("Purposes"), QPlainTextEdit()),
        ("recipients", _("Recipients"), QPlainTextEdit()),
        ("text_language", _("Language of the consent text"), QLineEdit()),
        ("text_version", _("Version of the consent text"), QLineEdit()),
        ("witness", _("Witness"), QLineEdit()),
        ("valid_until", _("Valid until"), DateField()),
        ("withdrawn_on", _("Withdrawn on"), DateField()),
    ]
    return RecordDialog(backend, _("Consent"), rows, consent,
                        saver("consents", creating), parent)  # fmt: skip


def resources_summary(resources: Resources | None) -> str:
    if resources is None:
        return _("Nothing recorded yet.")
    parts = [
        _("German: {level}").format(level=label(resources.german_level)) if resources.german_level else "",
        label(resources.activity) if resources.activity else "",
        _("Benefits: {benefit}").format(benefit=label(resources.benefit)) if resources.benefit else "",
        _("{years} years of schooling").format(years=resources.schooling_years)
        if resources.schooling_years is not None
        else "",
        _("Health or disability recorded") if resources.has_special_data() else "",
        _("Health data erased on {date}").format(date=format_date(resources.special_erased_on))
        if resources.special_erased_on and not resources.has_special_data()
        else "",
    ]
    return " · ".join(p for p in parts if p) or _("Nothing recorded yet.")


def withdrawal_hint(situation: Situation) -> str:
    """What a standing withdrawal of consent means for the person shown, or ""."""
    today = date.today()
    # The menu's own words: the hint follows the menu in every language.
    menu = " \u203a ".join(text.replace("&", "").rstrip(" …") for text in (_("&File"), _("Erasure &queue…")))
    if standing_withdrawal(situation.consents, ConsentKind.DATA_PROCESSING, today):
        return _("The consent to data processing is withdrawn: nothing more is recorded about this person. The case "
                 "is listed for erasure review under {menu}.").format(menu=menu)  # fmt: skip
    special = situation.resources is not None and situation.resources.has_special_data()
    if special and standing_withdrawal(situation.consents, ConsentKind.SPECIAL_CATEGORIES, today):
        return _("The consent to special categories is withdrawn: health and disability cannot be changed, and "
                 "they are listed for erasure under {menu}.").format(menu=menu)  # fmt: skip
    return ""


class SituationPanel(QWidget):
    sheet_requested = Signal()

    def __init__(self, backend: Backend, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.backend = backend
        self.person: Person | None = None
        self.situation = Situation()
        self.loaded = False  # edits wait for what is stored: resources exist once per person
        backend.watch(SITUATION_TABLES, lambda: self.show_person(self.person) if self.person else None)

        self.residence: RecordSection[ResidenceStatus] = RecordSection(_("Residence"), RESIDENCE_COLUMNS)
        self.add_residence_button = self.residence.button(_("Add residence title…"), self.add_residence)
        self.residence.opened.connect(lambda t: open_dialog(residence_dialog(self.backend, t, False, self)))

        resources_box = QGroupBox(_("Resources"))
        self.resources_text = QLabel()
        self.resources_text.setWordWrap(True)
        self.edit_resources_button = QPushButton(_("Edit resources…"))
        self.edit_resources_button.clicked.connect(self.edit_resources)
        row = QHBoxLayout(resources_box)
        row.addWidget(self.resources_text, 1)
        row.addWidget(self.edit_resources_button)

        self.consents: RecordSection[Consent] = RecordSection(_("Consents"), CONSENT_COLUMNS)
        self.add_consent_button = self.consents.button(_("Record consent…"), self.add_consent)
        self.withdraw_button = self.consents.button(_("Withdrawn today"), self.withdraw)
        # The information sheet to sign: printed by the window, which knows the organisation's settings.
        self.sheet_button = self.consents.button(_("Print information sheet…"), self.sheet_requested.emit)
        self.consents.opened.connect(lambda c: open_dialog(consent_dialog(self.backend, c, False, self)))
        self.consents.selected.connect(lambda _c: self._enable())

        self.withdrawal_hint = error_label()  # what a standing withdrawal means for this person

        layout = QVBoxLayout(self)
        layout.addWidget(self.residence, 2)
        layout.addWidget(resources_box)
        layout.addWidget(self.consents, 2)
        layout.addWidget(self.withdrawal_hint)
        self.show_person(None)

    def show_person(self, person: Person | None) -> None:
        if another_person(self.person, person):
            self.loaded = False
            self._show(Situation())
        self.person = person
        if person is not None:
            self.backend.call(lambda db: load_situation(db, person.id), for_person(self, person.id, self._loaded))

    def _loaded(self, situation: Situation) -> None:
        self.loaded = True
        self._show(situation)

    def _show(self, situation: Situation) -> None:
        self.situation = situation
        self.residence.set_rows(situation.residence)
        self.resources_text.setText(resources_summary(situation.resources) if self.person else "")
        self.consents.set_rows(situation.consents)
        self.withdrawal_hint.setText(withdrawal_hint(situation) if self.person else "")
        self.withdrawal_hint.setVisible(bool(self.withdrawal_hint.text()))
        self._enable()

    def _enable(self) -> None:
        has_person = self.person is not None and self.loaded
        for button in (self.add_residence_button, self.edit_resources_button, self.add_consent_button,
                       self.sheet_button):  # fmt: skip
            button.setEnabled(has_person)
        consent = self.consents.current()
        self.withdraw_button.setEnabled(consent is not None and consent.withdrawn_on is None)

    def add_residence(self) -> None:
        if self.person is not None:
            title = ResidenceStatus(person_id=self.person.id, kind=ResidenceKind.PERMISSION_TO_STAY)
            open_dialog(residence_dialog(self.backend, title, True, self))

    def edit_resources(self) -> None:
        if self.person is not None:
            current = self.situation.resources
            open_dialog(
                resources_dialog(self.backend, current or Resources(person_id=self.person.id), current is None, self)
            )

    def add_consent(self) -> None:
        if self.person is not None:
            consent = Consent(
                person_id=self.person.id,
                kind=ConsentKind.DATA_PROCESSING,
                given_on=date.today(),
                form=ConsentForm.WRITTEN,
                text_version=SHEET_VERSION,
            )  # the sheet the program prints
            open_dialog(consent_dialog(self.backend, consent, True, self))

    def withdraw(self) -> None:
        consent = self.consents.current()
        if consent is None or consent.withdrawn_on is not None:
            return
        answer = QMessageBox.question(
            self, _("Withdraw consent"),
            _("Record that the consent \u201c{kind}\u201d was withdrawn today?").format(kind=label(consent.kind)),
        )  # fmt: skip
        if answer == QMessageBox.StandardButton.Yes:
            withdrawn = replace(consent, withdrawn_on=date.today())
            self.backend.call(lambda db: db.consents.save(withdrawn))
