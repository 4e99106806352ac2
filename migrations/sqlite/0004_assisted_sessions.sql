-- Two-factor sign-in, helpdesk assisted sessions, the audit log and notifications.
-- Keep in step with ../postgres/0004_assisted_sessions.sql (same tables, columns, constraints).

-- TOTP (RFC 6238). totp_secret (base32) is set once a first code confirms enrolment;
-- totp_pending holds the secret shown during enrolment; totp_last_step is the last 30-second
-- step accepted, so each code signs in once.
ALTER TABLE users ADD COLUMN totp_secret TEXT;
ALTER TABLE users ADD COLUMN totp_pending TEXT;
ALTER TABLE users ADD COLUMN totp_last_step BIGINT;

-- A helpdesk agent acting as a citizen or an employer user. The agent's own session points here
-- while it lasts; ended_at and end_reason are set once, by whoever ends it first.
CREATE TABLE assisted_sessions (
    id              INTEGER PRIMARY KEY,
    agent_user_id   BIGINT NOT NULL REFERENCES users(id),
    subject_user_id BIGINT NOT NULL REFERENCES users(id),
    subject_role    TEXT NOT NULL CHECK (subject_role IN ('citizen', 'employer')),
    person_id       BIGINT REFERENCES persons(id),
    reason          TEXT NOT NULL,
    reason_text     TEXT NOT NULL,
    ticket          TEXT NOT NULL,
    write_mode      BOOLEAN NOT NULL DEFAULT FALSE,
    started_at      TEXT NOT NULL,
    last_active_at  TEXT NOT NULL,
    hard_end_at     TEXT NOT NULL,
    ended_at        TEXT,
    end_reason      TEXT CHECK (end_reason IN ('agent', 'subject', 'idle', 'time_limit', 'sign_out')),
    CHECK ((ended_at IS NULL) = (end_reason IS NULL))
);
CREATE INDEX assisted_sessions_person ON assisted_sessions (person_id, started_at);
CREATE INDEX assisted_sessions_subject ON assisted_sessions (subject_user_id, ended_at);

-- The session's stage: 'full'; 'code' after the password, until the TOTP code; 'enrol' for a
-- staff account that must set up two-factor sign-in before anything else.
ALTER TABLE sessions ADD COLUMN stage TEXT NOT NULL DEFAULT 'full' CHECK (stage IN ('full', 'code', 'enrol'));
ALTER TABLE sessions ADD COLUMN assisted_session_id BIGINT REFERENCES assisted_sessions(id);

-- Who did what (append-only). In an assisted session actor is the agent and subject the person
-- acted for; otherwise subject is the account acted upon, if any. Reason and ticket are on the
-- assisted session.
CREATE TABLE audit_events (
    id                  INTEGER PRIMARY KEY,
    at                  TEXT NOT NULL,
    actor_user_id       BIGINT REFERENCES users(id),
    actor_role          TEXT NOT NULL,
    subject_user_id     BIGINT REFERENCES users(id),
    assisted_session_id BIGINT REFERENCES assisted_sessions(id),
    action              TEXT NOT NULL,
    target              TEXT NOT NULL,
    outcome             TEXT NOT NULL CHECK (outcome IN ('ok', 'refused', 'failed')),
    detail              TEXT NOT NULL
);
CREATE INDEX audit_events_at ON audit_events (at);
CREATE INDEX audit_events_actor ON audit_events (actor_user_id, at);
CREATE INDEX audit_events_assisted ON audit_events (assisted_session_id, at);

-- A user's inbox. kind is a message key; params are the message's values as JSON.
CREATE TABLE notifications (
    id      INTEGER PRIMARY KEY,
    user_id BIGINT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    at      TEXT NOT NULL,
    kind    TEXT NOT NULL,
    params  TEXT NOT NULL,
    link    TEXT NOT NULL,
    read_at TEXT
);
CREATE INDEX notifications_user ON notifications (user_id, at);
CREATE INDEX notifications_unread ON notifications (user_id) WHERE read_at IS NULL;

-- The helpdesk finds a caller by name and birth date.
CREATE INDEX persons_name_birth ON persons (name, birth_date);
