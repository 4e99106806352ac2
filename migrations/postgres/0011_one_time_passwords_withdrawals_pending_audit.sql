-- One-time passwords; sealed two-factor secrets; who withdrew a certificate or a filing, and in which assisted session (as for what they
-- submit); audit events written before the action they record, 'pending' until it ends.
-- Keep in step with ../sqlite/0011_one_time_passwords_withdrawals_pending_audit.sql.
-- A password an administrator set (a new staff account's) signs in once: then the user must
-- choose their own before anything else.
ALTER TABLE users ADD COLUMN password_expired BOOLEAN NOT NULL DEFAULT FALSE;

-- Changes to stored data that need the server's key, so the server makes them itself at start
-- (sealing two-factor secrets stored in plaintext): each is done once and recorded here.
CREATE TABLE data_migrations (
    name    TEXT PRIMARY KEY,
    done_at TIMESTAMPTZ NOT NULL
);

ALTER TABLE certificates ADD COLUMN revoked_by_user_id BIGINT REFERENCES users(id);
ALTER TABLE certificates ADD COLUMN revoked_in_session_id BIGINT REFERENCES assisted_sessions(id);
ALTER TABLE medical_filings ADD COLUMN cancelled_by_user_id BIGINT REFERENCES users(id);
ALTER TABLE medical_filings ADD COLUMN cancelled_in_session_id BIGINT REFERENCES assisted_sessions(id);

ALTER TABLE audit_events DROP CONSTRAINT audit_events_outcome_check;
ALTER TABLE audit_events ADD CONSTRAINT audit_events_outcome_check
    CHECK (outcome IN ('pending', 'ok', 'refused', 'failed'));
