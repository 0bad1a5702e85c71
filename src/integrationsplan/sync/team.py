"""The team: devices that exchange bundles share one secret, entered once per laptop as a team key.

A team key reads like "IPT-ABCD-EFGH-…": 160 random bits in base32 groups of four, the last group a checksum
so that a mistyped key is refused at once instead of producing bundles nobody can read. The team id is derived
from the secret, so the key alone is all a new laptop needs.
"""

from __future__ import annotations

import base64
import hashlib
import os
from dataclasses import dataclass
from datetime import UTC, datetime

from integrationsplan.errors import UserError
from integrationsplan.i18n import N_
from integrationsplan.storage.connection import Connection

PREFIX = "IPT"
_SECRET_BYTES = 20  # 160 bits: 32 base32 letters


class BadTeamKey(UserError):
    message = N_("This is no valid team key (mistyped?): a team key looks like IPT-ABCD-EFGH-… with 9 groups.")


class NoTeam(UserError):
    message = N_(
        "This device belongs to no team yet: create a team key on one device "
        "(integrationsplan sync team --new) and enter it on the others (--join KEY)."
    )


class OtherTeam(UserError):
    message = N_(
        "This device already belongs to another team. To take the team's new key (after a device was removed), "
        "replace the key (--replace); to join another team, leave this one first (--leave)."
    )


@dataclass(frozen=True)
class Team:
    team_id: str
    secret: bytes

    @property
    def key(self) -> str:
        """The secret as a team key to type or paste on another laptop."""
        letters = base64.b32encode(self.secret).decode("ascii") + _checksum(self.secret)
        return "-".join([PREFIX, *(letters[i : i + 4] for i in range(0, len(letters), 4))])


def _checksum(secret: bytes) -> str:
    return base64.b32encode(hashlib.sha256(b"integrationsplan team key" + secret).digest())[:4].decode("ascii")


def team_id_of(secret: bytes) -> str:
    return hashlib.sha256(b"integrationsplan team id" + secret).hexdigest()[:16]


def parse_key(text: str) -> Team:
    """A team from a typed key; spaces, dashes and letter case do not matter, 0/O and 1/I are read alike."""
    letters = "".join(ch for ch in text.upper() if ch.isalnum()).replace("0", "O").replace("1", "I")
    if letters.startswith(PREFIX):
        letters = letters[len(PREFIX) :]
    if len(letters) != 36:
        raise BadTeamKey()
    try:
        secret = base64.b32decode(letters[:32])
    except ValueError as exc:
        raise BadTeamKey() from exc
    if _checksum(secret) != letters[32:]:
        raise BadTeamKey()
    return Team(team_id_of(secret), secret)


def new_team() -> Team:
    secret = os.urandom(_SECRET_BYTES)
    return Team(team_id_of(secret), secret)


def load(conn: Connection) -> Team:
    row = conn.execute("SELECT team_id, secret FROM team").fetchone()
    if row is None:
        raise NoTeam()
    return Team(row[0], bytes(row[1]))


def join(conn: Connection, team: Team, *, replace: bool = False) -> None:
    """Make this device a member of `team` (inside the caller's transaction). `replace`: the team's new key
    after a device was removed; what the other devices said they hold stays."""
    row = conn.execute("SELECT team_id FROM team").fetchone()
    if row is not None and row[0] != team.team_id and not replace:
        raise OtherTeam()
    conn.execute("INSERT OR REPLACE INTO team VALUES (1, ?, ?, ?)",
                 (team.team_id, team.secret, datetime.now(UTC).isoformat(timespec="seconds")))  # fmt: skip


def leave(conn: Connection) -> None:
    """Forget the team and what its devices said they hold (the change log stays)."""
    conn.execute("DELETE FROM team")
    conn.execute("DELETE FROM sync_peer")
