"""Sync files that are not what they should be: random bytes, a real file cut, flipped and spliced, and files sealed
with the team's own key whose content is fuzzed (wrong types, huge numbers, unknown tables and columns, bad clocks,
lone surrogates, text that is no UTF-8, nesting beyond measure). Each is refused with a UserError that names the
file, the database unchanged, or taken in with every row still readable; never another exception, never a hang."""

from __future__ import annotations

import hashlib
import json
import zlib
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from hypothesis import event, given
from hypothesis import strategies as st
from strategies import fuzzing, text, watchdog

from integrationsplan.domain.codes import LifeArea
from integrationsplan.domain.person import Person
from integrationsplan.domain.plan import Goal, Plan
from integrationsplan.errors import UserError
from integrationsplan.storage import Database
from integrationsplan.storage.records import TABLES, columns, from_row
from integrationsplan.sync import bundle, clock, exchange, team
from integrationsplan.sync.projection import differences

PASS = "bundle fuzz passphrase"
TEAM = team.new_team()
SALT, NONCE = b"fuzz-salt-16byte", b"fuzz-nonce12"
VERSION = bytes([bundle.FORMAT_VERSION])
LOG = ("change_log", "sync_peer", "sync_bundle", "sync_held", "sync_removed", "sync_conflict", "device", "team")


@dataclass(frozen=True)
class Sync:
    """The receiving device, a real file from its team mate and what that file holds, and its row ids."""

    receiver: Database
    sealed: bytes
    payload: dict[str, Any]
    ids: dict[str, str]  # "<person>", "<plan>", "<goal>" -> the row id in the file
    folder: Path


def _replica(folder: Path, name: str) -> Database:
    db = Database.create(folder / f"{name}.db", PASS, device_name=name, case_prefix=name[:3].upper())
    with db.remote_write() as conn:
        team.join(conn, TEAM)
    return db


@pytest.fixture(scope="module")
def sync(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Sync]:
    folder = tmp_path_factory.mktemp("bundles")
    sender, receiver = _replica(folder, "laptop"), _replica(folder, "office")
    try:
        with sender.write():
            person = sender.persons.add(Person(case_number="L-1", family_name="Haddad",
                                               counselling_start=date(2026, 1, 5)))  # fmt: skip
            plan = sender.plans.add(Plan(person_id=person.id, created_on=date(2026, 2, 1)))
            goal = sender.goals.add(Goal(plan_id=plan.id, area=LifeArea.LANGUAGE, text="B1"))
        sealed = exchange.export(sender, folder).read_bytes()
        ids = {"<person>": person.id, "<plan>": plan.id, "<goal>": goal.id}
        yield Sync(receiver, sealed, opened(sealed), ids, folder)
    finally:
        sender.close()
        receiver.close()


def opened(sealed: bytes) -> dict[str, Any]:
    """The JSON inside a sealed file, as the sender wrote it."""
    header = sealed[: len(bundle.MAGIC) + 1 + len(SALT) + len(NONCE)]
    salt, nonce = header[len(bundle.MAGIC) + 1 : len(bundle.MAGIC) + 1 + len(SALT)], header[-len(NONCE) :]
    plain = AESGCM(bundle._key(TEAM.secret, salt)).decrypt(nonce, sealed[len(header) :], header)
    loaded: dict[str, Any] = json.loads(zlib.decompress(plain))
    return loaded


_KEY = bundle._key(TEAM.secret, SALT)  # one salt for every fuzzed file: sealing costs no key derivation


def sealed_with_team_key(plain: bytes) -> bytes:
    """`plain` (compressed JSON, or whatever is given) sealed as the team's own device would seal it."""
    header = bundle.MAGIC + VERSION + SALT + NONCE
    return header + AESGCM(_KEY).encrypt(NONCE, plain, header)


def digest(db: Database) -> str:
    """Everything an import may touch."""
    found = hashlib.sha256()
    for table in [*TABLES, *LOG]:
        for row in db.conn.execute(f"SELECT * FROM {table} ORDER BY 1, 2"):
            found.update(repr(row).encode())
    return found.hexdigest()


