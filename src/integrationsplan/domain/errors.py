"""Validation errors that carry a translatable message and the field they concern."""

from __future__ import annotations

from typing import Any

from integrationsplan.i18n import _


class ValidationError(ValueError):
    """A record breaks a rule; `message` is an untranslated source string with {placeholders}."""

    def __init__(self, message: str, *, field: str | None = None, **params: Any) -> None:
        self.message = message
        self.field = field
        self.params = params
        super().__init__(self.text())

    def text(self) -> str:
        """The message in the language active now."""
        return _(self.message).format(**self.params)

    def __str__(self) -> str:
        return self.text()
