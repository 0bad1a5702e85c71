"""A counselled person, their residence status, resources and case closure."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from integrationsplan.domain import names
from integrationsplan.domain.codes import (
    Activity,
    Benefit,
    ClosureReason,
    Gender,
    LanguageLevel,
    ResidenceKind,
)
from integrationsplan.domain.errors import ValidationError
from integrationsplan.domain.rules import (
    EARLIEST_DATE,
    check_date,
    check_order,
    check_text,
    counselling_limit,
    new_id,
)
from integrationsplan.i18n import N_

_SHORT_FIELDS = (
    "family_name", "given_names", "family_name_latin", "given_names_latin", "nationality",
    "interpreter_language", "phone", "messenger", "address", "accommodation", "municipality",
    "manager",
)  # fmt: skip


@dataclass(frozen=True, slots=True, kw_only=True)
class Person:
    """Only id, case number and counselling start are required: giving personal data is voluntary."""

    id: str = field(default_factory=new_id)
    case_number: str
    counselling_start: date
    family_name: str | None = None
    given_names: str | None = None
    family_name_latin: str | None = None
    given_names_latin: str | None = None
    birth_date: date | None = None
    birth_year: int | None = None
    gender: Gender | None = None
    nationality: str | None = None
    languages: tuple[str, ...] = ()
    interpreter_needed: bool | None = None
    interpreter_language: str | None = None
    phone: str | None = None
    messenger: str | None = None
    address: str | None = None
    accommodation: str | None = None
    municipality: str | None = None
    entry_date: date | None = None
    follow_up_accommodation_date: date | None = None
    extended: bool = False
    extension_reason: str | None = None
    manager: str | None = None

    def validate(self) -> None:
        check_text(self.case_number, "case_number", required=True)
        for name in _SHORT_FIELDS:
            check_text(getattr(self, name), name)
        for code in self.languages:
            check_text(code, "languages", required=True)
        check_text(self.extension_reason, "extension_reason", multiline=True)
        for name in ("birth_date", "entry_date", "follow_up_accommodation_date", "counselling_start"):
            check_date(getattr(self, name), name)
        today = date.today()
        if self.birth_date is not None and self.birth_date > today:
            raise ValidationError(N_("The birth date lies in the future."), field="birth_date")
        if self.birth_year is not None:
            if not EARLIEST_DATE.year <= self.birth_year <= today.year:
                raise ValidationError(
                    N_("The birth year {year} is implausible."), field="birth_year", year=self.birth_year
                )
            if self.birth_date is not None and self.birth_date.year != self.birth_year:
                raise ValidationError(N_("The birth year does not match the birth date."), field="birth_year")
        check_order(
            self.birth_date, self.entry_date, "entry_date",
            N_("The entry date {later} lies before the birth date {earlier}."),
        )  # fmt: skip
        check_order(
            self.entry_date, self.follow_up_accommodation_date, "follow_up_accommodation_date",
            N_("The date of follow-up accommodation {later} lies before the entry date {earlier}."),
        )  # fmt: skip
        if self.extended and not (self.extension_reason or "").strip():
            raise ValidationError(N_("An extension to four years needs a reason."), field="extension_reason")

    @property
    def counselling_limit(self) -> date:
        return counselling_limit(self.counselling_start, self.extended)

    @property
    def effective_birth_year(self) -> int | None:
        return self.birth_date.year if self.birth_date else self.birth_year

    def display_name(self) -> str:
        """The name as written (see names.written_name); the case number when no name is known."""
        return (
            names.written_name(self.family_name, self.given_names, self.family_name_latin, self.given_names_latin)
            or self.case_number
        )


@dataclass(frozen=True, slots=True, kw_only=True)
class ResidenceStatus:
    """One residence title held by a person; the newest `valid_from` is the current one."""

    id: str = field(default_factory=new_id)
    person_id: str
    kind: ResidenceKind
    legal_basis: str | None = None  # e.g. "§ 25 Abs. 2 AufenthG", "§ 24 AufenthG"
    valid_from: date | None = None
    valid_until: date | None = None
    residence_obligation: str | None = None  # Wohnsitzauflage: the municipality, if any
    note: str | None = None

    def validate(self) -> None:
        for name in ("legal_basis", "residence_obligation"):
            check_text(getattr(self, name), name)
        check_text(self.note, "note", multiline=True)
        check_date(self.valid_from, "valid_from")
        check_order(
            self.valid_from, self.valid_until, "valid_until",
            N_("The residence title ends ({later}) before it starts ({earlier})."),
        )  # fmt: skip


@dataclass(frozen=True, slots=True, kw_only=True)
class Resources:
    """What a person brings: language, education, work and income. One record per person."""

    id: str = field(default_factory=new_id)
    person_id: str
    german_level: LanguageLevel | None = None
    german_course: str | None = None
    german_certificate: str | None = None
    schooling_years: int | None = None
    school_qualification: str | None = None
    vocational_training: str | None = None
    studies: str | None = None
    recognition: str | None = None
    work_experience: str | None = None
    activity: Activity | None = None
    benefit: Benefit | None = None
    # Art. 9 DSGVO special categories: stored only with explicit consent (checked by the repository).
    health: str | None = None
    disability: str | None = None
    special_erased_on: date | None = None  # health and disability erased after a withdrawal (retention.py)

    SPECIAL_FIELDS = ("health", "disability")
    ERASED_MARK = "special_erased_on"  # their values older than its newest setting leave the history

    def validate(self) -> None:
        for name in ("german_course", "german_certificate", "school_qualification"):
            check_text(getattr(self, name), name)
        for name in (
            "vocational_training",
            "studies",
            "recognition",
            "work_experience",
            *self.SPECIAL_FIELDS,
        ):
            check_text(getattr(self, name), name, multiline=True)
        if self.schooling_years is not None and not 0 <= self.schooling_years <= 30:
            raise ValidationError(
                N_("{years} years of schooling is implausible."), field="schooling_years",
                years=self.schooling_years,
            )  # fmt: skip

    def has_special_data(self) -> bool:
        return any((getattr(self, name) or "").strip() for name in self.SPECIAL_FIELDS)


@dataclass(frozen=True, slots=True, kw_only=True)
class CaseClosure:
    """The end of counselling for a person; removing it reopens the case."""

    id: str = field(default_factory=new_id)
    person_id: str
    closed_on: date
    reason: ClosureReason
    note: str | None = None

    def validate(self, person: Person | None = None) -> None:
        check_text(self.note, "note", multiline=True)
        check_date(self.closed_on, "closed_on")
        if person is not None:
            check_order(
                person.counselling_start, self.closed_on, "closed_on",
                N_("The case cannot close ({later}) before counselling started ({earlier})."),
            )  # fmt: skip
