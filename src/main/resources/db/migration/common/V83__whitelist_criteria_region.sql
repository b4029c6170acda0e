-- Criteria are authored by a sector department for its own area: a version published by a county's (or city's)
-- department applies to subjects of that region only. NULL: the seeded province-wide default.
ALTER TABLE wl_criteria_set ADD COLUMN region_code VARCHAR(6);
CREATE INDEX wl_criteria_set_lookup_idx ON wl_criteria_set (sector, wl_level, region_code, version);
