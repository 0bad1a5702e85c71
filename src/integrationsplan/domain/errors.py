"""Validation errors: a record breaks a rule; they name the field concerned."""

from __future__ import annotations

from typing import Any

from integrationsplan.errors import UserError


class ValidationError(UserError, ValueError):
    """A record breaks a rule; `field` names the field the user should look at."""

    def __init__(self, message: str, *, field: str | None = None, **params: Any) -> None:
        self.field = field
        super().__init__(message, **params)
