"""The seeded random draws every demo writer shares: days, chances, picks, weighted picks and digits."""

from __future__ import annotations

import random
from collections.abc import Sequence
from datetime import date, timedelta
from typing import TypeVar

T = TypeVar("T")
DAY = timedelta(days=1)


class Dice:
    """Draws from one seeded generator; writers sharing the generator share its sequence."""

    def __init__(self, rng: random.Random) -> None:
        self.rng = rng

    def day(self, first: date, last: date) -> date:
        return first if last <= first else first + self.rng.randint(0, (last - first).days) * DAY

    def chance(self, p: float) -> bool:
        return self.rng.random() < p

    def pick(self, options: Sequence[T]) -> T:
        return self.rng.choice(options)

    def weighted(self, pairs: Sequence[tuple[T, int]]) -> T:
        return self.rng.choices([p[0] for p in pairs], [p[1] for p in pairs])[0]

    def digits(self, pattern: str) -> str:
        return "".join(str(self.rng.randint(0, 9)) if ch == "#" else ch for ch in pattern)
