-- Persons whose record a bulk writer (`jinbao import contributions`) changed and whose read
-- models (roster rows, record totals) are not yet rebuilt. The writer adds them in the same
-- transaction as the change and removes them once rebuilt, so a crash between the two leaves
-- them here for the next import to finish (Store::stale_read_models). Keep in step with
-- ../sqlite/0017_stale_read_models.sql.
CREATE TABLE stale_read_models (
    person_id BIGINT PRIMARY KEY REFERENCES persons(id)
);
