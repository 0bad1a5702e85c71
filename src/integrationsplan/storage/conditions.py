"""SQL conditions several queries share, written once so that they cannot drift apart.

`NOT_CLOSED_PLAN` is also the condition of the partial index `plan_next_review`: a query must use it
word for word for SQLite to use the index.
"""

from __future__ import annotations

from integrationsplan.domain.codes import GoalStatus, PlanStatus

NOT_CLOSED_PLAN = f"status != '{PlanStatus.CLOSED.value}'"  # of a `plan` row; prefix the alias where needed
OPEN_GOAL_STATUSES = ", ".join(f"'{s.value}'" for s in GoalStatus if not s.is_final)  # for `status IN (…)`
CLOSED_CASES = "(SELECT person_id FROM case_closure)"  # for `id IN …` / `NOT IN …`
