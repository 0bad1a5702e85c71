"""Field-level merge of the change log: what a row is, given every change any device made to it.

Every replica that holds the same changes computes the same rows and the same conflicts, whatever order the
changes arrived in: the result depends on the set of changes only.

- A field's value is that of its newest version nobody replaced (by clock, then device id).
- A change of a field names the versions it replaced (versions.py). Versions nobody replaced yet (heads) with
  different values are a conflict; it stays open until a change of the field replaced all of them (the user's
  choice, or any edit made after both arrived).
- A tombstone deletes the row if its author had seen every change of the row (`seen_hlc` at least the newest
  change's clock). An edit the deleter had not seen keeps the row alive, and the pair is a conflict to review.
- A purge (erasure) removes the row whatever else happened to it; its history keeps only ids.
- A row of a table in FINAL is frozen by the first change that set its final field (a finalised session note):
  its fields keep the values that change had seen; edits it had not seen stay in the history only, each a
  conflict ("changed after finalising") until a later change of the row saw it.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from operator import attrgetter
from typing import Any, NamedTuple

from integrationsplan.storage.changes import FINAL, TOMBSTONE_FIELD
from integrationsplan.sync import versions


class Change(NamedTuple):
    """One change-log entry, as the log and the bundles hold it."""

    device_id: str
    device_seq: int
    hlc: int
    tbl: str
    row_id: str
    field: str
    op: str  # "set", "delete" or "purge"
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
    first: Change  # for DELETED the delete, for FINALISED the finalising change
    second: Change
    kind: str = "field"


FIELD, DELETED, FINALISED = "field", "deleted", "finalised"  # kinds of conflict
_ORDER = attrgetter("hlc", "device_id")  # Change.order, faster as a sort key


@dataclass(frozen=True)
class Merged:
    values: dict[str, Any] | None  # None: the row is deleted, purged (or never had a change)
    conflicts: list[Conflict]
    purged: bool = False


def merge_row(changes: Iterable[Change], *, keep: bool = False) -> Merged:
    """The row the changes of one (table, row id) make, and its open conflicts.

    `keep`: the row lives whatever its tombstones say, because a living row refers to it (a step edited on
    one laptop while its goal was deleted on another keeps the goal); the delete is then a conflict too.
    """
    by_field: dict[str, list[Change]] = {}
    tombstones: list[Change] = []
    ordered = sorted(changes, key=_ORDER)
    if any(change.op == "purge" for change in ordered):
        return Merged(None, [], purged=True)
    for change in ordered:
        if change.op == "delete":
            tombstones.append(change)
        else:
            by_field.setdefault(change.field, []).append(change)
    conflicts, frozen = _freeze(by_field, ordered)
    heads = {name: _heads(field_changes) for name, field_changes in by_field.items()}
    if not frozen:  # finalising settled what it saw: the value it showed stays, without a conflict
        conflicts += [c for field_heads in heads.values() for c in _field_conflicts(field_heads)]
    sets = [c for field_changes in by_field.values() for c in field_changes]
    if not sets:
        return Merged(None, [])
    newest = max(c.hlc for c in sets)
    unseen = [(t, c) for t in tombstones for c in sets if not t.saw(c)]
    if tombstones and any(t.seen_hlc >= newest for t in tombstones) and not keep:
        return Merged(None, [])  # the conflicts of a deleted row are moot
    if tombstones:
        # Edits the deleters had not seen keep the row: a conflict (the newest of each stands for it) until a
        # later change of the row saw the delete (the user kept the record on purpose).
        deleter = max(tombstones, key=_ORDER)
        edit = max((c for t, c in unseen if t is deleter), default=max(sets, key=_ORDER), key=_ORDER)
        if not any(c.saw(deleter) for c in sets):
            conflicts.append(Conflict(edit.tbl, edit.row_id, TOMBSTONE_FIELD, deleter, edit, DELETED))
    # A field's value is its newest version nobody replaced: a version replaced by a later-seen one never comes
    # back, whatever its clock says (a clock far ahead, taken in on purpose, must not beat the edits after it).
    return Merged({name: max(field_heads, key=_ORDER).value for name, field_heads in heads.items()}, conflicts)


def _heads(changes: Sequence[Change]) -> list[Change]:
    """The versions of one field nobody has replaced yet."""
    if len(changes) == 1:  # most fields were written once
        return [changes[0]]
    by_key = {c.key: c for c in changes}
    return [by_key[k] for k in versions.heads([c.version for c in changes])]


def _field_conflicts(heads: Sequence[Change]) -> list[Conflict]:
    """Open conflicts of one field: heads with different values."""
    if len(heads) < 2:
        return []
    return [Conflict(first.tbl, first.row_id, first.field, first, second)
            for i, first in enumerate(heads) for second in heads[i + 1 :] if first.value != second.value]  # fmt: skip


def _freeze(by_field: dict[str, list[Change]], ordered: Sequence[Change]) -> tuple[list[Conflict], bool]:
    """For a row of a FINAL table that was finalised: drop from `by_field` what the finalising change had not
    seen (the history keeps it); each dropped edit nobody has confirmed since is a conflict."""
    final_field = FINAL.get(ordered[0].tbl) if ordered else None
    final = next((c for c in by_field.get(final_field or "", ()) if c.value is not None), None)
    if final is None:
        return [], False
    sets = [c for field_changes in by_field.values() for c in field_changes]
    seen = versions.ancestors([c.version for c in sets])[final.key]
    # Logged before finalising named the versions of every field it saw: the clock decides.
    legacy = not seen & {c.key for c in sets if c.field != final_field}

    def before(c: Change) -> bool:
        if c.device_id == final.device_id:
            return c.device_seq < final.device_seq
        return c.key in seen or (legacy and c.hlc < final.hlc)

    conflicts = []
    for name in list(by_field):
        if name == "id":  # the id never changes: its later entries confirm the row (they settle, see below)
            continue
        kept = [c for c in by_field[name] if c is final or before(c)] if name != final_field else [final]
        for dropped in (c for c in by_field[name] if c not in kept and name != final_field):
            if not any(x.hlc > dropped.hlc and x.seen_hlc >= dropped.hlc for x in ordered):
                conflicts.append(Conflict(final.tbl, final.row_id, name, final, dropped, FINALISED))
        if kept:
            by_field[name] = kept
        else:
            del by_field[name]
    return conflicts, True
