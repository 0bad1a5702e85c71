"""The change log is the history of every write: the tables can be rebuilt from it, the clock never runs back."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from pathlib import Path
from tempfile import TemporaryDirectory

from hypothesis import HealthCheck, settings
from hypothesis import strategies as st
from hypothesis.stateful import Bundle, RuleBasedStateMachine, invariant, rule

from integrationsplan.domain.codes import GoalStatus, LifeArea, PlanStatus, Responsible
from integrationsplan.domain.household import Household, HouseholdMember
from integrationsplan.domain.person import Person
from integrationsplan.domain.plan import Goal, Plan, Step
from integrationsplan.storage import Database
from integrationsplan.sync.projection import current, project

PASS = "property pass phrase"
names = st.text(alphabet=st.characters(codec="utf-8", exclude_categories=("Cc", "Cs")), max_size=20)
optional_names = st.none() | names
days = st.dates(min_value=date(2020, 1, 1), max_value=date(2026, 1, 1))


class ChangeLogMachine(RuleBasedStateMachine):
    """Random creates, edits and deletes; after every step the log's projection equals the tables."""

    persons = Bundle("persons")
    plans = Bundle("plans")
    goals = Bundle("goals")
    households = Bundle("households")

    def __init__(self) -> None:
        super().__init__()
        self.folder = TemporaryDirectory()
        self.path = Path(self.folder.name) / "p.db"
        self.db = Database.create(self.path, PASS, case_prefix="P")
        self.now = 1_700_000_000_000
        self.db.clock_ms = lambda: self.now
        self.last_hlc = 0

    def teardown(self) -> None:
        self.db.close()
        self.folder.cleanup()

    @rule(target=persons, family=optional_names, given=optional_names, start=days)
    def add_person(self, family: str | None, given: str | None, start: date) -> str:
        person = Person(case_number=self.db.persons.next_case_number(), counselling_start=start,
                        family_name=family, given_names=given)  # fmt: skip
        return self.db.persons.add(person).id

    @rule(target=households, label=optional_names)
    def add_household(self, label: str | None) -> str:
        return self.db.households.add(Household(label=label)).id

    @rule(household=households, person=persons)
    def join_household(self, household: str, person: str) -> None:
        if self.db.households.find(household) and self.db.persons.find(person):
            self.db.members.add(HouseholdMember(household_id=household, person_id=person))

    @rule(household=households)
    def delete_household(self, household: str) -> None:
        if self.db.households.find(household):
            self.db.households.delete(household)

    @rule(person=persons, family=optional_names, municipality=optional_names)
    def edit_person(self, person: str, family: str | None, municipality: str | None) -> None:
        found = self.db.persons.find(person)
        if found:
            self.db.persons.save(replace(found, family_name=family, municipality=municipality))

    @rule(target=plans, person=persons, created=days)
    def add_plan(self, person: str, created: date) -> str:
        if self.db.persons.find(person) is None:
            return "missing"
        version = len(self.db.plans.where(person_id=person)) + 1
        return self.db.plans.add(Plan(person_id=person, created_on=created, version=version)).id

    @rule(target=goals, plan=plans, text=names.filter(str.strip), area=st.sampled_from(LifeArea))
    def add_goal(self, plan: str, text: str, area: LifeArea) -> str:
        found = self.db.plans.find(plan)
        if found is None or found.status is PlanStatus.CLOSED:
            return "missing"
        goal = self.db.goals.add(Goal(plan_id=plan, area=area, text=text))
        self.db.steps.add(Step(goal_id=goal.id, text=text, responsible=Responsible.MANAGER))
        return goal.id

    @rule(goal=goals, status=st.sampled_from([GoalStatus.IN_PROGRESS, GoalStatus.ACHIEVED]), day=days)
    def change_goal(self, goal: str, status: GoalStatus, day: date) -> None:
        found = self.db.goals.find(goal)
        if found and self.db.plans.get(found.plan_id).status is not PlanStatus.CLOSED:
            self.db.goals.save(replace(found, status=status, status_date=day))

    @rule(plan=plans, day=days)
    def new_version(self, plan: str, day: date) -> None:
        found = self.db.plans.find(plan)
        newest = found and self.db.plans.current(found.person_id)
        if found and newest and newest.id == plan and day >= found.created_on:
            self.db.plans.new_version(plan, day)

    @rule(person=persons)
    def delete_person(self, person: str) -> None:
        if self.db.persons.find(person):
            self.db.persons.delete(person)

    @rule(goal=goals)
    def delete_goal(self, goal: str) -> None:
        found = self.db.goals.find(goal)
        if found and self.db.plans.get(found.plan_id).status is not PlanStatus.CLOSED:  # closed plans are frozen
            self.db.goals.delete(goal)

    @rule(jump=st.integers(min_value=-(10**9), max_value=10**7))
    def wall_clock_jumps(self, jump: int) -> None:
        self.now += jump

    @rule()
    def restart(self) -> None:
        self.db.close()
        self.db = Database.open(self.path, PASS)
        self.db.clock_ms = lambda: self.now

    @invariant()
    def tables_are_the_projection_of_the_log(self) -> None:
        assert project(self.db.conn) == current(self.db.conn)

    @invariant()
    def clock_never_goes_backwards(self) -> None:
        hlcs = [r[0] for r in self.db.conn.execute("SELECT hlc FROM change_log ORDER BY device_seq")]
        assert hlcs == sorted(hlcs) and len(set(hlcs)) == len(hlcs)
        stored = self.db.conn.execute("SELECT last_hlc FROM device").fetchone()[0]
        assert stored >= self.last_hlc and (not hlcs or stored == hlcs[-1])
        self.last_hlc = stored


ChangeLogMachine.TestCase.settings = settings(
    max_examples=20, stateful_step_count=25, deadline=None, suppress_health_check=[HealthCheck.too_slow]
)
test_change_log = ChangeLogMachine.TestCase


def test_tombstones_and_seen_clock(tmp_path: Path) -> None:
    with Database.create(tmp_path / "t.db", PASS) as db:
        person = db.persons.add(Person(case_number="A-1", counselling_start=date(2024, 1, 1), family_name="A"))
        first = db.conn.execute(
            "SELECT hlc FROM change_log WHERE row_id = ? AND field = 'family_name'", (person.id,)
        ).fetchone()[0]
        db.persons.save(replace(person, family_name="B"))
        seen = db.conn.execute(
            "SELECT seen_hlc FROM change_log WHERE row_id = ? AND field = 'family_name' ORDER BY hlc DESC",
            (person.id,),
        ).fetchone()[0]
        assert seen == first
        db.persons.delete(person.id)
        rows = db.conn.execute("SELECT op, field FROM change_log WHERE row_id = ? ORDER BY hlc", (person.id,))
        assert list(rows)[-1] == ("delete", "")
        assert project(db.conn)["person"] == {}
