"""The key figures as titled tables in a language: what the screen, the PDF and the spreadsheet show alike.

Every code is listed, also with a count of 0, so that a table has the same rows in every report. Exports leave the
office: `suppressed` hides small counts there (see the package's docs), the screen shows every count."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, replace
from enum import Enum
from statistics import median

from integrationsplan.domain import codes
from integrationsplan.i18n import N_, _, format_number
from integrationsplan.labels import label
from integrationsplan.stats.compute import AGE_GROUPS, DURATIONS, INDIVIDUAL, JOINT, NOT_STATED, KeyFigures

Value = int | float | str | None  # a count or measure; None: none to give; SUPPRESSED: hidden
Rows = tuple[tuple[str, tuple[Value, ...]], ...]
Cell = tuple[int, int]  # (row, column) of a table's values
SMALL = 5  # counts below this (and above 0) are suppressed in exports
SUPPRESSED = "< 5"
HIDDEN = "x"  # a count hidden so that no suppressed one follows from a total by subtraction
NOT_STATED_TEXT = N_("not stated")


@dataclass(frozen=True)
class Column:
    title: str
    count: bool = True  # a count of persons or events (hidden when small); else a measure (hours, share)
    percent: bool = False
    over: tuple[int, ...] = ()  # a measure over these counts of its row (the denominator last): hidden with them


@dataclass(frozen=True)
class Table:
    key: str  # stable: "persons", "topics", … (charts and tests find a table by it)
    title: str
    label: str  # the title of the first column
    columns: tuple[Column, ...]
    rows: Rows
    groups: tuple[tuple[Cell, ...], ...] = ()  # counts that add up to a total shown somewhere

    def value(self, row: str, column: int = 0) -> Value:
        """The value of the row with this label (for tests and charts)."""
        return next(values[column] for text, values in self.rows if text == row)


def shown(value: Value, column: Column, language: str | None = None) -> str:
    """A cell as text: counts with the language's digits, measures with one decimal, a share in per cent."""
    if value is None:
        return "–"
    if isinstance(value, str):
        return value
    if column.percent:
        return format_number(round(value * 100, 1), language) + " %"
    return format_number(round(value, 1) if isinstance(value, float) else value, language)


def suppressed(table: Table) -> Table:
    """The table as it may leave the office. Counts from 1 to 4 become "< 5". Where counts add up to a total
    shown elsewhere and only one of them is hidden, the smallest other one becomes "x" too, until no hidden count
    follows by subtraction. A measure over a hidden count (a share, a mean) goes as well."""
    values = [list(v) for _text, v in table.rows]

    def small(cell: Cell) -> bool:
        value = values[cell[0]][cell[1]]
        return isinstance(value, int) and 0 < value < SMALL

    primary = {(r, c) for r, row in enumerate(values) for c, column in enumerate(table.columns)
               if column.count and small((r, c))}  # fmt: skip
    hidden = set(primary)
    changed = True
    while changed:
        changed = False
        for group in table.groups:
            inside = [cell for cell in group if cell in hidden]
            rest = [cell for cell in group if cell not in hidden]
            if len(inside) == 1 and rest:
                hidden.add(min(rest, key=lambda cell: (values[cell[0]][cell[1]] or 0, cell)))
                changed = True
    for r, row in enumerate(values):
        for c, column in enumerate(table.columns):
            if (r, c) in hidden:
                row[c] = SUPPRESSED if (r, c) in primary else HIDDEN
            elif column.over and (any((r, i) in hidden for i in column.over) or row[column.over[-1]] == 0):
                row[c] = None
    return replace(table, rows=tuple((text, tuple(v)) for (text, _v), v in zip(table.rows, values, strict=True)))


def _column(rows: Iterable[int], column: int = 0) -> tuple[Cell, ...]:
    return tuple((row, column) for row in rows)


