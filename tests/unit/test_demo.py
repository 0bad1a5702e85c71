"""The synthetic demo data: valid, deterministic per seed, in the clients' scripts and findable."""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest

from integrationsplan import demo
from integrationsplan.domain.codes import GoalStatus, PlanStatus
from integrationsplan.storage import Database

TODAY = date(2026, 11, 1)
ARABIC = re.compile("[\u0600-\u06ff]")
CYRILLIC = re.compile("[\u0400-\u04ff]")
ETHIOPIC = re.compile("[\u1200-\u137f]")


def _filled(path: Path, seed: int = 3) -> tuple[Database, dict[str, int]]:
    db = Database.create(path, "pass phrase")
    return db, demo.fill(db, persons=40, seed=seed, today=TODAY)


@pytest.fixture
def filled(tmp_path: Path) -> Iterator[tuple[Database, dict[str, int]]]:
    db, counts = _filled(tmp_path / "demo.db")
    try:
        yield db, counts
    finally:
        db.close()


def _content(db: Database) -> tuple[list[tuple[str, str]], list[str], list[str]]:
    names = sorted((p.family_name or "", p.given_names or "") for p in db.persons.all())
    goals = sorted(g.text for g in db.goals.all())
    notes = sorted(s.note or "" for s in db.sessions.all())
    return names, goals, notes


def test_fill_makes_a_valid_caseload(filled: tuple[Database, dict[str, int]]) -> None:
    db, counts = filled
    assert counts["persons"] == db.persons.count() == 40
    kinds = ("households", "consents", "plans", "needs", "goals", "steps", "reviews", "sessions")
    for kind in kinds:
        assert counts[kind] > 0, kind
    assert counts["members"] == 40
    assert db.check() == []
    plans = db.plans.all()
    assert any(p.status is PlanStatus.ACTIVE for p in plans)
    assert all(p.closed_on is not None for p in plans if p.status is PlanStatus.CLOSED)
    assert {g.status for g in db.goals.all()} > {GoalStatus.OPEN, GoalStatus.ACHIEVED}
    assert all(p.counselling_start <= TODAY for p in db.persons.all())
    assert all(s.held_on <= TODAY for s in db.sessions.all())


def test_same_seed_gives_the_same_content(tmp_path: Path, filled: tuple[Database, dict[str, int]]) -> None:
    first, first_counts = filled
    second, second_counts = _filled(tmp_path / "again.db")
    try:
        assert _content(second) == _content(first)
        assert second_counts == first_counts
    finally:
        second.close()


def test_other_seed_gives_other_names(tmp_path: Path, filled: tuple[Database, dict[str, int]]) -> None:
    other, _ = _filled(tmp_path / "other.db", seed=4)
    try:
        assert _content(other)[0] != _content(filled[0])[0]
    finally:
        other.close()


def test_names_in_the_clients_scripts(filled: tuple[Database, dict[str, int]]) -> None:
    db, _ = filled
    names = [f"{p.family_name} {p.given_names}" for p in db.persons.all()]
    for script in (ARABIC, CYRILLIC, ETHIOPIC):
        assert any(script.search(name) for name in names), script.pattern
    assert any(g.translation for g in db.goals.all())


def test_search_finds_persons_by_transliteration(filled: tuple[Database, dict[str, int]]) -> None:
    db, _ = filled
    persons = db.persons.all()
    for script in (ARABIC, CYRILLIC, ETHIOPIC):
        person = next(p for p in persons if p.family_name and script.search(p.family_name) and p.family_name_latin)
        assert person.family_name_latin is not None
        found = db.persons.search(person.family_name_latin.lower())
        assert person.id in [p.id for p in found]
        assert person.id in [p.id for p in db.persons.search(person.family_name)]


def test_the_landkreis_density_fills_cases_as_the_benchmarks_need(tmp_path: Path) -> None:
    """Per person about 12 sessions, 5 goals and 20 steps (issue 9: 60,000, 25,000, 100,000 per 5,000 persons)."""
    with Database.create(tmp_path / "landkreis.db", "pass phrase") as db:
        counts = demo.fill(db, persons=200, seed=1, today=TODAY, density=demo.LANDKREIS)
        assert db.check() == []
        assert counts["persons"] == 200
    assert 10 <= counts["sessions"] / 200 <= 14
    assert 4 <= counts["goals"] / 200 <= 6
    assert 16 <= counts["steps"] / 200 <= 24
    with Database.create(tmp_path / "plain.db", "pass phrase") as db:
        plain = demo.fill(db, persons=200, seed=1, today=TODAY)
    for kind in ("sessions", "goals", "steps"):  # about as many plans, each fuller
        assert plain[kind] / plain["plans"] * 2 < counts[kind] / counts["plans"], kind
