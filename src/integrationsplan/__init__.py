"""Integrationsplan: offline case management for Integrationsmanagement in Baden-Württemberg."""

__version__ = "0.1.0"
