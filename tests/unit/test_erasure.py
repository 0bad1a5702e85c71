"""Erasure (DSGVO Art. 17): the retention queue, and an erased case leaving no trace of its strings anywhere in
the database (the decrypted dump, and every page of the file and its write-ahead log decrypted, free ones too),
here and on a synced peer; its counts stay."""

from __future__ import annotations

import random
import re
from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest
from pages import decrypted
from syncing import PASS, _replica, _send

from integrationsplan import demo, retention
from integrationsplan.domain.codes import ClosureReason, ConsentForm, ConsentKind
from integrationsplan.domain.consent import Consent
from integrationsplan.domain.errors import ValidationError
from integrationsplan.domain.person import CaseClosure, Person, Resources
from integrationsplan.domain.session import CounsellingSession
from integrationsplan.domain.tally import Figure
from integrationsplan.storage import Database, erasure
from integrationsplan.storage.changes import references
from integrationsplan.sync import projection


def _plaintext(db: Database, folder: Path) -> bytes:
    """The whole database decrypted into a plain SQLite file (every table, index and search segment)."""
    plain = folder / f"{db.path.stem}-plain.db"
    plain.unlink(missing_ok=True)
    db.conn.execute(f"ATTACH DATABASE '{plain}' AS plaintext KEY ''")
    db.conn.execute("SELECT sqlcipher_export('plaintext')")
    db.conn.execute("DETACH DATABASE plaintext")
    return plain.read_bytes()


WINDOW = 16  # bytes: a text longer than a page is split over overflow pages, so it is looked for in pieces


def _traces(db: Database, person_id: str) -> dict[str, set[bytes]]:
    """What only the person's records hold, text by text (names, notes, goals …): each 16-byte piece of the text
    that no other record's text holds (a short text: the text itself, unless another text holds it), and their
    words in lower case as the search index keeps them (keyed "word:…"; the index stores words prefix-compressed,
    so these may not show before the erasure either)."""
    mine = set(erasure.dependants(db.conn, references(db.conn), [("person", person_id)]))
    theirs: set[str] = set()
    own: set[str] = set()
    for table, row_id, value in db.conn.execute("SELECT tbl, row_id, value FROM change_log WHERE value IS NOT NULL"):
        if isinstance(value, str) and len(value) >= 6 and not value[:4].isdigit():
            (own if (table, row_id) in mine else theirs).add(value)
    others = "\n".join(theirs)  # a text of the person may also be part of another's longer text
    pieces = {p for text in theirs for p in _pieces(text.encode())}
    traces: dict[str, set[bytes]] = {}
    for text in own:
        if re.fullmatch(r"[a-z0-9_:\-]+|\[.*\]", text):
            continue  # a code or a list of codes
        data = text.encode()
        found = _pieces(data) - pieces if len(data) > WINDOW else ({data} if text not in others else set())
        if found:
            traces[text] = found
    words = {w.lower() for text in traces for w in re.findall(r"\w{5,}", text)}
    for word in words - {w.lower() for w in re.findall(r"\w{5,}", others)}:
        traces[f"word:{word}"] = {word.encode()}
    return traces


def _pieces(data: bytes) -> set[bytes]:
    return {data[i : i + WINDOW] for i in range(max(1, len(data) - WINDOW + 1))}


def _left(traces: dict[str, set[bytes]], data: bytes) -> list[str]:
    """The texts of which some piece is in `data`."""
    return sorted(text for text, pieces in traces.items() if any(piece in data for piece in pieces))