def assert_every_row_reads_back(db: Database) -> None:
    """What an import took in can be shown: each row of each table as its record, the tables as the log says."""
    for table, record in TABLES.items():
        names = columns(record)
        for row in db.conn.execute(f"SELECT {', '.join(names)} FROM {table}"):
            from_row(record, dict(zip(names, row, strict=True)))
    assert differences(db.conn) == [] and db.check() == []


def imported_or_refused(sync: Sync, data: bytes, name: str = "fuzz.ipsync") -> None:
    """Import `data` as a file: refused with a UserError naming it and nothing changed, or taken in soundly."""
    path = sync.folder / name
    path.write_bytes(data)
    before = digest(sync.receiver)
    with watchdog():
        try:
            exchange.import_bundles(sync.receiver, [path], None)
        except UserError as refused:
            assert str(path) in refused.text() or isinstance(refused, exchange.MassDeletion)
            assert "Traceback" not in refused.text()
            assert digest(sync.receiver) == before
            event(f"refused: {type(refused).__name__} {refused.params.get('reason', '')}"[:60])
            return
    event("taken in")
    assert_every_row_reads_back(sync.receiver)


# -- bytes ---------------------------------------------------------------------------------------------------------

headers = st.sampled_from([b"", bundle.MAGIC, bundle.MAGIC + VERSION, bundle.MAGIC + bytes([bundle.FORMAT_VERSION + 1]),
                           bundle.MAGIC + b"\x00", b"%PDF-1.7"])  # fmt: skip


@fuzzing(times=2)
@given(header=headers, rest=st.binary(max_size=200), name=text(stored=True, lines=False, max_pieces=3))
def test_random_bytes_are_no_sync_file(sync: Sync, header: bytes, rest: bytes, name: str) -> None:
    """In an exchange folder, each such file is skipped with a message; the exchange goes on."""
    folder = sync.folder / "exchange"
    folder.mkdir(exist_ok=True)
    for old in folder.iterdir():
        old.unlink()
    path = folder / f"f-{name.replace('/', '_')[:40]}-0123abcd{bundle.SUFFIX}"
    try:
        path.write_bytes(header + rest)
    except OSError:  # a name the file system refuses (too long in bytes): nothing to read
        return
    before = digest(sync.receiver)
    with watchdog():
        found, skipped = exchange.read_folder(sync.receiver, folder)
    assert found == [] and len(skipped) == 1 and "Traceback" not in skipped[0]
    assert digest(sync.receiver) == before


@st.composite
def damaged(draw: st.DrawFn, size: int) -> tuple[str, int, int]:
    """How to damage a file of `size` bytes: cut it, flip bits, splice in another file, or append to it."""
    kind = draw(st.sampled_from(["cut", "flip", "splice", "append"]))
    return kind, draw(st.integers(0, size)), draw(st.integers(1, 255))


@fuzzing()
@given(data=st.data())
def test_a_real_file_damaged_anyhow_is_refused(sync: Sync, data: st.DataObject) -> None:
    sealed = bytearray(sync.sealed)
    kind, at, bits = data.draw(damaged(len(sealed)))
    if kind == "cut":
        changed = bytes(sealed[:at])
    elif kind == "flip":
        sealed[min(at, len(sealed) - 1)] ^= bits
        changed = bytes(sealed)
    elif kind == "splice":  # the start of this file, the rest of a file sealed with another salt
        changed = bytes(sealed[:at]) + sealed_with_team_key(zlib.compress(b"{}"))[at:]
    else:
        changed = bytes(sealed) + bytes([bits]) * at
    imported_or_refused(sync, changed)


# -- content sealed with the team's key ----------------------------------------------------------------------------

