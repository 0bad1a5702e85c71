"""Person search over FTS5 and the duplicate check, both kept in step by the write path."""

from __future__ import annotations

import re
from collections.abc import Iterable
from itertools import islice

from integrationsplan.domain import names
from integrationsplan.domain.person import Person
from integrationsplan.storage.connection import Connection

_NON_DIGITS = re.compile(r"\D+")
_WORDS = re.compile(r"[^\W_]+")
_COLUMNS = "{names keys case_number phone municipality}"


def phone_forms(phone: str | None) -> str:
    """Digits of a phone number in national and international form, so either way of typing finds it."""
    digits = _NON_DIGITS.sub("", phone or "")
    if not digits:
        return ""
    forms = [digits]
    if digits.startswith("00"):
        digits = digits[2:]
        forms.append(digits)
    if digits.startswith("49"):
        forms.append("0" + digits[2:])
    elif digits.startswith("0"):
        forms.append("49" + digits[1:])
    return " ".join(dict.fromkeys(forms))


def add_to_index(conn: Connection, persons: Iterable[Person]) -> None:
    """Index persons who have no index rows yet (new, or after the index was emptied): a statement per table
    and thousand persons. Each person's full-text row takes the rowid of its person_key row, numbered here."""
    persons = iter(persons)
    while numbered := list(enumerate(islice(persons, 1000), start=_last_rowid(conn) + 1)):
        conn.executemany(
            "INSERT INTO person_key (rowid, person_id, name_key, birth_year) VALUES (?, ?, ?, ?)",
            [(rowid, p.id, _name_key(p), p.effective_birth_year) for rowid, p in numbered],
        )
        conn.executemany(
            "INSERT INTO person_fts (rowid, names, keys, case_number, phone, municipality) VALUES (?, ?, ?, ?, ?, ?)",
            [(rowid, *_indexed(p)) for rowid, p in numbered],
        )


def _last_rowid(conn: Connection) -> int:
    return int(conn.execute("SELECT coalesce(max(rowid), 0) FROM person_key").fetchone()[0])


def _indexed(person: Person) -> tuple[str, str, str, str, str]:
    """The full-text columns of a person: names as written, their search terms, case number, phone, municipality."""
    parts = (person.family_name, person.given_names, person.family_name_latin, person.given_names_latin)
    return (" ".join(p for p in parts if p), names.search_terms(*parts), person.case_number,
            phone_forms(person.phone), person.municipality or "")  # fmt: skip


def unindex_person(conn: Connection, person_id: str) -> None:
    row = conn.execute("SELECT rowid FROM person_key WHERE person_id = ?", (person_id,)).fetchone()
    if row is not None:
        conn.execute("DELETE FROM person_fts WHERE rowid = ?", (row[0],))
        conn.execute("DELETE FROM person_key WHERE rowid = ?", (row[0],))


def forget_deleted(conn: Connection) -> None:
    """Merge the index so that the words of deleted persons are gone from it, not only marked deleted (FTS5
    keeps them in its segments until then): after an erasure."""
    conn.execute("INSERT INTO person_fts (person_fts) VALUES ('optimize')")


def rebuild(conn: Connection, persons: Iterable[Person]) -> None:
    conn.execute("DELETE FROM person_fts")
    conn.execute("DELETE FROM person_key")
    add_to_index(conn, persons)


def quote_term(term: str) -> str:
    return '"' + term.replace('"', '""') + '"*'


def match_expression(query: str) -> str | None:
    """An FTS5 expression: each alternative's terms must all match as prefixes; alternatives are OR-ed."""
    alternatives = names.query_alternatives(query)
    # As typed too: folding merges "ae" into "a" for names, but a case number such as "IPAE0F-00001" is indexed
    # as written.
    typed = _WORDS.findall(query.casefold())
    if typed and typed not in alternatives:
        alternatives.append(typed)
    digits = _NON_DIGITS.sub("", query)
    if len(digits) >= 3 and len(digits) * 2 >= len(query.strip()):
        alternatives.append([digits])
    clauses = [
        "(" + " AND ".join(f"{_COLUMNS} : {quote_term(t)}" for t in terms) + ")" for terms in alternatives if terms
    ]
    return " OR ".join(clauses) if clauses else None


def search(conn: Connection, query: str, limit: int = 200) -> list[str]:
    """Ids of matching persons, best match first."""
    expression = match_expression(query)
    if expression is None:
        return []
    rows = conn.execute(
        "SELECT k.person_id FROM person_fts f JOIN person_key k ON k.rowid = f.rowid"
        " WHERE person_fts MATCH ? ORDER BY bm25(person_fts) LIMIT ?",
        (expression, limit),
    )
    return [r[0] for r in rows]


def _name_key(person: Person) -> str:
    return names.name_key(
        person.family_name_latin or person.family_name, person.given_names_latin or person.given_names
    )


def possible_duplicates(conn: Connection, person: Person) -> list[str]:
    """Other persons with the same normalised name and the same birth year (or both unknown)."""
    key = _name_key(person)
    if not key:
        return []
    rows = conn.execute(
        "SELECT person_id FROM person_key WHERE name_key = ? AND birth_year IS ? AND person_id != ?",
        (key, person.effective_birth_year, person.id),
    )
    return [r[0] for r in rows]
