"""Errors a user can act on: an untranslated message with {placeholders}, translated when shown."""

from __future__ import annotations

from typing import Any

from integrationsplan.i18n import N_, _


class UserError(Exception):
    """Anything the user can fix; everything else is a bug. `message` may be set per class or per raise."""

    message: str = N_("The action could not be completed.")

    def __init__(self, message: str | None = None, **params: Any) -> None:
        if message is not None:
            self.message = message
        self.params = params
        super().__init__(self.text())

    def text(self) -> str:
        """The message in the language active now."""
        return _(self.message).format(**self.params)

    def __str__(self) -> str:
        return self.text()
