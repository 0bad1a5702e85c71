"""The person list: filtered, sorted and paged in SQL so that 50,000 persons open as fast as 50."""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date
from enum import StrEnum
from typing import Any

from integrationsplan.domain import names
from integrationsplan.domain.rules import counselling_limit
from integrationsplan.storage import search
from integrationsplan.storage.conditions import CLOSED_CASES, NOT_CLOSED_PLAN, OPEN_GOAL_STATUSES
from integrationsplan.storage.connection import Connection


class Status(StrEnum):
    ACTIVE = "active"
    CLOSED = "closed"  # the person has a case_closure row
    ALL = "all"


class SortKey(StrEnum):
    CASE_NUMBER = "case_number"
    NAME = "name"
    HOUSEHOLD = "household"
    MUNICIPALITY = "municipality"
    COUNSELLING_START = "counselling_start"
    NEXT_REVIEW = "next_review"
    OPEN_GOALS = "open_goals"


@dataclass(frozen=True, slots=True)
class PersonRow:
    id: str
    case_number: str
    name: str  # "Family, Given", a non-Latin original followed by its transliteration; "" without any name
    household: str | None  # label of the household the person currently belongs to
    municipality: str | None
    counselling_start: date
    counselling_limit: date
    next_review: date | None  # earliest next review over the person's plans that are not closed
    open_goals: int  # open or in-progress goals in the person's plans that are not closed
    closed_on: date | None
    manager: str | None


@dataclass(frozen=True, slots=True)
class ListQuery:
    text: str = ""  # type-ahead over the search index
    status: Status = Status.ACTIVE
    review_due_by: date | None = None  # only persons with a next review on or before this day
    manager: str | None = None  # only the persons of this case manager
    sort: SortKey = SortKey.NAME
    descending: bool = False


# Per-person values, as SQL over the person row `p`. `_ROWS` computes them for the rows of one page only;
# the sort computes one for every listed person only when the list is sorted by it.
_HOUSEHOLD = (
    "(SELECT h.label FROM household_member m JOIN household h ON h.id = m.household_id"
    " WHERE m.person_id = p.id AND m.left_on IS NULL ORDER BY m.joined_on DESC, h.label, h.id LIMIT 1)"
)
_NEXT_REVIEW = f"(SELECT min(next_review) FROM plan WHERE person_id = p.id AND {NOT_CLOSED_PLAN})"
_OPEN_GOALS = (
    "(SELECT count(*) FROM plan pl JOIN goal g ON g.plan_id = pl.id"
    f" WHERE pl.person_id = p.id AND pl.{NOT_CLOSED_PLAN} AND g.status IN ({OPEN_GOAL_STATUSES}))"
)
_CLOSED_ON = "(SELECT max(closed_on) FROM case_closure WHERE person_id = p.id)"
_FAMILY = "coalesce(nullif(p.family_name, ''), nullif(p.family_name_latin, ''))"
_GIVEN = "coalesce(nullif(p.given_names, ''), nullif(p.given_names_latin, ''))"


# The sort terms of each key as (expression, may be NULL); case_number and id follow to make the order total.
_SORT_TERMS: dict[SortKey, tuple[tuple[str, bool], ...]] = {
    SortKey.CASE_NUMBER: (),
    SortKey.NAME: ((f"lower({_FAMILY})", True), (f"lower({_GIVEN})", True)),
    SortKey.HOUSEHOLD: ((f"lower(nullif({_HOUSEHOLD}, ''))", True),),
    SortKey.MUNICIPALITY: (("lower(nullif(p.municipality, ''))", True),),
    SortKey.COUNSELLING_START: (("p.counselling_start", False),),
    SortKey.NEXT_REVIEW: ((_NEXT_REVIEW, True),),
    SortKey.OPEN_GOALS: ((_OPEN_GOALS, False),),
}
_TIE_BREAK = ("p.case_number", "p.id")

_COLUMNS = (
    "p.id, p.case_number, p.family_name, p.given_names, p.family_name_latin, p.given_names_latin,"
    f" {_HOUSEHOLD}, p.municipality, p.counselling_start, p.extended, {_NEXT_REVIEW}, {_OPEN_GOALS},"
    f" {_CLOSED_ON}, p.manager"
)


