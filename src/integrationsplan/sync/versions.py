"""The versions of one field as a graph: each change names the changes it replaced, so "saw" is exact.

A change's `seen` lists the heads of the field its author had when writing it: the newest versions nobody had
replaced yet (one, usually; several while a conflict is open, and writing then settles it). Changes logged
before the list existed (seen is NULL) fall back to the clock: they replaced what was not newer than `seen_hlc`.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import NamedTuple

Key = tuple[str, int]  # (device id, device sequence): a change's identity on every device


class Version(NamedTuple):
    key: Key
    hlc: int
    seen: str | None  # JSON list of the keys it replaced
    seen_hlc: int


def _parents(version: Version, versions: Sequence[Version]) -> set[Key]:
    if version.seen is not None:
        return {(device, seq) for device, seq in json.loads(version.seen)}
    return {v.key for v in versions if v.key != version.key and v.hlc <= version.seen_hlc}


def ancestors(versions: Sequence[Version]) -> dict[Key, set[Key]]:
    """For each version, every version it saw, directly or through the ones it replaced."""
    parents = {v.key: _parents(v, versions) for v in versions}
    found: dict[Key, set[Key]] = {}

    def walk(key: Key) -> set[Key]:
        if key not in found:
            found[key] = set()  # a cycle cannot occur, but a malformed log must not loop
            seen: set[Key] = set()
            for parent in parents.get(key, ()):
                seen |= {parent} | walk(parent)
            found[key] = seen
        return found[key]

    for v in versions:
        walk(v.key)
    return found


def heads(versions: Sequence[Version]) -> list[Key]:
    """The versions no other version saw, sorted (the `seen` list of the next change of the field)."""
    if len(versions) == 1:  # most fields were written once
        return [versions[0].key]
    seen = set().union(*ancestors(versions).values()) if versions else set()
    return sorted(v.key for v in versions if v.key not in seen)


def encode(keys: Sequence[Key]) -> str:
    return json.dumps([list(k) for k in keys], separators=(",", ":"))
