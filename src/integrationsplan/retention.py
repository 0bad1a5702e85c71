"""Retention and erasure (DSGVO Art. 17): which closed cases are past their retention period, and erasing one.

An organisation keeps a closed case for a set number of months (default 12, as in the model consent form of
migration counselling). Erasing a case first turns its countable facts into anonymous tallies
(domain/tally.py: the key figures still count it), then purges the person with everything that depends on it:
on this device at once, on the team's other devices with the next exchange (sync/merge.py). The history keeps
only ids; the search index is merged; VACUUM then leaves no freed page with the old content in the file.
A household that has no member left is erased with its last member (its label may name the family).
"""

from __future__ import annotations

import calendar
from collections import Counter
from dataclasses import dataclass
from datetime import date

from integrationsplan.domain.codes import ConsentKind
from integrationsplan.domain.consent import standing_withdrawal
from integrationsplan.domain.person import Resources
from integrationsplan.domain.tally import ErasureTally, Figure
from integrationsplan.i18n import _, format_number, ngettext
from integrationsplan.storage import Database, audit

DEFAULT_MONTHS = 12


# Why a case is erased: its retention period is over, its consent to data processing withdrawn, the person asked
# for it; SPECIAL: only its health and disability fields, the consent to special categories being withdrawn.
RETENTION, WITHDRAWN, REQUEST, SPECIAL = "retention", "withdrawn", "request", "special"


@dataclass(frozen=True)
class Due:
    """A case due for erasure: closed and past its retention period, or its consent to data processing withdrawn
    (then for review: the withdrawal may leave data that must be kept by law)."""

    person_id: str
    case_number: str
    name: str
    closed_on: date | None
    due_on: date
    reason: str = RETENTION


@dataclass(frozen=True)
class Erased:
    case_number: str
    records: int  # rows erased, the person's included (SPECIAL: resources records whose health data went)
    tallies: int  # anonymous count records kept
    reason: str = RETENTION


def add_months(day: date, months: int) -> date:
    """The same day `months` later (the month's last day where the month is shorter)."""
    month = day.month - 1 + months
    year, month = day.year + month // 12, month % 12 + 1
    return date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def due(db: Database, months: int, today: date) -> list[Due]:
    """Cases due for erasure by `today`: closed ones past their retention period, and those whose consent to data
    processing is withdrawn; the longest overdue first."""
    found: dict[str, Due] = {}
    closed = {c.person_id: c.closed_on for c in db.closures.all()}
    for person_id, closed_on in closed.items():
        due_on = add_months(closed_on, months)
        if due_on <= today:
            person = db.persons.get(person_id)
            found[person_id] = Due(person.id, person.case_number, person.display_name(), closed_on, due_on)
    for person_id in {c.person_id for c in db.consents.all() if c.withdrawn_on is not None} - found.keys():
        consents = db.consents.where(person_id=person_id)
        gone, reason = standing_withdrawal(consents, ConsentKind.DATA_PROCESSING, today), WITHDRAWN
        if gone is None and any(r.has_special_data() for r in db.resources.where(person_id=person_id)):
            gone, reason = standing_withdrawal(consents, ConsentKind.SPECIAL_CATEGORIES, today), SPECIAL
        if gone is not None and gone.withdrawn_on is not None:
            person = db.persons.get(person_id)
            found[person_id] = Due(person.id, person.case_number, person.display_name(), closed.get(person_id),
                                   gone.withdrawn_on, reason)  # fmt: skip
    return sorted(found.values(), key=lambda d: (d.due_on, d.case_number))


def _month(day: date) -> str:
    return f"{day:%Y-%m}"


