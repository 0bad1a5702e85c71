"""The command line called in the process with odd arguments: option values, paths, case numbers, dates, language
codes, and passphrases from the environment or a file. Each call ends with exit code 0, 1 (with a one-line
message) or 2 (usage); never a traceback, never another exception, never a hang.

Arguments are what a shell can pass: no NUL, and undecodable bytes only as Python shows them (U+DC80 to U+DCFF).
"""

from __future__ import annotations

import contextlib
import io
import itertools
import os
import sys
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import pytest
from hypothesis import event, example, given
from hypothesis import strategies as st
from strategies import fuzzing, text, watchdog

from integrationsplan import cli
from integrationsplan.domain.codes import ClosureReason, LifeArea
from integrationsplan.domain.person import CaseClosure, Person
from integrationsplan.domain.plan import Goal, Plan
from integrationsplan.passphrase import ENV_VAR, NEW_ENV_VAR
from integrationsplan.pdf import LANGUAGES
from integrationsplan.storage import Database

PASS = "cli fuzz passphrase"
SECRET = "QXSECRET"  # starts every fuzzed passphrase: it must never be printed


@dataclass(frozen=True)
class Files:
    db: Path
    passphrase_file: Path
    folder: Path


@pytest.fixture(scope="module")
def files(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Files]:
    """One real database for every example: a person with a plan, and a case closed long ago (due for erasure)."""
    folder = tmp_path_factory.mktemp("cli")
    db = folder / "fall.db"
    with Database.create(db, PASS, device_name="cli", case_prefix="F") as database, database.write():
        person = database.persons.add(Person(case_number="F-1", family_name="Haddad",
                                             counselling_start=date(2020, 1, 5)))  # fmt: skip
        plan = database.plans.add(Plan(person_id=person.id, created_on=date(2020, 2, 1)))
        database.goals.add(Goal(plan_id=plan.id, area=LifeArea.WORK, text="Arbeit finden"))
        closed = database.persons.add(Person(case_number="F-2", counselling_start=date(2020, 1, 5)))
        database.closures.add(CaseClosure(person_id=closed.id, closed_on=date(2021, 1, 5),
                                          reason=ClosureReason.MOVED_AWAY))  # fmt: skip
    secret = folder / "passphrase.txt"
    secret.write_text(PASS + "\n", encoding="utf-8")
    yield Files(db, secret, folder)


def as_argv(value: str) -> str:
    """`value` as a shell could pass it: no NUL; a lone surrogate only as an undecodable byte (U+DC80 to U+DCFF)."""
    return "".join(chr(0xDC80 + ord(c) % 128) if 0xD800 <= ord(c) <= 0xDFFF else c for c in value if c != "\0")


@dataclass(frozen=True)
class Ran:
    code: int
    out: str
    err: str


@contextlib.contextmanager
def environment(**values: str | None) -> Iterator[None]:
    saved = {name: os.environ.get(name) for name in values}
    try:
        for name, value in values.items():
            if value is None:
                os.environ.pop(name, None)
            else:
                os.environ[name] = value
        yield
    finally:
        for name, value in saved.items():
            if value is None:
                os.environ.pop(name, None)
            else:
                os.environ[name] = value


def run(argv: list[str], passphrase: str | None = PASS, new_passphrase: str | None = None) -> Ran:
    """`integrationsplan ARGV` in this process, with no terminal: its exit code and what it printed."""
    out, err = io.StringIO(), io.StringIO()
    saved = sys.stdin
    with (
        environment(**{ENV_VAR: passphrase, NEW_ENV_VAR: new_passphrase}),
        watchdog(),
        contextlib.redirect_stdout(out),
        contextlib.redirect_stderr(err),
    ):
        sys.stdin = io.StringIO()
        try:
            code = cli.main(argv)
        except SystemExit as exit_:  # argparse: --help, --version, a usage error
            code = exit_.code if isinstance(exit_.code, int) else 2
        finally:
            sys.stdin = saved
    return Ran(code, out.getvalue(), err.getvalue())


def assert_clean_exit(ran: Ran, argv: list[str]) -> None:
    """0, 1 with one line on stderr (more only where an argument holds line breaks), or 2 with the usage."""
    assert ran.code in (0, 1, 2), ran
    event(f"exit {ran.code}")
    assert "Traceback" not in ran.err and "Traceback" not in ran.out
    assert SECRET not in ran.out + ran.err
    # The catalogue lists each problem of its files, an exchange folder each file it skips: one line each.
    if ran.code == 1 and "catalogue" not in argv and "folder" not in argv:
        assert ran.err.startswith("integrationsplan: "), ran
        extra = sum(len(f"{arg}.".splitlines()) - 1 for arg in argv)  # a message may name an argument twice
        assert len(ran.err.splitlines()) <= 1 + 2 * extra, ran
    if ran.code == 2:
        assert "usage:" in ran.err and "error:" in ran.err


# -- what the arguments may be -------------------------------------------------------------------------------------

