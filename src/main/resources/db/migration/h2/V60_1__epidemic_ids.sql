-- Alerts are opened set-wise (INSERT … SELECT): the database draws their ids.
ALTER TABLE epi_alert ALTER COLUMN id SET DEFAULT CAST(RANDOM_UUID() AS VARCHAR(36));
CREATE INDEX epi_employee_subject_idx ON epi_employee (subject_id);
