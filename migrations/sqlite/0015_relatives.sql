-- Relatives who help (亲情代办). Keep in step with ../postgres/0015_relatives.sql.

-- A citizen's authorisation of another citizen's account to view their record and, when
-- may_act, to act for them. Offered by the person, accepted (or declined) by the relative, and
-- ended by either at any time; it lapses at ends_at, at most a year after it was offered.
CREATE TABLE relative_grants (
    id               INTEGER PRIMARY KEY,
    person_id        BIGINT NOT NULL REFERENCES persons(id),
    grantor_user_id  BIGINT NOT NULL REFERENCES users(id),
    relative_user_id BIGINT NOT NULL REFERENCES users(id),
    may_act          BOOLEAN NOT NULL,
    status           TEXT NOT NULL CHECK (status IN ('offered', 'active', 'declined', 'ended')),
    offered_at       TEXT NOT NULL,
    ends_at          TEXT NOT NULL,
    accepted_at      TEXT,
    closed_at        TEXT,
    closed_by_user_id BIGINT REFERENCES users(id),
    request_key      TEXT NOT NULL,
    CHECK (grantor_user_id <> relative_user_id),
    CHECK ((status IN ('declined', 'ended')) = (closed_at IS NOT NULL)),
    UNIQUE (grantor_user_id, request_key)
);
CREATE INDEX relative_grants_grantor ON relative_grants (grantor_user_id, offered_at);
CREATE INDEX relative_grants_relative ON relative_grants (relative_user_id, offered_at);
-- One open authorisation per pair: a second offer while one is open is refused.
CREATE UNIQUE INDEX relative_grants_one_open ON relative_grants (grantor_user_id, relative_user_id)
    WHERE status IN ('offered', 'active');

-- A relative acting for the person is an assisted session carrying the authorisation: the
-- same banner, audit of every request and access-log entry as a helpdesk agent's.
ALTER TABLE assisted_sessions ADD COLUMN relative_grant_id BIGINT REFERENCES relative_grants(id);
