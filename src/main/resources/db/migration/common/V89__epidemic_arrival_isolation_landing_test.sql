-- Differentiated measures for arrivals (差异化赋码, seed 001):
-- * from a MEDIUM or HIGH risk area: 7 days of centralised isolation (集中隔离) from the arrival date, not allowed into
--   the enterprise before isolation_ends_on (the first day out of isolation); NULL when no isolation is required;
-- * any other arrival: a PCR test within 24 hours of landing. landing_test_from is the start of the arrival date
--   (+08:00), from which a test counts; the test is due 48 hours later (the end of the day after the arrival date,
--   since only the date of landing is known). NULL when no landing test is required (isolation, or an arrival
--   recorded before this version). A visitor's test is recorded on the arrival (landing_sampled_at,
--   landing_result); a returnee's (an employee of the subject's roster, matched by id_hash) comes with the bulk
--   results.
ALTER TABLE epi_arrival ADD COLUMN isolation_ends_on DATE;
ALTER TABLE epi_arrival ADD COLUMN landing_test_from TIMESTAMP WITH TIME ZONE;
ALTER TABLE epi_arrival ADD COLUMN landing_sampled_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE epi_arrival ADD COLUMN landing_result VARCHAR(8);
CREATE INDEX epi_arrival_landing_idx ON epi_arrival (landing_test_from);

-- Arrivals already recorded from MEDIUM or HIGH risk areas: isolated for 7 days from their arrival date.
UPDATE epi_arrival SET isolation_ends_on = arrival_date + INTERVAL '7' DAY WHERE risk_level IN ('MEDIUM', 'HIGH');

-- An alert about one arrival (its landing test overdue, or positive): the arrival, with employee_id too for a
-- returnee. Its open_key is subject:arrival:type.
ALTER TABLE epi_alert ADD COLUMN arrival_id VARCHAR(36);
