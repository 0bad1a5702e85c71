"""Sync beyond the merge: the review list and the user's answers (which sync), finalised session notes that
never change, erasure travelling as a purge, changes with a clock far ahead held back, removing a device."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest
from syncing import _content, _person, _replica, _rows, _send

from integrationsplan.domain.session import CounsellingSession
from integrationsplan.storage import Database
from integrationsplan.storage.errors import RecordNotFound
from integrationsplan.sync import clock, exchange, review, team
from integrationsplan.sync.merge import DELETED, FIELD, FINALISED
from integrationsplan.sync.projection import differences

Pair = tuple[Database, Database]


def _both_ways(a: Database, b: Database, folder: Path) -> None:
    _send(a, b, folder)
    _send(b, a, folder)


def _agree(a: Database, b: Database) -> None:
    assert _rows(a) == _rows(b)
    assert differences(a.conn) == differences(b.conn) == []


def test_a_picked_value_settles_the_conflict_on_every_device(pair: Pair, tmp_path: Path) -> None:
    a, b = pair
    person = _person(a, "Haddad")
    _send(a, b, tmp_path)
    with a.write():
        a.persons.save(replace(a.persons.get(person.id), family_name="Haddad-Laptop"))
    with b.write():
        b.persons.save(replace(b.persons.get(person.id), family_name="Haddad-Office"))
    _both_ways(a, b, tmp_path)
    [found] = review.open_conflicts(a)
    assert found.kind == FIELD and found.field == "family_name" and found.person_id == person.id
    assert {found.first.value, found.second.value} == {"Haddad-Laptop", "Haddad-Office"}
    assert {found.first.device_name, found.second.device_name} == {"laptop", "office"}
    current = a.persons.get(person.id).family_name
    review.choose(a, found, current)  # picking the value that shows already still settles it
    assert review.open_conflicts(a) == []
    _send(a, b, tmp_path)
    assert review.open_conflicts(b) == []
    assert b.persons.get(person.id).family_name == current
    _agree(a, b)
    # Nothing discarded: both values are still in the history of the field.
    values = {v for (v,) in b.conn.execute("SELECT value FROM change_log WHERE field = 'family_name'")}
    assert {"Haddad-Laptop", "Haddad-Office"} <= values


def test_a_merged_text_settles_the_conflict(pair: Pair, tmp_path: Path) -> None:
    a, b = pair
    person = _person(a, "Nasser")
    _send(a, b, tmp_path)
    for db, town in ((a, "Ulm"), (b, "Biberach")):
        with db.write():
            db.persons.save(replace(db.persons.get(person.id), municipality=town))
    _both_ways(a, b, tmp_path)
    [found] = review.open_conflicts(b)
    review.choose(b, found, "Ulm / Biberach")
    _send(b, a, tmp_path)
    assert a.persons.get(person.id).municipality == "Ulm / Biberach" and review.open_conflicts(a) == []
    _agree(a, b)


@pytest.mark.parametrize("answer", ["keep", "delete"])
def test_an_edit_against_a_delete_is_kept_or_deleted_as_the_user_says(pair: Pair, tmp_path: Path,
                                                                      answer: str) -> None:  # fmt: skip
    a, b = pair
    person = _person(a, "Karimi")
    session = _session(a, person.id)
    _send(a, b, tmp_path)
    with a.write():
        a.persons.delete(person.id)  # with its session
    with b.write():
        b.persons.save(replace(b.persons.get(person.id), municipality="Ravensburg"))
    _both_ways(a, b, tmp_path)
    assert a.persons.find(person.id) is not None  # the edit keeps the record
    [found] = review.open_conflicts(a)
    assert found.kind == DELETED and found.first.deleted and found.second.value == "Ravensburg"
    getattr(review, answer)(a, found)
    _send(a, b, tmp_path, allow_mass_deletion=True)  # one of one person
    assert review.open_conflicts(a) == review.open_conflicts(b) == []
    for db in (a, b):
        assert (db.persons.find(person.id) is None) == (answer == "delete")
        # Keeping the person brings back what the same delete removed with it.
        assert (db.sessions.find(session.id) is None) == (answer == "delete")
    _agree(a, b)


def _session(db: Database, person_id: str) -> CounsellingSession:
    with db.write():
        return db.sessions.add(CounsellingSession(person_id=person_id, held_on=date(2026, 11, 2), note="Erstgespräch"))


def test_a_finalised_note_never_changes_and_a_concurrent_edit_becomes_an_addendum(pair: Pair, tmp_path: Path) -> None:
    a, b = pair
    person = _person(a, "Rahimi")
    session = _session(a, person.id)
    _send(a, b, tmp_path)
    with b.write():  # the office corrects the note on its copy ...
        b.sessions.save(replace(b.sessions.get(session.id), note="Erstgespräch, Mutter dabei"))
    with a.write():  # ... while the laptop corrects it too and finalises
        a.sessions.save(replace(a.sessions.get(session.id), note="Erstgespräch mit Dolmetscher",
                                finalised_on=date(2026, 11, 3)))  # fmt: skip
    _both_ways(a, b, tmp_path)
    for db in (a, b):
        kept = db.sessions.get(session.id)
        assert kept.note == "Erstgespräch mit Dolmetscher" and kept.finalised_on == date(2026, 11, 3)
    _agree(a, b)
    [found] = review.open_conflicts(b)
    assert found.kind == FINALISED and found.field == "note" and found.second.value == "Erstgespräch, Mutter dabei"
    with pytest.raises(ValueError):
        review.choose(b, found, found.second.value)  # the finalised text cannot be replaced
    review.as_addendum(b, found, today=date(2026, 11, 4))
    _send(b, a, tmp_path)
    for db in (a, b):
        assert review.open_conflicts(db) == []
        assert [x.text for x in db.addenda.where(session_id=session.id)] == ["Erstgespräch, Mutter dabei"]
        assert db.sessions.get(session.id).note == "Erstgespräch mit Dolmetscher"
    _agree(a, b)


def test_finalising_with_the_other_devices_edits_seen_keeps_them(pair: Pair, tmp_path: Path) -> None:
    a, b = pair
    person = _person(a, "Sultani")
    session = _session(a, person.id)
    _send(a, b, tmp_path)
    with b.write():
        b.sessions.save(replace(b.sessions.get(session.id), note="vom Büro ergänzt"))
    _send(b, a, tmp_path)
    with a.write():
        a.sessions.save(replace(a.sessions.get(session.id), finalised_on=date(2026, 11, 3)))
    _send(a, b, tmp_path)
    for db in (a, b):
        assert db.sessions.get(session.id).note == "vom Büro ergänzt" and review.open_conflicts(db) == []


def _strings(db: Database) -> str:
    """Every value the tables, the log, held-back changes and the search index's segments hold, as text."""
    rows = [repr(row) for table in ("change_log", "sync_held", "person", "counselling_session", "person_fts_data")
            for row in db.conn.execute(f"SELECT * FROM {table}")]  # fmt: skip
    return "\n".join(rows).lower()


