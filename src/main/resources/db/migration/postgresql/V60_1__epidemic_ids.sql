-- Alerts are opened set-wise (INSERT … SELECT): the database draws their ids.
ALTER TABLE epi_alert ALTER COLUMN id SET DEFAULT gen_random_uuid()::text;
-- Ingest moves every tested employee's latest result (unindexed columns): room on each page keeps those updates
-- HOT (no index writes, no page splits).
ALTER TABLE epi_latest_result SET (fillfactor = 70);
CREATE INDEX epi_employee_subject_idx ON epi_employee (subject_id);
-- The sweep starts POSITIVE_RESULT from the few positives (an unchanged value keeps ingest updates HOT).
CREATE INDEX epi_latest_result_positive_idx ON epi_latest_result (employee_id) WHERE last_result = 'POSITIVE';
