"""Hybrid logical clock: wall-clock milliseconds in the high bits, a counter in the low 16 bits.

Values only ever grow on one device, even when the wall clock jumps back, and they order changes
across devices close to real time. Ties between devices are broken by the device id.
"""

from __future__ import annotations

import time
from datetime import UTC, datetime

LOGICAL_BITS = 16
# A clock more than a day ahead of ours is suspicious: it would win every merge (flagged by sync).
MAX_FUTURE_DRIFT_MS = 24 * 3600 * 1000


def wall_ms() -> int:
    return time.time_ns() // 1_000_000


def pack(physical_ms: int, logical: int = 0) -> int:
    return (physical_ms << LOGICAL_BITS) | logical


def physical_ms(hlc: int) -> int:
    return hlc >> LOGICAL_BITS


def tick(last: int, now_ms: int) -> int:
    """The clock for a local event after `last`."""
    return max(last + 1, pack(now_ms))


def receive(last: int, remote: int, now_ms: int) -> int:
    """The clock after seeing a remote value; never behind either."""
    return max(last + 1, remote + 1, pack(now_ms))


def is_far_future(hlc: int, now_ms: int) -> bool:
    return physical_ms(hlc) - now_ms > MAX_FUTURE_DRIFT_MS


def to_datetime(hlc: int) -> datetime:
    return datetime.fromtimestamp(physical_ms(hlc) / 1000, tz=UTC)
