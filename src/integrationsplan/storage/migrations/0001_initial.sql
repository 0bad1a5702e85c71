-- Schema 1: the case records, this device's identity and clock, and the append-only change log.
-- Dates are ISO 8601 text, codes are the enum values of integrationsplan.domain.codes,
-- lists of codes are JSON arrays. Every column except the id may be written by the change log.

CREATE TABLE device (
    singleton INTEGER PRIMARY KEY CHECK (singleton = 1),
    device_id TEXT NOT NULL,
    device_name TEXT NOT NULL,
    case_prefix TEXT NOT NULL,
    next_case_number INTEGER NOT NULL,
    last_device_seq INTEGER NOT NULL,
    last_hlc INTEGER NOT NULL
);

CREATE TABLE change_log (
    -- The global identity of a change is (device_id, device_seq); id is only the local order.
    id INTEGER PRIMARY KEY,
    device_id TEXT NOT NULL,
    device_seq INTEGER NOT NULL,
    hlc INTEGER NOT NULL,
    tbl TEXT NOT NULL,
    row_id TEXT NOT NULL,
    field TEXT NOT NULL,          -- '' for a tombstone
    op TEXT NOT NULL CHECK (op IN ('set', 'delete')),
    value,                        -- no affinity: the column value exactly as stored
    seen_hlc INTEGER NOT NULL,    -- the clock of the value the author replaced (0: none)
    UNIQUE (device_id, device_seq)
);
CREATE INDEX change_log_field ON change_log (tbl, row_id, field, hlc);

CREATE TRIGGER change_log_no_update BEFORE UPDATE ON change_log
BEGIN SELECT RAISE(ABORT, 'the change log is append-only'); END;
CREATE TRIGGER change_log_no_delete BEFORE DELETE ON change_log
BEGIN SELECT RAISE(ABORT, 'the change log is append-only'); END;

CREATE TABLE person (
    id TEXT PRIMARY KEY,
    case_number TEXT NOT NULL,
    counselling_start TEXT NOT NULL,
    family_name TEXT,
    given_names TEXT,
    family_name_latin TEXT,
    given_names_latin TEXT,
    birth_date TEXT,
    birth_year INTEGER,
    gender TEXT,
    nationality TEXT,
    languages TEXT NOT NULL,
    interpreter_needed INTEGER,
    interpreter_language TEXT,
    phone TEXT,
    messenger TEXT,
    address TEXT,
    accommodation TEXT,
    municipality TEXT,
    entry_date TEXT,
    follow_up_accommodation_date TEXT,
    extended INTEGER NOT NULL,
    extension_reason TEXT,
    manager TEXT
);
CREATE INDEX person_case_number ON person (case_number);

CREATE TABLE residence_status (
    id TEXT PRIMARY KEY,
    person_id TEXT NOT NULL REFERENCES person (id),
    kind TEXT NOT NULL,
    legal_basis TEXT,
    valid_from TEXT,
    valid_until TEXT,
    residence_obligation TEXT,
    note TEXT
);
CREATE INDEX residence_status_person ON residence_status (person_id);

CREATE TABLE resources (
    id TEXT PRIMARY KEY,
    person_id TEXT NOT NULL REFERENCES person (id),
    german_level TEXT,
    german_course TEXT,
    german_certificate TEXT,
    schooling_years INTEGER,
    school_qualification TEXT,
    vocational_training TEXT,
    studies TEXT,
    recognition TEXT,
    work_experience TEXT,
    activity TEXT,
    benefit TEXT,
    health TEXT,
    disability TEXT
);
CREATE INDEX resources_person ON resources (person_id);

CREATE TABLE case_closure (
    id TEXT PRIMARY KEY,
    person_id TEXT NOT NULL REFERENCES person (id),
    closed_on TEXT NOT NULL,
    reason TEXT NOT NULL,
    note TEXT
);
CREATE INDEX case_closure_person ON case_closure (person_id);

CREATE TABLE household (
    id TEXT PRIMARY KEY,
    label TEXT,
    note TEXT
);

CREATE TABLE household_member (
    id TEXT PRIMARY KEY,
    household_id TEXT NOT NULL REFERENCES household (id),
    person_id TEXT NOT NULL REFERENCES person (id),
    relationship TEXT,
    childcare_or_school TEXT,
    joined_on TEXT,
    left_on TEXT
);
CREATE INDEX household_member_household ON household_member (household_id);
CREATE INDEX household_member_person ON household_member (person_id);

CREATE TABLE consent (
    id TEXT PRIMARY KEY,
    person_id TEXT NOT NULL REFERENCES person (id),
    kind TEXT NOT NULL,
    given_on TEXT NOT NULL,
    form TEXT NOT NULL,
    purposes TEXT,
    recipients TEXT,
    text_language TEXT,
    text_version TEXT,
    witness TEXT,
    valid_until TEXT,
    withdrawn_on TEXT
);
CREATE INDEX consent_person ON consent (person_id);