def test_an_erasure_travels_as_a_purge_and_reaches_what_the_other_device_added(pair: Pair, tmp_path: Path) -> None:
    a, b = pair
    person, other = _person(a, "Yusufzai"), _person(a, "Bleibt")
    _session(a, person.id)
    _send(a, b, tmp_path)
    with b.write():  # the office adds a session the laptop has not seen
        b.sessions.add(CounsellingSession(person_id=person.id, held_on=date(2026, 11, 9), note="Geheimnis Zwei"))
    with a.write() as writer:
        erased = writer.purge("person", person.id)
    assert ("person", person.id) in erased and len(erased) == 2
    assert "yusufzai" not in _strings(a) and "erstgespräch" not in _strings(a)
    _both_ways(a, b, tmp_path)
    for db in (a, b):
        assert db.persons.find(person.id) is None and db.persons.find(other.id) is not None
        assert db.sessions.where(person_id=person.id) == []
        text = _strings(db)
        assert "yusufzai" not in text and "erstgespräch" not in text and "geheimnis zwei" not in text
        assert person.id in text  # the id stays, so every device knows what was erased
        assert db.persons.search("Yusufzai") == []
    _agree(a, b)
    # A later edit of the erased record from a device that had not heard of the purge is erased on arrival.
    c = _replica(tmp_path, "third")
    try:
        with b.write():
            b.persons.save(replace(b.persons.get(other.id), municipality="Aalen"))
        _send(b, c, tmp_path)
        assert c.persons.find(person.id) is None and "yusufzai" not in _strings(c)
    finally:
        c.close()


