"""Headless commands over the core: `integrationsplan <command>`; exit 0 ok, 1 user error, 2 usage."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable, Sequence
from datetime import MAXYEAR, date
from pathlib import Path

from integrationsplan import __version__, cli_sync, i18n, surrogates, versions
from integrationsplan.cli_sync import database_file, open_database
from integrationsplan.errors import UserError
from integrationsplan.i18n import N_, _, format_date, ngettext
from integrationsplan.passphrase import NEW_ENV_VAR, obtain
from integrationsplan.pdf import LANGUAGES
from integrationsplan.storage import Database, audit
from integrationsplan.sync.bundle import SUFFIX as SYNC_SUFFIX
from integrationsplan.sync.projection import differences


def cmd_init(args: argparse.Namespace) -> int:
    passphrase = obtain(args.passphrase_file, confirm=True)
    with Database.create(args.db, passphrase, device_name=args.device_name, case_prefix=args.case_prefix) as db:
        print(_("Created {path} (device {device}, case numbers {prefix}-…).").format(
            path=args.db, device=db.device.device_name, prefix=db.device.case_prefix))  # fmt: skip
    return 0


def cmd_demo(args: argparse.Namespace) -> int:
    from integrationsplan import demo

    exists = args.db.exists()
    passphrase = obtain(args.passphrase_file, confirm=not exists)
    with Database.open(args.db, passphrase) if exists else Database.create(args.db, passphrase) as db:
        density = demo.LANDKREIS if args.landkreis else demo.DEMO
        counts = demo.fill(db, persons=args.persons, seed=args.seed, density=density)
    message = _("Demo data written: {persons} persons, {plans} plans, {sessions} sessions.")
    print(message.format(persons=counts["persons"], plans=counts["plans"], sessions=counts["sessions"]))
    return 0


def cmd_check(args: argparse.Namespace) -> int:
    with open_database(args) as db:
        problems = db.check()
        problems += [_("not explained by the change log: {row}").format(row=row) for row in differences(db.conn)]
        print(_("Schema version: {v}").format(v=db.schema_version))
        for table, count in db.counts().items():
            print(f"{table:24} {count:>9}")
    for problem in problems:
        print(problem, file=sys.stderr)
    if problems:
        message = ngettext("The database has {n} problem.", "The database has {n} problems.", len(problems))
        print(message.format(n=len(problems)), file=sys.stderr)
        return 1
    print(_("Integrity and foreign keys: ok."))
    return 0


def cmd_passwd(args: argparse.Namespace) -> int:
    with open_database(args) as db:
        new = obtain(args.new_passphrase_file, env_var=NEW_ENV_VAR, confirm=True, prompt=_("New passphrase: "))
        db.rekey(new)
    print(_("The passphrase has been changed."))
    return 0


def cmd_search(args: argparse.Namespace) -> int:
    with open_database(args) as db:
        for person in db.persons.search(" ".join(args.query), limit=args.limit):
            print(f"{person.case_number}\t{person.display_name()}\t{person.municipality or ''}")
    return 0


def cmd_erasure(args: argparse.Namespace) -> int:
    """The erasure queue (closed cases past their retention period), or erasing one case for good."""
    from integrationsplan import retention
    from integrationsplan.pdf import plan_data

    with open_database(args) as db:
        if args.erase:
            person = plan_data.find_person(db, args.erase)
            if args.confirm != person.case_number:
                raise UserError(N_("To erase {case} for good, repeat its case number: --confirm {case}. Nothing was "
                                   "erased."), case=person.case_number)  # fmt: skip
            if args.health:
                done = retention.erase_special(db, person.id, date.today())
            else:
                done = retention.erase(db, person.id)
            print(retention.summary(done))
            return 0
        found = retention.due(db, args.months, date.today())
        for item in found:
            if item.reason == retention.WITHDRAWN:
                line = _("{case}  {name}  consent to data processing withdrawn on {due}")
            elif item.reason == retention.SPECIAL:
                line = _("{case}  {name}  consent to special categories withdrawn on {due}: erase the health data "
                         "with --erase {case} --health")  # fmt: skip
            else:
                line = _("{case}  {name}  closed {closed}, erase since {due}")
            print(line.format(case=item.case_number, name=item.name, closed=format_date(item.closed_on),
                              due=format_date(item.due_on)))  # fmt: skip
        print(retention.count_text(len(found)))
    return 0


def cmd_audit(args: argparse.Namespace) -> int:
    """The audit log of the device: checked, then listed (newest first) or written to a CSV file."""
    with open_database(args) as db:
        broken = audit.verify(db.conn)
        found = audit.entries(db.conn)
    if args.csv is not None:
        try:
            args.csv.write_text(audit.to_csv(found), encoding="utf-8")
        except OSError as exc:
            raise UserError(
                N_("{path} cannot be written: {reason}"), path=args.csv, reason=exc.strerror or exc
            ) from exc
    else:
        for entry in found[: args.limit]:
            print(f"{entry.seq}\t{entry.at}\t{entry.user}\t{entry.action}\t{entry.target}\t{entry.detail}")
    if broken is not None:
        raise audit.ChainBroken(seq=broken)
    print(audit.status_text(found))
    return 0


def cmd_access_report(args: argparse.Namespace) -> int:
    """Everything stored about a person (Art. 15), as JSON."""
    from integrationsplan import access_report
    from integrationsplan.pdf import plan_data

    if not args.out.is_dir():
        raise UserError(N_("{path} is no folder."), path=args.out)
    with open_database(args) as db:
        written = access_report.write(db, plan_data.find_person(db, args.person).id, args.out, args.report_language)
    for path in written:
        print(path)
    return 0


def cmd_restore(args: argparse.Namespace) -> int:
    """Replace the database by a backup; the current file is kept beside the backups first."""
    from integrationsplan.folders import data_dir
    from integrationsplan.storage.restore import restore_and_open

    restored, kept = restore_and_open(args.backup, args.db, obtain(args.passphrase_file),
                                      args.backup_dir or data_dir() / "backups")  # fmt: skip
    restored.close()
    print(_("{path} is restored from {backup}.").format(path=args.db, backup=args.backup))
    if kept is not None:
        print(_("The file it replaced is kept as {path}.").format(path=kept))
    return 0


def cmd_plan_pdf(args: argparse.Namespace) -> int:
    from integrationsplan.pdf import plan_data, plan_pdf

    if args.logo is not None and not args.logo.is_file():
        raise UserError(N_("The logo {path} does not exist."), path=args.logo)
    letterhead = plan_pdf.Letterhead(args.organisation or "", args.logo)
    plan_pdf.check(args.out, letterhead)  # before the passphrase is asked for
    with open_database(args) as db:
        data = plan_data.load(db, plan_data.find_person(db, args.person).id)
        db.audit(audit.Action.PRINTED, f"person:{data.person.id} plan:{data.plan.id}", {"language": args.plan_language})
    try:
        report = plan_pdf.render(data, args.plan_language, args.out, letterhead)
    except OSError as exc:
        raise UserError(N_("The PDF could not be written to {path}: {reason}"), path=args.out,
                        reason=exc.strerror or exc) from exc  # fmt: skip
    print(ngettext("{path}: {n} page", "{path}: {n} pages", report.pages).format(path=args.out, n=report.pages))
    for warning in report.warnings():
        print(warning, file=sys.stderr)
    return 0


def cmd_stats(args: argparse.Namespace) -> int:
    """The key figures of a period as CSV, XLSX or a PDF report (small counts suppressed unless asked not to)."""
    from integrationsplan.stats import Filter, Period, compute
    from integrationsplan.stats.export import write

    if args.last < args.first:
        raise UserError(N_("The period ends ({last}) before it begins ({first})."), first=args.first, last=args.last)
    kind = args.format or (
        args.out.suffix.lower().lstrip(".") if args.out.suffix.lower() in (".xlsx", ".pdf") else "csv"
    )
    with open_database(args) as db:
        figures = compute(db, Period(args.first, args.last), Filter(args.manager, args.municipality))
        pages = write(db, figures, args.out, kind, not args.no_suppression, args.organisation or "")
    if pages is None:
        done = str(args.out)
    else:
        done = ngettext("{path}: {n} page", "{path}: {n} pages", pages).format(path=args.out, n=pages)
    print(done)
    return 0


def _day(text: str) -> date:
    try:
        day = date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(_("a date like 2026-06-30")) from None
    if day.year == MAXYEAR:  # the key figures count the months up to the one after the period
        raise argparse.ArgumentTypeError(_("a date before the year 9999"))
    return day


def cmd_catalogue(args: argparse.Namespace) -> int:
    from integrationsplan import catalogue

    folder = args.folder or catalogue.organisation_folder()
    if args.folder is not None and not args.folder.is_dir():
        raise catalogue.CatalogueFolderMissing(path=args.folder)
    entries = catalogue.load(catalogue.shipped_folder(), folder)
    if args.list:
        for entry in entries.entries:
            origin = _("organisation") if entry.organisation else _("shipped")
            print(f"{entry.key}\t{entry.kind.value}\t{entry.area.value}\t{origin}\t{entry.german}")
    goals, steps = entries.of_kind(catalogue.Kind.GOAL), entries.of_kind(catalogue.Kind.STEP)
    print(_("{goals} goals and {steps} steps, {own} of them the organisation's").format(
        goals=len(goals), steps=len(steps), own=sum(e.organisation for e in entries.entries)))  # fmt: skip
    print(_("The organisation's catalogue folder: {folder}").format(folder=folder))
    for problem in entries.problems:
        print(problem.text(), file=sys.stderr)
    return 1 if entries.problems else 0


def cmd_gui(args: argparse.Namespace) -> int:
    """The desktop program; imported only here so that every other command runs without Qt."""
    try:
        from integrationsplan.ui.app import run
    except ImportError as exc:
        print(_("The desktop program cannot start: {reason}").format(reason=exc), file=sys.stderr)
        return 1
    return run(args.db, args.lang, args.open)


def _count(text: str) -> int:
    value = int(text)
    if not 1 <= value <= 100_000:
        raise argparse.ArgumentTypeError(_("between 1 and 100,000"))
    return value


class _Version(argparse.Action):
    """--version: the program's version, and what it is built on (asked only now: Qt loads for it)."""

    def __call__(self, parser: argparse.ArgumentParser, *_args: object) -> None:
        print(f"integrationsplan {__version__}\n{versions.built_on()}")
        parser.exit()


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="integrationsplan",
        description=_("Integration plans and case management, offline and encrypted."),
    )
    parser.add_argument("--version", action=_Version, nargs=0, help=_("show the versions of the program and of "
                                                                        "Qt, SQLCipher and ReportLab, then exit"))
    parser.add_argument("--lang", help=_("language of messages (default: de)"))
    parser.add_argument("--db", type=database_file, help=_("database file (for the desktop program)"))
    parser.set_defaults(func=cmd_gui)
    commands = parser.add_subparsers(title=_("commands"), metavar="COMMAND")

    def command(name: str, func: Callable[[argparse.Namespace], int] | None, help_text: str, *,
                database: bool = True) -> argparse.ArgumentParser:  # fmt: skip
        assert name in COMMANDS, f"add {name!r} to COMMANDS: --lang after it must not set the message language"
        sub = commands.add_parser(name, help=help_text, description=help_text)
        if database:
            sub.add_argument("--db", type=database_file, required=True, help=_("database file"))
            sub.add_argument("--passphrase-file", type=Path, help=_("read the passphrase from this file"))
        sub.set_defaults(func=func)
        return sub

    init = command("init", cmd_init, _("create a new encrypted database"))
    init.add_argument("--device-name", help=_("name of this device (default: the computer's name)"))
    init.add_argument("--case-prefix", help=_("prefix of the case numbers made on this device"))
    demo = command("demo", cmd_demo, _("fill a database with synthetic demo data"))
    demo.add_argument("--persons", type=_count, default=200, help=_("number of persons (default: 200)"))
    demo.add_argument("--seed", type=int, default=1, help=_("random seed (default: 1)"))
    demo.add_argument(
        "--landkreis", action="store_true",
        help=_("fuller cases, as in the benchmarks: about 12 sessions, 5 goals and 20 steps per person"),
    )  # fmt: skip
    command("check", cmd_check, _("check integrity and foreign keys and print counts"))
    passwd = command("passwd", cmd_passwd, _("change the passphrase"))
    passwd.add_argument("--new-passphrase-file", type=Path, help=_("read the new passphrase from this file"))
    erase = command("erasure", cmd_erasure, _("list closed cases past their retention period, or erase one for good"))
    erase.add_argument("--months", type=int, default=12, help=_("months a closed case is kept (default: 12)"))
    erase.add_argument("--erase", metavar="CASE", help=_("erase this case (case number or id) on every device"))
    erase.add_argument("--confirm", metavar="CASE", help=_("the case number again, to confirm the erasure"))
    erase.add_argument(
        "--health",
        action="store_true",
        help=_("erase only the health and disability entries (consent to special categories withdrawn)"),
    )
    report = command(
        "access-report", cmd_access_report, _("write everything stored about a person as JSON and PDF (Art. 15)")
    )
    report.add_argument("--person", required=True, help=_("case number or id of the person"))
    report.add_argument("--out", type=Path, required=True, help=_("the folder to write it into"))
    report.add_argument("--lang", dest="report_language", default="de", choices=LANGUAGES,
                        help=_("the person's language for the PDF (default: de)"))  # fmt: skip
    restoring = command("restore", cmd_restore, _("replace the database by a backup (the current file is kept)"))
    restoring.add_argument("--from", dest="backup", type=Path, required=True, metavar="BACKUP",
                           help=_("the backup file"))  # fmt: skip
    restoring.add_argument("--backup-dir", type=Path, help=_("where the replaced file is kept"))
    audit_log = command("audit", cmd_audit, _("check the audit log of this device and list it"))
    audit_log.add_argument("--limit", type=int, default=100, help=_("list at most this many entries (default: 100)"))
    audit_log.add_argument("--csv", type=Path, metavar="FILE", help=_("write every entry to this CSV file"))
    search = command("search", cmd_search, _("find persons by name, case number, phone or municipality"))
    search.add_argument("query", nargs="+", help=_("what to look for"))
    search.add_argument("--limit", type=int, default=50, help=_("at most this many results"))
    pdf = command("plan-pdf", cmd_plan_pdf, _("print a person's integration plan as a bilingual PDF"))
    pdf.add_argument("--person", required=True, help=_("case number or id of the person"))
    pdf.add_argument("--lang", dest="plan_language", default="de", choices=LANGUAGES,
                     help=_("the client's language, printed under the German text (default: de)"))  # fmt: skip
    pdf.add_argument("--out", type=Path, required=True, help=_("the PDF file to write"))
    pdf.add_argument("--organisation", help=_("organisation name in the letterhead"))
    pdf.add_argument("--logo", type=Path, help=_("logo for the letterhead (PNG or JPEG)"))
    figures = command("stats", cmd_stats, _("the key figures of a period for the funding report (CSV, XLSX or PDF)"))
    figures.add_argument(
        "--from", dest="first", type=_day, required=True, metavar="DATE", help=_("the period's first day (YYYY-MM-DD)")
    )
    figures.add_argument(
        "--to", dest="last", type=_day, required=True, metavar="DATE", help=_("the period's last day (YYYY-MM-DD)")
    )
    figures.add_argument(
        "--format", choices=("csv", "xlsx", "pdf"), help=_("the file's format (default: from the file name, else csv)")
    )
    figures.add_argument("--out", type=Path, required=True, help=_("the file to write"))
    figures.add_argument("--manager", help=_("only the persons of this integration manager"))
    figures.add_argument("--municipality", help=_("only the persons living in this municipality"))
    figures.add_argument(
        "--no-suppression", action="store_true", help=_("show counts from 1 to 4 too (for use inside the office only)")
    )
    figures.add_argument("--organisation", help=_("organisation name at the top of the PDF"))
    goals = command("catalogue", cmd_catalogue, _("check the goal and step catalogue, with the organisation's entries"),
                    database=False)  # fmt: skip
    goals.add_argument("--folder", type=Path, help=_("the organisation's catalogue folder (default: the user's)"))
    goals.add_argument("--list", action="store_true", help=_("print every entry: key, kind, area, origin, text"))
    cli_sync.add_commands(command)
    return parser


