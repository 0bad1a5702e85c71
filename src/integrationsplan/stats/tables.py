"""The key figures as titled tables in a language: what the screen, the PDF and the spreadsheet show alike.

Every code is listed, also with a count of 0, so that a table has the same rows in every report. Counts from 1
to 4 are shown as "< 5" when `suppress` is set (exports leave the office; see the package's docs)."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from enum import Enum
from statistics import median

from integrationsplan.domain import codes
from integrationsplan.i18n import N_, _, format_number
from integrationsplan.labels import label
from integrationsplan.stats.compute import AGE_GROUPS, DURATIONS, INDIVIDUAL, JOINT, NOT_STATED, KeyFigures

Value = int | float | None
Rows = tuple[tuple[str, tuple[Value, ...]], ...]
SMALL = 5  # counts below this (and above 0) are suppressed in exports
SUPPRESSED = "< 5"
NOT_STATED_TEXT = N_("not stated")


@dataclass(frozen=True)
class Column:
    title: str
    count: bool = True  # a count of persons or events (suppressed when small); else a measure (minutes, share)
    percent: bool = False


@dataclass(frozen=True)
class Table:
    key: str  # stable: "persons", "topics", … (charts and tests find a table by it)
    title: str
    label: str  # the title of the first column
    columns: tuple[Column, ...]
    rows: Rows

    def value(self, row: str, column: int = 0) -> Value:
        """The value of the row with this label (for tests and charts)."""
        return next(values[column] for text, values in self.rows if text == row)


def shown(value: Value, column: Column, suppress: bool, language: str | None = None) -> str:
    """A cell as text: counts with the language's digits, measures with one decimal, small counts suppressed."""
    if value is None:
        return "–"
    if column.count and suppress and 0 < value < SMALL:
        return SUPPRESSED
    if column.percent:
        return format_number(round(value * 100, 1), language) + " %"
    return format_number(round(value, 1) if isinstance(value, float) else value, language)