words = text(lines=False, max_pieces=4).map(as_argv)
odd_paths = ["", ".", "..", "/", "/dev/null", "/proc/self/status", "no/such/folder/x", "~", "-", "x.pdf", "\udcff.db",
             "a" * 300, "<folder>", "--db"]  # fmt: skip
outputs = st.one_of(st.sampled_from(odd_paths), text(stored=True, max_pieces=3).map(as_argv))  # never the shared files
paths = st.one_of(st.sampled_from(["<db>", "<passphrase>"]), outputs)
references = st.one_of(st.sampled_from(["F-1", "F-2", "f-1", " F-1 ", "F-%", "F-_", "*", "'", '"', "F-1'; --"]), words)
days = st.one_of(st.dates().map(date.isoformat), st.sampled_from(["0001-01-01", "9999-12-31", "9999-12-01",
                 "2026-02-30", "2026-W01-1", "20260630", "30.06.2026", "", "-1"]), words)  # fmt: skip
numbers = st.one_of(st.integers(-(2**70), 2**70).map(str), st.sampled_from(["0", "1", "-1", "1e3", "0x10", "½", "٣"]),
                    words)  # fmt: skip
languages = st.one_of(st.sampled_from([*LANGUAGES, "xx", "x-pseudo", "de_DE", "../..", ""]), words)
texts = st.one_of(words, text(max_pieces=6).map(as_argv))


def joined(parts: Iterable[list[str]]) -> list[str]:
    return list(itertools.chain.from_iterable(parts))


def option(name: str, values: st.SearchStrategy[str]) -> st.SearchStrategy[list[str]]:
    """`--name value`, or nothing."""
    return st.one_of(st.just([]), values.map(lambda value: [name, value]))


def flag(name: str) -> st.SearchStrategy[list[str]]:
    return st.sampled_from([[], [name]])


def on_database(db: st.SearchStrategy[str], *options: st.SearchStrategy[list[str]]) -> st.SearchStrategy[list[str]]:
    """`--db PATH` and the options, in the order drawn."""
    secret: st.SearchStrategy[list[str]] = st.one_of(
        st.just([]), st.just(["--passphrase-file", "<passphrase>"]), option("--passphrase-file", paths)
    )
    parts = [db.map(lambda path: ["--db", path]), secret, *options]
    return st.tuples(*parts).flatmap(lambda drawn: st.permutations(list(drawn))).map(joined)


existing = st.one_of(st.just("<db>"), paths)
fresh = outputs.map(lambda path: f"<folder>/new-{path.replace('/', '_')[:60]}")
commands = st.one_of(
    st.tuples(st.just(["check"]), on_database(existing)),
    st.tuples(st.just(["search"]), on_database(existing, option("--limit", numbers))
              .flatmap(lambda rest: st.lists(texts, min_size=1, max_size=3).map(lambda query: rest + query))),
    st.tuples(st.just(["plan-pdf"]), on_database(existing, references.map(lambda r: ["--person", r]),
              outputs.map(lambda p: ["--out", p]), option("--lang", languages), option("--organisation", texts),
              option("--logo", paths))),
    st.tuples(st.just(["access-report"]), on_database(existing, references.map(lambda r: ["--person", r]),
              outputs.map(lambda p: ["--out", p]), option("--lang", languages))),
    st.tuples(st.just(["stats"]), on_database(existing, days.map(lambda d: ["--from", d]),
              days.map(lambda d: ["--to", d]), outputs.map(lambda p: ["--out", p]),
              option("--format", st.sampled_from(["csv", "xlsx", "pdf", "odt"])), option("--manager", texts),
              option("--municipality", texts), flag("--no-suppression"), option("--organisation", texts))),
    st.tuples(st.just(["erasure"]), on_database(existing, option("--months", numbers), option("--erase", references),
              option("--confirm", references), flag("--health"))),
    st.tuples(st.just(["audit"]), on_database(existing, option("--limit", numbers), option("--csv", outputs))),
    st.tuples(st.just(["init"]), on_database(fresh, option("--device-name", texts), option("--case-prefix", words))),
    st.tuples(st.just(["demo"]), on_database(fresh, st.sampled_from(["1", "2", "0", "-3", "100001", "x", ""])
              .map(lambda n: ["--persons", n]), option("--seed", numbers))),
    st.tuples(st.just(["passwd"]), on_database(fresh, option("--new-passphrase-file", paths))),
    st.tuples(st.just(["restore"]), on_database(fresh, existing.map(lambda p: ["--from", p]),
              option("--backup-dir", paths))),
    st.tuples(st.just(["catalogue"]), st.tuples(option("--folder", paths), flag("--list")).map(joined)),
    st.tuples(st.just(["sync", "team"]), on_database(existing, st.sampled_from([[], ["--new"], ["--leave"]]),
              option("--join", texts), option("--remove", texts), flag("--replace"))),
    st.tuples(st.sampled_from([["sync", "devices"], ["sync", "conflicts"]]), on_database(existing)),
    st.tuples(st.just(["sync", "held"]), on_database(existing, flag("--accept"), option("--backup-dir", paths))),
    st.tuples(st.just(["sync", "export"]), on_database(existing, outputs.map(lambda p: ["--out", p]), flag("--all"))),
    st.tuples(st.just(["sync", "import"]), on_database(existing, flag("--preview"), flag("--allow-deletions"))
              .flatmap(lambda rest: st.lists(paths, min_size=1, max_size=2).map(lambda files: rest + files))),
    st.tuples(st.just(["sync", "folder"]), on_database(existing, paths.map(lambda p: [p]))),
)  # fmt: skip
before: st.SearchStrategy[list[str]] = st.one_of(
    st.just([]), option("--lang", languages), st.sampled_from([["--help"], ["--version"]])
)


