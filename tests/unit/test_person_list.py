"""The person list's SQL on real encrypted databases: columns, filters, sorting, paging and positions."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from datetime import date
from typing import Any

import pytest

from integrationsplan.domain.codes import ClosureReason, GoalStatus, LifeArea, PlanStatus
from integrationsplan.domain.household import Household, HouseholdMember
from integrationsplan.domain.person import CaseClosure, Person
from integrationsplan.domain.plan import Goal, Plan
from integrationsplan.storage import Database, search
from integrationsplan.storage.person_list import ListQuery, PersonRow, SortKey, Status, count, page, position
from integrationsplan.storage.records import columns, to_row

START = date(2024, 3, 1)
EVERYTHING = 1_000_000


def add_person(db: Database, number: int, **fields: Any) -> Person:
    fields.setdefault("counselling_start", START)
    return db.persons.add(Person(case_number=f"T-{number:05d}", **fields))


def add_plan(db: Database, person: Person, status: PlanStatus = PlanStatus.ACTIVE, **fields: Any) -> Plan:
    """A plan of the given status; a closed plan keeps the goals it was given while it was open."""
    goals = fields.pop("goals", ())
    plan = db.plans.add(Plan(person_id=person.id, created_on=START, **fields))
    for goal_status in goals:
        final = GoalStatus(goal_status).is_final
        db.goals.add(
            Goal(plan_id=plan.id, area=LifeArea.WORK, text="Arbeit finden", status=goal_status,
                 status_date=START if goal_status is not GoalStatus.OPEN else None,
                 status_reason="Umzug" if final else None)
        )  # fmt: skip
    if status is not PlanStatus.DRAFT:
        plan = db.plans.save(replace(plan, status=status, closed_on=START if status is PlanStatus.CLOSED else None))
    return plan


def add_household(db: Database, person: Person, label: str | None, left_on: date | None = None) -> None:
    household = db.households.add(Household(label=label))
    db.members.add(HouseholdMember(household_id=household.id, person_id=person.id, joined_on=START, left_on=left_on))


def close_case(db: Database, person: Person, on: date = date(2025, 1, 31)) -> None:
    db.closures.add(CaseClosure(person_id=person.id, closed_on=on, reason=ClosureReason.MOVED_AWAY))


def listed(db: Database, query: ListQuery) -> list[PersonRow]:
    return page(db.conn, query, 0, EVERYTHING)


def ids(db: Database, query: ListQuery) -> list[str]:
    return [row.id for row in listed(db, query)]


def bulk_insert(db: Database, number: int) -> None:
    """Persons straight into the table and the search index: the write path is too slow for thousands."""
    names = columns(Person)
    sql = f"INSERT INTO person ({', '.join(names)}) VALUES ({', '.join(':' + n for n in names)})"
    persons = [
        Person(case_number=f"B-{i:05d}", counselling_start=START, family_name=f"Name{i % 97}", given_names="Anna")
        for i in range(number)
    ]
    db.conn.execute("BEGIN IMMEDIATE")
    db.conn.executemany(sql, [to_row(p) for p in persons])
    search.rebuild(db.conn, db.persons.iterate())
    db.conn.execute("COMMIT")


# -- the columns -----------------------------------------------------------------------------------


def test_every_column_of_a_row(db: Database) -> None:
    person = add_person(
        db, 1, family_name="Müller", given_names="Anna", municipality="Lörrach", manager="Frau Berger",
        extended=True, extension_reason="Ausbildung läuft", counselling_start=date(2023, 3, 1),
    )  # fmt: skip
    add_household(db, person, "Alt", left_on=date(2024, 6, 1))
    add_household(db, person, "Müller (Neu)")
    add_plan(db, person, PlanStatus.CLOSED, next_review=date(2024, 4, 1), goals=[GoalStatus.OPEN] * 5)
    add_plan(
        db, person, PlanStatus.ACTIVE, version=2, next_review=date(2024, 9, 1),
        goals=[GoalStatus.OPEN, GoalStatus.IN_PROGRESS, GoalStatus.ACHIEVED, GoalStatus.DROPPED,
               GoalStatus.PARTLY_ACHIEVED, GoalStatus.NOT_ACHIEVED],
    )  # fmt: skip
    add_plan(db, person, PlanStatus.DRAFT, version=3, next_review=date(2024, 8, 1), goals=[GoalStatus.OPEN])

    assert listed(db, ListQuery()) == [
        PersonRow(
            id=person.id,
            case_number="T-00001",
            name="Müller, Anna",
            household="Müller (Neu)",
            municipality="Lörrach",
            counselling_start=date(2023, 3, 1),
            counselling_limit=date(2027, 3, 1),
            next_review=date(2024, 8, 1),
            open_goals=3,
            closed_on=None,
            manager="Frau Berger",
        )
    ]


def test_a_row_with_nothing_but_the_required_fields(db: Database) -> None:
    person = add_person(db, 2, counselling_start=date(2024, 2, 29))
    add_household(db, person, "Früher", left_on=date(2024, 5, 1))
    add_plan(db, person, PlanStatus.CLOSED, next_review=date(2024, 4, 1), goals=[GoalStatus.IN_PROGRESS])
    (row,) = listed(db, ListQuery())
    assert (row.name, row.household, row.municipality, row.manager) == ("", None, None, None)
    assert (row.next_review, row.open_goals, row.closed_on) == (None, 0, None)
    assert row.counselling_limit == date(2027, 2, 28)


@pytest.mark.parametrize(
    ("names", "expected"),
    [
        ({"family_name": "Müller", "given_names": "Anna"}, "Müller, Anna"),
        ({"family_name": "Müller", "given_names": "Anna", "family_name_latin": "Mueller"}, "Müller, Anna"),
        (
            {"family_name": "حداد", "given_names": "محمد", "family_name_latin": "Haddad",
             "given_names_latin": "Muhammad"},
            "حداد, محمد (Haddad, Muhammad)",
        ),
        (
            {"family_name": "Tesfay", "given_names": "ሚካኤል", "given_names_latin": "Mikael"},
            "Tesfay, ሚካኤል (Tesfay, Mikael)",
        ),
        ({"family_name": "Коваленко", "given_names": "Олександр"}, "Коваленко, Олександр"),
        ({"family_name_latin": "Haddad", "given_names_latin": "Muhammad"}, "Haddad, Muhammad"),
        ({"given_names": "Anna"}, "Anna"),
        ({"family_name": "Yilmaz"}, "Yilmaz"),
        ({}, ""),
    ],
)  # fmt: skip
def test_display_name(db: Database, names: dict[str, str], expected: str) -> None:
    add_person(db, 3, **names)
    assert [row.name for row in listed(db, ListQuery())] == [expected]


# -- filters ---------------------------------------------------------------------------------------


def test_status(db: Database) -> None:
    open_case = add_person(db, 1, family_name="Offen")
    closed_case = add_person(db, 2, family_name="Beendet")
    close_case(db, closed_case, date(2025, 1, 31))

    assert ids(db, ListQuery(status=Status.ACTIVE)) == [open_case.id]
    assert ids(db, ListQuery(status=Status.CLOSED)) == [closed_case.id]
    assert ids(db, ListQuery(status=Status.ALL)) == [closed_case.id, open_case.id]
    assert [r.closed_on for r in listed(db, ListQuery(status=Status.ALL))] == [date(2025, 1, 31), None]
    assert [count(db.conn, ListQuery(status=s)) for s in Status] == [1, 1, 2]


def test_review_due_by_includes_overdue_reviews_of_open_plans_only(db: Database) -> None:
    day = date(2024, 6, 30)
    overdue = add_person(db, 1, family_name="A")
    add_plan(db, overdue, next_review=date(2024, 4, 1))
    due_that_day = add_person(db, 2, family_name="B")
    add_plan(db, due_that_day, PlanStatus.DRAFT, next_review=day)
    later = add_person(db, 3, family_name="C")
    add_plan(db, later, next_review=date(2024, 7, 1))
    only_closed_plan_due = add_person(db, 4, family_name="D")
    add_plan(db, only_closed_plan_due, PlanStatus.CLOSED, next_review=date(2024, 4, 1))
    add_plan(db, only_closed_plan_due, version=2, next_review=date(2024, 12, 1))
    add_person(db, 5, family_name="E")  # no plan at all
    closed_case = add_person(db, 6, family_name="F")
    add_plan(db, closed_case, next_review=date(2024, 4, 1))
    close_case(db, closed_case)

    query = ListQuery(review_due_by=day)
    assert ids(db, query) == [overdue.id, due_that_day.id]
    assert count(db.conn, query) == 2
    assert ids(db, replace(query, status=Status.ALL)) == [overdue.id, due_that_day.id, closed_case.id]


def test_manager_filter(db: Database) -> None:
    mine = add_person(db, 1, family_name="A", manager="Berger")
    add_person(db, 2, family_name="B", manager="Kaya")
    add_person(db, 3, family_name="C")
    assert ids(db, ListQuery(manager="Berger")) == [mine.id]
    assert ids(db, ListQuery(manager="Niemand")) == []


def test_text_search_combines_with_the_other_filters(db: Database) -> None:
    anna = add_person(db, 1, family_name="Müller", given_names="Anna", manager="Berger")
    karl = add_person(db, 2, family_name="Müller", given_names="Karl", manager="Kaya")
    closed = add_person(db, 3, family_name="Mueller", given_names="Petra", manager="Berger")
    close_case(db, closed)
    add_person(db, 4, family_name="Schmidt", given_names="Olga", municipality="Müllheim")

    assert ids(db, ListQuery(text="mueller")) == [anna.id, karl.id]
    assert ids(db, ListQuery(text="  MÜLLER  ", status=Status.ALL)) == [closed.id, anna.id, karl.id]
    assert ids(db, ListQuery(text="mueller", manager="Berger")) == [anna.id]
    assert ids(db, ListQuery(text="mueller", status=Status.CLOSED)) == [closed.id]
    assert ids(db, ListQuery(text="müller anna")) == [anna.id]
    assert ids(db, ListQuery(text="T-00002")) == [karl.id]
    assert ids(db, ListQuery(text="zzzz")) == []
    assert count(db.conn, ListQuery(text="mueller")) == 2
    assert len(ids(db, ListQuery(text="   ", status=Status.ALL))) == 4  # blank text does not filter


@pytest.mark.parametrize(
    "text",
    ['"', "'", '""*', "a" * 10_000, "😀", "😀 " * 3000, "NOT", "AND OR NEAR", "^-+*:()", "names:x", "\x00", "é" * 64],
)
def test_absurd_search_text_does_not_raise(db: Database, text: str) -> None:
    person = add_person(db, 1, family_name="Müller")
    query = ListQuery(text=text, status=Status.ALL)
    rows = listed(db, query)
    assert count(db.conn, query) == len(rows)
    assert position(db.conn, query, person.id) == (0 if rows else None)


# -- sorting ---------------------------------------------------------------------------------------


@pytest.fixture
def crowd(db: Database) -> dict[str, Person]:
    """Persons with ties and gaps in every sortable column; case numbers are not in insertion order."""
    specs: list[tuple[int, dict[str, Any], str | None, date | None, int]] = [
        # (case number, person fields, household label, next review, open goals)
        (7, {"family_name": "zimmer", "given_names": "Anna", "municipality": "waldshut"}, "b", date(2024, 9, 1), 2),
        (3, {"family_name": "Zimmer", "given_names": "anna", "municipality": "Waldshut"}, "B", date(2024, 9, 1), 2),
        (5, {"family_name": "Abel", "given_names": "Zoe", "counselling_start": date(2023, 1, 1)}, "a", None, 0),
        (1, {"family_name": "de Vries", "given_names": "Jan", "municipality": "Freiburg"}, None, date(2024, 5, 1), 1),
        (9, {"family_name_latin": "Haddad", "given_names_latin": "Muhammad"}, "c", date(2024, 5, 1), 0),
        (4, {"given_names": "Olga", "municipality": "Aalen"}, None, None, 3),
        (8, {}, "a", date(2024, 7, 1), 0),
        (2, {"family_name": "Abel", "counselling_start": date(2023, 1, 1)}, None, None, 1),
        (6, {"family_name": "Abel", "given_names": "Zoe", "counselling_start": date(2025, 1, 1)}, "c", None, 3),
        (6, {"family_name": "abel", "given_names": "zoe"}, None, date(2024, 9, 1), 0),  # the same case number
    ]
    persons = {}
    for number, fields, label, review, goals in specs:
        person = add_person(db, number, **fields)
        if label is not None:
            add_household(db, person, label)
        if review is not None or goals:
            add_plan(db, person, next_review=review, goals=[GoalStatus.OPEN] * goals)
        persons[person.id] = person
    return persons


def expected_order(db: Database, persons: dict[str, Person], sort: SortKey) -> list[str]:
    """The ascending order, worked out in Python from the persons and their rows."""
    rows = {row.id: row for row in listed(db, ListQuery(sort=SortKey.CASE_NUMBER))}

    def text(value: str | None) -> tuple[bool, str]:
        return (value is None, (value or "").lower())

    def key(row: PersonRow) -> tuple[Any, ...]:
        p = persons[row.id]
        by: Callable[[], tuple[Any, ...]] = {
            SortKey.CASE_NUMBER: lambda: (),
            SortKey.NAME: lambda: (
                *text(p.family_name or p.family_name_latin),
                *text(p.given_names or p.given_names_latin),
            ),
            SortKey.HOUSEHOLD: lambda: text(row.household),
            SortKey.MUNICIPALITY: lambda: text(row.municipality),
            SortKey.COUNSELLING_START: lambda: (row.counselling_start,),
            SortKey.NEXT_REVIEW: lambda: (row.next_review is None, row.next_review or date.min),
            SortKey.OPEN_GOALS: lambda: (row.open_goals,),
        }[sort]
        return (*by(), row.case_number, row.id)

    return [row.id for row in sorted(rows.values(), key=key)]


@pytest.mark.parametrize("sort", list(SortKey))
def test_every_sort_key_both_ways(db: Database, crowd: dict[str, Person], sort: SortKey) -> None:
    ascending = ids(db, ListQuery(sort=sort))
    assert ascending == expected_order(db, crowd, sort)
    assert ids(db, ListQuery(sort=sort, descending=True)) == ascending[::-1]


def test_sort_details(db: Database, crowd: dict[str, Person]) -> None:
    def names(sort: SortKey, descending: bool = False) -> list[str]:
        return [row.name for row in listed(db, ListQuery(sort=sort, descending=descending))]

    # Case-insensitive by family name, then given names; the transliteration stands in; nameless last.
    by_name = names(SortKey.NAME)
    assert by_name[0] == "Abel, Zoe"  # T-00005 before the two T-00006, whose order the ids decide
    assert sorted(by_name[1:3]) == ["Abel, Zoe", "abel, zoe"]
    assert by_name[3:] == ["Abel", "de Vries, Jan", "Haddad, Muhammad", "Zimmer, anna", "zimmer, Anna", "Olga", ""]
    assert names(SortKey.NAME, descending=True)[:2] == ["", "Olga"]
    reviews = [row.next_review for row in listed(db, ListQuery(sort=SortKey.NEXT_REVIEW))]
    assert reviews[:2] == [date(2024, 5, 1)] * 2
    assert reviews[-4:] == [None] * 4
    # Ties fall back on the case number, then the id.
    tied = [row for row in listed(db, ListQuery(sort=SortKey.NAME)) if row.case_number == "T-00006"]
    assert [row.id for row in tied] == sorted(row.id for row in tied)


# -- paging, counting, positions -------------------------------------------------------------------

QUERIES = [
    ListQuery(),
    ListQuery(status=Status.ALL, sort=SortKey.NEXT_REVIEW, descending=True),
    ListQuery(status=Status.ALL, sort=SortKey.HOUSEHOLD),
    ListQuery(sort=SortKey.OPEN_GOALS, descending=True),
    ListQuery(text="abel", sort=SortKey.COUNSELLING_START),
]


@pytest.mark.parametrize("query", QUERIES)
@pytest.mark.parametrize("size", [1, 3, 7])
def test_pages_cover_every_row_once(db: Database, crowd: dict[str, Person], query: ListQuery, size: int) -> None:
    close_case(db, next(iter(crowd.values())))
    total = count(db.conn, query)
    pages = [page(db.conn, query, offset, size) for offset in range(0, total + size, size)]
    assert all(len(p) == size for p in pages[: total // size])
    assert pages[-1] == []
    joined = [row for p in pages for row in p]
    assert joined == listed(db, query)
    assert len({row.id for row in joined}) == len(joined) == total


def test_page_arguments(db: Database, crowd: dict[str, Person]) -> None:
    assert page(db.conn, ListQuery(), 0, 0) == []
    assert page(db.conn, ListQuery(), 100, 10) == []
    with pytest.raises(ValueError, match="negative"):
        page(db.conn, ListQuery(), -1, 10)


@pytest.mark.parametrize("query", QUERIES)
def test_position_is_the_row_index(db: Database, crowd: dict[str, Person], query: ListQuery) -> None:
    closed = next(iter(crowd.values()))
    close_case(db, closed)
    listed_ids = ids(db, query)
    assert [position(db.conn, query, person_id) for person_id in listed_ids] == list(range(len(listed_ids)))
    for person_id in set(crowd) - set(listed_ids):
        assert position(db.conn, query, person_id) is None
    assert position(db.conn, query, "no such person") is None
    if query.status is Status.ACTIVE:
        assert position(db.conn, query, closed.id) is None


def test_thousands_of_persons(db: Database) -> None:
    bulk_insert(db, 5000)
    rows = page(db.conn, ListQuery(), 0, 200)
    assert len(rows) == 200
    assert count(db.conn, ListQuery()) == 5000
    assert rows[0].name == "Name0, Anna"
    assert count(db.conn, ListQuery(text="name42")) == len(ids(db, ListQuery(text="name42"))) > 0
    assert position(db.conn, ListQuery(sort=SortKey.CASE_NUMBER), rows[0].id) == 0


def test_default_order_uses_the_name_index(db: Database) -> None:
    """The index person_name_sort (migration 0002) must match the expressions the list sorts by."""
    statements: list[str] = []
    db.conn.set_trace_callback(statements.append)
    try:
        page(db.conn, ListQuery(status=Status.ALL), 0, 200)
    finally:
        db.conn.set_trace_callback(None)
    plan = " ".join(str(row) for row in db.conn.execute("EXPLAIN QUERY PLAN " + statements[0]))
    assert "person_name_sort" in plan, plan
