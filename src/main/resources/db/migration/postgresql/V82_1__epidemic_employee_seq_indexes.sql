-- Room on each page keeps the ingest's updates of the latest result HOT (no index writes, no page splits). It
-- applies to pages written from now on: after an upgrade with rosters already loaded, `VACUUM FULL
-- epi_latest_result` once re-packs the table with it.
ALTER TABLE epi_latest_result SET (fillfactor = 70);
-- The sweep starts POSITIVE_RESULT from the few positives (an unchanged value keeps ingest updates HOT).
CREATE INDEX epi_latest_result_positive_idx ON epi_latest_result (employee_seq) WHERE last_result = 'POSITIVE';

-- Bulk test results are matched to rosters by probing this index in ID-hash order, one probe per row: it carries
-- what the match reads (the scope's region and the employee), so a roster page is read only where the visibility
-- map does not yet show it all-visible. It replaces the plain index on id_hash, which served the same look-ups.
CREATE INDEX epi_employee_hash_match_idx ON epi_employee (id_hash) INCLUDE (region_code, seq);
DROP INDEX epi_employee_hash_idx;
