-- 包保走访: a liaison cadre's visits (on site, by phone or video) to the enterprises assigned to them, with what they
-- found and, where a problem was raised, the appeal it was filed as. Append-only: a visit is a record of fact.
CREATE TABLE liaison_visit (
    id             VARCHAR(36)   PRIMARY KEY,
    enterprise_id  VARCHAR(36)   NOT NULL REFERENCES subject (id),
    region_code    VARCHAR(6)    NOT NULL,
    sector         VARCHAR(20)   NOT NULL,
    visited_on     DATE          NOT NULL,
    method         VARCHAR(16)   NOT NULL,
    findings       VARCHAR(2000) NOT NULL,
    appeal_id      VARCHAR(36),
    visited_by     VARCHAR(36)   NOT NULL,
    visitor_name   VARCHAR(100)  NOT NULL,
    created_at     TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX liaison_visit_enterprise_idx ON liaison_visit (enterprise_id, visited_on);
CREATE INDEX liaison_visit_region_idx ON liaison_visit (region_code, visited_on);

-- The Monday follow-up reminder runs once per ISO week, on whichever node claims the week first.
CREATE TABLE liaison_reminder_run (
    iso_week VARCHAR(8) PRIMARY KEY,
    ran_at   TIMESTAMP WITH TIME ZONE NOT NULL
);