CREATE TABLE plan (
    id TEXT PRIMARY KEY,
    person_id TEXT NOT NULL REFERENCES person (id),
    version INTEGER NOT NULL,
    status TEXT NOT NULL,
    created_on TEXT NOT NULL,
    manager TEXT,
    interpreter_language TEXT,
    interpreter_name TEXT,
    next_review TEXT,
    activated_on TEXT,
    closed_on TEXT,
    previous_plan_id TEXT REFERENCES plan (id)
);
CREATE INDEX plan_person ON plan (person_id);
CREATE INDEX plan_next_review ON plan (next_review) WHERE status != 'closed';

CREATE TABLE need (
    id TEXT PRIMARY KEY,
    plan_id TEXT NOT NULL REFERENCES plan (id),
    area TEXT NOT NULL,
    client_view TEXT,
    manager_view TEXT
);
CREATE INDEX need_plan ON need (plan_id);

CREATE TABLE goal (
    id TEXT PRIMARY KEY,
    plan_id TEXT NOT NULL REFERENCES plan (id),
    area TEXT NOT NULL,
    text TEXT NOT NULL,
    translation TEXT,
    priority TEXT NOT NULL,
    start_date TEXT,
    target_date TEXT,
    status TEXT NOT NULL,
    status_reason TEXT,
    status_date TEXT,
    carried_from_goal_id TEXT REFERENCES goal (id)
);
CREATE INDEX goal_plan ON goal (plan_id);

CREATE TABLE step (
    id TEXT PRIMARY KEY,
    goal_id TEXT NOT NULL REFERENCES goal (id),
    text TEXT NOT NULL,
    translation TEXT,
    responsible TEXT NOT NULL,
    responsible_name TEXT,
    due_date TEXT,
    done_on TEXT,
    referral_target TEXT,
    referral_note TEXT
);
CREATE INDEX step_goal ON step (goal_id);
CREATE INDEX step_due ON step (due_date) WHERE done_on IS NULL;

CREATE TABLE review (
    id TEXT PRIMARY KEY,
    plan_id TEXT NOT NULL REFERENCES plan (id),
    held_on TEXT NOT NULL,
    note TEXT
);
CREATE INDEX review_plan ON review (plan_id);

CREATE TABLE goal_assessment (
    id TEXT PRIMARY KEY,
    review_id TEXT NOT NULL REFERENCES review (id),
    goal_id TEXT NOT NULL REFERENCES goal (id),
    outcome TEXT,
    new_status TEXT
);
CREATE INDEX goal_assessment_review ON goal_assessment (review_id);
CREATE INDEX goal_assessment_goal ON goal_assessment (goal_id);

CREATE TABLE signature (
    id TEXT PRIMARY KEY,
    plan_id TEXT NOT NULL REFERENCES plan (id),
    role TEXT NOT NULL,
    signer_name TEXT,
    signed_on TEXT NOT NULL,
    place TEXT,
    explained_in_language TEXT,
    interpreter_name TEXT
);
CREATE INDEX signature_plan ON signature (plan_id);

CREATE TABLE counselling_session (
    id TEXT PRIMARY KEY,
    person_id TEXT NOT NULL REFERENCES person (id),
    held_on TEXT NOT NULL,
    duration_minutes INTEGER,
    place TEXT NOT NULL,
    interpreter_name TEXT,
    interpreter_language TEXT,
    topics TEXT NOT NULL,
    note TEXT,
    next_appointment TEXT,
    finalised_on TEXT
);
CREATE INDEX counselling_session_person ON counselling_session (person_id, held_on);

CREATE TABLE session_participant (
    id TEXT PRIMARY KEY,
    session_id TEXT NOT NULL REFERENCES counselling_session (id),
    person_id TEXT NOT NULL REFERENCES person (id)
);
CREATE INDEX session_participant_session ON session_participant (session_id);
CREATE INDEX session_participant_person ON session_participant (person_id);

CREATE TABLE session_goal (
    id TEXT PRIMARY KEY,
    session_id TEXT NOT NULL REFERENCES counselling_session (id),
    goal_id TEXT NOT NULL REFERENCES goal (id)
);
CREATE INDEX session_goal_session ON session_goal (session_id);
CREATE INDEX session_goal_goal ON session_goal (goal_id);

CREATE TABLE referral (
    id TEXT PRIMARY KEY,
    session_id TEXT NOT NULL REFERENCES counselling_session (id),
    target TEXT NOT NULL,
    note TEXT
);
CREATE INDEX referral_session ON referral (session_id);

CREATE TABLE session_addendum (
    id TEXT PRIMARY KEY,
    session_id TEXT NOT NULL REFERENCES counselling_session (id),
    written_on TEXT NOT NULL,
    text TEXT NOT NULL
);
CREATE INDEX session_addendum_session ON session_addendum (session_id);
