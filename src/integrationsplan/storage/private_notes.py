"""The caseworker's private working note about a person: on this device only.

It is no synced record: it never enters the change log, so no sync file, export or printed plan carries it. It is
part of what is stored about the person, so it goes when the person goes (a delete or an erasure, also one that
arrives from another device: Database._update_derived).
"""

from __future__ import annotations

from datetime import UTC, datetime

from integrationsplan.domain.rules import check_text
from integrationsplan.storage.connection import Connection
from integrationsplan.storage.errors import RecordNotFound


def get(conn: Connection, person_id: str) -> str:
    row = conn.execute("SELECT text FROM private_note WHERE person_id = ?", (person_id,)).fetchone()
    return str(row[0]) if row else ""


def put(conn: Connection, person_id: str, text: str) -> None:
    """Keep `text` as the person's private note (an empty text removes it), in the caller's transaction."""
    check_text(text, "text", multiline=True)
    if not text.strip():
        conn.execute("DELETE FROM private_note WHERE person_id = ?", (person_id,))
        return
    if conn.execute("SELECT 1 FROM person WHERE id = ?", (person_id,)).fetchone() is None:
        raise RecordNotFound(id=person_id)
    conn.execute(
        "INSERT INTO private_note VALUES (?, ?, ?) ON CONFLICT (person_id) DO UPDATE SET text = excluded.text,"
        " written_at = excluded.written_at",
        (person_id, text, datetime.now(UTC).isoformat(timespec="seconds")),
    )


def forget(conn: Connection, person_ids: set[str]) -> None:
    conn.executemany("DELETE FROM private_note WHERE person_id = ?", [(p,) for p in sorted(person_ids)])