def tallies(db: Database, person_id: str, today: date | None = None) -> list[ErasureTally]:
    """The anonymous counts a case leaves: one record per month, figure and category (stats/ counts them). What
    the key figures count as standing at a case's end (its extension, its goals with their final status) is
    filed under the month of the closure, or of the erasure for a case still open."""
    counts: Counter[tuple[str, Figure, str]] = Counter()
    minutes: Counter[tuple[str, Figure, str]] = Counter()
    person = db.persons.get(person_id)
    closures = db.closures.where(person_id=person_id)
    latest = max(closures, key=lambda c: c.closed_on, default=None)
    ended = _month(latest.closed_on if latest else (today or date.today()))
    counts[(_month(person.counselling_start), Figure.CASE_STARTED, "")] += 1
    if person.extended:
        counts[(ended, Figure.CASE_EXTENDED, "")] += 1
    if latest is not None:
        counts[(ended, Figure.CASE_CLOSED, latest.reason.value)] += 1
    for session in db.sessions.where(person_id=person_id):
        key = (_month(session.held_on), Figure.SESSION, session.place.value)
        counts[key] += 1
        if session.duration_minutes is not None:
            timed = (key[0], Figure.SESSION_TIMED, key[2])
            counts[timed] += 1
            minutes[timed] += session.duration_minutes
        for topic in session.topics:
            counts[(_month(session.held_on), Figure.TOPIC, topic.value)] += 1
        for referral in db.referrals.where(session_id=session.id):
            counts[(_month(session.held_on), Figure.REFERRAL, referral.target.value)] += 1
    goals = []
    for plan in db.plans.where(person_id=person_id):
        counts[(_month(plan.created_on), Figure.PLAN, "continued" if plan.previous_plan_id else "new")] += 1
        goals += db.goals.where(plan_id=plan.id)
    carried = {goal.carried_from_goal_id for goal in goals if goal.carried_from_goal_id}
    for goal in goals:
        if goal.id not in carried:  # each goal once, as its last version stands
            counts[(ended, Figure.GOAL, f"{goal.area.value}:{goal.status.value}")] += 1
    return [ErasureTally(period=period, figure=figure, category=category, count=n,
                         minutes=minutes[(period, figure, category)] if figure == Figure.SESSION_TIMED else None)
            for (period, figure, category), n in sorted(counts.items())]  # fmt: skip


def erase(db: Database, person_id: str) -> Erased:
    """Erase a case: keep its anonymous counts, purge the person with everything depending on it (and a
    household left without members), then VACUUM. All or nothing."""
    person = db.persons.get(person_id)
    kept = tallies(db, person_id)
    with db.write() as writer:
        for tally in kept:
            db.tallies.add(tally)
        households = {m.household_id for m in db.members.where(person_id=person_id)}
        erased = writer.purge("person", person_id)
        for household_id in sorted(households):
            if not db.members.where(household_id=household_id):
                erased += writer.purge("household", household_id)
        db.audit(audit.Action.ERASED, f"person:{person_id}", {"records": len(erased), "tallies": len(kept)})
    db.vacuum()
    return Erased(person.case_number, len(erased), len(kept))


def erase_special(db: Database, person_id: str, today: date) -> Erased:
    """Erase only the health and disability fields of a person (the consent to special categories is withdrawn):
    their values go from the record and from the history, here and on every device that learns of the erasure
    (Database.forget_erased_fields); the date of the erasure stays. Then VACUUM."""
    person = db.persons.get(person_id)
    found = db.resources.where(person_id=person_id)
    with db.write() as writer:
        for resources in found:
            # The mark first, always anew, then an empty version of each field even where it is empty here: a
            # value stays only if its change saw that empty version (storage/erasure.forget_before_mark).
            writer.settle("resources", resources.id, Resources.ERASED_MARK, today.isoformat())
            for name in Resources.SPECIAL_FIELDS:
                writer.settle("resources", resources.id, name, None)
            db.audit(audit.Action.ERASED, f"resources:{resources.id}", {"fields": list(Resources.SPECIAL_FIELDS)})
    db.vacuum()
    return Erased(person.case_number, len(found), 0, SPECIAL)


def summary(done: Erased) -> str:
    """What an erasure did, for the user."""
    if done.reason == SPECIAL:
        return _("The health and disability entries of {case} are erased, their history included. The team's other "
                 "devices erase them with their next exchange; exchange files and backups written before still hold "
                 "them.").format(case=done.case_number)  # fmt: skip
    return _("{case} is erased: {records} records, their history included; {tallies} anonymous counts stay for the "
             "key figures. The team's other devices erase it with their next exchange; exchange files and backups "
             "written before still hold it.").format(case=done.case_number, records=format_number(done.records),
                                                      tallies=format_number(done.tallies))  # fmt: skip


def count_text(n: int) -> str:
    return ngettext("{n} case is due for erasure.", "{n} cases are due for erasure.", n).format(n=format_number(n))
