"""Which table holds which domain record, and the conversion between records and rows."""

from __future__ import annotations

import dataclasses
import json
import types
import typing
from collections.abc import Callable, Mapping
from datetime import date, datetime
from enum import Enum
from typing import Any, TypeVar

from integrationsplan.domain.consent import Consent
from integrationsplan.domain.household import Household, HouseholdMember
from integrationsplan.domain.person import CaseClosure, Person, ResidenceStatus, Resources
from integrationsplan.domain.plan import Goal, GoalAssessment, Need, Plan, Review, Signature, Step
from integrationsplan.domain.session import (
    CounsellingSession,
    Referral,
    SessionAddendum,
    SessionGoal,
    SessionParticipant,
)
from integrationsplan.domain.tally import ErasureTally

R = TypeVar("R")

# The synced tables, in an order where every parent comes before its children.
TABLES: dict[str, type[Any]] = {
    "person": Person,
    "residence_status": ResidenceStatus,
    "resources": Resources,
    "case_closure": CaseClosure,
    "household": Household,
    "household_member": HouseholdMember,
    "consent": Consent,
    "plan": Plan,
    "need": Need,
    "goal": Goal,
    "step": Step,
    "review": Review,
    "goal_assessment": GoalAssessment,
    "signature": Signature,
    "counselling_session": CounsellingSession,
    "session_participant": SessionParticipant,
    "session_goal": SessionGoal,
    "referral": Referral,
    "session_addendum": SessionAddendum,
    "erasure_tally": ErasureTally,
}
TABLE_OF: dict[type[Any], str] = {cls: name for name, cls in TABLES.items()}

Converter = Callable[[Any], Any]


def _identity(value: Any) -> Any:
    return value


def _base_type(hint: Any) -> Any:
    """The non-None member of `X | None`."""
    if isinstance(hint, types.UnionType) or typing.get_origin(hint) is typing.Union:
        members = [a for a in typing.get_args(hint) if a is not type(None)]
        return members[0]
    return hint


def _converters(hint: Any) -> tuple[Converter, Converter]:
    """(to the column, from the column) for one field's type."""
    kind = _base_type(hint)
    if kind is date:
        return date.isoformat, date.fromisoformat
    if kind is datetime:
        return datetime.isoformat, datetime.fromisoformat
    if kind is bool:
        return int, bool
    if isinstance(kind, type) and issubclass(kind, Enum):
        return (lambda v: v.value), kind
    if typing.get_origin(kind) is tuple:
        item = typing.get_args(kind)[0]
        to_item, from_item = _converters(item)
        return (
            lambda v: json.dumps([to_item(x) for x in v], ensure_ascii=False),
            lambda v: tuple(from_item(x) for x in json.loads(v)),
        )
    return _identity, _identity


_FIELDS: dict[type[Any], tuple[tuple[str, Converter, Converter], ...]] = {}


def _fields(cls: type[Any]) -> tuple[tuple[str, Converter, Converter], ...]:
    if cls not in _FIELDS:
        hints = typing.get_type_hints(cls)
        _FIELDS[cls] = tuple((f.name, *_converters(hints[f.name])) for f in dataclasses.fields(cls))
    return _FIELDS[cls]


def columns(cls: type[Any]) -> tuple[str, ...]:
    if cls not in _COLUMNS:  # asked per change during an import
        _COLUMNS[cls] = tuple(name for name, _, _ in _fields(cls))
    return _COLUMNS[cls]


_COLUMNS: dict[type[Any], tuple[str, ...]] = {}


def to_row(record: Any) -> dict[str, Any]:
    row = {}
    for name, to_column, _ in _fields(type(record)):
        value = getattr(record, name)
        row[name] = None if value is None else to_column(value)
    return row


def from_row(cls: type[R], row: Mapping[str, Any]) -> R:
    values = {}
    for name, _, from_column in _fields(cls):
        value = row[name]
        values[name] = None if value is None else from_column(value)
    return cls(**values)


def to_column(value: Any) -> Any:
    """One query parameter in its column form (codes for enums, ISO text for dates)."""
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, bool):
        return int(value)
    if isinstance(value, date):  # datetime too
        return value.isoformat()
    return value


def from_column(table: str, name: str, value: Any) -> Any:
    """One column value of a synced table in its domain form (an enum member, a date, a tuple of codes)."""
    if value is None:
        return None
    for field_name, _, convert in _fields(TABLES[table]):
        if field_name == name:
            try:
                return convert(value)
            except (ValueError, TypeError):  # a value from a newer program version: shown as stored
                return value
    return value
