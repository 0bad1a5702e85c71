"""What the demo writers share: the database and dates, the household being written, its members and goals."""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from datetime import date

from integrationsplan.demo.dice import Dice
from integrationsplan.domain.codes import ClosureReason, Gender, Relationship
from integrationsplan.domain.person import Person
from integrationsplan.domain.plan import Goal
from integrationsplan.storage.database import Database

REF, SPOUSE, CHILD = Relationship.REFERENCE_PERSON, Relationship.SPOUSE, Relationship.CHILD
PARENT, RELATIVE = Relationship.PARENT, Relationship.OTHER_RELATIVE
Versions = list[tuple[date, list["GoalState"]]]  # (valid from, goals) per plan version


@dataclass(frozen=True)
class Density:
    """How full a case is, as multiples of the demo's usual caseload (about 4 sessions and 2 goals a person).

    `sessions` scales the sessions per month of counselling, `goals` the goals per life area of a plan and `steps`
    the steps per goal, each as far as the texts allow. At 1 the draws are those of the plain demo, so the same
    seed keeps making the same demo.
    """

    sessions: float = 1.0
    goals: float = 1.0
    steps: float = 1.0

    @staticmethod
    def times(count: int, factor: float, most: int) -> int:
        """`count` scaled by `factor`, at least 1 and at most `most`."""
        return max(1, min(most, round(count * factor)))


DEMO = Density()
# The benchmark caseload of issue 9, a Landkreis: per 5,000 persons about 60,000 sessions, 25,000 goals and
# 100,000 steps (tests/unit/test_demo.py checks the proportions).
LANDKREIS = Density(sessions=3.3, goals=3.2, steps=3.4)


class Writer(Dice):
    """Writes one kind of demo record into `db`; `latest` is the last day the clock allows."""

    def __init__(self, db: Database, rng: random.Random, today: date, latest: date, density: Density) -> None:
        super().__init__(rng)
        self.db, self.today, self.latest, self.density = db, today, latest, density


@dataclass
class Member:
    person: Person
    relationship: Relationship
    birth: date  # the true birth date, even where the record keeps only the year or nothing
    german: bool = False


@dataclass
class GoalState:
    goal: Goal
    final_on: date | None = None


@dataclass
class Case:
    """A household while it is written: its counselling dates, closure, place and manager."""

    start: date
    end: date  # the closing date, or today
    closed: ClosureReason | None
    place: str
    district: str
    school: str
    manager: str
    members: list[Member] = field(default_factory=list)

    def texts(self, **more: str) -> dict[str, str]:
        return {"place": self.place, "district": self.district, "school": self.school, **more}


def title(p: Person) -> str:
    """How a note refers to the person: Frau or Herr and the family name where known."""
    family = p.family_name_latin or p.family_name
    if family and p.gender in (Gender.FEMALE, Gender.MALE):
        return ("Frau " if p.gender is Gender.FEMALE else "Herr ") + family
    return " ".join(x for x in (p.given_names_latin or p.given_names, family) if x) or "Die Person"
