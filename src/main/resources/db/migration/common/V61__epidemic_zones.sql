-- Zones and venue codes (划小单元, 场所码): one venue code per door, workshop or zone; the zone's colour shows its
-- state (seed 004): GREEN normal, BLUE new arrivals under observation, YELLOW close contacts, RED abnormal results.
CREATE TABLE epi_zone (
    id          VARCHAR(36)  PRIMARY KEY,
    subject_id  VARCHAR(36)  NOT NULL REFERENCES subject (id),
    region_code VARCHAR(6)   NOT NULL,
    sector      VARCHAR(20)  NOT NULL,
    name        VARCHAR(100) NOT NULL,
    kind        VARCHAR(12)  NOT NULL,
    colour      VARCHAR(8)   NOT NULL,
    venue_code  VARCHAR(32)  NOT NULL UNIQUE,
    created_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at  TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX epi_zone_subject_idx ON epi_zone (subject_id);
