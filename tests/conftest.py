"""Shared fixtures: real encrypted databases in temporary folders, German as the language of messages."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import settings

# Without a display and without a platform, Qt aborts the whole process.
os.environ["QT_QPA_PLATFORM"] = os.environ.get("QT_QPA_PLATFORM") or "offscreen"

from integrationsplan import i18n
from integrationsplan.storage import Database

PASSPHRASE = "correct horse battery staple"

# CI replays the same examples every run so that a landing never hangs on luck; locally each run explores
# new ones (and hypothesis keeps any failure it finds in .hypothesis/ for the next run).
settings.register_profile("ci", derandomize=True, print_blob=True)
if os.environ.get("CI"):
    settings.load_profile("ci")


@pytest.fixture(autouse=True)
def _german() -> Iterator[None]:
    i18n.set_language("de")
    yield
    i18n.set_language("de")


@pytest.fixture(autouse=True)
def _own_folders(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Nothing of the developer's own settings, data or organisation catalogue reaches a test."""
    monkeypatch.setenv("INTEGRATIONSPLAN_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.setenv("INTEGRATIONSPLAN_CATALOGUE", str(tmp_path / "organisation-catalogue"))


@pytest.fixture
def db_passphrase() -> str:
    """The passphrase of the `db` fixture, for tests that open its file (or a copy) again."""
    return PASSPHRASE


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "fall.db"


@pytest.fixture
def db(db_path: Path) -> Iterator[Database]:
    database = Database.create(db_path, PASSPHRASE, device_name="test", case_prefix="T")
    try:
        yield database
    finally:
        database.close()
