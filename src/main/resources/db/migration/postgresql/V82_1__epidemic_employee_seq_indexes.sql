-- Room on each page keeps the ingest's updates of the latest result HOT (no index writes, no page splits). It
-- applies to pages written from now on: after an upgrade with rosters already loaded, `VACUUM FULL
-- epi_latest_result` once re-packs the table with it.
ALTER TABLE epi_latest_result SET (fillfactor = 70);
-- The sweep starts POSITIVE_RESULT from the few positives (an unchanged value keeps ingest updates HOT).
CREATE INDEX epi_latest_result_positive_idx ON epi_latest_result (employee_seq) WHERE last_result = 'POSITIVE';

-- Bulk test results are matched to rosters by the ID number's key: the first 128 bits of its keyed hash (HMAC-SHA256)
-- as a 16-byte uuid, which the ingest computes the same way. Its index is probed once per row, in key order, and
-- carries what the match reads (the scope's region and the employee), so a roster page is read only where the
-- visibility map does not yet show it all-visible; at 16 bytes a key it is less than half the size of one on the
-- 64-character hash. Two different ID numbers share a key with a probability of about n²/2^129.
ALTER TABLE epi_employee ADD COLUMN id_key UUID GENERATED ALWAYS AS (CAST(SUBSTR(id_hash, 1, 32) AS UUID)) STORED;
CREATE INDEX epi_employee_key_match_idx ON epi_employee (id_key) INCLUDE (region_code, seq);
