"""Follow-ups: plan reviews, steps and appointments coming up, overdue ones first, for open cases only.

Steps count while their goal is still open; an appointment counts until a later session is recorded.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from enum import StrEnum
from typing import Any

from integrationsplan.domain import names
from integrationsplan.storage.conditions import CLOSED_CASES, NOT_CLOSED_PLAN, OPEN_GOAL_STATUSES
from integrationsplan.storage.connection import Connection

_OPEN_CASE = f"p.id NOT IN {CLOSED_CASES}"
_OPEN_PLAN = f"pl.{NOT_CLOSED_PLAN}"
_OPEN_GOAL = f"g.status IN ({OPEN_GOAL_STATUSES})"
_PERSON = "p.id, p.case_number, p.family_name, p.given_names, p.family_name_latin, p.given_names_latin"


class DueKind(StrEnum):
    REVIEW = "review"
    STEP = "step"
    APPOINTMENT = "appointment"


@dataclass(frozen=True)
class DueItem:
    kind: DueKind
    day: date
    person_id: str
    case_number: str
    name: str
    text: str  # the step, the plan version, or the time of the appointment
    record_id: str

    def overdue(self, today: date) -> bool:
        return self.day < today and self.kind is not DueKind.APPOINTMENT


def _item(kind: DueKind, row: tuple[Any, ...], text: str) -> DueItem:
    day, record_id, person_id, case_number, family, given, family_latin, given_latin = row[:8]
    name = names.display_name(family, given, family_latin, given_latin) or case_number
    return DueItem(kind, date.fromisoformat(day[:10]), person_id, case_number, name, text, record_id)


def due_items(conn: Connection, today: date, until: date, manager: str | None = None) -> list[DueItem]:
    """What falls due up to `until`: reviews and steps also when overdue, appointments from today on."""
    mine = " AND p.manager = ?" if manager is not None else ""
    extra: tuple[Any, ...] = (manager,) if manager is not None else ()
    end = until.isoformat()
    items: list[DueItem] = []
    for row in conn.execute(
        f"SELECT pl.next_review, pl.id, {_PERSON}, pl.version FROM plan pl JOIN person p ON p.id = pl.person_id"
        f" WHERE {_OPEN_PLAN} AND pl.next_review <= ? AND {_OPEN_CASE}{mine}",
        (end, *extra),
    ):
        items.append(_item(DueKind.REVIEW, row, str(row[8])))
    for row in conn.execute(
        f"SELECT s.due_date, s.id, {_PERSON}, s.text FROM step s JOIN goal g ON g.id = s.goal_id"
        " JOIN plan pl ON pl.id = g.plan_id JOIN person p ON p.id = pl.person_id"
        f" WHERE s.done_on IS NULL AND s.due_date <= ? AND {_OPEN_GOAL} AND {_OPEN_PLAN} AND {_OPEN_CASE}{mine}",
        (end, *extra),
    ):
        items.append(_item(DueKind.STEP, row, next(iter((row[8] or "").strip().splitlines()), "")))
    for row in conn.execute(
        f"SELECT s.next_appointment, s.id, {_PERSON} FROM counselling_session s JOIN person p ON p.id = s.person_id"
        f" WHERE s.next_appointment >= ? AND substr(s.next_appointment, 1, 10) <= ? AND {_OPEN_CASE}{mine}"
        # a later session has made or moved the appointment since
        " AND NOT EXISTS (SELECT 1 FROM counselling_session t WHERE t.person_id = s.person_id"
        " AND t.held_on > s.held_on)",
        (today.isoformat(), end, *extra),
    ):
        items.append(_item(DueKind.APPOINTMENT, row, datetime.fromisoformat(row[0]).strftime("%H:%M")))
    order = {DueKind.REVIEW: 0, DueKind.STEP: 1, DueKind.APPOINTMENT: 2}
    return sorted(items, key=lambda i: (i.day, order[i.kind], i.text if i.kind is DueKind.APPOINTMENT else "",
                                        i.case_number))  # fmt: skip