PLACES = ("<person>", "<plan>", "<goal>", "<new>")  # row ids of the file, or a new one
json_leaves = st.one_of(
    st.none(), st.booleans(), st.integers(-(2**70), 2**70), st.floats(), text(max_pieces=4),
    st.sampled_from([*PLACES, "<now>", "<far>", "2026-06-30", "language", "set", "delete", "purge", "", "[]",
                     '[["d", 1]]', "[" * 3000 + "]" * 3000, '{"b64": "AAAA"}']),
)  # fmt: skip
json_values = st.recursive(
    json_leaves,
    lambda inner: st.one_of(st.lists(inner, max_size=4), st.dictionaries(st.text(max_size=6), inner, max_size=4)),
    max_leaves=10,
)
tables = st.sampled_from([*TABLES, "sqlite_master", "change_log", "device", "", "person; DROP TABLE person"])
ops = st.sampled_from([*bundle.OPS, "update", "", "SET"])
plausible = st.one_of(
    st.none(), text(stored=True, max_pieces=4), st.integers(-5, 3000),
    st.sampled_from([*PLACES, "2026-06-30", "2026-02-30", "morgen", "language", "open", "client", "f", "[]",
                     '["de", "ar"]', '["nope"]', '[["x"]]', 1.5, True]),
)  # fmt: skip


@st.composite
def changes(draw: st.DrawFn) -> list[Any]:
    """A change as a file lists it: [device, seq, hlc, table, row, field, op, value, seen hlc, seen]. Each is as a
    device writes it (a table and one of its columns, a value that may or may not suit it, now or a clock far
    ahead), but for at most one element: anything at all there."""
    table = draw(st.sampled_from(list(TABLES)))
    op = draw(st.sampled_from(["set", "set", "set", "delete", "purge"]))
    field = draw(st.sampled_from(columns(TABLES[table]))) if op == "set" else ""
    change = [draw(st.sampled_from(["fuzz-device", "<sender>"])), draw(st.integers(1, 60)),
              draw(st.sampled_from(["<now>", "<far>"])), table, draw(st.sampled_from(PLACES)), field, op,
              draw(plausible) if op == "set" else None, draw(st.sampled_from([0, "<now>"])), None]  # fmt: skip
    spoiled = draw(st.integers(0, 4 * len(change)))  # none spoiled in three of four
    if spoiled < len(change):
        change[spoiled] = draw(st.one_of(
            {1: st.sampled_from([0, -1, 2**63 - 1, 2**63, 2**64]), 2: st.sampled_from([0, -1, 2**63 - 1, 2**63]),
             3: tables, 5: st.one_of(st.sampled_from(["", "rowid", "id"]), text(max_pieces=2)), 6: ops,
             9: st.sampled_from(['[["d", 1]]', "[]", '[["d"]]', "[" * 3000 + "]" * 3000])}.get(spoiled, st.nothing()),
            json_values,
        ))  # fmt: skip
    return change


Edit = tuple[str, Any, Any]
edits = st.one_of(
    st.tuples(st.just("manifest"), st.sampled_from([*bundle.Manifest.__dataclass_fields__, "extra"]), json_values),
    st.tuples(st.just("drop"), st.sampled_from([*bundle.Manifest.__dataclass_fields__]), st.none()),
    st.tuples(st.just("change"), st.integers(0, 11), json_values),
    st.tuples(st.just("payload"), json_values, st.none()),
)


def edited(payload: Any, edit: Edit) -> Any:
    """The payload after one edit (none once an edit replaced the whole of it)."""
    kind, what, value = edit
    if not (isinstance(payload, dict) and isinstance(payload.get("manifest"), dict)):
        return payload
    if kind == "payload":
        return what
    result = json.loads(json.dumps(payload))
    if kind == "manifest":
        result["manifest"][what] = value
    elif kind == "drop":
        result["manifest"].pop(what, None)
    elif kind == "change":  # one element of the first change, or one more at its end
        first = result["changes"][0]
        if what < len(first):
            first[what] = value
        else:
            first.append(value)
    else:
        result["changes"].append(what)
    return result


def filled(value: Any, sync: Sync) -> Any:
    """`value` with its placeholders replaced."""
    now = clock.pack(clock.wall_ms())
    places = {**sync.ids, "<new>": "fuzz-row", "<sender>": sync.payload["manifest"]["sender_id"], "<now>": now,
              "<far>": now + clock.pack(3 * clock.MAX_FUTURE_DRIFT_MS)}  # fmt: skip
    if isinstance(value, list):
        return [filled(v, sync) for v in value]
    if isinstance(value, dict):
        return {k: filled(v, sync) for k, v in value.items()}
    return places.get(value, value) if isinstance(value, str) else value


