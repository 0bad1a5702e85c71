"""Integrationsplan: offline case management for Integrationsmanagement in Baden-Württemberg."""

__version__ = "0.1.0"
# The desktop id: the menu entry, AppStream metadata and sync-file type of packaging/ are named after it.
APP_ID = "de.integrationsplan.Integrationsplan"
