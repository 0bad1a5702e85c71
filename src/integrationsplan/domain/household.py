"""Households: the persons living together and how they are related."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from integrationsplan.domain.codes import Relationship
from integrationsplan.domain.rules import check_date, check_order, check_text, new_id
from integrationsplan.i18n import N_


@dataclass(frozen=True, slots=True, kw_only=True)
class Household:
    id: str = field(default_factory=new_id)
    label: str | None = None  # e.g. the family name the team uses for the household
    note: str | None = None

    def validate(self) -> None:
        check_text(self.label, "label")
        check_text(self.note, "note", multiline=True)


@dataclass(frozen=True, slots=True, kw_only=True)
class HouseholdMember:
    """A person's membership in a household; a row of its own so that additions merge."""

    id: str = field(default_factory=new_id)
    household_id: str
    person_id: str
    relationship: Relationship | None = None
    childcare_or_school: str | None = None  # Kita or school of a child
    joined_on: date | None = None
    left_on: date | None = None

    def validate(self) -> None:
        check_text(self.childcare_or_school, "childcare_or_school")
        check_date(self.joined_on, "joined_on")
        check_order(
            self.joined_on, self.left_on, "left_on",
            N_("A member cannot leave the household ({later}) before joining it ({earlier})."),
        )  # fmt: skip
