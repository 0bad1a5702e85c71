"""What an import changed (or would change), in words: for the command line and the program alike."""

from __future__ import annotations

from integrationsplan.i18n import _, format_number, ngettext
from integrationsplan.sync import exchange


def report_lines(report: exchange.ImportReport, *, preview: bool) -> list[str]:
    """What an import changed (or would change), one line per point, for a message."""
    if not report.new_changes and not report.held:
        return [ngettext("Nothing new in {n} file.", "Nothing new in {n} files.", report.bundles).format(
            n=format_number(report.bundles))]  # fmt: skip
    new, changed, deleted = (sum(c.values()) for c in (report.inserted, report.updated, report.deleted))
    line = _("would be: {new} new, {changed} changed, {deleted} deleted records") if preview else _(
        "{new} new, {changed} changed, {deleted} deleted records")  # fmt: skip
    lines = [line.format(new=format_number(new), changed=format_number(changed), deleted=format_number(deleted))]
    if report.deleted["person"] - report.erased["person"]:
        n = report.deleted["person"] - report.erased["person"]
        lines.append(ngettext("{n} person deleted", "{n} persons deleted", n).format(n=format_number(n)))
    if report.erased["person"]:
        n = report.erased["person"]
        lines.append(ngettext("{n} person erased (data protection)", "{n} persons erased (data protection)",
                              n).format(n=format_number(n)))  # fmt: skip
    if report.conflicts:
        n = len(report.conflicts)
        conflicts = ngettext("{n} conflict to review: both values are kept.",
                             "{n} conflicts to review: both values are kept.", n)  # fmt: skip
        lines.append(conflicts.format(n=format_number(n)))
    if report.held:
        lines.append(_("{n} changes carry a clock more than a day ahead of this device's and are held back: check "
                       "that device's date and time.").format(n=format_number(report.held)))  # fmt: skip
    if report.backup:
        lines.append(_("Backup before the import: {path}").format(path=report.backup))
    return lines