def tables(figures: KeyFigures, translate: Callable[[str], str] | None = None) -> list[Table]:
    """The figures as tables, labelled in the language of `translate` (an i18n.Translator; default: the UI's)."""
    t = translate or _
    count = (Column(t(N_("Number"))),)
    timed = (Column(t(N_("Number"))), Column(t(N_("Hours")), count=False, over=(0,)),
             Column(t(N_("Mean minutes")), count=False, over=(0,)))  # fmt: skip

    def coded(enum: type[Enum], counts: Counter[str], *, not_stated: Enum | None = None) -> Rows:
        rows = [(label(member, t), (counts.get(member.value, 0),)) for member in enum if member is not not_stated]
        known = {member.value for member in enum}
        rows += [(code, (n,)) for code, n in sorted(counts.items()) if code not in known and code != NOT_STATED]
        missing = counts.get(NOT_STATED, 0) + (counts.get(not_stated.value, 0) if not_stated is not None else 0)
        return (*rows, (t(NOT_STATED_TEXT), (missing,))) if not_stated is not None else tuple(rows)

    def listed(pairs: Sequence[tuple[str, Value]]) -> Rows:
        return tuple((text, (value,)) for text, value in pairs)

    def durations(keys: Sequence[str], names: Sequence[str], counts: Counter[str], minutes: Counter[str],
                  timed_: Counter[str]) -> Rows:  # fmt: skip
        rows = []
        for key, name in zip(keys, names, strict=True):
            n = timed_.get(key, 0)
            rows.append((name, (counts.get(key, 0), minutes.get(key, 0) / 60 if n else None,
                                minutes.get(key, 0) / n if n else None)))  # fmt: skip
        return tuple(rows)

    def breakdown(key: str, title: str, head: str, rows: Rows) -> Table:
        """A table of counts that add up to a total shown elsewhere (persons counselled, sessions)."""
        return Table(key, title, head, count, rows, (_column(range(len(rows))),))

    p, plans = figures.persons, figures.plans
    persons = [(t(N_("Persons counselled")), p["counselled"]), (t(N_("new")), p["new"]),
               (t(N_("continuing")), p["continuing"]), (t(N_("closed")), p["closed"]),
               (t(N_("in a household of two or more")), p["household"]), (t(N_("single")), p["single"])]  # fmt: skip
    if figures.erased:
        persons += [(t(N_("of them erased cases (new)")), figures.erased["new"]),
                    (t(N_("of them erased cases (closed)")), figures.erased["closed"])]  # fmt: skip
    statuses = list(codes.GoalStatus)
    goal_rows = []
    for area in codes.LifeArea:
        values = [figures.goals.get((area.value, s.value), 0) for s in statuses]
        total = sum(values)
        achieved = figures.goals.get((area.value, codes.GoalStatus.ACHIEVED.value), 0)
        goal_rows.append((label(area, t), (*values, total, achieved / total if total else None)))
    all_goals = [sum(int(row[1][i] or 0) for row in goal_rows) for i in range(len(statuses) + 1)]
    goal_rows.append((t(N_("All life areas")), (*all_goals, figures.achieved_share)))
    areas = range(len(codes.LifeArea))
    goal_groups = (
        *(tuple((row, c) for c in range(len(statuses))) for row in areas),  # a row adds up to its "all"
        *(_column(areas, c) for c in range(len(statuses) + 1)),  # a column adds up to "all life areas"
    )
    nationalities = sorted(((code, n) for code, n in figures.nationality.items() if code != NOT_STATED),
                           key=lambda item: (-item[1], item[0]))  # fmt: skip
    buckets = (N_("under 6 months"), N_("6 to under 12 months"), N_("12 to under 24 months"),
               N_("24 to under 36 months"), N_("36 months and more"))  # fmt: skip
    days = figures.duration_days
    places = list(codes.SessionPlace)
    return [
        Table("persons", t(N_("Persons")), t(N_("Persons")), count, listed(persons),
              (_column((1, 2)), _column((4, 5)))),  # new + continuing, household + single: the persons counselled
        Table("plans", t(N_("Integration plans")), t(N_("Plans")), count, listed([
            (t(N_("newly created")), plans["new"]), (t(N_("continued (new version)")), plans["continued"]),
            (t(N_("active on the last day")), plans["active"]), (t(N_("closed")), plans["closed"])])),
        Table("sessions", t(N_("Counselling sessions")), t(N_("Sessions")), timed, ((t(N_("Sessions held")), (
            figures.sessions, figures.minutes / 60 if figures.timed_sessions else None, figures.mean_minutes)),)),
        Table("places", t(N_("Sessions by place")), t(N_("Place")), timed,
              durations([p.value for p in places], [label(p, t) for p in places], figures.places, figures.place_minutes,
                        figures.place_timed), (_column(range(len(places))),)),
        Table("session_kinds", t(N_("Sessions by kind")), t(N_("Kind")), timed,
              durations((INDIVIDUAL, JOINT), (t(N_("individual")), t(N_("with household members or others"))),
                        figures.session_kinds, figures.kind_minutes, figures.kind_timed), (_column((0, 1)),)),
        breakdown("months", t(N_("Sessions per month")), t(N_("Month")),
                  listed([(month, figures.months.get(month, 0)) for month in figures.period.months()])),
        Table("topics", t(N_("Topics of the sessions by life area")), t(N_("Life area")), count,
              coded(codes.LifeArea, figures.topics)),
        Table("goals", t(N_("Goals by life area and status")), t(N_("Life area")),
              (*(Column(label(s, t)) for s in statuses), Column(t(N_("All"))),
               Column(t(N_("Share achieved")), count=False, percent=True,
                      over=(statuses.index(codes.GoalStatus.ACHIEVED), len(statuses)))), tuple(goal_rows),
              goal_groups),
        breakdown("gender", t(N_("Persons by gender")), t(N_("Gender")),
                  coded(codes.Gender, figures.gender, not_stated=codes.Gender.NOT_STATED)),
        breakdown("age", t(N_("Persons by age group on the last day")), t(N_("Age")),
                  listed([*((group, figures.age.get(group, 0)) for group in AGE_GROUPS),
                          (t(NOT_STATED_TEXT), figures.age.get(NOT_STATED, 0))])),
        breakdown("nationality", t(N_("Persons by nationality")), t(N_("Nationality")),
                  listed([*nationalities, (t(NOT_STATED_TEXT), figures.nationality.get(NOT_STATED, 0))])),
        breakdown("residence", t(N_("Persons by residence status")), t(N_("Residence status")),
                  coded(codes.ResidenceKind, figures.residence, not_stated=codes.ResidenceKind.NOT_STATED)),
        Table("referrals", t(N_("Referrals by target")), t(N_("Referred to")), count,
              coded(codes.ReferralTarget, figures.referrals)),
        breakdown("durations", t(N_("Duration of the cases closed")), t(N_("Duration")),
                  listed([(t(name), figures.durations.get(bucket, 0)) for bucket, name in zip(DURATIONS, buckets,
                                                                                                strict=True)])),
        Table("duration_days", t(N_("Duration of the cases closed, in days")), t(N_("Cases closed")),
              (Column(t(N_("Number"))), Column(t(N_("mean")), count=False, over=(0,)),
               Column(t(N_("median")), count=False, over=(0,))),
              ((t(N_("Cases closed")), (len(days), sum(days) / len(days) if days else None,
                                        float(median(days)) if days else None)),)),
        Table("limit", t(N_("Three-year limit and extensions")), t(N_("Cases")), count, listed([
            (t(N_("within three months of the three-year limit")), figures.near_limit),
            (t(N_("past the three-year limit, not extended")), figures.past_limit),
            (t(N_("extended")), figures.extended)])),
        breakdown("closures", t(N_("Closures by reason")), t(N_("Reason")),
                  coded(codes.ClosureReason, figures.closures)),
    ]  # fmt: skip


@dataclass(frozen=True)
class Chart:
    """What a chart draws: a bar per label, one series (or several stacked, with their names)."""

    title: str
    labels: tuple[str, ...]
    series: tuple[tuple[Value, ...], ...]
    names: tuple[str, ...] = ()
    vertical: bool = False  # a time series: columns from left to right


def charts(found: Sequence[Table]) -> list[Chart]:
    """The three charts of the report: topics by life area, goals by life area and status (stacked, without the
    row of all areas), sessions per month."""
    by_key = {table.key: table for table in found}
    topics, goals, months = by_key["topics"], by_key["goals"], by_key["months"]
    statuses = len(goals.columns) - 2  # the status columns, without "all" and the share achieved
    areas = goals.rows[:-1]
    return [
        Chart(topics.title, tuple(t for t, _v in topics.rows), (tuple(v[0] for _t, v in topics.rows),)),
        Chart(goals.title, tuple(t for t, _v in areas), tuple(tuple(v[i] for _t, v in areas) for i in range(statuses)),
              tuple(c.title for c in goals.columns[:statuses])),
        Chart(months.title, tuple(t for t, _v in months.rows), (tuple(v[0] for _t, v in months.rows),), vertical=True),
    ]  # fmt: skip
