-- Epidemic information (防疫信息, SPEC §8). Personal data (ID numbers, phones) is stored encrypted (AES-GCM,
-- *_enc), masked for display (*_mask) and as a keyed hash (*_hash, HMAC-SHA256) for look-ups and uniqueness.
-- region_code and sector are the subject's, copied for the scope predicate.

-- Rosters: employees per subject.
CREATE TABLE epi_employee (
    id               VARCHAR(36)  PRIMARY KEY,
    subject_id       VARCHAR(36)  NOT NULL REFERENCES subject (id),
    region_code      VARCHAR(6)   NOT NULL,
    sector           VARCHAR(20)  NOT NULL,
    name             VARCHAR(60)  NOT NULL,
    id_hash          VARCHAR(64)  NOT NULL,
    id_enc           VARCHAR(200) NOT NULL,
    id_mask          VARCHAR(18)  NOT NULL,
    phone_enc        VARCHAR(200) NOT NULL,
    phone_mask       VARCHAR(20)  NOT NULL,
    post_type        VARCHAR(12)  NOT NULL,
    unit             VARCHAR(100),
    rostered_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT epi_employee_uk UNIQUE (subject_id, id_hash)
);
CREATE INDEX epi_employee_hash_idx ON epi_employee (id_hash);
CREATE INDEX epi_employee_region_idx ON epi_employee (region_code);

-- Each employee's latest result, kept current on ingest; a narrow row of its own (created with the employee) so
-- that moving it forward for 100,000 employees a request is cheap. The sweep reads it instead of the results.
CREATE TABLE epi_latest_result (
    employee_id      VARCHAR(36) PRIMARY KEY REFERENCES epi_employee (id),
    last_sampled_at  TIMESTAMP WITH TIME ZONE,
    last_kind        VARCHAR(8),
    last_result      VARCHAR(8),
    last_negative_at TIMESTAMP WITH TIME ZONE
);

-- Test results: one row per employee, sample time and kind (re-sends are duplicates).
CREATE TABLE epi_test_result (
    employee_id VARCHAR(36) NOT NULL,
    sampled_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    kind        VARCHAR(8)  NOT NULL,
    result      VARCHAR(8)  NOT NULL,
    received_at TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (employee_id, sampled_at, kind)
);

-- Daily health reports (零报告/日报告): one per subject and date; a re-post replaces it.
CREATE TABLE epi_health_report (
    subject_id   VARCHAR(36) NOT NULL REFERENCES subject (id),
    report_date  DATE        NOT NULL,
    region_code  VARCHAR(6)  NOT NULL,
    sector       VARCHAR(20) NOT NULL,
    present      INT         NOT NULL,
    symptomatic  INT         NOT NULL,
    reported_by  VARCHAR(36) NOT NULL,
    reported_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (subject_id, report_date)
);
CREATE INDEX epi_health_report_date_idx ON epi_health_report (report_date);

CREATE TABLE epi_health_symptom (
    subject_id  VARCHAR(36)  NOT NULL,
    report_date DATE         NOT NULL,
    seq         INT          NOT NULL,
    id_hash     VARCHAR(64)  NOT NULL,
    id_enc      VARCHAR(200) NOT NULL,
    id_mask     VARCHAR(18)  NOT NULL,
    symptom     VARCHAR(100) NOT NULL,
    PRIMARY KEY (subject_id, report_date, seq)
);

-- Arrivals (入豫全报备): REGISTERED in advance, or UNREGISTERED (reported afterwards) until BACKFILLED.
CREATE TABLE epi_arrival (
    id           VARCHAR(36)  PRIMARY KEY,
    subject_id   VARCHAR(36)  NOT NULL REFERENCES subject (id),
    region_code  VARCHAR(6)   NOT NULL,
    sector       VARCHAR(20)  NOT NULL,
    name         VARCHAR(60)  NOT NULL,
    id_hash      VARCHAR(64)  NOT NULL,
    id_enc       VARCHAR(200) NOT NULL,
    id_mask      VARCHAR(18)  NOT NULL,
    origin       VARCHAR(200),
    risk_level   VARCHAR(8),
    arrival_date DATE         NOT NULL,
    status       VARCHAR(12)  NOT NULL,
    reported_by  VARCHAR(36)  NOT NULL,
    reported_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    backfilled_at TIMESTAMP WITH TIME ZONE
);
CREATE INDEX epi_arrival_subject_idx ON epi_arrival (subject_id, status);

-- Sentinel alerts (电子哨). open_key is subject:employee:type while the alert is not RESOLVED and NULL after:
-- its unique constraint keeps one unresolved alert per subject, employee and type on every database.
CREATE TABLE epi_alert (
    id              VARCHAR(36)  PRIMARY KEY,
    type            VARCHAR(24)  NOT NULL,
    subject_id      VARCHAR(36)  NOT NULL,
    employee_id     VARCHAR(36),
    region_code     VARCHAR(6)   NOT NULL,
    sector          VARCHAR(20)  NOT NULL,
    status          VARCHAR(12)  NOT NULL,
    opened_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    acknowledged_at TIMESTAMP WITH TIME ZONE,
    acknowledged_by VARCHAR(36),
    resolved_at     TIMESTAMP WITH TIME ZONE,
    open_key        VARCHAR(120),
    CONSTRAINT epi_alert_open_uk UNIQUE (open_key)
);
CREATE INDEX epi_alert_subject_idx ON epi_alert (subject_id, status);
CREATE INDEX epi_alert_status_type_idx ON epi_alert (status, type);
CREATE INDEX epi_alert_region_idx ON epi_alert (region_code, status);

-- Emergency mode (平急转换): the current mode each switched region was set to, and every switch.
CREATE TABLE epi_region_mode (
    region_code VARCHAR(6)   PRIMARY KEY,
    prefix      VARCHAR(6)   NOT NULL,
    mode        VARCHAR(10)  NOT NULL,
    reason      VARCHAR(500) NOT NULL,
    switched_at TIMESTAMP WITH TIME ZONE NOT NULL,
    switched_by VARCHAR(36)  NOT NULL
);

CREATE TABLE epi_mode_switch (
    id           VARCHAR(36)  PRIMARY KEY,
    region_code  VARCHAR(6)   NOT NULL,
    mode         VARCHAR(10)  NOT NULL,
    reason       VARCHAR(500) NOT NULL,
    affected     INT          NOT NULL,
    switched_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    switched_by  VARCHAR(36)  NOT NULL
);
CREATE INDEX epi_mode_switch_region_idx ON epi_mode_switch (region_code, switched_at);
