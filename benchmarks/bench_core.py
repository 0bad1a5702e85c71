"""Core timings next to a raw baseline measured in the same run: unlock, writes, search, on the Landkreis data set.

    .venv/bin/python benchmarks/bench_core.py [--persons 5000] [--queries 200]

Prints one line per figure: the program's time, the raw baseline, and their ratio. Not part of the tests.
"""

from __future__ import annotations

import argparse
import statistics
import tempfile
import time
from collections.abc import Callable
from datetime import date
from pathlib import Path

from dataset import PASS, describe, landkreis

from integrationsplan.domain.person import Person
from integrationsplan.storage import Database, connection, erasure
from integrationsplan.storage.changes import references
from integrationsplan.storage.records import to_row


def timed(action: Callable[[], object]) -> float:
    start = time.perf_counter()
    action()
    return time.perf_counter() - start


def report(name: str, ours: float, raw: float, unit: str = "ms") -> None:
    scale = 1000 if unit == "ms" else 1
    print(f"{name:44} {ours * scale:10.2f} {unit}   raw {raw * scale:10.2f} {unit}   ratio {ours / raw:6.2f}")


def bench_unlock(path: Path) -> None:
    salt = path.read_bytes()[:16]
    raw = min(timed(lambda: connection.derive_key(PASS, salt)) for _ in range(3))
    ours = min(timed(lambda: Database.open(path, PASS).close()) for _ in range(3))
    report("unlock (open + verify) vs one KDF", ours, raw)


def bench_writes(folder: Path, count: int) -> None:
    persons = [
        Person(case_number=f"B-{i:06d}", counselling_start=date(2024, 1, 1), family_name=f"Name{i}",
               given_names="Mohammed", municipality="Ulm", phone=f"0176 {i:07d}")
        for i in range(count)
    ]  # fmt: skip
    with Database.create(folder / "writes.db", PASS) as db:

        def ours() -> None:
            with db.write():
                for person in persons:
                    db.persons.add(person)

        mine = timed(ours)
    with Database.create(folder / "raw.db", PASS) as db:
        rows = [to_row(p) for p in persons]
        names = list(rows[0])
        sql = f"INSERT INTO person ({', '.join(names)}) VALUES ({', '.join('?' * len(names))})"

        def raw() -> None:
            db.conn.execute("BEGIN")
            db.conn.executemany(sql, [[r[n] for n in names] for r in rows])
            db.conn.execute("COMMIT")

        baseline = timed(raw)
    report(f"add {count} persons (log + index) vs executemany", mine, baseline)


def bench_search(path: Path, queries: int) -> None:
    with Database.open(path, PASS) as db:
        words = [p.family_name_latin or p.family_name or "x" for p in db.persons.all()][:queries]
        ours = [timed(lambda w=w: db.persons.search(w[:4])) for w in words]
        raw = [
            timed(lambda w=w: db.conn.execute(
                "SELECT rowid FROM person_fts WHERE person_fts MATCH ? LIMIT 200", (f'"{w[:4]}"*',)
            ).fetchall())
            for w in words
        ]  # fmt: skip
    report("search per keystroke, median", statistics.median(ours), statistics.median(raw))
    p95 = statistics.quantiles(ours, n=20)[-1]
    raw95 = statistics.quantiles(raw, n=20)[-1]
    report("search per keystroke, p95", p95, raw95)


def bench_references(path: Path, persons: int) -> None:
    """What refers to a person, in any version (an erasure, the access report), against the same walk down the
    references of the tables as they stand (plain queries by foreign key, level by level)."""
    with Database.open(path, PASS) as db:
        refs = references(db.conn)
        ids = [row[0] for row in db.conn.execute("SELECT person_id FROM plan LIMIT ?", (persons,))]

        def walk(person_id: str) -> set[tuple[str, str]]:
            found, level = set(), {("person", person_id)}
            while level:
                below = set()
                for table, row_id in level:
                    for ref in refs.get(table, ()):
                        query = f"SELECT id FROM {ref.child_table} WHERE {ref.column} = ?"
                        below |= {(ref.child_table, i) for (i,) in db.conn.execute(query, (row_id,))}
                found |= level
                level = below - found
            return found

        ours = [timed(lambda i=i: erasure.dependants(db.conn, refs, [("person", i)])) for i in ids]
        raw = [timed(lambda i=i: walk(i)) for i in ids]
    report("what refers to a person (erasure, report)", statistics.median(ours), statistics.median(raw))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--persons", type=int, default=5000)
    parser.add_argument("--queries", type=int, default=200)
    args = parser.parse_args()
    path = landkreis(args.persons)
    print(describe(path))
    bench_unlock(path)
    with tempfile.TemporaryDirectory() as folder:
        bench_writes(Path(folder), min(args.persons, 5000))
    bench_search(path, args.queries)
    bench_references(path, 20)


if __name__ == "__main__":
    main()
