"""Demo households: their make-up, the persons with names in their own scripts, membership and closure."""

from __future__ import annotations

import random
from collections.abc import Sequence
from dataclasses import replace
from datetime import date
from typing import Any

from integrationsplan.demo.context import CHILD, PARENT, REF, RELATIVE, SPOUSE, Case, Density, Member, Writer
from integrationsplan.demo.dice import DAY
from integrationsplan.demo.person_records import PersonRecords
from integrationsplan.demo.plans import Plans
from integrationsplan.demo.sessions import Sessions
from integrationsplan.demo.words import contacts, origins, person_texts, places
from integrationsplan.demo.words.origin import Name, Origin
from integrationsplan.domain.codes import ClosureReason, Gender, PlanStatus, Relationship
from integrationsplan.domain.household import Household, HouseholdMember
from integrationsplan.domain.person import CaseClosure, Person
from integrationsplan.domain.rules import add_years, age_on, counselling_limit
from integrationsplan.storage.database import Database

UKRAINE_WAR = date(2022, 2, 24)


class Households(Writer):
    """Writes whole households; the other writers add each member's records, plans and sessions."""

    def __init__(self, db: Database, rng: random.Random, today: date, density: Density) -> None:
        # birth dates and consents are checked against the clock
        super().__init__(db, rng, today, min(today, date.today()), density)
        self.count = 0
        self.records = PersonRecords(db, rng, today, self.latest, density)
        self.plans = Plans(db, rng, today, self.latest, density)
        self.sessions = Sessions(db, rng, today, self.latest, density)

    def household(self, room: int) -> int:
        rng, today = self.rng, self.today
        codes = list(origins.ORIGINS)
        if self.count < len(origins.SHOWCASE):
            code = origins.SHOWCASE[self.count]
        else:
            code = rng.choices(codes, [origins.ORIGINS[c].weight for c in codes])[0]
        self.count += 1
        origin, r = origins.ORIGINS[code], rng.random()
        extended, closed, end = False, None, today
        if r < 0.08:  # started more than three years ago: extended to four or closed at the limit
            start = today - rng.randint(1100, 1420) * DAY
            extended = self.chance(0.5)
            if not extended:
                end, closed = counselling_limit(start, False), ClosureReason.TIME_LIMIT
        else:
            start = today - (rng.randint(1000, 1090) if r < 0.18 else rng.randint(0, 1000)) * DAY
            if (today - start).days > 90 and self.chance(0.15):
                end, closed = self.day(start + 60 * DAY, today), self.weighted(person_texts.CLOSURE_WEIGHTS)
        place, district, postcode = self.pick(places.MUNICIPALITIES)
        school, manager = self.pick(places.SCHOOLS), self.pick(contacts.MANAGERS)
        hh = Case(start, end, closed, place, district, school, manager)
        lower = start - (600 if code == "UKR" else 1500) * DAY
        if code == "UKR" and start > UKRAINE_WAR:
            lower = max(lower, UKRAINE_WAR)
        entry = self.day(lower, start)
        follow_up = self.day(entry, start) if self.chance(0.4 if code == "UKR" else 0.8) else None
        address = f"{self.pick(places.STREETS)} {rng.randint(1, 80)}{self.pick(('', '', '', 'a', 'b', '/1'))}"
        address += f", {postcode} {place}" if self.chance(0.2) else ""
        accommodation = self.pick(places.ACCOMMODATION) if self.chance(0.8) else None
        shape = self.shape(origin, code, min(room, 7))
        # Now and then a German spouse, whose family name the others may have taken.
        german = len(shape) > 1 and shape[1][0] is SPOUSE and code in ("UKR", "RUS", "SYR", "TUR")
        german = german and self.chance(0.08)
        german_family = self.pick(origins.GERMAN_FAMILY)
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
                givens = origins.GERMAN_MALE if male else origins.GERMAN_FEMALE
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
                extension_reason=self.pick(person_texts.EXTENSION_REASONS) if extended else None,
                entry_date=entry if arrived and self.chance(0.9) else None,
                follow_up_accommodation_date=follow_up if arrived else None,
            )  # fmt: skip
            if age >= 16 and self.chance(0.85):
                ukrainian = code == "UKR" and self.chance(0.15)
                pattern = contacts.UKRAINIAN_PHONE if ukrainian else self.pick(contacts.PHONE_FORMATS)
                messenger = self.pick(contacts.MESSENGERS) if self.chance(0.6) else None
                person = replace(person, phone=self.digits(pattern), messenger=messenger)
            self.db.persons.add(person)
            hh.members.append(Member(person, relationship, birth, is_german))
        self.write_household(hh, origin)
        return len(shape)

    def shape(self, origin: Origin, code: str, room: int) -> list[tuple[Relationship, bool, int]]:
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

    def names(self, family: Name, given: Name, givens: Sequence[Name]) -> dict[str, Any]:
        """The name fields in the original script and in Latin letters; sometimes partly or wholly missing."""

        def spelled(name: Name) -> tuple[str, str | None]:
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

    def born(self, origin: Origin, birth: date) -> dict[str, Any]:
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

    def write_household(self, hh: Case, origin: Origin) -> None:
        db, ref = self.db, hh.members[0].person
        note = self.pick(person_texts.HOUSEHOLD_NOTES) if self.chance(0.15) else None
        household = db.households.add(Household(label=ref.family_name_latin or ref.family_name, note=note))
        kind, basis, _ = self.weighted([(entry, entry[2]) for entry in origin.residence])
        holders = []
        for m in hh.members:
            p, age = m.person, age_on(m.birth, None, self.today) or 0
            school = None
            if m.relationship in (CHILD, Relationship.GRANDCHILD) and 1 <= age < 18 and self.chance(0.8):
                school = hh.school if 6 <= age < 10 else self.pick(places.KITAS if age < 6 else places.SECONDARY)
            joined = max(hh.start, m.birth) if self.chance(0.7) else None
            moved_out = joined and age >= 18 and m.relationship is not REF and self.chance(0.04)
            db.members.add(HouseholdMember(
                household_id=household.id, person_id=p.id, relationship=m.relationship,
                childcare_or_school=school, joined_on=joined,
                left_on=self.day(joined, hh.end) if joined and moved_out else None,
            ))  # fmt: skip
            if not m.german and self.chance(0.95):
                self.records.residence(p, m.birth, kind, basis, hh)
            special = self.records.consents(m, hh, age)
            if (age >= 18 or (age >= 15 and self.chance(0.2))) and self.chance(0.9):
                self.records.resources(m, age, special, kind, hh)
            if age >= 18 and not m.german and self.chance({REF: 0.88, SPOUSE: 0.6}.get(m.relationship, 0.35)):
                holders.append(m)
        for m in holders:
            versions, plan = self.plans.plan(m, hh)
            self.sessions.write(m, hh, versions)
            if hh.closed is not None and plan.status is not PlanStatus.CLOSED:
                db.plans.save(replace(plan, status=PlanStatus.CLOSED, closed_on=hh.end))
        if hh.closed is not None:
            note = person_texts.CLOSURE_NOTES.get(hh.closed)
            note = note.format(place=self.pick(places.MUNICIPALITIES)[0]) if note and self.chance(0.7) else None
            for m in hh.members:
                closure = CaseClosure(person_id=m.person.id, closed_on=hh.end, reason=hh.closed, note=note)
                db.closures.add(closure)
