"""Synthetic demo data: households with consents, plans, sessions and closures, like a caseload in BW."""

from __future__ import annotations

import random
from collections.abc import Callable
from datetime import date

from integrationsplan.demo.context import DEMO, LANDKREIS, Density
from integrationsplan.demo.households import Households
from integrationsplan.storage.database import Database
from integrationsplan.storage.repository import Repository

__all__ = ["DEMO", "LANDKREIS", "Density", "fill"]


def fill(
    db: Database,
    persons: int = 200,
    seed: int = 1,
    today: date | None = None,
    progress: Callable[[int, int], None] | None = None,
    density: Density = DEMO,
) -> dict[str, int]:
    """Add `persons` synthetic persons in households, one transaction per household.

    Everything goes through the repositories, so it passes the validation that data entered by hand passes. The
    same seed and `today` give the same names and texts; only the record ids (uuid4) differ. `density` makes each
    case fuller than the usual demo (LANDKREIS: the benchmark caseload).

    Returns the number of records added per repository name (persons, households, plans, sessions …).
    """
    tables = {name: repo.table for name, repo in vars(db).items() if isinstance(repo, Repository)}
    before = db.counts()
    maker = Households(db, random.Random(seed), today or date.today(), density)
    done = 0
    while done < persons:
        with db.write():
            done += maker.household(persons - done)
        if progress is not None:
            progress(done, persons)
    after = db.counts()
    return {name: after[table] - before[table] for name, table in tables.items()}
