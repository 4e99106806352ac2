-- The floor of an import on PostgreSQL: the least work any import of a declaration file can do
-- in one transaction, timed statement by statement and rolled back. The file (psql's standard
-- input) is loaded by COPY, its keys resolved by joins, and each declared month makes the
-- cheapest change the record allows (its run grows by one month: no key moves, no foreign key
-- is checked) and the least the read models need (each row touched once, set from the file).
-- No validation, merge or fold, no check of the staff rules. Variables: idx, the month before
-- the declared one as months since year 0; m, the declared month as YYYYMM.
-- Used by `scripts/bench.sh postgres N import`.
\timing on
BEGIN;
CREATE TEMP TABLE d (resident_id TEXT, credit_code TEXT, insurance TEXT, month TEXT, base NUMERIC,
                     employer_part NUMERIC, personal_part NUMERIC, paid_on DATE);
\echo floor: load the file
\copy d FROM pstdin CSV HEADER
\echo floor: resolve persons, employers and insurances
CREATE TEMP TABLE k AS
  SELECT p.id AS person_id, e.id AS employer_id, i.id AS insurance, i.code AS code,
         (d.base * 100)::BIGINT AS base, (d.employer_part * 100)::BIGINT AS ep,
         (d.personal_part * 100)::BIGINT AS pp
  FROM d JOIN persons p USING (resident_id) JOIN employers e ON e.credit_code = d.credit_code
  JOIN insurance_codes i ON i.code = d.insurance;
ANALYZE k;
\echo floor: the record (every declared month extends its run)
UPDATE contribution_runs r SET rows_in_run = r.rows_in_run + 1 FROM k
 WHERE r.person_id = k.person_id AND r.insurance = k.insurance AND r.months_covered = 1
   AND r.first_month <= :idx AND r.first_month + r.rows_in_run = :idx + 1;
\echo floor: the roster insurances
UPDATE employer_staff_insurances s SET last_month = :m, last_paid_month = :m, base = k.base FROM k
 WHERE s.employer_id = k.employer_id AND s.person_id = k.person_id AND s.insurance = k.code;
\echo floor: the record totals
UPDATE record_totals t SET contribution_rows = t.contribution_rows + 1, months_paid = t.months_paid + 1,
       employer_sum = t.employer_sum + k.ep, personal_sum = t.personal_sum + k.pp,
       last_paid_month = :m, last_month = :m, latest_base = k.base FROM k
 WHERE t.person_id = k.person_id AND t.insurance = k.code;
\echo floor: the rosters
UPDATE employer_staff s SET last_month = :m, last_declared = :m
  FROM (SELECT DISTINCT employer_id, person_id FROM k) AS k
 WHERE s.employer_id = k.employer_id AND s.person_id = k.person_id;
ROLLBACK;