COMMANDS = (
    "init",
    "demo",
    "check",
    "passwd",
    "search",
    "plan-pdf",
    "catalogue",
    "sync",
    "erasure",
    "audit",
    "restore",
    "access-report",
    "stats",
)


def _language_from(argv: Sequence[str]) -> str | None:
    """The message language (`--lang` before the command; after it, `plan-pdf` takes it as the plan's)."""
    for i, arg in enumerate(argv):
        if arg in COMMANDS:
            return None
        if arg == "--lang" and i + 1 < len(argv):
            return argv[i + 1]
        if arg.startswith("--lang="):
            return arg.split("=", 1)[1]
    return None


def _undecodable(args: argparse.Namespace) -> str | None:
    """The first text argument that holds bytes which are no UTF-8: a name or a case number that could be neither
    stored nor printed. Paths may hold them (they name files as the file system does)."""
    for value in vars(args).values():
        for text in value if isinstance(value, list) else [value]:
            if isinstance(text, str) and surrogates.found_in(text):
                return text
    return None


def _opened_file(argv: list[str]) -> tuple[list[str], Path | None]:
    """A sync file as the last argument and no command: the desktop program was asked to open it (a double click
    on the file, through the association the installers register). Returned apart from the other arguments."""
    if argv and argv[-1].lower().endswith(SYNC_SUFFIX) and not argv[-1].startswith("-") \
            and not any(arg in COMMANDS for arg in argv):  # fmt: skip
        return argv[:-1], Path(argv[-1])
    return argv, None


