"""`integrationsplan sync …`: the team key, and exchanging bundle files with the other devices of the team."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from pathlib import Path

from integrationsplan.errors import UserError
from integrationsplan.folders import data_dir
from integrationsplan.i18n import N_, _, ngettext
from integrationsplan.passphrase import obtain
from integrationsplan.storage import Database
from integrationsplan.sync import exchange, review, team
from integrationsplan.sync.bundle import Bundle
from integrationsplan.sync.summary import report_lines


def database_file(text: str) -> Path:
    """The path of `--db`: it must end in a file name ("", ".", ".." and "/" do not; an existing folder is
    refused when it is opened)."""
    path = Path(text)
    if path.name in ("", ".."):
        raise argparse.ArgumentTypeError(_("a file name, e.g. fall.db"))
    return path


def open_database(args: argparse.Namespace) -> Database:
    """The database of `--db`, unlocked with the passphrase of `--passphrase-file`, the environment or a prompt."""
    return Database.open(args.db, obtain(args.passphrase_file))


def cmd_team(args: argparse.Namespace) -> int:
    with open_database(args) as db:
        if args.new or args.join:
            members = team.new_team() if args.new else team.parse_key(args.join)
            with db.remote_write() as conn:
                team.join(conn, members, replace=args.replace)
            print(_("This device belongs to the team. Enter this team key on the team's other devices:"))
            print(members.key)
        elif args.remove:
            device_id, name = _device(db, args.remove)
            members = team.new_team()
            with db.remote_write() as conn:
                exchange.remove_device(conn, device_id)
                team.join(conn, members, replace=True)
            print(_("{device} was removed from the team. Its files are refused from now on, and this new team key "
                    "replaces the old one: enter it on each other device with --join KEY --replace.").format(
                device=name))  # fmt: skip
            print(members.key)
        elif args.leave:
            with db.remote_write() as conn:
                team.leave(conn)
            print(_("This device has left its team; its records stay."))
        else:
            print(team.load(db.conn).key)
    return 0


def _device(db: Database, wanted: str) -> tuple[str, str]:
    """A device of the team by its id or name."""
    for device_id, name in db.conn.execute("SELECT device_id, device_name FROM sync_peer ORDER BY device_name"):
        if wanted in (device_id, name):
            return device_id, name
    raise UserError(N_("No device of the team is called {device} (integrationsplan sync devices lists them)."),
                    device=wanted)  # fmt: skip


def cmd_devices(args: argparse.Namespace) -> int:
    with open_database(args) as db:
        device = db.device
        print(_("this device: {name} ({id})").format(name=device.device_name, id=device.device_id))
        for device_id, name, last in db.conn.execute(
            "SELECT device_id, device_name, last_bundle_at FROM sync_peer ORDER BY device_name"
        ):
            print(_("{name} ({id}), last file written {time}").format(name=name, id=device_id, time=last))
        for device_id, name, removed_at in db.conn.execute("SELECT * FROM sync_removed ORDER BY device_name"):
            print(_("{name} ({id}), removed {time}").format(name=name, id=device_id, time=removed_at))
    return 0


def cmd_conflicts(args: argparse.Namespace) -> int:
    with open_database(args) as db:
        found = review.open_conflicts(db)
        for item in found:
            print(f"{item.table} {item.row_id} {item.field or '-'} [{item.kind}]")
            for side in (item.first, item.second):
                value = _("(deleted)") if side.deleted else repr(side.value)
                print(f"    {value}  {side.device_name}  {side.written_at:%Y-%m-%d %H:%M} UTC")
        print(ngettext("{n} conflict to review.", "{n} conflicts to review.", len(found)).format(n=len(found)))
    return 0


def cmd_held(args: argparse.Namespace) -> int:
    with open_database(args) as db:
        for group in review.held(db):
            print(_("{n} changes from {device}, stamped up to {time} UTC").format(
                n=group.count, device=group.device_name, time=f"{group.newest:%Y-%m-%d %H:%M}"))  # fmt: skip
        if args.accept:
            backups = args.backup_dir or data_dir() / "backups"
            _print(exchange.take_in_held(db, backups, allow_mass_deletion=args.allow_deletions), preview=False)
    return 0


def cmd_export(args: argparse.Namespace) -> int:
    if not args.out.is_dir():
        raise UserError(N_("{path} is no folder."), path=args.out)
    with open_database(args) as db:
        written = exchange.export(db, args.out, everything=args.all)
    print(written)
    return 0


def cmd_import(args: argparse.Namespace) -> int:
    with open_database(args) as db:
        if args.preview:
            _print(exchange.preview(db, exchange.read(db, args.files)), preview=True)
            return 0
        _print(_import(db, exchange.read(db, args.files), args), preview=False)
    return 0


def cmd_folder(args: argparse.Namespace) -> int:
    """An exchange folder: import every bundle there this device has not taken in yet, then write one."""
    with open_database(args) as db:
        readable, skipped = exchange.read_folder(db, args.folder)
        for reason in skipped:
            print(_("Skipped: {reason}").format(reason=reason), file=sys.stderr)
        if readable:
            _print(_import(db, readable, args), preview=False)
        print(exchange.export(db, args.folder))
    return 0


def _import(db: Database, bundles: list[tuple[Path, Bundle]], args: argparse.Namespace) -> exchange.ImportReport:
    backups = args.backup_dir or data_dir() / "backups"
    try:
        return exchange.import_read(db, bundles, backups, allow_mass_deletion=args.allow_deletions)
    except exchange.MassDeletion as refused:
        if not sys.stdin.isatty() or not _confirm_twice(refused):
            raise
    return exchange.import_read(db, bundles, backups, allow_mass_deletion=True)


def _confirm_twice(refused: exchange.MassDeletion, ask: Callable[[str], str] = input) -> bool:
    print(refused.text(), file=sys.stderr)
    yes = _("yes")
    for question in (_("Delete them? Type “{yes}”: "), _("Really? They are deleted on every device. Type “{yes}”: ")):
        if ask(question.format(yes=yes)).strip().casefold() != yes.casefold():
            return False
    return True


def _print(report: exchange.ImportReport, *, preview: bool) -> None:
    for line in report_lines(report, preview=preview):
        print(line)


def add_commands(command: Callable[..., argparse.ArgumentParser]) -> None:
    """The `sync` command and its subcommands, built with cli.build_parser's `command` helper."""
    sync = command("sync", None, _("exchange changes with the team's other devices through files"), database=False)
    commands = sync.add_subparsers(title=_("commands"), metavar="COMMAND", required=True)

    def sub(name: str, func: Callable[[argparse.Namespace], int], help_text: str) -> argparse.ArgumentParser:
        parser = commands.add_parser(name, help=help_text, description=help_text)
        parser.add_argument("--db", type=database_file, required=True, help=_("database file"))
        parser.add_argument("--passphrase-file", type=Path, help=_("read the passphrase from this file"))
        parser.set_defaults(func=func)
        return parser

    members = sub("team", cmd_team, _("show, create, join or leave the team (its key encrypts the files)"))
    choice = members.add_mutually_exclusive_group()
    choice.add_argument("--new", action="store_true", help=_("create a new team and print its key"))
    choice.add_argument("--join", metavar="KEY", help=_("join the team with this key"))
    choice.add_argument("--leave", action="store_true", help=_("leave the team"))
    choice.add_argument("--remove", metavar="DEVICE", help=_("remove a device (id or name) and make a new team key"))
    members.add_argument("--replace", action="store_true", help=_("with --join: replace this device's team key"))
    sub("devices", cmd_devices, _("list the team's devices"))
    sub("conflicts", cmd_conflicts, _("list the conflicts that need review"))
    holding = sub("held", cmd_held, _("list changes held back because their clock is far ahead"))
    holding.add_argument("--accept", action="store_true", help=_("take them in anyway"))
    out = sub("export", cmd_export, _("write one file with the changes the team may lack"))
    out.add_argument("--out", type=Path, required=True, help=_("the folder to write it into"))
    out.add_argument("--all", action="store_true", help=_("every change, for a new device"))
    into = sub("import", cmd_import, _("take in the changes of sync files (all or nothing, after a backup)"))
    into.add_argument("files", type=Path, nargs="+", metavar="FILE")
    into.add_argument("--preview", action="store_true", help=_("only show what would change"))
    folder = sub("folder", cmd_folder, _("import every new file of a shared folder, then write one there"))
    for parser in (into, holding, folder):
        parser.add_argument("--backup-dir", type=Path, help=_("where the backup before an import goes"))
        parser.add_argument("--allow-deletions", action="store_true",
                            help=_("allow an import that deletes more than a tenth of the persons"))  # fmt: skip
    folder.add_argument("folder", type=Path, metavar="FOLDER")