def tables(figures: KeyFigures, translate: Callable[[str], str] | None = None) -> list[Table]:
    """The figures as tables, labelled in the language of `translate` (an i18n.Translator; default: the UI's)."""
    t = translate or _
    count = (Column(t(N_("Number"))),)

    def coded(
        enum: type[Enum], counts: Counter[str], *, not_stated: Enum | None = None
    ) -> tuple[tuple[str, tuple[Value, ...]], ...]:
        rows = [(label(member, t), (counts.get(member.value, 0),)) for member in enum if member is not not_stated]
        known = {member.value for member in enum}
        rows += [(code, (n,)) for code, n in sorted(counts.items()) if code not in known and code != NOT_STATED]
        missing = counts.get(NOT_STATED, 0) + (counts.get(not_stated.value, 0) if not_stated is not None else 0)
        return (*rows, (t(NOT_STATED_TEXT), (missing,))) if not_stated is not None else tuple(rows)

    def listed(pairs: Sequence[tuple[str, Value]]) -> Rows:
        return tuple((text, (value,)) for text, value in pairs)

    p, plans = figures.persons, figures.plans
    persons = [(t(N_("Persons counselled")), p["counselled"]), (t(N_("new")), p["new"]),
               (t(N_("continuing")), p["continuing"]), (t(N_("closed")), p["closed"]),
               (t(N_("in a household of two or more")), p["household"]), (t(N_("single")), p["single"])]  # fmt: skip
    if figures.erased:
        persons += [(t(N_("of them erased cases (new)")), figures.erased["new"]),
                    (t(N_("of them erased cases (closed)")), figures.erased["closed"])]  # fmt: skip
    statuses = [s for s in codes.GoalStatus]
    goal_rows = []
    for area in codes.LifeArea:
        values = [figures.goals.get((area.value, s.value), 0) for s in statuses]
        total = sum(values)
        achieved = figures.goals.get((area.value, codes.GoalStatus.ACHIEVED.value), 0)
        goal_rows.append((label(area, t), (*values, total, achieved / total if total else None)))
    all_goals = [sum(row[1][i] or 0 for row in goal_rows) for i in range(len(statuses) + 1)]
    goal_rows.append((t(N_("All life areas")), (*all_goals, figures.achieved_share)))
    nationalities = sorted(((code, n) for code, n in figures.nationality.items() if code != NOT_STATED),
                           key=lambda item: (-item[1], item[0]))  # fmt: skip
    durations = dict(zip(DURATIONS, (N_("under 6 months"), N_("6 to under 12 months"), N_("12 to under 24 months"),
                                     N_("24 to under 36 months"), N_("36 months and more")), strict=True))  # fmt: skip
    days = figures.duration_days
    return [
        Table("persons", t(N_("Persons")), t(N_("Persons")), count, listed(persons)),
        Table("plans", t(N_("Integration plans")), t(N_("Plans")), count, listed([
            (t(N_("newly created")), plans["new"]), (t(N_("continued (new version)")), plans["continued"]),
            (t(N_("active on the last day")), plans["active"]), (t(N_("closed")), plans["closed"])])),
        Table("sessions", t(N_("Counselling sessions")), t(N_("Sessions")), count,
              listed([(t(N_("Sessions held")), figures.sessions)])),
        Table("session_duration", t(N_("Duration of the sessions")), t(N_("Measure")),
              (Column(t(N_("Value")), count=False),), listed([
                  (t(N_("Total duration (hours)")), figures.minutes / 60 if figures.timed_sessions else None),
                  (t(N_("Mean duration (minutes)")), figures.mean_minutes)])),
        Table("places", t(N_("Sessions by place")), t(N_("Place")), count, coded(codes.SessionPlace, figures.places)),
        Table("session_kinds", t(N_("Sessions by kind")), t(N_("Kind")), count, listed([
            (t(N_("individual")), figures.session_kinds[INDIVIDUAL]),
            (t(N_("with household members or others")), figures.session_kinds[JOINT])])),
        Table("months", t(N_("Sessions per month")), t(N_("Month")), count,
              listed([(month, figures.months.get(month, 0)) for month in figures.period.months()])),
        Table("topics", t(N_("Topics of the sessions by life area")), t(N_("Life area")), count,
              coded(codes.LifeArea, figures.topics)),
        Table("goals", t(N_("Goals by life area and status")), t(N_("Life area")),
              (*(Column(label(s, t)) for s in statuses), Column(t(N_("All"))),
               Column(t(N_("Share achieved")), count=False, percent=True)), tuple(goal_rows)),
        Table("gender", t(N_("Persons by gender")), t(N_("Gender")), count,
              coded(codes.Gender, figures.gender, not_stated=codes.Gender.NOT_STATED)),
        Table("age", t(N_("Persons by age group on the last day")), t(N_("Age")), count,
              listed([*((group, figures.age.get(group, 0)) for group in AGE_GROUPS),
                      (t(NOT_STATED_TEXT), figures.age.get(NOT_STATED, 0))])),
        Table("nationality", t(N_("Persons by nationality")), t(N_("Nationality")), count,
              listed([*nationalities, (t(NOT_STATED_TEXT), figures.nationality.get(NOT_STATED, 0))])),
        Table("residence", t(N_("Persons by residence status")), t(N_("Residence status")), count,
              coded(codes.ResidenceKind, figures.residence, not_stated=codes.ResidenceKind.NOT_STATED)),
        Table("referrals", t(N_("Referrals by target")), t(N_("Referred to")), count,
              coded(codes.ReferralTarget, figures.referrals)),
        Table("durations", t(N_("Duration of the cases closed")), t(N_("Duration")), count, listed([
            *((t(durations[bucket]), figures.durations.get(bucket, 0)) for bucket in DURATIONS)])),
        Table("duration_days", t(N_("Duration of the cases closed, in days")), t(N_("Measure")),
              (Column(t(N_("Days")), count=False),), listed([
                  (t(N_("mean")), sum(days) / len(days) if days else None),
                  (t(N_("median")), float(median(days)) if days else None)])),
        Table("limit", t(N_("Three-year limit and extensions")), t(N_("Cases")), count, listed([
            (t(N_("within three months of the three-year limit")), figures.near_limit),
            (t(N_("past the three-year limit, not extended")), figures.past_limit),
            (t(N_("extended")), figures.extended)])),
        Table("closures", t(N_("Closures by reason")), t(N_("Reason")), count,
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
