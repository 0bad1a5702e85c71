"""Counting the key figures of a period (the rules are in the package's docs): one pass over the columns that
count, read with plain queries, no personal text kept beyond the counting."""

from __future__ import annotations

import json
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from integrationsplan.domain.tally import Figure
from integrationsplan.retention import add_months
from integrationsplan.storage import Database

NOT_STATED = ""  # the category of a person without the value ("keine Angabe")
AGE_GROUPS = ("0–17", "18–26", "27–64", "65+")
DURATIONS = ("under_6", "6_12", "12_24", "24_36", "36_plus")  # months, each from its first to under the next
LIMIT_MONTHS, NEAR_LIMIT_MONTHS = 36, 3
INDIVIDUAL, JOINT = "individual", "joint"  # kinds of session

Progress = Callable[[int, int], None]  # steps done, steps in all


@dataclass(frozen=True)
class Period:
    first: date
    last: date

    def __post_init__(self) -> None:
        if self.last < self.first:
            raise ValueError("the period ends before it begins")

    def holds(self, day: date | None) -> bool:
        return day is not None and self.first <= day <= self.last

    def months(self) -> list[str]:
        """The months ("YYYY-MM") the period overlaps, in order."""
        found, day = [], self.first.replace(day=1)
        while day <= self.last:
            found.append(f"{day:%Y-%m}")
            day = add_months(day, 1)
        return found


@dataclass(frozen=True)
class Filter:
    manager: str | None = None
    municipality: str | None = None

    def __bool__(self) -> bool:
        return bool(self.manager or self.municipality)

    def admits(self, manager: str | None, municipality: str | None) -> bool:
        return (not self.manager or (manager or "").strip() == self.manager.strip()) and (
            not self.municipality or (municipality or "").strip() == self.municipality.strip()
        )


@dataclass
class KeyFigures:
    """The counts of a period. Keys are stored codes (enum values, "" for keine Angabe)."""

    period: Period
    filter: Filter = field(default_factory=Filter)
    persons: Counter[str] = field(default_factory=Counter)  # counselled new continuing closed household single
    plans: Counter[str] = field(default_factory=Counter)  # new continued active closed
    sessions: int = 0
    minutes: int = 0
    timed_sessions: int = 0  # sessions with a duration
    places: Counter[str] = field(default_factory=Counter)
    place_minutes: Counter[str] = field(default_factory=Counter)
    place_timed: Counter[str] = field(default_factory=Counter)  # sessions with a duration, by place
    session_kinds: Counter[str] = field(default_factory=Counter)
    kind_minutes: Counter[str] = field(default_factory=Counter)
    kind_timed: Counter[str] = field(default_factory=Counter)
    months: Counter[str] = field(default_factory=Counter)  # sessions per month
    topics: Counter[str] = field(default_factory=Counter)
    goals: Counter[tuple[str, str]] = field(default_factory=Counter)  # (area, status)
    gender: Counter[str] = field(default_factory=Counter)
    age: Counter[str] = field(default_factory=Counter)
    nationality: Counter[str] = field(default_factory=Counter)
    residence: Counter[str] = field(default_factory=Counter)
    referrals: Counter[str] = field(default_factory=Counter)
    durations: Counter[str] = field(default_factory=Counter)
    duration_days: list[int] = field(default_factory=list)
    near_limit: int = 0
    past_limit: int = 0
    extended: int = 0
    closures: Counter[str] = field(default_factory=Counter)
    erased: Counter[str] = field(default_factory=Counter)  # what erased cases added: new, closed, sessions

    @property
    def mean_minutes(self) -> float | None:
        return self.minutes / self.timed_sessions if self.timed_sessions else None

    @property
    def achieved_share(self) -> float | None:
        total = sum(self.goals.values())
        achieved = sum(n for (_area, status), n in self.goals.items() if status == "achieved")
        return achieved / total if total else None


def _day(value: Any) -> date | None:
    return date.fromisoformat(value) if value else None


def age_group(birth_date: date | None, birth_year: int | None, on: date) -> str:
    """The age group on a day; from the birth year alone as if born on 1 January."""
    if birth_date is not None:
        age = on.year - birth_date.year - ((on.month, on.day) < (birth_date.month, birth_date.day))
    elif birth_year is not None:
        age = on.year - birth_year
    else:
        return NOT_STATED
    if age < 0:
        return NOT_STATED
    return next(group for group, upper in zip(AGE_GROUPS, (17, 26, 64, 10_000), strict=True) if age <= upper)


def duration_bucket(start: date, end: date) -> str:
    for bucket, months in zip(DURATIONS, (6, 12, 24, 36), strict=False):
        if end < add_months(start, months):
            return bucket
    return DURATIONS[-1]


@dataclass
class _Case:
    id: str
    start: date
    closed: date | None
    reason: str | None  # of the closure
    birth_date: date | None
    birth_year: int | None
    gender: str
    nationality: str
    extended: bool


