-- Certificates (参保缴费证明, 个人权益记录单, no-benefit and not-enrolled certificates).
-- Keep in step with ../postgres/0005_certificates.sql (same tables, columns, constraints).

-- One issued document. content is the JSON of exactly what the document shows, so the PDF can be
-- regenerated identically; the verification code is a MAC over document_no and content with the
-- server key, so it is not stored. request_key makes a form submission idempotent.
CREATE TABLE certificates (
    id                  INTEGER PRIMARY KEY,
    document_no         TEXT NOT NULL UNIQUE,
    person_id           BIGINT NOT NULL REFERENCES persons(id),
    kind                TEXT NOT NULL CHECK (kind IN ('contributions', 'annual_statement', 'no_benefit', 'not_enrolled')),
    purpose             TEXT NOT NULL CHECK (purpose IN ('loan', 'school', 'hukou', 'visa', 'other')),
    request_key         TEXT NOT NULL,
    content             TEXT NOT NULL,
    issued_at           TEXT NOT NULL,
    issued_by_user_id   BIGINT NOT NULL REFERENCES users(id),
    assisted_session_id BIGINT REFERENCES assisted_sessions(id),
    revoked_at          TEXT,
    UNIQUE (person_id, request_key)
);
CREATE INDEX certificates_person ON certificates (person_id, issued_at);
