-- Per person and insurance, the figures the home page, the record page and the career overview
-- show, so that no page reads every month of a career to count it: a read model of
-- contributions and account_years. The portal never writes either table; whatever does (the
-- seed, a bulk import) rebuilds the rows of the persons it wrote (Store::rebuild_record_totals,
-- `jinbao rebuild-read-models`). Keep in step with ../sqlite/0009_record_totals.sql.
CREATE TABLE record_totals (
    person_id         BIGINT NOT NULL REFERENCES persons(id),
    insurance         TEXT NOT NULL,
    contribution_rows INTEGER NOT NULL,
    months_paid       INTEGER NOT NULL,  -- a resident's yearly payment counts 12
    months_in_arrears INTEGER NOT NULL,
    employer_sum      BIGINT NOT NULL,
    personal_sum      BIGINT NOT NULL,
    last_paid_month   INTEGER,
    latest_base       BIGINT,            -- of the latest month on record, paid or not
    account_year      INTEGER,           -- the latest year of the personal account, if any
    account_closing   BIGINT,
    PRIMARY KEY (person_id, insurance)
);

-- The same statement as the rebuild, over everyone already on record.
INSERT INTO record_totals (person_id, insurance, contribution_rows, months_paid, months_in_arrears,
                           employer_sum, personal_sum, last_paid_month, latest_base, account_year, account_closing)
SELECT c.person_id, c.insurance, COUNT(*),
       SUM(CASE WHEN c.paid_on IS NOT NULL THEN c.months_covered ELSE 0 END),
       SUM(CASE WHEN c.paid_on IS NULL THEN c.months_covered ELSE 0 END),
       SUM(c.employer_part), SUM(c.personal_part),
       MAX(CASE WHEN c.paid_on IS NOT NULL THEN c.month END),
       (SELECT l.base FROM contributions l WHERE l.person_id = c.person_id AND l.insurance = c.insurance
        ORDER BY l.month DESC LIMIT 1),
       (SELECT MAX(a.year) FROM account_years a WHERE a.person_id = c.person_id AND a.insurance = c.insurance),
       (SELECT a.closing FROM account_years a WHERE a.person_id = c.person_id AND a.insurance = c.insurance
        ORDER BY a.year DESC LIMIT 1)
FROM contributions c
GROUP BY c.person_id, c.insurance;