def placed(argv: list[str], files: Files) -> list[str]:
    """The argument list with the fixture's files in place of <db>, <folder> and <passphrase>."""
    places = {"<db>": str(files.db), "<folder>": str(files.folder), "<passphrase>": str(files.passphrase_file)}
    for name, path in places.items():
        argv = [arg.replace(name, path) for arg in argv]
    return argv


@fuzzing(times=3)
@given(first=before, command=commands, junk=st.lists(words, max_size=1))
@example(first=[], command=(["check"], ["--db", ""]), junk=[])
@example(first=[], command=(["check"], ["--db", "/"]), junk=[])
@example(first=[], command=(["plan-pdf"], ["--db", "<db>", "--person", "\udcff", "--out", "x.pdf"]), junk=[])
@example(first=[], command=(["erasure"], ["--db", "<db>", "--erase", "\udcff"]), junk=[])
@example(first=[], command=(["init"], ["--db", "<folder>/new-a.db", "--device-name", "a\udcff"]), junk=[])
@example(first=[], command=(["stats"], ["--db", "<db>", "--from", "0001-01-01", "--to", "9999-12-31", "--out",
                                        "s.csv"]), junk=[])  # fmt: skip
@example(first=[], command=(["stats"], ["--db", "<db>", "--from", "2026-01-01", "--to", "2026-12-31", "--out",
                                        "s.pdf", "--organisation", "\udcff"]), junk=[])  # fmt: skip
def test_any_command_with_odd_arguments_ends_cleanly(
    files: Files, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, first: list[str],
    command: tuple[list[str], list[str]], junk: list[str],
) -> None:  # fmt: skip
    """Once a traceback: an empty --db, a case number or a name of undecodable bytes, a period up to 9999-12-31."""
    monkeypatch.chdir(tmp_path)  # relative paths land here
    argv = placed([*first, *command[0], *command[1], *junk], files)
    assert_clean_exit(run(argv), argv)


def test_an_exchange_folder_on_a_device_of_no_team_is_one_message(tmp_path: Path) -> None:
    """Once each file in the folder was "skipped: this device belongs to no team", then the same again."""
    Database.create(tmp_path / "allein.db", PASS).close()
    folder = tmp_path / "austausch"
    folder.mkdir()
    for name in ("a-0001.ipsync", "b-0002.ipsync"):
        (folder / name).write_bytes(b"IPSYNC")
    ran = run(["sync", "folder", "--db", str(tmp_path / "allein.db"), str(folder)])
    assert ran.code == 1 and ran.err.startswith("integrationsplan: ") and ran.err.count("\n") == 1
    assert "zu keinem Team" in ran.err


# -- passphrases ---------------------------------------------------------------------------------------------------

passphrases = text(max_pieces=4).map(lambda value: SECRET + as_argv(value))


@fuzzing()
@given(passphrase=st.one_of(passphrases, st.just(PASS)), content=st.one_of(st.none(), st.binary(max_size=60)),
       command=st.sampled_from([["check"], ["init"], ["passwd"]]), new=st.one_of(st.none(), passphrases))  # fmt: skip
@example(passphrase=SECRET + "abc\udcffdef", content=None, command=["check"], new=None)
@example(passphrase=PASS, content=None, command=["passwd"], new=SECRET + "\udcff")
def test_any_passphrase_is_taken_or_refused(
    files: Files, tmp_path: Path, passphrase: str, content: bytes | None, command: list[str], new: str | None
) -> None:
    """From the environment (undecodable bytes too, once a traceback) or from a file of any bytes; a new database
    (init) or a new passphrase (passwd) on a copy, so the shared database keeps its own."""
    db = tmp_path / "neu.db" if command == ["init"] else files.db
    for earlier in tmp_path.glob("neu.db*"):  # what an earlier example made
        earlier.unlink()
    if command == ["passwd"]:
        db = tmp_path / "kopie.db"
        db.write_bytes(files.db.read_bytes())
    argv = [*command, "--db", str(db)]
    if content is not None:
        secret = tmp_path / "secret.txt"
        secret.write_bytes(SECRET.encode() + content)
        argv += ["--passphrase-file", str(secret)]
    ran = run(argv, passphrase=passphrase, new_passphrase=new)
    assert_clean_exit(ran, argv)
    if command == ["check"] and content is None:
        assert (ran.code == 0) == (passphrase == PASS)