def test_an_erased_case_leaves_no_string_and_keeps_its_counts(tmp_path: Path) -> None:
    laptop, office = _replica(tmp_path, "laptop"), _replica(tmp_path, "office")
    try:
        demo.fill(laptop, persons=30, seed=5, today=date(2026, 11, 1))
        busiest = max(laptop.persons.all(), key=lambda p: len(laptop.sessions.where(person_id=p.id)))
        assert laptop.plans.where(person_id=busiest.id)
        with laptop.write():
            laptop.closures.add(CaseClosure(person_id=busiest.id, closed_on=date(2025, 10, 31),
                                            reason=ClosureReason.MOVED_AWAY))  # fmt: skip
        _send(laptop, office, tmp_path)
        assert retention.due(laptop, 12, date(2026, 10, 30)) == []  # not before its period ends
        [first] = retention.due(laptop, 12, date(2026, 11, 1))
        assert first.person_id == busiest.id and first.due_on == date(2026, 10, 31)
        sessions = laptop.sessions.where(person_id=first.person_id)
        traces = _traces(laptop, first.person_id)
        texts = [text for text in traces if not text.startswith("word:")]
        assert len(texts) >= 3, traces  # the names at least
        assert set(_left(traces, decrypted(laptop.path, PASS))) >= set(texts)  # every text shows until the erasure
        erased = retention.erase(laptop, first.person_id)
        assert erased.case_number == first.case_number and erased.records >= 1 + len(sessions)
        counts = {(t.figure, t.period): t.count for t in laptop.tallies.all() if t.figure == Figure.CASE_STARTED}
        assert sum(counts.values()) == 1
        assert sum(t.count for t in laptop.tallies.all() if t.figure == Figure.SESSION) == len(sessions)
        _send(laptop, office, tmp_path)  # the erasure reaches the office with the next exchange
        for db in (laptop, office):
            assert db.persons.find(first.person_id) is None and db.check() == []
            assert len(db.tallies.all()) == erased.tallies
            plain, raw = _plaintext(db, tmp_path), decrypted(db.path, PASS)
            assert _left(traces, plain) == _left(traces, raw) == [], db.path.name
        # The other persons are untouched.
        assert laptop.persons.count() == office.persons.count() == 29
    finally:
        laptop.close()
        office.close()


def test_months_are_added_as_calendars_count_them() -> None:
    assert retention.add_months(date(2025, 1, 31), 1) == date(2025, 2, 28)
    assert retention.add_months(date(2024, 2, 29), 12) == date(2025, 2, 28)
    assert retention.add_months(date(2025, 11, 15), 12) == date(2026, 11, 15)
    assert retention.add_months(date(2025, 12, 1), 1) == date(2026, 1, 1)


def test_a_household_goes_with_its_last_member(tmp_path: Path) -> None:
    db = Database.create(tmp_path / "h.db", PASS)
    try:
        demo.fill(db, persons=12, seed=2, today=date(2026, 11, 1))
        household = next(h for h in db.households.all() if len(db.members.where(household_id=h.id)) == 1)
        [member] = db.members.where(household_id=household.id)
        retention.erase(db, member.person_id)
        assert db.households.find(household.id) is None
    finally:
        db.close()


def test_a_withdrawn_consent_stops_recording_and_puts_the_case_up_for_erasure(tmp_path: Path) -> None:
    db = Database.create(tmp_path / "w.db", PASS)
    try:
        with db.write():
            person = db.persons.add(Person(case_number="W-1", family_name="Amini", counselling_start=date(2026, 1, 5)))
            processing = db.consents.add(Consent(person_id=person.id, kind=ConsentKind.DATA_PROCESSING,
                                                 given_on=date(2026, 1, 5), form=ConsentForm.WRITTEN))  # fmt: skip
            special = db.consents.add(Consent(person_id=person.id, kind=ConsentKind.SPECIAL_CATEGORIES,
                                              given_on=date(2026, 1, 5), form=ConsentForm.WRITTEN))  # fmt: skip
            db.resources.add(Resources(person_id=person.id, health="Diabetes"))
        with db.write():  # special categories withdrawn: health may not be changed any more
            db.consents.save(replace(special, withdrawn_on=date(2026, 3, 1)))
        with pytest.raises(ValidationError), db.write():
            db.resources.save(replace(db.resources.where(person_id=person.id)[0], health="Diabetes Typ 2"))
        session = CounsellingSession(person_id=person.id, held_on=date(2026, 3, 2))
        with db.write():
            db.sessions.add(session)
        with db.write():
            db.consents.save(replace(processing, withdrawn_on=date(2026, 3, 10)))
        # Before: only the health data are up for erasure (the consent to special categories is withdrawn).
        assert [d.reason for d in retention.due(db, 12, date(2026, 3, 9))] == [retention.SPECIAL]
        [due] = retention.due(db, 12, date(2026, 3, 10))
        assert due.reason == retention.WITHDRAWN and due.due_on == date(2026, 3, 10) and due.closed_on is None
        for change in (lambda: db.sessions.add(replace(session, id="s-2")),
                       lambda: db.persons.save(replace(db.persons.get(person.id), phone="0176 1")),
                       lambda: db.sessions.save(replace(db.sessions.get(session.id), note="später")),):  # fmt: skip
            with pytest.raises(ValidationError, match="Einwilligung"), db.write():
                change()
        with db.write():  # closing the case stays possible, and a new consent allows recording again
            db.closures.add(CaseClosure(person_id=person.id, closed_on=date(2026, 3, 11), reason=ClosureReason.OTHER))
            db.consents.add(Consent(person_id=person.id, kind=ConsentKind.DATA_PROCESSING, given_on=date(2026, 3, 12),
                                    form=ConsentForm.WRITTEN))  # fmt: skip
        with db.write():
            db.sessions.add(replace(session, id="s-3"))
        assert [d.reason for d in retention.due(db, 12, date(2026, 3, 12))] == [retention.SPECIAL]
    finally:
        db.close()


