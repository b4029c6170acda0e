-- Alerts are opened set-wise (INSERT … SELECT): the database draws their ids.
ALTER TABLE epi_alert ALTER COLUMN id SET DEFAULT gen_random_uuid()::text;
-- The sweep finds watched employees by subject.
CREATE INDEX epi_employee_subject_idx ON epi_employee (subject_id) INCLUDE (post_type, rostered_at, last_negative_at, last_result);
