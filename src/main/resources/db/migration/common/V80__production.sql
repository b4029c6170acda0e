-- Weekly production reports (周调度, SPEC §10): one per whitelist subject and ISO week; a re-submission replaces
-- the row in place. The subject's county and sector are copied so that scope filters and region sums need no join.
CREATE TABLE production_report (
    id              VARCHAR(36)   PRIMARY KEY,
    enterprise_id   VARCHAR(36)   NOT NULL REFERENCES subject (id),
    region_code     VARCHAR(6)    NOT NULL,
    sector          VARCHAR(20)   NOT NULL,
    -- ISO week as 2026-W47, and the one before it, so that week-on-week joins are plain equality on both databases
    iso_week        VARCHAR(8)    NOT NULL,
    prev_week       VARCHAR(8)    NOT NULL,
    output_value    NUMERIC(14, 2) NOT NULL,
    utilisation     NUMERIC(5, 2) NOT NULL,
    staff_on_duty   INT           NOT NULL,
    orders_on_hand  NUMERIC(14, 2) NOT NULL,
    material_days   INT           NOT NULL,
    operating_state VARCHAR(12)   NOT NULL,
    submitted_by    VARCHAR(60)   NOT NULL,
    submitted_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    revision        INT           NOT NULL DEFAULT 1,
    CONSTRAINT production_report_week_uk UNIQUE (enterprise_id, iso_week)
);
CREATE INDEX production_report_week_region_idx ON production_report (iso_week, region_code);

-- The problem lines of a report; a line filed as an appeal keeps the appeal's id (kept across re-submissions).
CREATE TABLE production_problem (
    report_id   VARCHAR(36)   NOT NULL REFERENCES production_report (id) ON DELETE CASCADE,
    line_no     INT           NOT NULL,
    text        VARCHAR(1000) NOT NULL,
    appeal_id   VARCHAR(36),
    PRIMARY KEY (report_id, line_no)
);

-- The Monday reminder runs once per reported week (the job wakes every minute on the business clock).
CREATE TABLE production_reminder_run (
    iso_week VARCHAR(8) PRIMARY KEY,
    ran_at   TIMESTAMP WITH TIME ZONE NOT NULL
);
