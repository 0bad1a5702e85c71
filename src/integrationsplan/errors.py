"""Errors a user can act on: an untranslated message with {placeholders}, translated when shown."""

from __future__ import annotations

from pathlib import PurePath
from typing import Any

from integrationsplan.direction import RIGHT_TO_LEFT_LANGUAGES, isolated_left_to_right
from integrationsplan.i18n import N_, _, current_language


class UserError(Exception):
    """Anything the user can fix; everything else is a bug. `message` may be set per class or per raise."""

    message: str = N_("The action could not be completed.")

    def __init__(self, message: str | None = None, **params: Any) -> None:
        if message is not None:
            self.message = message
        self.params = params
        super().__init__(self.text())

    def text(self) -> str:
        """The message in the language active now; in a right-to-left one, file paths keep their order."""
        params = self.params
        if current_language() in RIGHT_TO_LEFT_LANGUAGES:
            params = {k: isolated_left_to_right(str(v)) if isinstance(v, PurePath) else v for k, v in params.items()}
        return _(self.message).format(**params)

    def __str__(self) -> str:
        return self.text()
