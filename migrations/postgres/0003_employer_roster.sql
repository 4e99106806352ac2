-- Each employer's staff roster: a read model of enrolments and contributions, one row per
-- person who was ever enrolled by the employer, with the staff checks' result (flags, a bit set
-- of models::staff::StaffFlag). Written by services::staff_roster from the record (the seed,
-- `jinbao rebuild-rosters`, and any code that changes a person's enrolments or contributions
-- must call it); never edited on its own. Name and ID number are copied from persons
-- so a roster of 50,000 can be searched and sorted by them without a join. Keep in step with ../sqlite/0003.
CREATE TABLE employer_staff (
    employer_id    BIGINT NOT NULL REFERENCES employers(id),
    person_id      BIGINT NOT NULL REFERENCES persons(id),
    current        BOOLEAN NOT NULL,
    first_month    INTEGER NOT NULL,
    last_month     INTEGER NOT NULL,
    flags          INTEGER NOT NULL,
    arrears_months INTEGER NOT NULL,
    name           TEXT COLLATE "C" NOT NULL,  -- code-point order, as in SQLite
    resident_id    TEXT NOT NULL,
    PRIMARY KEY (employer_id, person_id)
);
-- One index per order the list offers, so a page of a large roster is read in order and the
-- scan stops after it instead of sorting the whole roster.
CREATE INDEX employer_staff_current_flags ON employer_staff (employer_id, current, flags, person_id);
CREATE INDEX employer_staff_flags ON employer_staff (employer_id, flags, person_id);
CREATE INDEX employer_staff_name ON employer_staff (employer_id, name, person_id);
CREATE INDEX employer_staff_arrears ON employer_staff (employer_id, arrears_months, person_id);
CREATE INDEX employer_staff_joined ON employer_staff (employer_id, first_month, person_id);
CREATE INDEX employer_staff_person ON employer_staff (person_id);

-- Per insurance: the latest enrolment status with the employer, the base it last declared,
-- the last month paid and the months in arrears.
CREATE TABLE employer_staff_insurances (
    employer_id     BIGINT NOT NULL,
    person_id       BIGINT NOT NULL,
    insurance       TEXT NOT NULL CHECK (insurance IN ('pension', 'medical', 'work_injury', 'unemployment', 'maternity')),
    status          TEXT NOT NULL,
    base            BIGINT,
    last_paid_month INTEGER,
    arrears_months  INTEGER NOT NULL,
    PRIMARY KEY (employer_id, person_id, insurance),
    FOREIGN KEY (employer_id, person_id) REFERENCES employer_staff (employer_id, person_id) ON DELETE CASCADE
);

-- Arrears are rare: the employer's list reads them per page without touching paid months.
CREATE INDEX contributions_arrears ON contributions (employer_id, person_id, month) WHERE paid_on IS NULL;
