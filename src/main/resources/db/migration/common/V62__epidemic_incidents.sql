-- Incidents (应急处置): a suspected case or first positive goes to temporary observation with a re-test due within
-- 6 hours; then CONFIRMED (close contacts listed, zone marked) or CLEARED (a quiet period with daily tests), CLOSED.
CREATE TABLE epi_incident (
    id               VARCHAR(36)  PRIMARY KEY,
    subject_id       VARCHAR(36)  NOT NULL REFERENCES subject (id),
    region_code      VARCHAR(6)   NOT NULL,
    sector           VARCHAR(20)  NOT NULL,
    employee_id      VARCHAR(36),
    kind             VARCHAR(16)  NOT NULL,
    status           VARCHAR(12)  NOT NULL,
    note             VARCHAR(500),
    opened_at        TIMESTAMP WITH TIME ZONE NOT NULL,
    opened_by        VARCHAR(36)  NOT NULL,
    retest_due_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    retest_notified  BOOLEAN      NOT NULL DEFAULT FALSE,
    zone_id          VARCHAR(36),
    decided_at       TIMESTAMP WITH TIME ZONE,
    quiet_until      TIMESTAMP WITH TIME ZONE,
    closed_at        TIMESTAMP WITH TIME ZONE
);
CREATE INDEX epi_incident_subject_idx ON epi_incident (subject_id, status);
CREATE INDEX epi_incident_status_idx ON epi_incident (status, retest_due_at);

CREATE TABLE epi_incident_contact (
    incident_id VARCHAR(36) NOT NULL REFERENCES epi_incident (id),
    employee_id VARCHAR(36) NOT NULL,
    PRIMARY KEY (incident_id, employee_id)
);
