-- Contributions stored as runs (docs/storage.md): one row stands for `rows_in_run` consecutive
-- rows of one person's insurance that agree on all but the month: months in a row, or for a
-- yearly payment (months_covered 12) years in a row. A career of a few employers and yearly base
-- changes is tens of runs instead of hundreds of monthly rows. Any monthly row is a run of one,
-- so nothing is lost; the view `contributions` gives every reader the monthly rows as before.
-- (PostgreSQL also partitions the runs by person; SQLite keeps them in one table clustered by
-- person.)

CREATE TABLE insurance_codes (
    id   SMALLINT PRIMARY KEY,
    code TEXT NOT NULL UNIQUE
);
INSERT INTO insurance_codes (id, code) VALUES
    (1, 'pension'), (2, 'medical'), (3, 'work_injury'), (4, 'unemployment'), (5, 'maternity');

-- 0..1199: the row numbers within a run (a century of months).
CREATE TABLE run_steps (n SMALLINT PRIMARY KEY);
WITH RECURSIVE steps(n) AS (SELECT 0 UNION ALL SELECT n + 1 FROM steps WHERE n < 1199)
INSERT INTO run_steps (n) SELECT n FROM steps;

CREATE TABLE contribution_runs (
    person_id      INTEGER NOT NULL REFERENCES persons(id),
    employer_id    INTEGER REFERENCES employers(id),
    base           INTEGER NOT NULL CHECK (base >= 0),
    employer_part  INTEGER NOT NULL CHECK (employer_part >= 0),
    personal_part  INTEGER NOT NULL CHECK (personal_part >= 0),
    -- The first row's month as months since year 0 (year * 12 + month - 1).
    first_month    INTEGER NOT NULL,
    insurance      SMALLINT NOT NULL REFERENCES insurance_codes(id),
    months_covered SMALLINT NOT NULL CHECK (months_covered IN (1, 12)),
    rows_in_run    SMALLINT NOT NULL CHECK (rows_in_run BETWEEN 1 AND 1200),
    -- Each row was paid on day paid_day of the month paid_lag months after its own; both NULL
    -- while in arrears. A day past the 28th exists in some months only: such a run has one row.
    paid_lag       SMALLINT,
    paid_day       SMALLINT CHECK (paid_day BETWEEN 1 AND 31),
    region_code    TEXT NOT NULL REFERENCES regions(code),
    PRIMARY KEY (person_id, insurance, first_month),
    CHECK ((paid_lag IS NULL) = (paid_day IS NULL)),
    CHECK (rows_in_run = 1 OR paid_day IS NULL OR paid_day <= 28)
) WITHOUT ROWID;

-- An employer's staff in arrears (the overview's count, the roster's months owed).
CREATE INDEX contribution_runs_arrears ON contribution_runs (employer_id, person_id) WHERE paid_day IS NULL;

-- The existing monthly rows, merged into runs: within a partition of equal values, rows whose
-- month steps by months_covered from one to the next share `island`.
INSERT INTO contribution_runs (person_id, employer_id, base, employer_part, personal_part, first_month,
                               insurance, months_covered, rows_in_run, paid_lag, paid_day, region_code)
SELECT person_id, employer_id, base, employer_part, personal_part, MIN(idx),
       insurance, months_covered, COUNT(*), paid_lag, paid_day, region_code
FROM (
    SELECT m.*, m.idx - m.months_covered * ROW_NUMBER() OVER (
               PARTITION BY m.person_id, m.insurance, m.months_covered, m.employer_id, m.region_code,
                            m.base, m.employer_part, m.personal_part, m.paid_lag, m.paid_day, m.alone
               ORDER BY m.idx) AS island
    FROM (
        SELECT c.person_id, i.id AS insurance, c.months_covered, c.employer_id, c.region_code,
               c.base, c.employer_part, c.personal_part,
               (c.month / 100) * 12 + c.month % 100 - 1 AS idx,
               (CAST(substr(c.paid_on, 1, 4) AS INTEGER) * 12 + CAST(substr(c.paid_on, 6, 2) AS INTEGER) - 1)
                 - ((c.month / 100) * 12 + c.month % 100 - 1) AS paid_lag,
               CAST(substr(c.paid_on, 9, 2) AS INTEGER) AS paid_day,
               CASE WHEN CAST(substr(c.paid_on, 9, 2) AS INTEGER) > 28 THEN c.month END AS alone
        FROM contributions c JOIN insurance_codes i ON i.code = c.insurance
    ) m
) g
GROUP BY person_id, insurance, months_covered, employer_id, region_code, base, employer_part,
         personal_part, paid_lag, paid_day, alone, island;

DROP TABLE contributions;

-- Every reader's monthly rows. `paid_day` is NULL exactly when `paid_on` is: a filter on it can
-- use the arrears index.
CREATE VIEW contributions AS
SELECT x.person_id, x.insurance,
       (x.idx / 12) * 100 + x.idx % 12 + 1 AS month,
       CAST(x.months_covered AS INTEGER) AS months_covered,
       x.employer_id, x.region_code, x.base, x.employer_part, x.personal_part,
       CASE WHEN x.paid_day IS NOT NULL
            THEN printf('%04d-%02d-%02d', (x.idx + x.paid_lag) / 12, (x.idx + x.paid_lag) % 12 + 1, x.paid_day)
       END AS paid_on,
       x.paid_day
FROM (
    SELECT r.person_id, i.code AS insurance, r.first_month + s.n * r.months_covered AS idx,
           r.months_covered, r.employer_id, r.region_code, r.base, r.employer_part, r.personal_part,
           r.paid_lag, r.paid_day
    FROM contribution_runs r
    JOIN insurance_codes i ON i.id = r.insurance
    JOIN run_steps s ON s.n < r.rows_in_run
) x;
