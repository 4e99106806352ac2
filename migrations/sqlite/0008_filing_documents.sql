-- Supporting documents of out-of-area medical filings, uploaded rather than described. Keep in
-- step with ../postgres/0008_filing_documents.sql.

-- Files belong to the form that uploads them (its request key) until that form files: the
-- filing then carries the same key, so nothing moves when a draft becomes a filing.
CREATE TABLE filing_documents (
    id                  INTEGER PRIMARY KEY,
    person_id           BIGINT NOT NULL REFERENCES persons(id),
    request_key         TEXT NOT NULL,
    file_name           TEXT NOT NULL,
    content_type        TEXT NOT NULL CHECK (content_type IN ('application/pdf', 'image/jpeg', 'image/png')),
    size_bytes          BIGINT NOT NULL CHECK (size_bytes > 0),
    sha256              TEXT NOT NULL,
    content             BLOB NOT NULL,
    uploaded_at         TEXT NOT NULL,
    uploaded_by_user_id BIGINT NOT NULL REFERENCES users(id),
    assisted_session_id BIGINT REFERENCES assisted_sessions(id)
);
CREATE INDEX filing_documents_form ON filing_documents (person_id, request_key);

-- The typed description of documents goes: the files are the evidence now. SQLite cannot drop
-- a column a CHECK names, so the table is rebuilt (https://sqlite.org/lang_altertable.html §7).
-- The new table refers to itself by its new name, which the rename below follows.
CREATE TABLE medical_filings_new (
    id                  INTEGER PRIMARY KEY,
    reference_no        TEXT NOT NULL UNIQUE,
    person_id           BIGINT NOT NULL REFERENCES persons(id),
    term                TEXT NOT NULL CHECK (term IN ('long_term', 'temporary')),
    category            TEXT NOT NULL CHECK (category IN ('retiree_resettled', 'long_term_residence', 'resident_work', 'referral', 'emergency', 'other_temporary')),
    insured_region      TEXT NOT NULL REFERENCES regions(code),
    scheme              TEXT NOT NULL CHECK (scheme IN ('employee', 'resident')),
    treatment_region    TEXT NOT NULL REFERENCES regions(code),
    evidence            TEXT NOT NULL CHECK (evidence IN ('documents', 'undertaking')),
    stay                TEXT NOT NULL CHECK (stay IN ('not_admitted', 'in_hospital', 'discharged_self_paid')),
    admitted_on         TEXT,
    starts_on           TEXT NOT NULL,
    ends_on             TEXT,
    request_key         TEXT NOT NULL,
    created_at          TEXT NOT NULL,
    created_by_user_id  BIGINT NOT NULL REFERENCES users(id),
    assisted_session_id BIGINT REFERENCES assisted_sessions(id),
    cancelled_at        TEXT,
    replaced_by         BIGINT REFERENCES medical_filings_new(id),
    CHECK (insured_region <> treatment_region),
    CHECK ((term = 'long_term') = (ends_on IS NULL)),
    UNIQUE (person_id, request_key)
);
INSERT INTO medical_filings_new (id, reference_no, person_id, term, category, insured_region, scheme,
    treatment_region, evidence, stay, admitted_on, starts_on, ends_on, request_key, created_at,
    created_by_user_id, assisted_session_id, cancelled_at, replaced_by)
SELECT id, reference_no, person_id, term, category, insured_region, scheme, treatment_region,
    evidence, stay, admitted_on, starts_on, ends_on, request_key, created_at, created_by_user_id,
    assisted_session_id, cancelled_at, replaced_by
FROM medical_filings;
DROP TABLE medical_filings;
ALTER TABLE medical_filings_new RENAME TO medical_filings;
CREATE INDEX medical_filings_person ON medical_filings (person_id, created_at);
CREATE UNIQUE INDEX medical_filings_one_long_term ON medical_filings (person_id)
    WHERE term = 'long_term' AND cancelled_at IS NULL;
