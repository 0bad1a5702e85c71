"""Counselling sessions with their participants, linked goals, referrals and addenda."""

from __future__ import annotations

from dataclasses import dataclass, field, fields
from datetime import date, datetime

from integrationsplan.domain.codes import LifeArea, ReferralTarget, SessionPlace
from integrationsplan.domain.errors import ValidationError
from integrationsplan.domain.rules import check_date, check_text, new_id
from integrationsplan.i18n import N_

MAX_SESSION_MINUTES = 24 * 60


@dataclass(frozen=True, slots=True, kw_only=True)
class CounsellingSession:
    """One contact; once finalised its note is never edited again, corrections are addenda."""

    id: str = field(default_factory=new_id)
    person_id: str
    held_on: date
    duration_minutes: int | None = None
    place: SessionPlace = SessionPlace.OFFICE
    interpreter_name: str | None = None
    interpreter_language: str | None = None
    topics: tuple[LifeArea, ...] = ()
    note: str | None = None
    next_appointment: datetime | None = None
    finalised_on: date | None = None

    def validate(self) -> None:
        check_text(self.interpreter_name, "interpreter_name")
        check_text(self.interpreter_language, "interpreter_language")
        check_text(self.note, "note", multiline=True)
        check_date(self.held_on, "held_on")
        if self.duration_minutes is not None and not 0 < self.duration_minutes <= MAX_SESSION_MINUTES:
            raise ValidationError(
                N_("A duration of {minutes} minutes is implausible."), field="duration_minutes",
                minutes=self.duration_minutes,
            )  # fmt: skip
        if self.next_appointment is not None and self.next_appointment.date() < self.held_on:
            raise ValidationError(N_("The next appointment lies before this session."), field="next_appointment")
        if len(set(self.topics)) != len(self.topics):
            raise ValidationError(N_("A topic is listed twice."), field="topics")

    @property
    def is_final(self) -> bool:
        return self.finalised_on is not None

    def check_edit(self, new: CounsellingSession) -> None:
        """A finalised session keeps its content; only an addendum can add to it."""
        if self.is_final and new != self:
            changed = next(f.name for f in fields(self) if getattr(self, f.name) != getattr(new, f.name))
            raise ValidationError(
                N_("This session is finalised; write an addendum instead of changing it."), field=changed
            )


@dataclass(frozen=True, slots=True, kw_only=True)
class SessionParticipant:
    id: str = field(default_factory=new_id)
    session_id: str
    person_id: str

    def validate(self) -> None:
        pass


@dataclass(frozen=True, slots=True, kw_only=True)
class SessionGoal:
    """A goal worked on in a session."""

    id: str = field(default_factory=new_id)
    session_id: str
    goal_id: str

    def validate(self) -> None:
        pass


@dataclass(frozen=True, slots=True, kw_only=True)
class Referral:
    id: str = field(default_factory=new_id)
    session_id: str
    target: ReferralTarget
    note: str | None = None

    def validate(self) -> None:
        check_text(self.note, "note", multiline=True)


@dataclass(frozen=True, slots=True, kw_only=True)
class SessionAddendum:
    id: str = field(default_factory=new_id)
    session_id: str
    written_on: date
    text: str

    def validate(self) -> None:
        check_text(self.text, "text", multiline=True, required=True)
        check_date(self.written_on, "written_on")
