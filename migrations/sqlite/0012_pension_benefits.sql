-- Pensions in payment (养老金待遇), retirees' medical account credits, and the certificate of a
-- pension in payment.
-- Keep in step with ../postgres/0012_pension_benefits.sql.

-- Who pays a person's pension, under which scheme, from which month. One per person: a
-- pension is paid by one office.
CREATE TABLE pension_awards (
    person_id   BIGINT PRIMARY KEY REFERENCES persons(id),
    scheme      TEXT NOT NULL CHECK (scheme IN ('employee', 'resident')),
    region_code TEXT NOT NULL REFERENCES regions(code),
    first_month INTEGER NOT NULL,
    awarded_on  TEXT NOT NULL
);

-- The monthly amount in force from a month, in the parts a statement shows (fen): one row for
-- the award, one for each yearly adjustment.
CREATE TABLE pension_amounts (
    person_id    BIGINT NOT NULL REFERENCES persons(id),
    from_month   INTEGER NOT NULL,
    basic        BIGINT NOT NULL CHECK (basic >= 0),
    account      BIGINT NOT NULL CHECK (account >= 0),
    transitional BIGINT NOT NULL CHECK (transitional >= 0),
    adjustments  BIGINT NOT NULL CHECK (adjustments >= 0),
    cause        TEXT NOT NULL CHECK (cause IN ('award', 'adjustment')),
    decided_on   TEXT NOT NULL,
    PRIMARY KEY (person_id, from_month)
) WITHOUT ROWID;

-- Each month's payment: the amount with any back pay, and where it went. Only the bank and the
-- account's last four digits are kept: all the portal shows of it.
CREATE TABLE pension_payments (
    person_id BIGINT NOT NULL REFERENCES persons(id),
    month     INTEGER NOT NULL,
    paid_on   TEXT NOT NULL,
    amount    BIGINT NOT NULL CHECK (amount > 0),
    back_pay  BIGINT NOT NULL CHECK (back_pay >= 0),
    bank      TEXT NOT NULL CHECK (bank IN ('icbc', 'ccb', 'abc', 'boc', 'psbc', 'bocom')),
    account_last4 TEXT NOT NULL CHECK (length(account_last4) = 4),
    PRIMARY KEY (person_id, month)
) WITHOUT ROWID;

-- A retired employee's medical account: the fixed amount the pool credits each month.
CREATE TABLE retiree_medical_credits (
    person_id   BIGINT PRIMARY KEY REFERENCES persons(id),
    region_code TEXT NOT NULL REFERENCES regions(code),
    since_month INTEGER NOT NULL,
    monthly     BIGINT NOT NULL CHECK (monthly > 0)
);

-- The benefit certificate (养老保险待遇领取证明) is a new kind. SQLite cannot change a CHECK in
-- place: the table is copied into its new shape.
CREATE TABLE certificates_new (
    id                  INTEGER PRIMARY KEY,
    document_no         TEXT NOT NULL UNIQUE,
    person_id           BIGINT NOT NULL REFERENCES persons(id),
    kind                TEXT NOT NULL CHECK (kind IN ('contributions', 'annual_statement', 'no_benefit', 'not_enrolled', 'pension_benefit')),
    purpose             TEXT NOT NULL CHECK (purpose IN ('loan', 'school', 'hukou', 'visa', 'other')),
    request_key         TEXT NOT NULL,
    content             TEXT NOT NULL,
    issued_at           TEXT NOT NULL,
    issued_by_user_id   BIGINT NOT NULL REFERENCES users(id),
    assisted_session_id BIGINT REFERENCES assisted_sessions(id),
    revoked_at          TEXT,
    revoked_by_user_id  BIGINT REFERENCES users(id),
    revoked_in_session_id BIGINT REFERENCES assisted_sessions(id),
    UNIQUE (person_id, request_key)
);
INSERT INTO certificates_new SELECT * FROM certificates;
DROP TABLE certificates;
ALTER TABLE certificates_new RENAME TO certificates;
CREATE INDEX certificates_person ON certificates (person_id, issued_at);
