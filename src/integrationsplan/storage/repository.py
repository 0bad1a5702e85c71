"""A generic repository: domain records in, domain records out, every write through the change log."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING, Any, Generic, TypeVar

from integrationsplan.storage import connection
from integrationsplan.storage.errors import RecordNotFound
from integrationsplan.storage.records import TABLE_OF, columns, from_row, to_column, to_row

if TYPE_CHECKING:
    from integrationsplan.storage.database import Database

T = TypeVar("T")


class Repository(Generic[T]):
    """Reads and writes one kind of record; subclasses add the rules that span several records."""

    def __init__(self, db: Database, record_type: type[T]) -> None:
        self.db = db
        self.type = record_type
        self.table = TABLE_OF[record_type]
        self._select = f"SELECT {', '.join(columns(record_type))} FROM {self.table}"

    def find(self, record_id: str) -> T | None:
        rows = self._rows(f"{self._select} WHERE id = ?", (record_id,))
        return rows[0] if rows else None

    def get(self, record_id: str) -> T:
        record = self.find(record_id)
        if record is None:
            raise RecordNotFound(id=record_id)
        return record

    def many(self, ids: Iterable[str]) -> list[T]:
        """The records with these ids, those that exist, in no particular order."""
        query = f"{self._select} WHERE id IN "
        return [record for part, marks in connection.in_lists(ids) for record in self._rows(f"{query}({marks})", part)]

    def where(self, order_by: str = "rowid", **equal: Any) -> list[T]:
        """Records whose columns equal the given values (None matches NULL), ordered by "column [DESC], …"."""
        known = set(columns(self.type)) | {"rowid"}
        terms = [term.strip().partition(" ") for term in order_by.split(",")]
        if not set(equal) <= known or any(c not in known or d not in ("", "ASC", "DESC") for c, _, d in terms):
            raise ValueError(f"bad query on {self.table}: {sorted(equal)} order by {order_by!r}")
        condition = " AND ".join(f"{name} IS ?" for name in equal) or "1"
        values = [to_column(v) for v in equal.values()]
        return self._rows(f"{self._select} WHERE {condition} ORDER BY {order_by}", values)

    def all(self) -> list[T]:
        return self._rows(self._select, ())

    def iterate(self, batch: int = 1000) -> Iterator[T]:
        cursor = self.db.conn.execute(self._select)
        names = [d[0] for d in cursor.description]
        while rows := cursor.fetchmany(batch):
            for row in rows:
                yield from_row(self.type, dict(zip(names, row, strict=True)))

    def count(self) -> int:
        return int(self.db.conn.execute(f"SELECT count(*) FROM {self.table}").fetchone()[0])

    def add(self, record: T) -> T:
        self.validate(record, None)
        with self.db.write() as tx:
            tx.insert(self.table, to_row(record))
        return record

    def save(self, record: T) -> T:
        """Store the changed fields of an existing record."""
        old = self.get(record.id)  # type: ignore[attr-defined]
        self.validate(record, old)
        with self.db.write() as tx:
            tx.update(self.table, record.id, to_row(record))  # type: ignore[attr-defined]
        return record

    def delete(self, record_id: str) -> None:
        """Delete a record and everything that depends on it (see Writer.delete)."""
        self.check_delete(self.get(record_id))
        with self.db.write() as tx:
            tx.delete(self.table, record_id)

    def validate(self, record: T, old: T | None) -> None:
        """The record's own rules; subclasses add those that need other records."""
        record.validate()  # type: ignore[attr-defined]

    def check_delete(self, record: T) -> None:
        """Refuse deleting a record the rules protect; cascades from a parent are not asked."""

    def _rows(self, sql: str, params: Any) -> list[T]:
        with connection.translated(self.db.path):
            cursor = self.db.conn.execute(sql, params)
            names = [d[0] for d in cursor.description]
            rows = cursor.fetchall()
        return [from_row(self.type, dict(zip(names, row, strict=True))) for row in rows]
