"""The per-user folders: settings (config) and data (backups, the organisation's catalogue)."""

from __future__ import annotations

import os
from pathlib import Path

import platformdirs


def config_dir() -> Path:
    """$INTEGRATIONSPLAN_CONFIG_DIR (tests, portable installs) or the platform's per-user folder."""
    override = os.environ.get("INTEGRATIONSPLAN_CONFIG_DIR")
    return Path(override) if override else Path(platformdirs.user_config_dir("Integrationsplan", appauthor=False))


def data_dir() -> Path:
    override = os.environ.get("INTEGRATIONSPLAN_DATA_DIR")
    return Path(override) if override else Path(platformdirs.user_data_dir("Integrationsplan", appauthor=False))