def test_withdrawn_special_consent_erases_health_data_here_and_on_a_peer(tmp_path: Path) -> None:
    laptop, office = _replica(tmp_path, "laptop"), _replica(tmp_path, "office")
    try:
        with laptop.write():
            person = laptop.persons.add(Person(case_number="H-1", family_name="Rahimi",
                                               counselling_start=date(2026, 1, 5)))  # fmt: skip
            special = laptop.consents.add(Consent(person_id=person.id, kind=ConsentKind.SPECIAL_CATEGORIES,
                                                  given_on=date(2026, 1, 5), form=ConsentForm.WRITTEN))  # fmt: skip
            laptop.resources.add(Resources(person_id=person.id, health="Posttraumatische Belastungsstoerung",
                                           german_course="Integrationskurs Modul Vier"))  # fmt: skip
        with laptop.write():  # two values in the history
            laptop.resources.save(replace(laptop.resources.where(person_id=person.id)[0], health="Diabetes Zwei"))
        _send(laptop, office, tmp_path)
        with office.write():  # the office adds to it before it hears of the withdrawal
            office.resources.save(replace(office.resources.where(person_id=person.id)[0],
                                          disability="Gehbehinderung rechtes Knie"))  # fmt: skip
        strings = ["Posttraumatische Belastungsstoerung", "Diabetes Zwei", "Gehbehinderung rechtes Knie"]
        shown = decrypted(laptop.path, PASS) + decrypted(office.path, PASS)
        assert all(text.encode() in shown for text in strings)  # the pages show them until the erasure
        with laptop.write():
            laptop.consents.save(replace(special, withdrawn_on=date(2026, 3, 1)))
        [due] = retention.due(laptop, 12, date(2026, 3, 2))
        assert (due.reason, due.due_on, due.case_number) == (retention.SPECIAL, date(2026, 3, 1), "H-1")
        done = retention.erase_special(laptop, person.id, date(2026, 3, 2))
        assert done.reason == retention.SPECIAL and "H-1" in retention.summary(done)
        assert retention.due(laptop, 12, date(2026, 3, 2)) == []  # nothing left to erase
        report = _send(office, laptop, tmp_path)  # the office's older value reaches the laptop after the erasure
        assert report.forgotten == 1
        _send(laptop, office, tmp_path)
        for db in (laptop, office):
            resources = db.resources.where(person_id=person.id)[0]
            assert (resources.health, resources.disability) == (None, None)
            assert resources.special_erased_on == date(2026, 3, 2)
            assert resources.german_course == "Integrationskurs Modul Vier"  # the rest of the case stays
            plain, raw = _plaintext(db, tmp_path), decrypted(db.path, PASS)
            for text in strings:
                assert text.encode() not in plain, (db.path.name, text)
                assert text.encode() not in raw, (db.path.name, text)
            assert b"Integrationskurs Modul Vier" in plain
            assert projection.differences(db.conn) == []  # the rows equal a replay of the emptied log
        assert laptop.check() == office.check() == []
        with pytest.raises(ValidationError), laptop.write():  # entry stays blocked without a new consent
            laptop.resources.save(replace(laptop.resources.where(person_id=person.id)[0], health="Asthma"))
        with laptop.write():  # a new consent: what is recorded from now on stays, here and on the peer
            laptop.consents.add(Consent(person_id=person.id, kind=ConsentKind.SPECIAL_CATEGORIES,
                                        given_on=date.today(), form=ConsentForm.WRITTEN))  # fmt: skip
            laptop.resources.save(replace(laptop.resources.where(person_id=person.id)[0], health="Asthma bronchiale"))
        _send(laptop, office, tmp_path)
        assert office.resources.where(person_id=person.id)[0].health == "Asthma bronchiale"
        assert laptop.conn.execute(
            "SELECT count(*) FROM change_log WHERE field = 'health' AND value = 'Asthma bronchiale'"
        ).fetchone()[0] == 1  # fmt: skip
    finally:
        laptop.close()
        office.close()