def compute(db: Database, period: Period, only: Filter | None = None, progress: Progress | None = None) -> KeyFigures:
    """The key figures of `period`, for the persons `only` admits (all without a filter)."""
    only = only or Filter()
    figures = KeyFigures(period, only)
    query = db.conn.execute
    stages: list[Callable[[], None]] = []
    closed: dict[str, tuple[date, str]] = {}  # the latest closure of each case, and its reason
    for person_id, closed_on, reason in query("SELECT person_id, closed_on, reason FROM case_closure"):
        day = date.fromisoformat(closed_on)
        if person_id not in closed or day > closed[person_id][0]:
            closed[person_id] = (day, reason)
    cases: dict[str, _Case] = {}
    for row in query("SELECT id, counselling_start, birth_date, birth_year, gender, nationality, extended, manager,"
                     " municipality FROM person"):  # fmt: skip
        person_id, start, birth_date, birth_year, gender, nationality, extended, manager, municipality = row
        if only.admits(manager, municipality):
            closure = closed.get(person_id)
            cases[person_id] = _Case(person_id, date.fromisoformat(start), closure[0] if closure else None,
                                     closure[1] if closure else None, _day(birth_date), birth_year,
                                     gender or NOT_STATED, (nationality or "").strip().upper() or NOT_STATED,
                                     bool(extended))  # fmt: skip
    counselled = {i: c for i, c in cases.items()
                  if c.start <= period.last and (c.closed is None or c.closed >= period.first)}  # fmt: skip
    stages += [
        lambda: _persons(figures, counselled, period),
        lambda: _households(figures, query, counselled, period),
        lambda: _residence(figures, query, counselled, period),
        lambda: _plans(figures, query, counselled, period),
        lambda: _sessions(figures, query, cases, period),
    ]
    if not only:
        stages.append(lambda: _tallies(figures, query, period))
    for done, stage in enumerate(stages, 1):
        stage()
        if progress is not None:
            progress(done, len(stages))
    return figures


def _persons(figures: KeyFigures, counselled: dict[str, _Case], period: Period) -> None:
    for case in counselled.values():
        figures.persons["counselled"] += 1
        figures.persons["new" if case.start >= period.first else "continuing"] += 1
        if case.closed is not None and period.holds(case.closed):
            figures.persons["closed"] += 1
            figures.closures[case.reason or NOT_STATED] += 1
            figures.durations[duration_bucket(case.start, case.closed)] += 1
            figures.duration_days.append((case.closed - case.start).days)
        figures.gender[case.gender] += 1
        figures.age[age_group(case.birth_date, case.birth_year, period.last)] += 1
        figures.nationality[case.nationality] += 1
        if case.extended:
            figures.extended += 1
        elif case.closed is None or case.closed > period.last:
            limit = add_months(case.start, LIMIT_MONTHS)
            if limit <= period.last:
                figures.past_limit += 1
            elif limit <= add_months(period.last, NEAR_LIMIT_MONTHS):
                figures.near_limit += 1


def _households(figures: KeyFigures, query: Callable[..., Any], counselled: dict[str, _Case], period: Period) -> None:
    members: dict[str, set[str]] = defaultdict(set)
    for household_id, person_id, joined_on, left_on in query(
        "SELECT household_id, person_id, joined_on, left_on FROM household_member"
    ):
        joined, left = _day(joined_on), _day(left_on)
        if (joined is None or joined <= period.last) and (left is None or left >= period.first):
            members[household_id].add(person_id)
    in_household = {p for people in members.values() if len(people) >= 2 for p in people}
    for person_id in counselled:
        figures.persons["household" if person_id in in_household else "single"] += 1


def _residence(figures: KeyFigures, query: Callable[..., Any], counselled: dict[str, _Case], period: Period) -> None:
    titles: dict[str, list[tuple[date | None, date | None, str]]] = defaultdict(list)
    for person_id, kind, valid_from, valid_until in query(
        "SELECT person_id, kind, valid_from, valid_until FROM residence_status"
    ):
        if person_id in counselled:
            titles[person_id].append((_day(valid_from), _day(valid_until), kind))
    end = period.last
    for person_id in counselled:
        begun = [t for t in titles.get(person_id, []) if t[0] is None or t[0] <= end]
        valid = [t for t in begun if t[1] is None or t[1] >= end]
        chosen = max(valid or begun, key=lambda t: t[0] or date.min, default=None)
        figures.residence[chosen[2] if chosen and chosen[2] != "x" else NOT_STATED] += 1


