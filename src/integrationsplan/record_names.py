"""What the user calls the records and fields of the database, and a stored value as the user reads it: for
lists that name records by their table and column (the review of sync conflicts)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime
from enum import Enum
from typing import Any

from integrationsplan.i18n import N_, Translator, _, digits, format_date, format_number, format_time
from integrationsplan.labels import label
from integrationsplan.storage.records import from_column

TABLES = {
    "person": N_("Personal data"), "residence_status": N_("Residence status"), "resources": N_("Resources"),
    "case_closure": N_("Case closure"), "household": N_("Household"), "household_member": N_("Household member"),
    "consent": N_("Consent"), "plan": N_("Integration plan"), "need": N_("Need"), "goal": N_("Goal"),
    "step": N_("Step"), "review": N_("Review"), "goal_assessment": N_("Goal assessment"),
    "signature": N_("Signature"), "counselling_session": N_("Session"), "session_participant": N_("Participant"),
    "session_goal": N_("Goal discussed"), "referral": N_("Referral"), "session_addendum": N_("Addendum"),
    "erasure_tally": N_("Counts of an erased case"),
}  # fmt: skip

FIELDS = {
    "accommodation": N_("Accommodation"), "activated_on": N_("Activated on"), "activity": N_("Activity"),
    "address": N_("Address"), "area": N_("Life area"), "benefit": N_("Benefit"), "birth_date": N_("Date of birth"),
    "birth_year": N_("Year of birth"), "case_number": N_("Case number"), "catalogue_key": N_("Catalogue entry"),
    "childcare_or_school": N_("Childcare or school"), "client_view": N_("In the person's words"),
    "closed_on": N_("Closed on"), "counselling_start": N_("Start of counselling"), "created_on": N_("Created on"),
    "disability": N_("Disability"), "done_on": N_("Done on"), "due_date": N_("Due"),
    "duration_minutes": N_("Minutes"), "entry_date": N_("Date of entry"),
    "explained_in_language": N_("Explained in language"), "extended": N_("Extended counselling"),
    "extension_reason": N_("Reason for extension"), "family_name": N_("Family name"),
    "family_name_latin": N_("Family name (Latin letters)"), "finalised_on": N_("Finalised on"),
    "follow_up_accommodation_date": N_("Moved to follow-up accommodation"), "form": N_("Form"),
    "gender": N_("Gender"), "german_certificate": N_("German certificate"), "german_course": N_("German course"),
    "german_level": N_("German level"), "given_names": N_("Given names"),
    "given_names_latin": N_("Given names (Latin letters)"), "given_on": N_("Given on"), "health": N_("Health"),
    "held_on": N_("Date"), "id": N_("Record"), "interpreter_language": N_("Interpreter language"),
    "interpreter_name": N_("Interpreter"), "interpreter_needed": N_("Interpreter needed"), "joined_on": N_("Joined on"),
    "kind": N_("Kind"), "label": N_("Name"), "languages": N_("Languages"), "left_on": N_("Left on"),
    "legal_basis": N_("Legal basis"), "manager": N_("Integration manager"),
    "manager_view": N_("In the integration manager's words"), "messenger": N_("Messenger"),
    "municipality": N_("Municipality"), "nationality": N_("Nationality"), "new_status": N_("New status"),
    "next_appointment": N_("Next appointment"), "next_review": N_("Next review"), "note": N_("Note"),
    "outcome": N_("Outcome"), "phone": N_("Phone"), "place": N_("Place"), "priority": N_("Priority"),
    "purposes": N_("Purposes"), "reason": N_("Reason"), "recipients": N_("Recipients"),
    "recognition": N_("Recognition of qualifications"), "referral_note": N_("Referral note"),
    "referral_target": N_("Referred to"), "relationship": N_("Relationship"),
    "residence_obligation": N_("Residence obligation"), "responsible": N_("Responsible"),
    "responsible_name": N_("Responsible person"), "role": N_("Role"),
    "school_qualification": N_("School qualification"),
    "schooling_years": N_("Years of schooling"), "signed_on": N_("Signed on"), "signer_name": N_("Signed by"),
    "special_erased_on": N_("Health data erased on"),
    "start_date": N_("Start"), "status": N_("Status"), "status_date": N_("Status since"),
    "status_reason": N_("Reason for the status"), "studies": N_("Studies"), "target": N_("Referred to"),
    "target_date": N_("Target date"), "text": N_("Text"), "text_language": N_("Language of the text"),
    "text_version": N_("Version of the text"), "topics": N_("Topics"), "translation": N_("Translation"),
    "valid_from": N_("Valid from"), "valid_until": N_("Valid until"), "version": N_("Version"),
    "vocational_training": N_("Vocational training"), "withdrawn_on": N_("Withdrawn on"), "witness": N_("Witness"),
    "work_experience": N_("Work experience"), "written_on": N_("Written on"),
}  # fmt: skip


def table_name(table: str, translate: Callable[[str], str] = _) -> str:
    return translate(TABLES[table]) if table in TABLES else table


def field_name(name: str, translate: Callable[[str], str] = _) -> str:
    return translate(FIELDS[name]) if name in FIELDS else name


def display(table: str, name: str, value: Any, language: str | None = None) -> str:
    """A stored value as the user reads it: codes by their label, dates in the language (default: the UI's),
    lists joined."""
    translate = Translator(language) if language else _
    shown = from_column(table, name, value)
    if shown is None or shown == "" or shown == ():
        return translate("(empty)")
    return _one(shown, language, translate)


def _one(value: Any, language: str | None, translate: Callable[[str], str]) -> str:
    if isinstance(value, tuple):
        return ", ".join(_one(v, language, translate) for v in value)
    if isinstance(value, Enum):
        return label(value, translate if language else None)
    if isinstance(value, bool):
        return translate("yes") if value else translate("no")
    if isinstance(value, datetime):
        return f"{format_date(value.date(), language)} {format_time(value, language)}"
    if isinstance(value, date):
        return format_date(value, language)
    if isinstance(value, int):  # years, counts, minutes: without a thousands separator (1984, not 1.984)
        return digits(str(value), language)
    if isinstance(value, float):
        return format_number(value, language)
    return str(value)