def _stamped_ahead(db: Database, days: int) -> None:
    """Make `db`'s clock run `days` ahead, as a laptop with a wrong date would."""
    real = db.clock_ms
    db.clock_ms = lambda: real() + days * 24 * 3600 * 1000  # type: ignore[method-assign]


def test_changes_stamped_far_ahead_are_held_back_until_taken_in(pair: Pair, tmp_path: Path) -> None:
    a, b = pair
    person = _person(a, "Ahmadi")
    _send(a, b, tmp_path)
    _stamped_ahead(a, 5)
    with a.write():
        a.persons.save(replace(a.persons.get(person.id), municipality="Zukunft"))
    before = b.conn.execute("SELECT last_hlc FROM device").fetchone()[0]
    report = _send(a, b, tmp_path)
    assert report.held == 1 and report.new_changes == 0
    assert b.persons.get(person.id).municipality is None  # the far-ahead value did not win
    assert b.conn.execute("SELECT last_hlc FROM device").fetchone()[0] == before  # nor moved this clock
    [group] = review.held(b)
    assert group.device_name == "laptop" and group.count == 1
    taken = exchange.take_in_held(b, tmp_path / "backups")
    assert taken.backup is not None and b.persons.get(person.id).municipality == "Zukunft"
    assert review.held(b) == []
    now = clock.pack(b.clock_ms())
    assert (
        b.conn.execute("SELECT last_hlc FROM device").fetchone()[0] <= now + clock.pack(clock.MAX_FUTURE_DRIFT_MS) + 2
    )
    _agree(a, b)


def test_a_removed_device_is_refused_and_the_news_travels(tmp_path: Path) -> None:
    a, b, lost = (_replica(tmp_path, name) for name in ("laptop", "office", "lost"))
    try:
        person = _person(lost, "Stolen")
        _send(lost, a, tmp_path)
        _send(lost, b, tmp_path)
        _send(a, b, tmp_path)
        with a.remote_write() as conn:
            exchange.remove_device(conn, lost.device.device_id)
            new_key = team.new_team()
            team.join(conn, new_key, replace=True)
        with b.remote_write() as conn:
            with pytest.raises(team.OtherTeam):
                team.join(conn, new_key)
            team.join(conn, new_key, replace=True)
        _send(a, b, tmp_path)  # the news travels in the manifest
        assert exchange.removed(b) == {lost.device.device_id: "lost"}
        assert b.conn.execute("SELECT count(*) FROM sync_peer WHERE device_id = ?",
                              (lost.device.device_id,)).fetchone()[0] == 0  # fmt: skip
        with lost.write():
            lost.persons.save(replace(lost.persons.get(person.id), municipality="Irgendwo"))
        with lost.remote_write() as conn:  # even with the new key, the removed device is refused
            team.join(conn, new_key, replace=True)
        before = _content(b)
        with pytest.raises(exchange.FromRemovedDevice):
            _send(lost, b, tmp_path)
        assert _content(b) == before
        assert b.persons.get(person.id).family_name == "Stolen"  # what it wrote while a member stays
    finally:
        for db in (a, b, lost):
            db.close()


def test_an_edit_after_taking_in_changes_stamped_ahead_wins(pair: Pair, tmp_path: Path) -> None:
    """Found in review: the value was the newest by clock, so the edit made after taking in a value stamped five
    days ahead lost to it. The value is now the newest version nobody replaced."""
    a, b = pair
    person = _person(a, "Ahmadi")
    _send(a, b, tmp_path)
    _stamped_ahead(a, 5)
    with a.write():
        a.persons.save(replace(a.persons.get(person.id), municipality="Zukunft"))
    _send(a, b, tmp_path)
    exchange.take_in_held(b, None)
    with b.write():
        b.persons.save(replace(b.persons.get(person.id), municipality="Jetzt"))
    _send(b, a, tmp_path)
    for db in (a, b):
        assert db.persons.get(person.id).municipality == "Jetzt" and review.open_conflicts(db) == []
    _agree(a, b)


