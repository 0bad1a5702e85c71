"""A demo person's records besides the plan: residence titles, consents and resources."""

from __future__ import annotations

from datetime import date

from integrationsplan.demo.context import Case, Member, Writer
from integrationsplan.demo.dice import DAY
from integrationsplan.demo.words import person_texts
from integrationsplan.domain.codes import Activity, Benefit, ConsentForm, ConsentKind, LanguageLevel, ResidenceKind
from integrationsplan.domain.consent import Consent
from integrationsplan.domain.person import Person, ResidenceStatus, Resources
from integrationsplan.domain.rules import add_years

TEMPORARY_PROTECTION = "§ 24 AufenthG"


class PersonRecords(Writer):
    """Writes a member's residence titles, consents and resources."""

    def residence(self, p: Person, born: date, kind: ResidenceKind, basis: str | None, hh: Case) -> None:
        base = p.entry_date or max(born, hh.start - 200 * DAY)
        valid_from = self.day(base, min(base + 365 * DAY, self.today))
        until: date | None = None
        if kind is ResidenceKind.RESIDENCE_PERMIT:
            temporary = basis == TEMPORARY_PROTECTION
            until = date(2027, 3, 4) if temporary else add_years(valid_from, self.rng.randint(1, 3))
        elif kind in (ResidenceKind.TOLERATION, ResidenceKind.PERMISSION_TO_STAY):
            until = valid_from + self.rng.randint(90, 180) * DAY
        elif kind in (ResidenceKind.TRAINING_TOLERATION, ResidenceKind.EMPLOYMENT_TOLERATION):
            until = add_years(valid_from, 2)
        if until is not None and until < valid_from:
            until = None
        permit = kind is ResidenceKind.RESIDENCE_PERMIT
        asylum_first = basis != TEMPORARY_PROTECTION and kind is not ResidenceKind.PERMISSION_TO_STAY
        if asylum_first and (valid_from - base).days > 30 and self.chance(0.4):
            self.db.residence.add(ResidenceStatus(
                person_id=p.id, kind=ResidenceKind.PERMISSION_TO_STAY, legal_basis="§ 55 AsylG",
                valid_from=base, valid_until=valid_from - DAY,
            ))  # fmt: skip
        self.db.residence.add(ResidenceStatus(
            person_id=p.id, kind=kind, legal_basis=basis, valid_from=valid_from, valid_until=until,
            residence_obligation=hh.place if permit and self.chance(0.25) else None,
            note=self.pick(person_texts.RESIDENCE_NOTES) if self.chance(0.1) else None,
        ))  # fmt: skip

    def consents(self, m: Member, hh: Case, age: int) -> bool:
        """Add the member's consents; returns whether a consent for special categories was given."""
        p, add = m.person, self.db.consents.add
        language = p.languages[0] if p.languages and p.languages[0] in person_texts.CONSENT_LANGUAGES else "de"
        if self.chance(0.97):
            form = self.weighted(person_texts.CONSENT_FORMS)
            add(Consent(
                person_id=p.id, kind=ConsentKind.DATA_PROCESSING, given_on=hh.start, form=form,
                purposes=person_texts.PROCESSING_PURPOSES, text_language=language,
                text_version=self.pick(person_texts.CONSENT_VERSIONS),
                witness=self.pick(person_texts.WITNESSES) if form is ConsentForm.ORAL_WITH_WITNESS else None,
            ))  # fmt: skip
        if age < 18:
            return False
        if self.chance(0.3):
            given = self.day(hh.start, hh.end)
            add(Consent(
                person_id=p.id, kind=ConsentKind.SECRECY_RELEASE, given_on=given, form=ConsentForm.WRITTEN,
                purposes="Abstimmung im Einzelfall",
                recipients=self.pick(person_texts.RECIPIENTS).format(**hh.texts()),
                text_language=language, valid_until=add_years(given, 1) if self.chance(0.4) else None,
                withdrawn_on=self.day(given, hh.end) if self.chance(0.08) else None,
            ))  # fmt: skip
        if hh.start <= self.latest and self.chance(0.2):
            add(Consent(
                person_id=p.id, kind=ConsentKind.SPECIAL_CATEGORIES, form=ConsentForm.WRITTEN,
                given_on=self.day(hh.start, min(hh.end, self.latest)), text_language=language,
                purposes="Gesundheitliche Situation dokumentieren, soweit für die Beratung nötig",
            ))  # fmt: skip
            return True
        return False

    def resources(self, m: Member, age: int, special: bool, kind: ResidenceKind, hh: Case) -> None:
        months = (self.today - (m.person.entry_date or hh.start)).days / 30
        index = max(0, min(5, int(months / 9 + self.rng.gauss(0, 1) - (2 if age >= 60 else 0))))
        level = LanguageLevel.NATIVE if m.german else list(LanguageLevel)[index]
        if age < 18:
            activity = Activity.SCHOOL
        elif age >= 65:
            activity = Activity.RETIRED
        elif level in (LanguageLevel.NONE, LanguageLevel.A1) and self.chance(0.6):
            activity = Activity.LANGUAGE_COURSE
        else:
            activity = self.weighted(person_texts.ACTIVITIES)
        if activity in (Activity.EMPLOYED, Activity.SELF_EMPLOYED) and self.chance(0.5):
            benefit = Benefit.NONE
        elif kind in (ResidenceKind.PERMISSION_TO_STAY, ResidenceKind.TOLERATION):
            benefit = Benefit.ASYLBLG
        else:
            benefit = Benefit.SGB_XII if activity is Activity.RETIRED else Benefit.SGB_II
        certificate = person_texts.CERTIFICATE_FOR.get(level) if self.chance(0.5) else None
        training = self.pick(person_texts.TRAINING) if self.chance(0.25) else None
        studies = self.pick(person_texts.STUDIES) if self.chance(0.12) else None
        maybe = self.chance
        self.db.resources.add(Resources(
            person_id=m.person.id, german_level=level if maybe(0.9) else None, german_certificate=certificate,
            german_course=self.pick(person_texts.COURSES) if maybe(0.5) else None,
            schooling_years=self.rng.randint(0, 16) if maybe(0.6) else None,
            school_qualification=self.pick(person_texts.QUALIFICATIONS) if maybe(0.5) else None,
            vocational_training=training, studies=studies,
            recognition=self.pick(person_texts.RECOGNITION) if (training or studies) and maybe(0.5) else None,
            work_experience=self.pick(person_texts.WORK_EXPERIENCE) if age >= 18 and maybe(0.5) else None,
            activity=activity if maybe(0.95) else None, benefit=benefit if maybe(0.9) else Benefit.NOT_STATED,
            health=self.pick(person_texts.HEALTH) if special and maybe(0.7) else None,
            disability=self.pick(person_texts.DISABILITY) if special and maybe(0.2) else None,
        ))  # fmt: skip