def _where(query: ListQuery) -> tuple[str, list[Any]]:
    """The filter of a query as a WHERE clause over `person p`, with its parameters."""
    conditions: list[str] = []
    params: list[Any] = []
    if query.status is Status.ACTIVE:
        conditions.append(f"p.id NOT IN {CLOSED_CASES}")
    elif query.status is Status.CLOSED:
        conditions.append(f"p.id IN {CLOSED_CASES}")
    if query.text.strip():
        # Text without anything searchable in it (punctuation, emoji) finds nobody, as in search.search.
        conditions.append(
            "p.id IN (SELECT k.person_id FROM person_fts f JOIN person_key k ON k.rowid = f.rowid"
            " WHERE person_fts MATCH ?)"
        )
        params.append(search.match_expression(query.text) or '""')
    if query.review_due_by is not None:
        conditions.append(f"p.id IN (SELECT person_id FROM plan WHERE {NOT_CLOSED_PLAN} AND next_review <= ?)")
        params.append(query.review_due_by.isoformat())
    if query.manager is not None:
        conditions.append("p.manager = ?")
        params.append(query.manager)
    return " AND ".join(conditions) or "1", params


def _order_by(query: ListQuery, keys: list[str]) -> str:
    """ORDER BY over the sort terms (or the columns holding them); descending is the exact reverse.

    NULLs go last as an `IS NULL` term before the value, which an expression index can serve, except
    for subqueries, which that would evaluate twice per row.
    """
    direction = " DESC" if query.descending else ""
    terms: list[str] = []
    for key, (term, may_be_null) in zip(keys, _SORT_TERMS[query.sort], strict=True):
        if not may_be_null:
            terms.append(key + direction)
        elif "SELECT" in term:
            terms.append(key + direction + (" NULLS FIRST" if query.descending else " NULLS LAST"))
        else:
            terms += [f"{key} IS NULL{direction}", key + direction]
    return ", ".join([*terms, *(term + direction for term in _TIE_BREAK)])


def _page_sql(query: ListQuery, offset: int, limit: int) -> tuple[str, list[Any]]:
    """The ids of one page, sorted by the sort terms alone; `_ROWS` then computes the columns for them.

    One statement with the page as a subquery would be simpler, but SQLite then sorts every row in full
    instead of keeping the best `limit + offset`, which doubles the time of the first page.
    """
    where, params = _where(query)
    keys = [f"k{i}" for i in range(len(_SORT_TERMS[query.sort]))]
    selected = "".join(f", {term} AS {key}" for (term, _), key in zip(_SORT_TERMS[query.sort], keys, strict=True))
    sql = f"SELECT p.id{selected} FROM person p WHERE {where} ORDER BY {_order_by(query, keys)} LIMIT ? OFFSET ?"
    return sql, [*params, limit, offset]


# The columns of the persons whose ids are given as a JSON array, in the array's order.
_ROWS = f"SELECT {_COLUMNS} FROM json_each(?) AS page JOIN person p ON p.id = page.value ORDER BY page.key"


def _terms(query: ListQuery) -> list[str]:
    return [term for term, _ in _SORT_TERMS[query.sort]]


def _count_sql(query: ListQuery) -> tuple[str, list[Any]]:
    where, params = _where(query)
    return f"SELECT count(*) FROM person p WHERE {where}", params


def _position_sql(query: ListQuery, person_id: str) -> tuple[str, list[Any]]:
    where, params = _where(query)
    sql = (
        f"SELECT position FROM (SELECT p.id AS id, row_number() OVER (ORDER BY {_order_by(query, _terms(query))}) - 1"
        f" AS position FROM person p WHERE {where}) WHERE id = ?"
    )
    return sql, [*params, person_id]


def page(conn: Connection, query: ListQuery, offset: int, limit: int) -> list[PersonRow]:
    """Rows offset to offset + limit of the list, in list order."""
    if offset < 0:
        raise ValueError(f"offset {offset} is negative")
    if limit <= 0:
        return []
    sql, params = _page_sql(query, offset, limit)
    ids = [r[0] for r in conn.execute(sql, params).fetchall()]
    if not ids:
        return []
    return [_row(r) for r in conn.execute(_ROWS, (json.dumps(ids),)).fetchall()]


def count(conn: Connection, query: ListQuery) -> int:
    sql, params = _count_sql(query)
    return int(conn.execute(sql, params).fetchone()[0])


def position(conn: Connection, query: ListQuery, person_id: str) -> int | None:
    """The row index of a person in the list, or None when the query does not list them."""
    sql, params = _position_sql(query, person_id)
    row = conn.execute(sql, params).fetchone()
    return None if row is None else int(row[0])


def _row(r: tuple[Any, ...]) -> PersonRow:
    start = date.fromisoformat(r[8])
    return PersonRow(
        id=r[0],
        case_number=r[1],
        name=names.display_name(r[2], r[3], r[4], r[5]),
        household=r[6],
        municipality=r[7],
        counselling_start=start,
        counselling_limit=counselling_limit(start, bool(r[9])),
        next_review=_date(r[10]),
        open_goals=int(r[11]),
        closed_on=_date(r[12]),
        manager=r[13],
    )


def _date(value: str | None) -> date | None:
    return None if value is None else date.fromisoformat(value)
