-- Whitelist coverage (覆盖率) read model: per county and sector, Σ value of ACTIVE subjects and of all subjects
-- (value = output value, total investment for KEY_PROJECT; missing = 0). Refreshed per county on every subject
-- change and rebuilt in full on start, so that reading the province is a sum over at most ~200 × 5 rows.
CREATE TABLE coverage_aggregate (
    county_code   VARCHAR(6)     NOT NULL,
    sector        VARCHAR(20)    NOT NULL,
    covered_value NUMERIC(20, 2) NOT NULL,
    total_value   NUMERIC(20, 2) NOT NULL,
    subjects      INT            NOT NULL,
    whitelisted   INT            NOT NULL,
    refreshed_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (county_code, sector)
);
CREATE INDEX coverage_aggregate_sector_idx ON coverage_aggregate (sector);
