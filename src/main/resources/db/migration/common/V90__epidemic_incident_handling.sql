-- Incidents (应急处置, seed 001 "（七）应急处置"):
-- * secondary contacts (次密接, contacts of a close contact) listed on an incident beside its close contacts (密接):
--   tier CLOSE or SECONDARY (existing rows are close contacts), and for a secondary contact the close contact of
--   the same incident through whom it was found, when known;
-- * the basis of a confirmation made without a positive re-test on record (e.g. the CDC's confirmation);
-- * the incident a sentinel alert was turned into (转临时留观 from a SYMPTOM or POSITIVE_RESULT alert).
ALTER TABLE epi_incident_contact ADD COLUMN tier VARCHAR(10) DEFAULT 'CLOSE' NOT NULL;
ALTER TABLE epi_incident_contact ADD COLUMN close_contact_id VARCHAR(36);
ALTER TABLE epi_incident ADD COLUMN confirm_basis VARCHAR(500);
ALTER TABLE epi_alert ADD COLUMN incident_id VARCHAR(36);
