"""Where a passphrase comes from: a file, the environment or an interactive prompt; never echoed."""

from __future__ import annotations

import getpass
import math
import os
import sys
from pathlib import Path

from integrationsplan import surrogates
from integrationsplan.errors import UserError
from integrationsplan.i18n import N_, _

ENV_VAR = "INTEGRATIONSPLAN_PASSPHRASE"
NEW_ENV_VAR = "INTEGRATIONSPLAN_NEW_PASSPHRASE"
MIN_LENGTH = 8


class PassphraseError(UserError):
    """No usable passphrase was given."""


def read_file(path: Path) -> str:
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise PassphraseError(N_("The passphrase file {path} cannot be read."), path=path) from exc
    # Only the line end an editor adds is dropped; spaces may belong to the passphrase.
    return text.rstrip("\r\n")


def obtain(file: Path | None, *, env_var: str = ENV_VAR, confirm: bool = False, prompt: str | None = None) -> str:
    """The passphrase from --passphrase-file, else the environment, else a prompt (twice when confirming)."""
    if file is not None:
        value = read_file(file)
    elif os.environ.get(env_var):
        value = os.environ[env_var]
        if surrogates.found_in(value):
            raise PassphraseError(N_("The variable {var} holds bytes that are no UTF-8 text."), var=env_var)
    elif sys.stdin is not None and sys.stdin.isatty():
        value = getpass.getpass(prompt or _("Passphrase: "))
        if confirm and getpass.getpass(_("Repeat the passphrase: ")) != value:
            raise PassphraseError(N_("The two passphrases differ."))
    else:
        raise PassphraseError(
            N_("No passphrase given: use --passphrase-file FILE, the variable {var}, or a terminal."),
            var=env_var,
        )
    if not value:
        raise PassphraseError(N_("The passphrase must not be empty."))
    if confirm and len(value) < MIN_LENGTH:
        raise PassphraseError(N_("The passphrase needs at least {n} characters."), n=MIN_LENGTH)
    return value


def strength(passphrase: str) -> int:
    """A rough rating from 0 (weak) to 4 (very strong): the bits an attacker must guess, by character classes.

    Real attackers use word lists, so this errs towards weak: repeated characters count once.
    """
    if not passphrase:
        return 0
    pool = 0
    pool += 26 if any(c.islower() for c in passphrase) else 0
    pool += 26 if any(c.isupper() for c in passphrase) else 0
    pool += 10 if any(c.isdigit() for c in passphrase) else 0
    pool += 33 if any(not c.isalnum() for c in passphrase) else 0
    pool += 100 if any(ord(c) > 127 and c.isalpha() for c in passphrase) else 0
    distinct = len(set(passphrase))
    length = min(len(passphrase), distinct * 2)
    bits = length * math.log2(max(pool, 2))
    return 0 if bits < 40 else 1 if bits < 60 else 2 if bits < 80 else 3 if bits < 100 else 4
