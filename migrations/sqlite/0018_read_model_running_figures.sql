-- Running figures, so that a bulk import (`jinbao import contributions`) updates the read models
-- of the months it changes instead of rebuilding them from whole careers
-- (services::read_model_deltas). A roster row counts its months below the floor, above the cap
-- and with mismatched bases (its flags follow from the counts) and keeps the last month declared
-- with the employer; each of its insurances, and each record total, keeps the month its base is
-- from. Every person on a roster or with totals is marked stale here: the next import, or
-- `jinbao rebuild-read-models`, fills the new columns. Keep in step with
-- ../postgres/0018_read_model_running_figures.sql.
ALTER TABLE employer_staff ADD COLUMN last_declared INTEGER;
ALTER TABLE employer_staff ADD COLUMN months_below_floor INTEGER NOT NULL DEFAULT 0;
ALTER TABLE employer_staff ADD COLUMN months_above_cap INTEGER NOT NULL DEFAULT 0;
ALTER TABLE employer_staff ADD COLUMN months_mismatched INTEGER NOT NULL DEFAULT 0;
ALTER TABLE employer_staff_insurances ADD COLUMN last_month INTEGER;
ALTER TABLE record_totals ADD COLUMN last_month INTEGER;

INSERT INTO stale_read_models (person_id)
SELECT person_id FROM employer_staff UNION SELECT person_id FROM record_totals WHERE true  -- (SQLite reads ON after a bare FROM as a join)
ON CONFLICT (person_id) DO NOTHING;