def test_health_data_entered_elsewhere_before_the_erasure_goes_whatever_the_clocks_say(tmp_path: Path) -> None:
    """The office's clock runs 20 minutes ahead and it edits twice before it hears of the erasure: its values
    are newer by the clock than the erasure, yet they go, here and there; the rows equal a replay of the log,
    and no conflict shows an erased value. A value the office enters after hearing of it stays."""
    import time

    laptop, office = _replica(tmp_path, "laptop"), _replica(tmp_path, "office")
    office.clock_ms = lambda: int(time.time() * 1000) + 20 * 60 * 1000
    try:
        with laptop.write():
            person = laptop.persons.add(Person(case_number="H-2", family_name="Nazari",
                                               counselling_start=date(2026, 1, 5)))  # fmt: skip
            special = laptop.consents.add(Consent(person_id=person.id, kind=ConsentKind.SPECIAL_CATEGORIES,
                                                  given_on=date(2026, 1, 5), form=ConsentForm.WRITTEN))  # fmt: skip
            laptop.resources.add(Resources(person_id=person.id, health="Migraene seit Jahren"))
        _send(laptop, office, tmp_path)
        for text in ("Sehschwaeche links", "Sehschwaeche beidseitig"):
            with office.write():
                office.resources.save(replace(office.resources.where(person_id=person.id)[0], disability=text))
        shown = decrypted(laptop.path, PASS) + decrypted(office.path, PASS)
        assert all(text.encode() in shown for text in ("Migraene seit Jahren", "Sehschwaeche links"))
        with laptop.write():
            laptop.consents.save(replace(special, withdrawn_on=date(2026, 3, 1)))
        retention.erase_special(laptop, person.id, date(2026, 3, 2))
        report = _send(office, laptop, tmp_path)
        assert report.forgotten == 2 and report.conflicts == []
        _send(laptop, office, tmp_path)
        for db in (laptop, office):
            resources = db.resources.where(person_id=person.id)[0]
            assert (resources.health, resources.disability) == (None, None), db.path.name
            assert projection.differences(db.conn) == []
            plain, raw = _plaintext(db, tmp_path), decrypted(db.path, PASS)
            for text in ("Migraene seit Jahren", "Sehschwaeche links", "Sehschwaeche beidseitig"):
                assert text.encode() not in plain, (db.path.name, text)
                assert text.encode() not in raw, (db.path.name, text)
        with office.write():  # a new consent, then a value entered knowing of the erasure: it stays
            office.consents.add(Consent(person_id=person.id, kind=ConsentKind.SPECIAL_CATEGORIES,
                                        given_on=date.today(), form=ConsentForm.WRITTEN))  # fmt: skip
            office.resources.save(replace(office.resources.where(person_id=person.id)[0], disability="Brille"))
        _send(office, laptop, tmp_path)
        assert laptop.resources.where(person_id=person.id)[0].disability == "Brille"
        assert projection.differences(laptop.conn) == []
    finally:
        laptop.close()
        office.close()


