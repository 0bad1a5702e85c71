"""Synthetic demo data: households with consents, plans, sessions and closures, like a caseload in BW.

Everything goes through the repositories, so it passes the validation that data entered by hand passes. The
same seed and `today` give the same names and texts; only the record ids (uuid4) differ.
"""

from __future__ import annotations

import random
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from datetime import date, datetime, time, timedelta
from typing import Any, TypeVar

from integrationsplan import demo_data as data
from integrationsplan.domain.codes import (
    Activity,
    Benefit,
    ClosureReason,
    ConsentForm,
    ConsentKind,
    Gender,
    GoalStatus,
    LanguageLevel,
    LifeArea,
    PlanStatus,
    Relationship,
    ResidenceKind,
    Responsible,
    SessionPlace,
    SignerRole,
)
from integrationsplan.domain.consent import Consent
from integrationsplan.domain.household import Household, HouseholdMember
from integrationsplan.domain.person import CaseClosure, Person, ResidenceStatus, Resources
from integrationsplan.domain.plan import Goal, GoalAssessment, Need, Plan, Review, Signature, Step
from integrationsplan.domain.rules import add_years, age_on, counselling_limit
from integrationsplan.domain.session import (
    CounsellingSession,
    Referral,
    SessionAddendum,
    SessionGoal,
    SessionParticipant,
)
from integrationsplan.storage.database import Database
from integrationsplan.storage.repository import Repository

T = TypeVar("T")
DAY = timedelta(days=1)
REF, SPOUSE, CHILD = Relationship.REFERENCE_PERSON, Relationship.SPOUSE, Relationship.CHILD
PARENT, RELATIVE = Relationship.PARENT, Relationship.OTHER_RELATIVE
UKRAINE_WAR = date(2022, 2, 24)
TEMPORARY_PROTECTION = "§ 24 AufenthG"
Versions = list[tuple[date, list["_GoalState"]]]  # (valid from, goals) per plan version


def fill(
    db: Database,
    persons: int = 200,
    seed: int = 1,
    today: date | None = None,
    progress: Callable[[int, int], None] | None = None,
) -> dict[str, int]:
    """Add `persons` synthetic persons in households, one transaction per household.

    Returns the number of records added per repository name (persons, households, plans, sessions …).
    """
    tables = {name: repo.table for name, repo in vars(db).items() if isinstance(repo, Repository)}
    before = db.counts()
    maker = _Maker(db, random.Random(seed), today or date.today())
    done = 0
    while done < persons:
        with db.write():
            done += maker.household(persons - done)
        if progress is not None:
            progress(done, persons)
    after = db.counts()
    return {name: after[table] - before[table] for name, table in tables.items()}


@dataclass
class _Member:
    person: Person
    relationship: Relationship
    birth: date  # the true birth date, even where the record keeps only the year or nothing
    german: bool = False


@dataclass
class _GoalState:
    goal: Goal
    final_on: date | None = None


@dataclass
class _Household:
    start: date
    end: date  # the closing date, or today
    closed: ClosureReason | None
    place: str
    district: str
    school: str
    manager: str
    members: list[_Member] = field(default_factory=list)

    def texts(self, **more: str) -> dict[str, str]:
        return {"place": self.place, "district": self.district, "school": self.school, **more}


