-- Production escort (生产护航): inspection requests and shutdown decisions on whitelist subjects.
-- region_code and sector are the subject's at filing time, for the scope predicate.
CREATE TABLE escort_inspection (
    id               VARCHAR(36)  PRIMARY KEY,
    enterprise_id    VARCHAR(36)  NOT NULL,
    enterprise_name  VARCHAR(200) NOT NULL,
    region_code      VARCHAR(6)   NOT NULL,
    sector           VARCHAR(20)  NOT NULL,
    department_code  VARCHAR(20)  NOT NULL,
    kind             VARCHAR(20)  NOT NULL,
    reason           VARCHAR(500) NOT NULL,
    planned_date     DATE         NOT NULL,
    status           VARCHAR(12)  NOT NULL,
    requested_by     VARCHAR(36)  NOT NULL,
    requested_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    decided_by       VARCHAR(36),
    decided_at       TIMESTAMP WITH TIME ZONE,
    decision_comment VARCHAR(500),
    version          INT          NOT NULL DEFAULT 0
);
CREATE INDEX escort_inspection_enterprise_idx ON escort_inspection (enterprise_id);
CREATE INDEX escort_inspection_region_idx ON escort_inspection (region_code, status);

CREATE TABLE escort_shutdown (
    id               VARCHAR(36)  PRIMARY KEY,
    enterprise_id    VARCHAR(36)  NOT NULL,
    enterprise_name  VARCHAR(200) NOT NULL,
    region_code      VARCHAR(6)   NOT NULL,
    sector           VARCHAR(20)  NOT NULL,
    reason           VARCHAR(500) NOT NULL,
    days             INT          NOT NULL,
    status           VARCHAR(12)  NOT NULL,
    requested_by     VARCHAR(36)  NOT NULL,
    requested_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    decided_by       VARCHAR(36),
    decided_at       TIMESTAMP WITH TIME ZONE,
    decision_comment VARCHAR(500),
    started_at       TIMESTAMP WITH TIME ZONE,
    ends_at          TIMESTAMP WITH TIME ZONE,
    ended_at         TIMESTAMP WITH TIME ZONE,
    end_cause        VARCHAR(12),
    renewals         INT          NOT NULL DEFAULT 0,
    version          INT          NOT NULL DEFAULT 0
);
CREATE INDEX escort_shutdown_enterprise_idx ON escort_shutdown (enterprise_id);
CREATE INDEX escort_shutdown_region_idx ON escort_shutdown (region_code, status);
CREATE INDEX escort_shutdown_due_idx ON escort_shutdown (status, ends_at);
