"""Enumerations with stable codes; the codes are stored and synced, so never renumber or rename them."""

from __future__ import annotations

from enum import StrEnum


class LifeArea(StrEnum):
    LANGUAGE = "language"
    SCHOOL = "school"
    TRAINING = "training"
    WORK = "work"
    RESIDENCE = "residence"
    HOUSING = "housing"
    HEALTH = "health"
    FAMILY = "family"
    FINANCES = "finances"
    PARTICIPATION = "participation"
    OTHER = "other"


class Gender(StrEnum):
    FEMALE = "f"
    MALE = "m"
    DIVERSE = "d"
    NOT_STATED = "x"


class PlanStatus(StrEnum):
    DRAFT = "draft"
    ACTIVE = "active"
    CLOSED = "closed"


class GoalStatus(StrEnum):
    OPEN = "open"
    IN_PROGRESS = "in_progress"
    ACHIEVED = "achieved"
    PARTLY_ACHIEVED = "partly_achieved"
    NOT_ACHIEVED = "not_achieved"
    DROPPED = "dropped"

    @property
    def is_final(self) -> bool:
        return self not in (GoalStatus.OPEN, GoalStatus.IN_PROGRESS)


class Priority(StrEnum):
    HIGH = "high"
    MEDIUM = "medium"
    LOW = "low"


class Responsible(StrEnum):
    CLIENT = "client"
    MANAGER = "manager"
    AUTHORITY = "authority"
    VOLUNTEER = "volunteer"
    FAMILY = "family"
    OTHER = "other"


class ReferralTarget(StrEnum):
    JOBCENTER = "jobcenter"
    EMPLOYMENT_AGENCY = "employment_agency"
    IMMIGRATION_OFFICE = "immigration_office"
    COURSE_PROVIDER = "course_provider"
    SCHOOL = "school"
    KITA = "kita"
    DOCTOR = "doctor"
    COUNSELLING_SERVICE = "counselling_service"
    SOCIAL_WELFARE_OFFICE = "social_welfare_office"
    RECOGNITION_OFFICE = "recognition_office"
    HOUSING_OFFICE = "housing_office"
    VOLUNTEERS = "volunteers"
    OTHER = "other"


class SessionPlace(StrEnum):
    HOME_VISIT = "home_visit"
    OFFICE = "office"
    PHONE = "phone"
    MESSENGER = "messenger"
    VIDEO = "video"
    OTHER = "other"


class ResidenceKind(StrEnum):
    PERMISSION_TO_STAY = "gestattung"  # Aufenthaltsgestattung
    RESIDENCE_PERMIT = "erlaubnis"  # Aufenthaltserlaubnis, the paragraph says which
    TOLERATION = "duldung"
    TRAINING_TOLERATION = "ausbildungsduldung"
    EMPLOYMENT_TOLERATION = "beschaeftigungsduldung"
    SETTLEMENT_PERMIT = "niederlassung"
    NATURALISED = "eingebuergert"
    OTHER = "other"
    NOT_STATED = "x"


class LanguageLevel(StrEnum):
    NONE = "none"
    A1 = "A1"
    A2 = "A2"
    B1 = "B1"
    B2 = "B2"
    C1 = "C1"
    C2 = "C2"
    NATIVE = "native"


class Benefit(StrEnum):
    SGB_II = "sgb2"
    ASYLBLG = "asylblg"
    SGB_XII = "sgb12"
    NONE = "none"
    OTHER = "other"
    NOT_STATED = "x"


class Activity(StrEnum):
    LANGUAGE_COURSE = "language_course"
    SCHOOL = "school"
    TRAINING = "training"
    STUDIES = "studies"
    EMPLOYED = "employed"
    MINI_JOB = "mini_job"
    SELF_EMPLOYED = "self_employed"
    JOB_SEEKING = "job_seeking"
    PARENTAL_CARE = "parental_care"
    UNABLE_TO_WORK = "unable_to_work"
    RETIRED = "retired"
    OTHER = "other"
    NOT_STATED = "x"


class Relationship(StrEnum):
    REFERENCE_PERSON = "reference"
    SPOUSE = "spouse"
    CHILD = "child"
    PARENT = "parent"
    SIBLING = "sibling"
    GRANDCHILD = "grandchild"
    OTHER_RELATIVE = "relative"
    OTHER = "other"


class ConsentKind(StrEnum):
    DATA_PROCESSING = "processing"
    SPECIAL_CATEGORIES = "special"
    SECRECY_RELEASE = "secrecy_release"


class ConsentForm(StrEnum):
    WRITTEN = "written"
    SCANNED = "scanned"
    ORAL_WITH_WITNESS = "oral_witness"


class SignerRole(StrEnum):
    CLIENT = "client"
    MANAGER = "manager"
    INTERPRETER = "interpreter"
    GUARDIAN = "guardian"


class ClosureReason(StrEnum):
    GOALS_ACHIEVED = "goals_achieved"
    SELF_RELIANT = "self_reliant"
    MOVED_AWAY = "moved_away"
    TIME_LIMIT = "time_limit"
    CONTACT_LOST = "contact_lost"
    CLIENT_DECLINED = "declined"
    HANDED_OVER = "handed_over"
    DECEASED = "deceased"
    OTHER = "other"
