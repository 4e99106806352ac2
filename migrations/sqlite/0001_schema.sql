-- Jinbao schema, SQLite dialect. Keep in step with ../postgres/0001_schema.sql:
-- same tables, columns and constraints; only types differ (dates and times are ISO-8601 TEXT here).

CREATE TABLE regions (
    code        TEXT PRIMARY KEY,              -- GB/T 2260, 6 digits
    parent_code TEXT REFERENCES regions(code),
    level       TEXT NOT NULL CHECK (level IN ('province', 'city')),
    name_zh     TEXT NOT NULL,
    name_en     TEXT NOT NULL
);

-- Yearly average monthly wage (fen) that bounds contribution bases (60%..300%), by province or city.
CREATE TABLE average_wages (
    region_code TEXT NOT NULL REFERENCES regions(code),
    year        INTEGER NOT NULL,
    monthly_fen BIGINT NOT NULL CHECK (monthly_fen > 0),
    PRIMARY KEY (region_code, year)
);

-- One office per agency and city: 人社 (hrss) runs pension, unemployment, work injury; 医保 (nhsa)
-- runs medical and maternity. data_as_of: when this office's records were last synchronised.
CREATE TABLE offices (
    id          INTEGER PRIMARY KEY,
    region_code TEXT NOT NULL REFERENCES regions(code),
    agency      TEXT NOT NULL CHECK (agency IN ('hrss', 'nhsa')),
    name_zh     TEXT NOT NULL,
    name_en     TEXT NOT NULL,
    data_as_of  TEXT NOT NULL,
    UNIQUE (region_code, agency)
);

CREATE TABLE persons (
    id              INTEGER PRIMARY KEY,
    resident_id     TEXT NOT NULL UNIQUE,
    name            TEXT NOT NULL,
    sex             TEXT NOT NULL CHECK (sex IN ('M', 'F')),
    birth_date      TEXT NOT NULL,
    hukou_region    TEXT NOT NULL REFERENCES regions(code),
    phone           TEXT UNIQUE,
    -- Women's statutory retirement age depends on the post: worker (50) or cadre (55).
    female_category TEXT CHECK (female_category IN ('worker', 'cadre')),
    created_at      TEXT NOT NULL
);

CREATE TABLE employers (
    id          INTEGER PRIMARY KEY,
    credit_code TEXT NOT NULL UNIQUE,
    name        TEXT NOT NULL,
    region_code TEXT NOT NULL REFERENCES regions(code),
    risk_class  INTEGER NOT NULL CHECK (risk_class BETWEEN 1 AND 8),
    created_at  TEXT NOT NULL
);

-- One row per enrolment period of a person in one insurance.
CREATE TABLE enrolments (
    id            INTEGER PRIMARY KEY,
    person_id     BIGINT NOT NULL REFERENCES persons(id),
    insurance     TEXT NOT NULL CHECK (insurance IN ('pension', 'medical', 'work_injury', 'unemployment', 'maternity')),
    scheme        TEXT NOT NULL CHECK (scheme IN ('employee', 'resident')),
    region_code   TEXT NOT NULL REFERENCES regions(code),
    employer_id   BIGINT REFERENCES employers(id),
    start_month   INTEGER NOT NULL,
    end_month     INTEGER,
    status        TEXT NOT NULL CHECK (status IN ('active', 'suspended', 'terminated', 'receiving_benefits', 'transferring_out')),
    status_reason TEXT NOT NULL,
    status_date   TEXT NOT NULL,
    CHECK (scheme = 'employee' OR employer_id IS NULL),
    CHECK (end_month IS NULL OR end_month >= start_month)
);
CREATE INDEX enrolments_person ON enrolments (person_id, insurance, start_month);
CREATE INDEX enrolments_employer ON enrolments (employer_id, end_month);

