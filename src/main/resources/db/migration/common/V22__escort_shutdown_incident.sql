-- A shutdown request filed from an epidemic incident (应急处置) keeps the incident's id, so that each side shows
-- the other: the escort list links to the incident, the incident page shows the HQ's decision.
ALTER TABLE escort_shutdown ADD COLUMN incident_id VARCHAR(36);
CREATE INDEX escort_shutdown_incident_idx ON escort_shutdown (incident_id);
