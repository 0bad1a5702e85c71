"""Field-level merge of the change log: what a row is, given every change any device made to it.

Every replica that holds the same changes computes the same rows and the same conflicts, whatever order the
changes arrived in: the result depends on the set of changes only.

- A field's value is that of its change with the highest (clock, device id).
- A change of a field names the versions it replaced (versions.py). Versions nobody replaced yet (heads) with
  different values are a conflict; it stays open until a change of the field replaced all of them (the user's
  choice, or any edit made after both arrived).
- A tombstone deletes the row if its author had seen every change of the row (`seen_hlc` at least the newest
  change's clock). An edit the deleter had not seen keeps the row alive, and the pair is a conflict to review.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any, NamedTuple

from integrationsplan.storage.changes import TOMBSTONE_FIELD
from integrationsplan.sync import versions


class Change(NamedTuple):
    """One change-log entry, as the log and the bundles hold it."""

    device_id: str
    device_seq: int
    hlc: int
    tbl: str
    row_id: str
    field: str
    op: str  # "set" or "delete"
    value: Any
    seen_hlc: int
    seen: str | None = None  # JSON: the versions of the field this change replaced (see versions.py)

    @property
    def order(self) -> tuple[int, str]:
        return self.hlc, self.device_id

    @property
    def key(self) -> versions.Key:
        return self.device_id, self.device_seq

    @property
    def version(self) -> versions.Version:
        return versions.Version(self.key, self.hlc, self.seen, self.seen_hlc)

    def saw(self, other: Change) -> bool:
        return self.seen_hlc >= other.hlc


@dataclass(frozen=True)
class Conflict:
    """Two changes of a row that did not see each other: both values are kept in the log."""

    tbl: str
    row_id: str
    field: str  # "" when an edit met a delete
    first: Change
    second: Change


@dataclass(frozen=True)
class Merged:
    values: dict[str, Any] | None  # None: the row is deleted (or never had a change)
    conflicts: list[Conflict]


def merge_row(changes: Iterable[Change], *, keep: bool = False) -> Merged:
    """The row the changes of one (table, row id) make, and its open conflicts.

    `keep`: the row lives whatever its tombstones say, because a living row refers to it (a step edited on
    one laptop while its goal was deleted on another keeps the goal); the delete is then a conflict too.
    """
    by_field: dict[str, list[Change]] = {}
    tombstones: list[Change] = []
    for change in sorted(changes, key=lambda c: c.order):
        if change.op == "delete":
            tombstones.append(change)
        else:
            by_field.setdefault(change.field, []).append(change)
    conflicts = [c for field_changes in by_field.values() for c in _field_conflicts(field_changes)]
    sets = [c for field_changes in by_field.values() for c in field_changes]
    if not sets:
        return Merged(None, conflicts)
    newest = max(c.hlc for c in sets)
    unseen = [(t, c) for t in tombstones for c in sets if not t.saw(c)]
    if tombstones and any(t.seen_hlc >= newest for t in tombstones) and not keep:
        return Merged(None, conflicts)
    if tombstones:
        # Edits the deleters had not seen keep the row: a conflict (the newest of each stands for it) until a
        # later change of the row saw the delete (the user kept the record on purpose).
        deleter = max(tombstones, key=lambda t: t.order)
        edit = max((c for t, c in unseen if t is deleter), default=max(sets, key=lambda c: c.order),
                   key=lambda c: c.order)  # fmt: skip
        if not any(c.saw(deleter) for c in sets):
            conflicts.append(Conflict(edit.tbl, edit.row_id, TOMBSTONE_FIELD, deleter, edit))
    return Merged({name: field_changes[-1].value for name, field_changes in by_field.items()}, conflicts)


def _field_conflicts(changes: Sequence[Change]) -> list[Conflict]:
    """Open conflicts of one field: versions nobody has replaced yet (heads) with different values."""
    by_key = {c.key: c for c in changes}
    heads = [by_key[k] for k in versions.heads([c.version for c in changes])]
    return [Conflict(first.tbl, first.row_id, first.field, first, second)
            for i, first in enumerate(heads) for second in heads[i + 1 :] if first.value != second.value]  # fmt: skip
