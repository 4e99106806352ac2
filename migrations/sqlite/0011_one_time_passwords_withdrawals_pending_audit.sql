-- One-time passwords; sealed two-factor secrets; who withdrew a certificate or a filing, and in which assisted session (as for what they
-- submit); audit events written before the action they record, 'pending' until it ends.
-- Keep in step with ../postgres/0011_one_time_passwords_withdrawals_pending_audit.sql.
-- A password an administrator set (a new staff account's) signs in once: then the user must
-- choose their own before anything else.
ALTER TABLE users ADD COLUMN password_expired BOOLEAN NOT NULL DEFAULT FALSE;

-- Changes to stored data that need the server's key, so the server makes them itself at start
-- (sealing two-factor secrets stored in plaintext): each is done once and recorded here.
CREATE TABLE data_migrations (
    name    TEXT PRIMARY KEY,
    done_at TEXT NOT NULL
);

ALTER TABLE certificates ADD COLUMN revoked_by_user_id BIGINT REFERENCES users(id);
ALTER TABLE certificates ADD COLUMN revoked_in_session_id BIGINT REFERENCES assisted_sessions(id);
ALTER TABLE medical_filings ADD COLUMN cancelled_by_user_id BIGINT REFERENCES users(id);
ALTER TABLE medical_filings ADD COLUMN cancelled_in_session_id BIGINT REFERENCES assisted_sessions(id);

-- SQLite cannot change a CHECK in place: the table is copied into its new shape.
CREATE TABLE audit_events_new (
    id                  INTEGER PRIMARY KEY,
    at                  TEXT NOT NULL,
    actor_user_id       BIGINT REFERENCES users(id),
    actor_role          TEXT NOT NULL,
    subject_user_id     BIGINT REFERENCES users(id),
    assisted_session_id BIGINT REFERENCES assisted_sessions(id),
    action              TEXT NOT NULL,
    target              TEXT NOT NULL,
    outcome             TEXT NOT NULL CHECK (outcome IN ('pending', 'ok', 'refused', 'failed')),
    detail              TEXT NOT NULL
);
INSERT INTO audit_events_new SELECT * FROM audit_events;
DROP TABLE audit_events;
ALTER TABLE audit_events_new RENAME TO audit_events;
CREATE INDEX audit_events_at ON audit_events (at);
CREATE INDEX audit_events_actor ON audit_events (actor_user_id, at);
CREATE INDEX audit_events_assisted ON audit_events (assisted_session_id, at);