def _plans(figures: KeyFigures, query: Callable[..., Any], counselled: dict[str, _Case], period: Period) -> None:
    end = period.last
    versions: set[str] = set()  # every version of a counselled person's plan made by the last day
    for plan_id, person_id, created_on, activated_on, closed_on, previous in query(
        "SELECT id, person_id, created_on, activated_on, closed_on, previous_plan_id FROM plan"
    ):
        case = counselled.get(person_id)
        if case is None:
            continue
        created, activated, closed = date.fromisoformat(created_on), _day(activated_on), _day(closed_on)
        if period.holds(created):
            figures.plans["continued" if previous else "new"] += 1
        open_case = case.closed is None or case.closed > end  # closing a case leaves its plan as it was
        if activated is not None and activated <= end and (closed is None or closed > end) and open_case:
            figures.plans["active"] += 1
        if period.holds(closed):
            figures.plans["closed"] += 1
        if created <= end:
            versions.add(plan_id)
    assessed: dict[str, tuple[str, str]] = {}  # goal -> (day, status) of its latest review by the last day
    for goal_id, held_on, status in query(
        "SELECT a.goal_id, r.held_on, a.new_status FROM goal_assessment a JOIN review r ON r.id = a.review_id"
        " WHERE a.new_status IS NOT NULL AND r.held_on <= ?", (end.isoformat(),)
    ):  # fmt: skip
        if goal_id not in assessed or held_on >= assessed[goal_id][0]:
            assessed[goal_id] = (held_on, status)
    goals = [row for row in query("SELECT id, plan_id, area, status, status_date, carried_from_goal_id FROM goal")
             if row[1] in versions]  # fmt: skip
    carried = {row[5] for row in goals if row[5]}  # a goal carried into a later version counts there, once
    for goal_id, _plan, area, status, status_date, _from in goals:
        if goal_id in carried:
            continue
        dated = _day(status_date)
        if dated is not None and dated > end:  # set after the period: as the last review before its end said
            status = assessed[goal_id][1] if goal_id in assessed else "open"
        figures.goals[(area, status)] += 1


def _sessions(figures: KeyFigures, query: Callable[..., Any], cases: dict[str, _Case], period: Period) -> None:
    first, last = period.first.isoformat(), period.last.isoformat()
    held: dict[str, tuple[str, int | None]] = {}  # session -> its person and minutes
    for session_id, person_id, held_on, minutes, place, topics in query(
        "SELECT id, person_id, held_on, duration_minutes, place, topics FROM counselling_session"
        " WHERE held_on BETWEEN ? AND ?", (first, last)
    ):  # fmt: skip
        if person_id not in cases:
            continue
        held[session_id] = (person_id, minutes)
        figures.sessions += 1
        figures.places[place] += 1
        figures.months[held_on[:7]] += 1
        if minutes is not None:
            figures.minutes += minutes
            figures.timed_sessions += 1
            figures.place_minutes[place] += minutes
            figures.place_timed[place] += 1
        for topic in json.loads(topics or "[]"):
            figures.topics[topic] += 1
    # With others: someone besides the session's own person took part (the person may be listed too).
    joint = {s for s, p in query("SELECT session_id, person_id FROM session_participant")
             if s in held and held[s][0] != p}  # fmt: skip
    for session_id, (_person, minutes) in held.items():
        kind = JOINT if session_id in joint else INDIVIDUAL
        figures.session_kinds[kind] += 1
        if minutes is not None:
            figures.kind_minutes[kind] += minutes
            figures.kind_timed[kind] += 1
    for session_id, target in query("SELECT session_id, target FROM referral"):
        if session_id in held:
            figures.referrals[target] += 1


def _tallies(figures: KeyFigures, query: Callable[..., Any], period: Period) -> None:
    months = set(period.months())
    rows: Iterable[tuple[str, str, str, int, int | None]] = query(
        "SELECT period, figure, category, count, minutes FROM erasure_tally"
    )
    for month, figure, category, count, minutes in rows:
        if month not in months:
            continue
        if figure == Figure.CASE_STARTED:
            figures.persons["counselled"] += count
            figures.persons["new"] += count
            figures.erased["new"] += count
        elif figure == Figure.CASE_CLOSED:
            figures.persons["closed"] += count
            figures.closures[category] += count
            figures.erased["closed"] += count
        elif figure == Figure.CASE_EXTENDED:
            figures.extended += count
        elif figure == Figure.SESSION:
            figures.sessions += count
            figures.places[category] += count
            figures.months[month] += count
            figures.erased["sessions"] += count
        elif figure == Figure.SESSION_TIMED:  # the sessions with a duration, and their minutes
            figures.minutes += minutes or 0
            figures.timed_sessions += count
            figures.place_minutes[category] += minutes or 0
            figures.place_timed[category] += count
        elif figure == Figure.TOPIC:
            figures.topics[category] += count
        elif figure == Figure.REFERRAL:
            figures.referrals[category] += count
        elif figure == Figure.PLAN:  # category: "new" or "continued"
            figures.plans[category if category in ("new", "continued") else "new"] += count
        elif figure == Figure.GOAL:
            area, _sep, status = category.partition(":")
            figures.goals[(area, status)] += count


def choices(db: Database) -> tuple[list[str], list[str]]:
    """The integration managers and municipalities the persons' records name, for the filters."""
    found = []
    for column in ("manager", "municipality"):
        rows = db.conn.execute(f"SELECT DISTINCT trim({column}) FROM person WHERE trim(coalesce({column}, '')) != ''"
                               f" ORDER BY 1")  # fmt: skip
        found.append([value for (value,) in rows])
    return found[0], found[1]
