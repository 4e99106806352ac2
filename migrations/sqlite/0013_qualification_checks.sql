-- The yearly qualification check of pensioners (养老金领取资格认证).
-- Keep in step with ../postgres/0013_qualification_checks.sql.

-- One confirmation that a pensioner is alive and still eligible. Confirmed at once with the
-- person's second factor, or sent to the paying office, which confirms or refuses it. A row
-- without a submitting user was recorded by the office itself (at a counter, before the portal).
CREATE TABLE qualification_checks (
    id                   INTEGER PRIMARY KEY,
    person_id            BIGINT NOT NULL REFERENCES persons(id),
    office_id            BIGINT NOT NULL REFERENCES offices(id),
    method               TEXT NOT NULL CHECK (method IN ('second_factor', 'office_review')),
    status               TEXT NOT NULL CHECK (status IN ('pending', 'confirmed', 'refused')),
    submitted_at         TEXT NOT NULL,
    submitted_by_user_id BIGINT REFERENCES users(id),
    assisted_session_id  BIGINT REFERENCES assisted_sessions(id),
    request_key          TEXT NOT NULL,
    decided_at           TEXT,
    decided_by_user_id   BIGINT REFERENCES users(id),
    note                 TEXT,
    CHECK ((status = 'pending') = (decided_at IS NULL)),
    UNIQUE (person_id, request_key)
);
CREATE INDEX qualification_checks_person ON qualification_checks (person_id, submitted_at);
CREATE INDEX qualification_checks_office ON qualification_checks (office_id, status, submitted_at);
-- At most one check waits for an office per person.
CREATE UNIQUE INDEX qualification_checks_one_pending ON qualification_checks (person_id) WHERE status = 'pending';
