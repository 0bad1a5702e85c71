"""Fixtures of the unit tests."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from syncing import _replica

from integrationsplan.storage import Database


@pytest.fixture
def pair(tmp_path: Path) -> Iterator[tuple[Database, Database]]:
    a, b = _replica(tmp_path, "laptop"), _replica(tmp_path, "office")
    try:
        yield a, b
    finally:
        a.close()
        b.close()