def main(argv: Sequence[str] | None = None) -> int:
    argv, opened = _opened_file(list(sys.argv[1:] if argv is None else argv))
    # The language must be active before the parser is built, so that its help is translated too.
    i18n.set_language(_language_from(argv))
    parser = build_parser()
    args = parser.parse_args(argv)
    args.open = opened
    undecodable = _undecodable(args)
    if undecodable is not None:
        parser.error(_("“{text}” is no UTF-8 text: is the terminal set to another encoding?").format(text=undecodable))
    try:
        return int(args.func(args))
    except UserError as exc:
        print(f"integrationsplan: {exc}", file=sys.stderr)
        return 1
    except PermissionError as exc:  # a folder or file this user may not use: no traceback, what to do instead
        print("integrationsplan: " + _("You may not use {path} (no permission): choose another folder, or ask "
                                       "whoever looks after this computer.").format(path=exc.filename or ""),
              file=sys.stderr)  # fmt: skip
        return 1
    except OSError as exc:  # the file system refused (a missing drive, a full disk): say so
        print("integrationsplan: " + _("{path} cannot be used: {reason}").format(path=exc.filename or "",
                                                                                reason=exc.strerror or exc),
              file=sys.stderr)  # fmt: skip
        return 1
    except KeyboardInterrupt:
        return 1


if __name__ == "__main__":
    sys.exit(main())