class _Maker:
    def __init__(self, db: Database, rng: random.Random, today: date) -> None:
        self.db, self.rng, self.today = db, rng, today
        self.latest = min(today, date.today())  # birth dates and consents are checked against the clock
        self.count = 0

    def day(self, first: date, last: date) -> date:
        return first if last <= first else first + self.rng.randint(0, (last - first).days) * DAY

    def chance(self, p: float) -> bool:
        return self.rng.random() < p

    def pick(self, options: Sequence[T]) -> T:
        return self.rng.choice(options)

    def weighted(self, pairs: Sequence[tuple[T, int]]) -> T:
        return self.rng.choices([p[0] for p in pairs], [p[1] for p in pairs])[0]

    def digits(self, pattern: str) -> str:
        return "".join(str(self.rng.randint(0, 9)) if ch == "#" else ch for ch in pattern)

    # -- households and persons --------------------------------------------------------------------

    def household(self, room: int) -> int:
        rng, today = self.rng, self.today
        codes = list(data.ORIGINS)
        if self.count < len(data.SHOWCASE):
            code = data.SHOWCASE[self.count]
        else:
            code = rng.choices(codes, [data.ORIGINS[c].weight for c in codes])[0]
        self.count += 1
        origin, r = data.ORIGINS[code], rng.random()
        extended, closed, end = False, None, today
        if r < 0.08:  # started more than three years ago: extended to four or closed at the limit
            start = today - rng.randint(1100, 1420) * DAY
            extended = self.chance(0.5)
            if not extended:
                end, closed = counselling_limit(start, False), ClosureReason.TIME_LIMIT
        else:
            start = today - (rng.randint(1000, 1090) if r < 0.18 else rng.randint(0, 1000)) * DAY
            if (today - start).days > 90 and self.chance(0.15):
                end, closed = self.day(start + 60 * DAY, today), self.weighted(data.CLOSURE_WEIGHTS)
        place, district, postcode = self.pick(data.MUNICIPALITIES)
        school, manager = self.pick(data.SCHOOLS), self.pick(data.MANAGERS)
        hh = _Household(start, end, closed, place, district, school, manager)
        lower = start - (600 if code == "UKR" else 1500) * DAY
        if code == "UKR" and start > UKRAINE_WAR:
            lower = max(lower, UKRAINE_WAR)
        entry = self.day(lower, start)
        follow_up = self.day(entry, start) if self.chance(0.4 if code == "UKR" else 0.8) else None
        address = f"{self.pick(data.STREETS)} {rng.randint(1, 80)}{self.pick(('', '', '', 'a', 'b', '/1'))}"
        address += f", {postcode} {place}" if self.chance(0.2) else ""
        accommodation = self.pick(data.ACCOMMODATION) if self.chance(0.8) else None
        shape = self.shape(origin, code, min(room, 7))
        # Now and then a German spouse, whose family name the others may have taken.
        german = len(shape) > 1 and shape[1][0] is SPOUSE and code in ("UKR", "RUS", "SYR", "TUR")
        german = german and self.chance(0.08)
        german_family = self.pick(data.GERMAN_FAMILY)
        family = german_family if german and self.chance(0.5) else self.pick(origin.family)
        father = None
        for i, (relationship, male, age) in enumerate(shape):
            is_german = german and i == 1
            birth = min(self.day(add_years(today, -age - 1) + DAY, add_years(today, -age)), self.latest)
            own = family
            if is_german:
                own = german_family
            elif (relationship is SPOUSE and not origin.shared_name) or relationship in (PARENT, RELATIVE):
                own = self.pick(origin.family)
            elif relationship is CHILD and origin.patronymic and father is not None:
                own = (father, father)
            if is_german:
                givens = data.GERMAN_MALE if male else data.GERMAN_FEMALE
            else:
                givens = origin.male if male else origin.female
            given = self.pick(givens)
            father = given if relationship is REF and male else father
            languages = ("de",) if is_german else self.weighted(origin.languages)
            if 6 <= age < 18 and self.chance(0.5):
                languages = (*languages, "de")
            if age < 16:
                needed = None if self.chance(0.7) else False
            else:
                share = 0.2 if languages[0] == "en" else 0.9 if (today - start).days < 365 else 0.55
                needed = not is_german and self.chance(share)
            arrived = not is_german and birth <= entry
            person = Person(
                case_number=self.db.persons.next_case_number(), counselling_start=start,
                **self.names(own[0] if male else own[1], given, givens), **self.born(origin, birth),
                gender=self.gender(male, age), nationality="DEU" if is_german else code, languages=languages,
                interpreter_needed=needed, interpreter_language=languages[0] if needed else None,
                municipality=place if self.chance(0.95) else None,
                address=address if self.chance(0.9) else None, accommodation=accommodation,
                manager=hh.manager, extended=extended,
                extension_reason=self.pick(data.EXTENSION_REASONS) if extended else None,
                entry_date=entry if arrived and self.chance(0.9) else None,
                follow_up_accommodation_date=follow_up if arrived else None,
            )  # fmt: skip
            if age >= 16 and self.chance(0.85):
                ukrainian = code == "UKR" and self.chance(0.15)
                pattern = data.UKRAINIAN_PHONE if ukrainian else self.pick(data.PHONE_FORMATS)
                messenger = self.pick(data.MESSENGERS) if self.chance(0.6) else None
                person = replace(person, phone=self.digits(pattern), messenger=messenger)
            self.db.persons.add(person)
            hh.members.append(_Member(person, relationship, birth, is_german))
        self.write_household(hh, origin)
        return len(shape)

    def shape(self, origin: data.Origin, code: str, room: int) -> list[tuple[Relationship, bool, int]]:
        """(relationship, male, age) of each member, the reference person first."""
        rng, r = self.rng, self.rng.random()

        def kids(parent_age: int, count: int) -> list[tuple[Relationship, bool, int]]:
            ages = sorted((rng.randint(0, min(17, parent_age - 18)) for _ in range(count)), reverse=True)
            return [(CHILD, self.chance(0.5), age) for age in ages]

        if r < origin.singles:
            age = rng.randint(60, 84) if code == "UKR" and self.chance(0.3) else rng.randint(18, 45)
            members = [(REF, self.chance(origin.male_singles), age)]
            if age >= 60 and self.chance(0.3):
                members.append((Relationship.GRANDCHILD, self.chance(0.5), rng.randint(5, 16)))
        elif r < origin.singles + origin.single_parents:
            age = rng.randint(24, 48)
            members = [(REF, False, age), *kids(age, rng.randint(1, 4))]
            if code == "UKR" and self.chance(0.3):
                members.append((PARENT, False, age + rng.randint(20, 30)))
        else:
            age = rng.randint(24, 55)
            partner = max(18, age - rng.randint(0, 8))
            members = [(REF, True, age), (SPOUSE, False, partner)]
            members += kids(partner, self.pick((0, 1, 2, 2, 3, 3, 4, 5)))
            if self.chance(0.08):
                members.append((PARENT, self.chance(0.3), age + rng.randint(20, 30)))
            if self.chance(0.06):
                members.append((Relationship.SIBLING, self.chance(0.6), max(18, age + rng.randint(-8, 5))))
            if self.chance(0.04):
                members.append((RELATIVE, True, rng.randint(16, 25)))
        return members[:room]

    def names(self, family: data.Name, given: data.Name, givens: Sequence[data.Name]) -> dict[str, Any]:
        """The name fields in the original script and in Latin letters; sometimes partly or wholly missing."""

        def spelled(name: data.Name) -> tuple[str, str | None]:
            return name[0], self.pick(name[1]) if name[1] else None

        given_orig, given_latin = spelled(given)
        if self.chance(0.12):
            second_orig, second_latin = spelled(self.pick([g for g in givens if g != given]))
            given_orig += " " + second_orig
            given_latin = f"{given_latin} {second_latin}" if given_latin and second_latin else given_latin
        family_orig, family_latin = spelled(family)
        fields = {"family_name": family_orig, "given_names": given_orig, "family_name_latin": family_latin,
                  "given_names_latin": given_latin}  # fmt: skip
        r = self.rng.random()
        if r < 0.02:  # giving a name is voluntary too
            return dict.fromkeys(fields)
        if r < 0.06 and family_latin:
            fields.update(family_name=None, given_names=None)
        elif r < 0.10:
            fields.update(family_name=None, family_name_latin=None)
        return fields

    def born(self, origin: data.Origin, birth: date) -> dict[str, Any]:
        r = self.rng.random()
        if r < 0.6:  # an unknown day of birth is often registered as 1 January
            unknown_day = self.chance(origin.january_first)
            return {"birth_date": birth.replace(month=1, day=1) if unknown_day else birth}
        return {"birth_year": birth.year} if r < 0.85 else {}

    def gender(self, male: bool, age: int) -> Gender | None:
        r = self.rng.random()
        if r < 0.015 and age >= 16:
            return Gender.DIVERSE
        if r < 0.075:
            return Gender.NOT_STATED if r < 0.045 else None
        return Gender.MALE if male else Gender.FEMALE

    def write_household(self, hh: _Household, origin: data.Origin) -> None:
        db, ref = self.db, hh.members[0].person
        note = self.pick(data.HOUSEHOLD_NOTES) if self.chance(0.15) else None
        household = db.households.add(Household(label=ref.family_name_latin or ref.family_name, note=note))
        kind, basis, _ = self.weighted([(entry, entry[2]) for entry in origin.residence])
        holders = []
        for m in hh.members:
            p, age = m.person, age_on(m.birth, None, self.today) or 0
            school = None
            if m.relationship in (CHILD, Relationship.GRANDCHILD) and 1 <= age < 18 and self.chance(0.8):
                school = hh.school if 6 <= age < 10 else self.pick(data.KITAS if age < 6 else data.SECONDARY)
            joined = max(hh.start, m.birth) if self.chance(0.7) else None
            moved_out = joined and age >= 18 and m.relationship is not REF and self.chance(0.04)
            db.members.add(HouseholdMember(
                household_id=household.id, person_id=p.id, relationship=m.relationship,
                childcare_or_school=school, joined_on=joined,
                left_on=self.day(joined, hh.end) if joined and moved_out else None,
            ))  # fmt: skip
            if not m.german and self.chance(0.95):
                self.residence(p, m.birth, kind, basis, hh)
            special = self.consents(m, hh, age)
            if (age >= 18 or (age >= 15 and self.chance(0.2))) and self.chance(0.9):
                self.resources(m, age, special, kind, hh)
            if age >= 18 and not m.german and self.chance({REF: 0.88, SPOUSE: 0.6}.get(m.relationship, 0.35)):
                holders.append(m)
        for m in holders:
            versions, plan = self.plan(m, hh)
            self.sessions(m, hh, versions)
            if hh.closed is not None and plan.status is not PlanStatus.CLOSED:
                db.plans.save(replace(plan, status=PlanStatus.CLOSED, closed_on=hh.end))
        if hh.closed is not None:
            note = data.CLOSURE_NOTES.get(hh.closed)
            note = note.format(place=self.pick(data.MUNICIPALITIES)[0]) if note and self.chance(0.7) else None
            for m in hh.members:
                closure = CaseClosure(person_id=m.person.id, closed_on=hh.end, reason=hh.closed, note=note)
                db.closures.add(closure)

    def residence(self, p: Person, born: date, kind: ResidenceKind, basis: str | None, hh: _Household) -> None:
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
            note=self.pick(data.RESIDENCE_NOTES) if self.chance(0.1) else None,
        ))  # fmt: skip

    def consents(self, m: _Member, hh: _Household, age: int) -> bool:
        """Add the member's consents; returns whether a consent for special categories was given."""
        p, add = m.person, self.db.consents.add
        language = p.languages[0] if p.languages and p.languages[0] in data.CONSENT_LANGUAGES else "de"
        if self.chance(0.97):
            form = self.weighted(data.CONSENT_FORMS)
            add(Consent(
                person_id=p.id, kind=ConsentKind.DATA_PROCESSING, given_on=hh.start, form=form,
                purposes=data.PROCESSING_PURPOSES, text_language=language,
                text_version=self.pick(data.CONSENT_VERSIONS),
                witness=self.pick(data.WITNESSES) if form is ConsentForm.ORAL_WITH_WITNESS else None,
            ))  # fmt: skip
        if age < 18:
            return False
        if self.chance(0.3):
            given = self.day(hh.start, hh.end)
            add(Consent(
                person_id=p.id, kind=ConsentKind.SECRECY_RELEASE, given_on=given, form=ConsentForm.WRITTEN,
                purposes="Abstimmung im Einzelfall",
                recipients=self.pick(data.RECIPIENTS).format(**hh.texts()),
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

    def resources(self, m: _Member, age: int, special: bool, kind: ResidenceKind, hh: _Household) -> None:
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
            activity = self.weighted(data.ACTIVITIES)
        if activity in (Activity.EMPLOYED, Activity.SELF_EMPLOYED) and self.chance(0.5):
            benefit = Benefit.NONE
        elif kind in (ResidenceKind.PERMISSION_TO_STAY, ResidenceKind.TOLERATION):
            benefit = Benefit.ASYLBLG
        else:
            benefit = Benefit.SGB_XII if activity is Activity.RETIRED else Benefit.SGB_II
        certificate = data.CERTIFICATE_FOR.get(level) if self.chance(0.5) else None
        training = self.pick(data.TRAINING) if self.chance(0.25) else None
        studies = self.pick(data.STUDIES) if self.chance(0.12) else None
        maybe = self.chance
        self.db.resources.add(Resources(
            person_id=m.person.id, german_level=level if maybe(0.9) else None, german_certificate=certificate,
            german_course=self.pick(data.COURSES) if maybe(0.5) else None,
            schooling_years=self.rng.randint(0, 16) if maybe(0.6) else None,
            school_qualification=self.pick(data.QUALIFICATIONS) if maybe(0.5) else None,
            vocational_training=training, studies=studies,
            recognition=self.pick(data.RECOGNITION) if (training or studies) and maybe(0.5) else None,
            work_experience=self.pick(data.WORK_EXPERIENCE) if age >= 18 and maybe(0.5) else None,
            activity=activity if maybe(0.95) else None, benefit=benefit if maybe(0.9) else Benefit.NOT_STATED,
            health=self.pick(data.HEALTH) if special and maybe(0.7) else None,
            disability=self.pick(data.DISABILITY) if special and maybe(0.2) else None,
        ))  # fmt: skip

    # -- plans -------------------------------------------------------------------------------------

    def plan(self, m: _Member, hh: _Household) -> tuple[Versions, Plan]:
        """The member's plan, sometimes in two versions; returns the goals per version and the newest plan."""
        db, p, end = self.db, m.person, hh.end
        created = min(self.day(hh.start + 7 * DAY, hh.start + 75 * DAY), end)
        split = None
        if (end - created).days > 300 and self.chance(0.35):
            split = self.day(created + 180 * DAY, min(created + 540 * DAY, end - 30 * DAY))
        language = p.interpreter_language if p.interpreter_needed else None
        interpreter = self.pick(data.INTERPRETERS.get(language, data.PHONE_INTERPRETER)) if language else None
        areas = self.areas(hh, self.rng.randint(2, 5))
        draft = split is None and (end - created).days < 21 and self.chance(0.5)
        activated = None if draft else self.day(created, min(created + 14 * DAY, end))
        reviews = self.review_days(activated, split or end)
        plan = db.plans.add(Plan(
            person_id=p.id, created_on=created, manager=hh.manager, interpreter_language=language,
            interpreter_name=interpreter, status=PlanStatus.DRAFT if draft else PlanStatus.ACTIVE,
            activated_on=activated,
            next_review=(reviews[-1] if reviews else created) + self.rng.randint(90, 180) * DAY,
        ))  # fmt: skip
        for area in areas:
            self.need(plan, area)
        goals = [g for area in areas for g in self.goals(plan, area, created, hh, m, self.pick((1, 1, 2)))]
        if activated is not None:
            self.sign(plan, activated, hh, m)
        self.review(plan, reviews, goals, m)
        versions = [(created, goals)]
        if split is not None:  # a new version carries the open goals and steps over
            new = db.plans.new_version(plan.id, split)
            carried = [_GoalState(g) for g in db.goals.where(plan_id=new.id)]
            activated = self.day(split, min(split + 14 * DAY, end))
            reviews = self.review_days(activated, end)
            plan = db.plans.save(replace(
                new, status=PlanStatus.ACTIVE, activated_on=activated,
                next_review=(reviews[-1] if reviews else split) + 120 * DAY,
            ))  # fmt: skip
            for area in self.areas(hh, self.rng.randint(1, 2)):
                if area not in areas:
                    self.need(plan, area)
                carried += self.goals(plan, area, split, hh, m, 1)
            self.sign(plan, activated, hh, m)
            self.review(plan, reviews, carried, m)
            versions.append((split, carried))
        return versions, plan

    def need(self, plan: Plan, area: LifeArea) -> None:
        client, manager = data.NEEDS[area]
        self.db.needs.add(Need(
            plan_id=plan.id, area=area, client_view=self.pick(client) if self.chance(0.85) else None,
            manager_view=self.pick(manager) if self.chance(0.9) else None,
        ))  # fmt: skip

    def areas(self, hh: _Household, count: int) -> list[LifeArea]:
        weights = dict(data.AREA_WEIGHTS)
        if any(m.relationship is CHILD for m in hh.members):
            weights.update({LifeArea.SCHOOL: 6, LifeArea.FAMILY: 5})
        chosen: list[LifeArea] = []
        while len(chosen) < count:
            chosen.append(self.weighted([(a, w) for a, w in weights.items() if a not in chosen]))
        return chosen

    def review_days(self, activated: date | None, last: date) -> list[date]:
        days: list[date] = []
        day = activated + self.rng.randint(80, 150) * DAY if activated else None
        while day is not None and day <= last and len(days) < 4:
            days.append(day)
            day += self.rng.randint(80, 150) * DAY
        return days

    def goals(self, plan: Plan, area: LifeArea, on: date, hh: _Household, m: _Member, count: int) -> list[_GoalState]:
        states = []
        language = data.TRANSLATION_LANGUAGE.get(m.person.languages[0] if m.person.languages else "", "")
        for text, translations in self.rng.sample(data.GOALS[area], count):
            start = self.day(on, max(on, min(on + 30 * DAY, hh.end)))
            target = start + self.rng.randint(45, 270) * DAY
            texts = hh.texts(date=target.strftime("%d.%m.%Y"))
            translation = translations.get(language) if self.chance(0.6) else None
            started = self.chance(0.3)
            goal = self.db.goals.add(Goal(
                plan_id=plan.id, area=area, text=text.format(**texts),
                translation=translation.format(**texts) if translation else None,
                priority=self.weighted(data.PRIORITIES), start_date=start, target_date=target,
                status=GoalStatus.IN_PROGRESS if started else GoalStatus.OPEN,
                status_date=start if started else None,
            ))  # fmt: skip
            states.append(_GoalState(goal))
            for step, responsible, referral in self.rng.sample(data.STEPS[area], self.rng.randint(1, 2)):
                due = self.day(start, target)
                done = None
                if due <= hh.end and self.chance(0.7):
                    done = min(self.day(max(start, due - 20 * DAY), due + 14 * DAY), hh.end, self.today)
                who = {
                    Responsible.MANAGER: hh.manager, Responsible.VOLUNTEER: self.pick(data.VOLUNTEERS),
                    Responsible.AUTHORITY: f"{self.pick(data.AUTHORITY_CONTACTS)}, {hh.district}",
                }  # fmt: skip
                note = None
                if referral is not None and self.chance(0.5):
                    texts = hh.texts(contact=self.pick(data.AUTHORITY_CONTACTS), day=due.strftime("%d.%m.%Y"))
                    note = data.REFERRAL_NOTES[referral].format(**texts)
                self.db.steps.add(Step(
                    goal_id=goal.id, text=step, responsible=responsible,
                    responsible_name=who.get(responsible), due_date=due, done_on=done,
                    referral_target=referral, referral_note=note,
                ))  # fmt: skip
        return states

    def sign(self, plan: Plan, on: date, hh: _Household, m: _Member) -> None:
        p = m.person
        place = f"Hausbesuch, {hh.place}" if self.chance(0.4) else hh.place
        parts = (p.given_names_latin or p.given_names, p.family_name_latin or p.family_name)
        client = " ".join(x for x in parts if x)
        signers = [(SignerRole.CLIENT, client or None), (SignerRole.MANAGER, hh.manager)]
        if plan.interpreter_name and self.chance(0.3):
            signers.append((SignerRole.INTERPRETER, plan.interpreter_name))
        for role, name in signers:
            self.db.signatures.add(Signature(
                plan_id=plan.id, role=role, signer_name=name, signed_on=on, place=place,
                explained_in_language=plan.interpreter_language or "de",
                interpreter_name=plan.interpreter_name,
            ))  # fmt: skip

    def review(self, plan: Plan, days: list[date], goals: list[_GoalState], m: _Member) -> None:
        """Reviews with an assessment of every goal under way; the repository moves the goals' status."""
        for day in days:
            note = self.pick(data.REVIEW_NOTES).format(name=self.title(m.person))
            review = self.db.reviews.add(Review(plan_id=plan.id, held_on=day, note=note))
            for state in goals:
                goal = state.goal
                if goal.status.is_final or (goal.start_date or day) > day:
                    continue
                new: GoalStatus | None = None
                if (goal.target_date or day) <= day:
                    new = self.weighted(data.DUE_OUTCOMES)
                elif self.chance(0.6):
                    new = self.weighted(data.EARLY_OUTCOMES)
                outcome = self.pick(data.OUTCOMES[new or goal.status])
                self.db.assessments.add(
                    GoalAssessment(review_id=review.id, goal_id=goal.id, outcome=outcome, new_status=new)
                )
                if new is not None and new is not goal.status:
                    state.goal = replace(goal, status=new, status_date=day, status_reason=outcome)
                    state.final_on = day if new.is_final else None

    # -- sessions ----------------------------------------------------------------------------------

    def sessions(self, m: _Member, hh: _Household, versions: Versions) -> None:
        db, p, rng = self.db, m.person, self.rng
        mean = max(1.0, (hh.end - hh.start).days / 30.4 * 0.52)
        count = max(1, min(40, round(rng.gauss(mean, mean**0.5))))
        days = sorted([hh.start] + [self.day(min(hh.start + DAY, hh.end), hh.end) for _ in range(count - 1)])
        areas = sorted({g.goal.area for _, goals in versions for g in goals})
        others = [o.person.id for o in hh.members if o is not m]
        language = p.languages[0] if p.languages else ""
        for i, day in enumerate(days):
            if i == 0:  # the intake, usually at home
                place = SessionPlace.HOME_VISIT if self.chance(0.7) else SessionPlace.OFFICE
                minutes = rng.randint(12, 24) * 5
                topics = tuple(rng.sample(data.INTAKE_TOPICS, rng.randint(1, 3)))
                note: str | None = self.pick(data.INTAKE_NOTES).format(place=hh.place)
            else:
                place = self.weighted(data.PLACES)
                low, high = data.MINUTES[place]
                minutes = rng.randint(low // 5, high // 5) * 5
                pool = areas if areas and self.chance(0.75) else list(LifeArea)
                topics = tuple(rng.sample(pool, min(len(pool), self.weighted(((1, 5), (2, 3), (3, 1))))))
                parts = [self.pick(data.NOTES[t]) for t in topics]
                if language in data.FLAVOUR and self.chance(0.2):
                    parts.append(self.pick(data.FLAVOUR[language]))
                if self.chance(0.25):
                    parts.append(self.pick(data.CLOSINGS))
                texts = hh.texts(name=self.title(p), day=(day + rng.randint(3, 21) * DAY).strftime("%d.%m."))
                note = " ".join(parts).format(**texts) if self.chance(0.97) else None
            interpreted = p.interpreter_needed and place is not SessionPlace.MESSENGER and self.chance(0.8)
            following = None
            if i + 1 < len(days) and self.chance(0.5):
                following = datetime.combine(days[i + 1], time(rng.randint(8, 15), 15 * rng.randint(0, 3)))
            elif i + 1 == len(days) and hh.closed is None and self.chance(0.7):
                following = datetime.combine(day + rng.randint(7, 35) * DAY, time(rng.randint(8, 15), 30))
            interpreters = data.INTERPRETERS.get(language, data.PHONE_INTERPRETER)
            final = hh.closed is not None or (self.today - day).days > 14 or self.chance(0.4)
            session = db.sessions.add(CounsellingSession(
                person_id=p.id, held_on=day, duration_minutes=minutes if self.chance(0.95) else None,
                place=place, interpreter_name=self.pick(interpreters) if interpreted else None,
                interpreter_language=language if interpreted else None, topics=topics, note=note,
                next_appointment=following,
                finalised_on=min(day + rng.randint(0, 4) * DAY, self.today) if final else None,
            ))  # fmt: skip
            for other in [p.id] + [o for o in others if self.chance(0.15)]:
                db.participants.add(SessionParticipant(session_id=session.id, person_id=other))
            goals = next((g for since, g in reversed(versions) if since <= day), [])
            current = [s.goal for s in goals if (s.goal.start_date or day) <= day <= (s.final_on or day)]
            matching = [g for g in current if g.area in topics] or current
            for goal in rng.sample(matching, min(len(matching), rng.randint(0, 2))):
                db.session_goals.add(SessionGoal(session_id=session.id, goal_id=goal.id))
            if self.chance(0.2):
                target = self.pick(data.REFERRAL_FOR[self.pick(topics)])
                texts = hh.texts(contact=self.pick(data.AUTHORITY_CONTACTS),
                                 day=(day + rng.randint(3, 21) * DAY).strftime("%d.%m.%Y"))  # fmt: skip
                note = data.REFERRAL_NOTES[target].format(**texts)
                db.referrals.add(Referral(session_id=session.id, target=target, note=note))
            if session.finalised_on is not None and self.chance(0.03):  # corrections come as addenda
                written = min(session.finalised_on + rng.randint(1, 20) * DAY, self.today)
                text = self.pick(data.ADDENDA).format(day=(written + 5 * DAY).strftime("%d.%m.%Y"))
                db.addenda.add(SessionAddendum(session_id=session.id, written_on=written, text=text))

    @staticmethod
    def title(p: Person) -> str:
        family = p.family_name_latin or p.family_name
        if family and p.gender in (Gender.FEMALE, Gender.MALE):
            return ("Frau " if p.gender is Gender.FEMALE else "Herr ") + family
        return " ".join(x for x in (p.given_names_latin or p.given_names, family) if x) or "Die Person"
