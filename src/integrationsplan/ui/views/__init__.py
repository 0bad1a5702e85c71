"""Editors and panels of the main window."""