def test_what_refers_to_a_record_is_found_through_the_index_of_references(db: Database) -> None:
    """Erasures, the access report and imports after an erasure ask what refers to a record: through the partial
    index of migration 11, not by reading the whole change log (12 s at 5,000 persons of the benchmark data)."""
    demo.fill(db, persons=6, seed=2, today=date(2026, 11, 1))
    person_id = db.conn.execute("SELECT person_id FROM plan LIMIT 1").fetchone()[0]
    query = f"SELECT DISTINCT tbl, row_id, field, value FROM change_log WHERE {erasure.REFERENCE} AND value IN (?)"
    plan = " ".join(row[3] for row in db.conn.execute(f"EXPLAIN QUERY PLAN {query}", (person_id,)))
    assert "USING INDEX change_log_reference" in plan
    found = erasure.dependants(db.conn, references(db.conn), [("person", person_id)])
    assert found[-1] == ("person", person_id)
    plans = {("plan", p) for (p,) in db.conn.execute("SELECT id FROM plan WHERE person_id = ?", (person_id,))}
    sessions = {("counselling_session", s) for (s,) in db.conn.execute(
        "SELECT id FROM counselling_session WHERE person_id = ?", (person_id,))}  # fmt: skip
    owned = db.conn.execute(
        "SELECT g.id, g.plan_id FROM goal g JOIN plan p ON p.id = g.plan_id WHERE p.person_id = ?", (person_id,)
    )
    goals = {("goal", g): ("plan", p) for g, p in owned}
    assert plans and sessions and goals and plans | sessions | set(goals) <= set(found)
    assert all(found.index(goal) < found.index(plan) for goal, plan in goals.items())  # dependants first
    assert erasure.reached(db.conn, references(db.conn), sorted(goals)) == set()  # nothing purged yet
    with db.write() as writer:
        writer.purge("person", person_id)
    assert erasure.reached(db.conn, references(db.conn), [*goals, ("person", "someone else")]) == set(goals)


def test_erased_names_leave_no_stale_copy_that_balancing_left_in_a_page(tmp_path: Path) -> None:
    """Splitting and merging b-tree pages leaves old copies of cells in the unused part of a page, which
    secure_delete does not zero: after many edits of many persons, no erased name is in any page (VACUUM). Without
    the VACUUM some of the 300 names stay (seen in every run of this seed)."""
    rng = random.Random(2)
    with Database.create(tmp_path / "churn.db", PASS) as db:
        with db.write():
            persons = [db.persons.add(Person(
                case_number=f"C-{i:05d}", counselling_start=date(2025, 1, 1),
                family_name=f"Zfam{i:05d}q" + "w" * rng.randint(0, 60), given_names=f"Ygiv{i:05d}q",
            )) for i in rng.sample(range(3000), 3000)]  # fmt: skip
        for _ in range(2):
            with db.write():
                for index in rng.sample(range(len(persons)), 1000):
                    longer = f"Zfam{persons[index].case_number[2:]}q" + "v" * rng.randint(0, 80)
                    persons[index] = db.persons.save(replace(persons[index], municipality="Musterstadt",
                                                             family_name=longer))  # fmt: skip
        gone = rng.sample(persons, 300)
        names = {p.case_number: [f"{kind}{p.case_number[2:]}q".encode() for kind in ("Zfam", "Ygiv", "zfam", "ygiv")]
                 for p in gone}  # fmt: skip
        before = decrypted(db.path, PASS)
        assert all(any(name in before for name in found) for found in names.values())
        with db.write() as writer:
            for person in gone:
                writer.purge("person", person.id)
        db.vacuum()
        after = decrypted(db.path, PASS)
        assert [case for case, found in names.items() if any(name in after for name in found)] == []
        assert db.persons.count() == 2700 and db.check() == []