def sealed_payload(sync: Sync, payload: Any) -> bytes:
    """`payload` with its placeholders filled in, as a file sealed with the team's key; a bundle id of its own."""
    payload = filled(payload, sync)
    if isinstance(payload, dict) and isinstance(payload.get("manifest"), dict):
        payload["manifest"]["bundle_id"] = hashlib.sha256(json.dumps(payload).encode()).hexdigest()[:16]
    return sealed_with_team_key(zlib.compress(json.dumps(payload).encode()))


@fuzzing()
@given(edit_list=st.lists(edits, min_size=1, max_size=3))
def test_a_file_of_another_shape_sealed_with_the_team_key_is_refused(sync: Sync, edit_list: list[Edit]) -> None:
    """Manifest fields of any type, missing or added; changes of any length; any JSON instead of the whole."""
    payload: Any = sync.payload
    for edit in edit_list:
        payload = edited(payload, edit)
    imported_or_refused(sync, sealed_payload(sync, payload))


@fuzzing()
@given(added=st.lists(changes(), min_size=1, max_size=4))
def test_changes_sealed_with_the_team_key_are_refused_or_taken_in_soundly(sync: Sync, added: list[Any]) -> None:
    """Changes as a team mate's device writes them but for their values, clocks, tables and columns."""
    payload = {**sync.payload, "changes": [*sync.payload["changes"], *added]}
    imported_or_refused(sync, sealed_payload(sync, payload))


@fuzzing()
@given(plain=st.one_of(st.binary(max_size=300), st.binary(max_size=300).map(zlib.compress),
                       st.sampled_from([b"[" * 100_000, b'{"manifest": "\xff"}', "ü".encode("latin-1")]).map(
                           zlib.compress)))  # fmt: skip
def test_sealed_bytes_that_are_no_json_are_refused(sync: Sync, plain: bytes) -> None:
    imported_or_refused(sync, sealed_with_team_key(plain))


# -- once a traceback ----------------------------------------------------------------------------------------------

# (a manifest field or a value of the changes' field -> what the file says instead), or raw JSON text
ONCE_A_CRASH: dict[str, tuple[str, Any]] = {
    "nested lists": ("", b"[" * 100_000 + b"]" * 100_000),
    "sender id a list": ("sender_id", ["x"]),
    "bundle id a number": ("bundle_id", 5),
    "sender name an object": ("sender_name", {"a": 1}),
    "vector a list": ("vector", [1, 2]),
    "lone surrogate": ("sender_name", "\ud800"),
    "sequence beyond 64 bits": ("id", 2**70),
    "not a date": ("counselling_start", "morgen"),
    "goal of no plan": ("plan_id", "no-such-plan"),
    "seen nested": ("family_name", "[" * 50_000 + "]" * 50_000),
}


def once_a_crash(sync: Sync, case: str) -> bytes:
    """The file's JSON with the case's change; each change from a device of its own, so that all are new to the
    receiver whatever the fuzz tests took in before."""
    name, instead = ONCE_A_CRASH[case]
    if isinstance(instead, bytes):
        return instead
    manifest = {**sync.payload["manifest"], "bundle_id": case}
    if name in manifest:
        manifest[name] = instead
    changes = [[f"once-{case}", *c[1:]] for c in sync.payload["changes"]]
    for change in (c for c in changes if c[5] == name):
        if case == "sequence beyond 64 bits":
            change[1] = instead
        elif case == "seen nested":
            change[9] = instead
        else:
            change[7] = instead
    return json.dumps({"manifest": manifest, "changes": changes}).encode()


@pytest.mark.parametrize("case", ONCE_A_CRASH)
def test_what_once_crashed_the_import_is_refused(sync: Sync, case: str) -> None:
    path = sync.folder / "once.ipsync"
    path.write_bytes(sealed_with_team_key(zlib.compress(once_a_crash(sync, case))))
    before = digest(sync.receiver)
    with pytest.raises(bundle.BundleDamaged):
        exchange.import_bundles(sync.receiver, [path], None)
    assert digest(sync.receiver) == before