-- Monthly contributions; one per person, insurance and month (no double enrolment). A resident's
-- yearly payment is one row covering 12 months. paid_on NULL means in arrears.
CREATE TABLE contributions (
    person_id      BIGINT NOT NULL REFERENCES persons(id),
    insurance      TEXT NOT NULL,
    month          INTEGER NOT NULL,
    months_covered INTEGER NOT NULL CHECK (months_covered IN (1, 12)),
    employer_id    BIGINT REFERENCES employers(id),
    region_code    TEXT NOT NULL REFERENCES regions(code),
    base           BIGINT NOT NULL CHECK (base >= 0),
    employer_part  BIGINT NOT NULL CHECK (employer_part >= 0),
    personal_part  BIGINT NOT NULL CHECK (personal_part >= 0),
    paid_on        TEXT,
    PRIMARY KEY (person_id, insurance, month)
) WITHOUT ROWID;
CREATE INDEX contributions_employer ON contributions (employer_id, month);

-- Personal accounts (pension, medical), one row per year: the balance over time, stored once.
CREATE TABLE account_years (
    person_id BIGINT NOT NULL REFERENCES persons(id),
    insurance TEXT NOT NULL CHECK (insurance IN ('pension', 'medical')),
    year      INTEGER NOT NULL,
    opening   BIGINT NOT NULL,
    credited  BIGINT NOT NULL,
    interest  BIGINT NOT NULL,
    withdrawn BIGINT NOT NULL,
    closing   BIGINT NOT NULL,
    PRIMARY KEY (person_id, insurance, year)
) WITHOUT ROWID;

CREATE TABLE users (
    id            INTEGER PRIMARY KEY,
    username      TEXT UNIQUE,                          -- staff and employer users
    person_id     BIGINT UNIQUE REFERENCES persons(id), -- citizens sign in by ID number or phone
    display_name  TEXT NOT NULL,
    password_hash TEXT NOT NULL,
    disabled      BOOLEAN NOT NULL DEFAULT FALSE,
    created_at    TEXT NOT NULL,
    CHECK (username IS NOT NULL OR person_id IS NOT NULL)
);

CREATE TABLE user_roles (
    user_id     BIGINT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    role        TEXT NOT NULL CHECK (role IN ('citizen', 'employer', 'helpdesk', 'reviewer', 'admin')),
    employer_id BIGINT REFERENCES employers(id),
    office_id   BIGINT REFERENCES offices(id),
    PRIMARY KEY (user_id, role),
    CHECK (role <> 'employer' OR employer_id IS NOT NULL),
    CHECK (role <> 'reviewer' OR office_id IS NOT NULL)
);

-- Server-side sessions. The cookie carries a random token; only its SHA-256 is stored.
CREATE TABLE sessions (
    id_hash      TEXT PRIMARY KEY,
    user_id      BIGINT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    role         TEXT NOT NULL,
    created_at   TEXT NOT NULL,
    last_seen_at TEXT NOT NULL,
    expires_at   TEXT NOT NULL
);
CREATE INDEX sessions_user ON sessions (user_id);

-- Login throttling state lives in the database so several app servers share it.
-- account_key is a keyed hash of the account typed, never the ID number itself.
CREATE TABLE login_attempts (
    id          INTEGER PRIMARY KEY,
    account_key TEXT NOT NULL,
    address     TEXT NOT NULL,
    at          TEXT NOT NULL,
    succeeded   BOOLEAN NOT NULL
);
CREATE INDEX login_attempts_account ON login_attempts (account_key, at);
CREATE INDEX login_attempts_address ON login_attempts (address, at);

-- Who looked at or acted on whose record, when, what and why (谁查看了我的信息).
CREATE TABLE access_log (
    id            INTEGER PRIMARY KEY,
    person_id     BIGINT NOT NULL REFERENCES persons(id),
    at            TEXT NOT NULL,
    actor_user_id BIGINT REFERENCES users(id),
    actor_role    TEXT NOT NULL,
    actor_label   TEXT NOT NULL,
    action        TEXT NOT NULL,
    purpose       TEXT NOT NULL,
    assisted_session TEXT
);
CREATE INDEX access_log_person ON access_log (person_id, at);
