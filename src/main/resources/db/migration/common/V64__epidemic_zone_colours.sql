-- Zone colours follow the situation (seed 004): where people are. An employee works in one zone (nullable); an
-- arrival is observed in one zone until observation_ends_on (exclusive). auto_colour is recomputed set-wise per
-- subject; manual_colour is an officer's override, which can raise the colour but never hide a worse automatic one:
-- colour = the more severe of the two.
ALTER TABLE epi_employee ADD COLUMN zone_id VARCHAR(36);
CREATE INDEX epi_employee_zone_idx ON epi_employee (zone_id);
ALTER TABLE epi_arrival ADD COLUMN zone_id VARCHAR(36);
ALTER TABLE epi_arrival ADD COLUMN observation_ends_on DATE;
CREATE INDEX epi_arrival_zone_idx ON epi_arrival (zone_id);

ALTER TABLE epi_zone ADD COLUMN auto_colour VARCHAR(8) NOT NULL DEFAULT 'GREEN';
ALTER TABLE epi_zone ADD COLUMN manual_colour VARCHAR(8);
-- colours set by hand before this change stay as overrides
UPDATE epi_zone SET manual_colour = colour WHERE colour <> 'GREEN';
CREATE INDEX epi_incident_zone_idx ON epi_incident (zone_id);
