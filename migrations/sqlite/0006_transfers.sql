-- Transfers (养老/医保关系转移接续) and the back office that processes them, leg by leg.
-- Keep in step with ../postgres/0006_transfers.sql (same tables, columns, constraints).

-- A supervisor is a reviewer who also sees overdue legs across offices.
ALTER TABLE user_roles ADD COLUMN supervisor BOOLEAN NOT NULL DEFAULT FALSE;

-- One request a citizen submitted. version increases with every change of it or its legs, so
-- two people acting on what they saw at the same time cannot both succeed.
CREATE TABLE requests (
    id                   INTEGER PRIMARY KEY,
    reference_no         TEXT NOT NULL UNIQUE,
    person_id            BIGINT NOT NULL REFERENCES persons(id),
    kind                 TEXT NOT NULL CHECK (kind IN ('pension_transfer', 'medical_transfer')),
    from_region          TEXT NOT NULL REFERENCES regions(code),
    to_region            TEXT NOT NULL REFERENCES regions(code),
    status               TEXT NOT NULL CHECK (status IN ('in_progress', 'completed', 'rejected', 'withdrawn')),
    details              TEXT NOT NULL,
    request_key          TEXT NOT NULL,
    submitted_at         TEXT NOT NULL,
    submitted_by_user_id BIGINT NOT NULL REFERENCES users(id),
    assisted_session_id  BIGINT REFERENCES assisted_sessions(id),
    closed_at            TEXT,
    version              BIGINT NOT NULL DEFAULT 0,
    CHECK (from_region <> to_region),
    UNIQUE (person_id, request_key)
);
CREATE INDEX requests_person ON requests (person_id, submitted_at);

-- The legs of a request, each held by one office with a legal limit in working days. due_on is
-- set when the leg opens and moves later by the working days it waited for material.
CREATE TABLE request_legs (
    id          INTEGER PRIMARY KEY,
    request_id  BIGINT NOT NULL REFERENCES requests(id),
    seq         INTEGER NOT NULL,
    step        TEXT NOT NULL,
    office_id   BIGINT NOT NULL REFERENCES offices(id),
    limit_days  INTEGER NOT NULL CHECK (limit_days > 0),
    status      TEXT NOT NULL CHECK (status IN ('waiting', 'open', 'awaiting_material', 'done', 'rejected', 'cancelled')),
    opened_on   TEXT,
    due_on      TEXT,
    paused_on   TEXT,
    decided_at  TEXT,
    UNIQUE (request_id, seq),
    CHECK (status IN ('waiting', 'cancelled') OR opened_on IS NOT NULL),
    CHECK ((status = 'awaiting_material') = (paused_on IS NOT NULL))
);
CREATE INDEX request_legs_queue ON request_legs (office_id, status, due_on);
CREATE INDEX request_legs_due ON request_legs (status, due_on);

-- Every change with who, when and why: submissions, decisions, material asked and answered.
CREATE TABLE request_events (
    id                  INTEGER PRIMARY KEY,
    request_id          BIGINT NOT NULL REFERENCES requests(id),
    leg_id              BIGINT REFERENCES request_legs(id),
    at                  TEXT NOT NULL,
    actor_user_id       BIGINT REFERENCES users(id),
    actor_role          TEXT NOT NULL,
    actor_label         TEXT NOT NULL,
    action              TEXT NOT NULL,
    reason_code         TEXT,
    note                TEXT NOT NULL,
    assisted_session_id BIGINT REFERENCES assisted_sessions(id)
);
CREATE INDEX request_events_request ON request_events (request_id, at);

-- A request being written: the answers so far and the key its submission will carry.
CREATE TABLE request_drafts (
    person_id   BIGINT NOT NULL REFERENCES persons(id),
    kind        TEXT NOT NULL,
    data        TEXT NOT NULL,
    request_key TEXT NOT NULL,
    updated_at  TEXT NOT NULL,
    PRIMARY KEY (person_id, kind)
);

-- What a completed transfer carried into the new place's relationship: the months and funds.
CREATE TABLE carried_records (
    id               INTEGER PRIMARY KEY,
    request_id       BIGINT NOT NULL UNIQUE REFERENCES requests(id),
    person_id        BIGINT NOT NULL REFERENCES persons(id),
    insurance        TEXT NOT NULL CHECK (insurance IN ('pension', 'medical')),
    from_region      TEXT NOT NULL REFERENCES regions(code),
    to_region        TEXT NOT NULL REFERENCES regions(code),
    months           INTEGER NOT NULL CHECK (months >= 0),
    personal_account BIGINT NOT NULL CHECK (personal_account >= 0),
    pooled_funds     BIGINT NOT NULL CHECK (pooled_funds >= 0),
    carried_on       TEXT NOT NULL
);
CREATE INDEX carried_records_person ON carried_records (person_id, insurance);