def test_a_record_kept_for_its_child_is_listed_and_goes_when_the_child_goes(pair: Pair, tmp_path: Path) -> None:
    a, b = pair
    person = _person(a, "Haidari")
    session = _session(a, person.id)
    _send(a, b, tmp_path)
    with a.write():
        a.persons.delete(person.id)
    with b.write():
        b.sessions.save(replace(b.sessions.get(session.id), note="vom Büro"))
    _both_ways(a, b, tmp_path)
    assert a.persons.find(person.id) is not None  # kept: the edited session refers to it
    found = {(c.table, c.kind) for c in review.open_conflicts(a)}
    assert found == {("person", DELETED), ("counselling_session", DELETED)}
    [session_conflict] = [c for c in review.open_conflicts(a) if c.table == "counselling_session"]
    review.delete(a, session_conflict)
    assert a.persons.find(person.id) is None  # nothing keeps it any more
    _send(a, b, tmp_path, allow_mass_deletion=True)
    for db in (a, b):
        assert db.persons.find(person.id) is None and review.open_conflicts(db) == []
    _agree(a, b)


def test_a_deleted_session_leaves_nothing_to_review(pair: Pair, tmp_path: Path) -> None:
    a, b = pair
    person = _person(a, "Wardak")
    session = _session(a, person.id)
    _send(a, b, tmp_path)
    with a.write():
        a.sessions.save(replace(a.sessions.get(session.id), finalised_on=date(2026, 11, 3)))
    with b.write():
        b.sessions.save(replace(b.sessions.get(session.id), note="zu spät"))
    _both_ways(a, b, tmp_path)
    [stale] = review.open_conflicts(a)
    assert stale.kind == FINALISED
    with a.write() as writer:  # the person is deleted after all, having seen everything
        writer.delete("person", person.id)
    _send(a, b, tmp_path, allow_mass_deletion=True)
    for db in (a, b):
        assert review.open_conflicts(db) == [] and db.sessions.find(session.id) is None
        for answer in (review.keep, review.as_addendum):  # an answer to a list shown before: a clear refusal
            with pytest.raises(RecordNotFound):
                answer(db, stale)
    _agree(a, b)


def test_finalising_settles_a_conflict_it_saw(pair: Pair, tmp_path: Path) -> None:
    """Found in review: a conflict of the note, then finalising, left a conflict nobody could settle."""
    a, b = pair
    person = _person(a, "Popal")
    session = _session(a, person.id)
    _send(a, b, tmp_path)
    for db, note in ((a, "Fassung Laptop"), (b, "Fassung Büro")):
        with db.write():
            db.sessions.save(replace(db.sessions.get(session.id), note=note))
    _both_ways(a, b, tmp_path)
    assert [c.kind for c in review.open_conflicts(a)] == [FIELD]
    shown = a.sessions.get(session.id).note
    with a.write():
        a.sessions.save(replace(a.sessions.get(session.id), finalised_on=date(2026, 11, 5)))
    _send(a, b, tmp_path)
    for db in (a, b):
        assert review.open_conflicts(db) == [] and db.sessions.get(session.id).note == shown
    _agree(a, b)


def test_held_back_changes_of_an_erased_person_keep_no_content(pair: Pair, tmp_path: Path) -> None:
    a, b = pair
    person = _person(a, "Safi")
    _send(a, b, tmp_path)
    with b.write() as writer:
        writer.purge("person", person.id)
    _stamped_ahead(a, 5)
    with a.write():
        a.persons.save(replace(a.persons.get(person.id), municipality="Geheimort"))
    report = _send(a, b, tmp_path)
    assert report.held == 1 and "geheimort" not in _strings(b)
    _send(b, a, tmp_path)  # the purge reaches the laptop whatever its clock says
    assert a.persons.find(person.id) is None and "geheimort" not in _strings(a)
