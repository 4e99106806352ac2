-- Out-of-area medical filings (异地就医备案). Keep in step with ../postgres/0007_medical_filings.sql.

-- A filing takes effect at once. A change writes a new filing and cancels the old one with
-- replaced_by pointing at the new; at most one long-term filing is active per person.
CREATE TABLE medical_filings (
    id                  INTEGER PRIMARY KEY,
    reference_no        TEXT NOT NULL UNIQUE,
    person_id           BIGINT NOT NULL REFERENCES persons(id),
    term                TEXT NOT NULL CHECK (term IN ('long_term', 'temporary')),
    category            TEXT NOT NULL CHECK (category IN ('retiree_resettled', 'long_term_residence', 'resident_work', 'referral', 'emergency', 'other_temporary')),
    insured_region      TEXT NOT NULL REFERENCES regions(code),
    scheme              TEXT NOT NULL CHECK (scheme IN ('employee', 'resident')),
    treatment_region    TEXT NOT NULL REFERENCES regions(code),
    evidence            TEXT NOT NULL CHECK (evidence IN ('documents', 'undertaking')),
    documents           TEXT,
    stay                TEXT NOT NULL CHECK (stay IN ('not_admitted', 'in_hospital', 'discharged_self_paid')),
    admitted_on         TEXT,
    starts_on           TEXT NOT NULL,
    ends_on             TEXT,
    request_key         TEXT NOT NULL,
    created_at          TEXT NOT NULL,
    created_by_user_id  BIGINT NOT NULL REFERENCES users(id),
    assisted_session_id BIGINT REFERENCES assisted_sessions(id),
    cancelled_at        TEXT,
    replaced_by         BIGINT REFERENCES medical_filings(id),
    CHECK (insured_region <> treatment_region),
    CHECK ((term = 'long_term') = (ends_on IS NULL)),
    CHECK ((evidence = 'documents') = (documents IS NOT NULL)),
    UNIQUE (person_id, request_key)
);
CREATE INDEX medical_filings_person ON medical_filings (person_id, created_at);
CREATE UNIQUE INDEX medical_filings_one_long_term ON medical_filings (person_id)
    WHERE term = 'long_term' AND cancelled_at IS NULL;
