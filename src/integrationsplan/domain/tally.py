"""What stays of an erased case: anonymous counts for the key figures, one figure and category per record.

An erasure (data protection) removes every personal value of a case; the funding report still has to count it.
So before the purge, the case's countable facts become tally records: a month, a figure, a category and a count,
with nothing that names or describes the person (no names, birth dates, nationality, notes, texts). Each record
holds one category only, so that no record combines the facts of a case.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum

from integrationsplan.domain.rules import new_id


class Figure(StrEnum):
    CASE_STARTED = "case_started"  # category: "" ; period: month counselling started
    CASE_CLOSED = "case_closed"  # category: the reason of the (latest) closure; period: its month
    CASE_EXTENDED = "case_extended"  # category: "" ; period: month of the closure (of the erasure if open)
    SESSION = "session"  # category: the place; period: month held
    SESSION_TIMED = "session_timed"  # the sessions of SESSION with a duration; minutes: their total
    TOPIC = "topic"  # category: the life area; period: month of the session
    GOAL = "goal"  # category: "<life area>:<status>" of each goal once (its last version); period: as extended
    PLAN = "plan"  # category: "new" (a first plan) or "continued" (a later version); period: month created
    REFERRAL = "referral"  # category: the target; period: month of the session


@dataclass(frozen=True, slots=True, kw_only=True)
class ErasureTally:
    id: str = field(default_factory=new_id)
    period: str  # "YYYY-MM"
    figure: Figure
    category: str
    count: int
    minutes: int | None = None

    def validate(self) -> None:
        pass
