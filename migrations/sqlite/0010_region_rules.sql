-- Rules an insured place sets for itself where the national rules leave it to them. No row, or
-- NULL, is the usual rule the code names: a retroactive out-of-area filing reaches back 180
-- days (FilingContext), and one contribution base serves every insurance (the staff checks).
-- Set with `jinbao region-rule`. Keep in step with ../postgres/0010_region_rules.sql.
CREATE TABLE region_rules (
    region_code             TEXT PRIMARY KEY REFERENCES regions(code),
    retroactive_filing_days INTEGER CHECK (retroactive_filing_days BETWEEN 0 AND 3650),
    single_contribution_base BOOLEAN
);
