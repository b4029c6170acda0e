package org.sibao.epidemic.internal;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The portable fallback (H2, the embedded demo database): known ID numbers are looked up in chunks, results
 * inserted with JDBC batches (a row already stored is skipped by {@code NOT EXISTS}, its update count 0), and the
 * latest result of every touched employee recomputed with one batched statement.
 */
class BatchTestResultIngest implements TestResultIngest {

    private static final int CHUNK = 500;

    private final JdbcClient jdbc;
    private final JdbcTemplate template;

    BatchTestResultIngest(JdbcClient jdbc, JdbcTemplate template) {
        this.jdbc = jdbc;
        this.template = template;
    }

    @Override
    public Outcome ingest(List<Row> rows, String regionPrefix, OffsetDateTime receivedAt) {
        String like = regionPrefix + "%";
        Set<String> hashes = new LinkedHashSet<>();
        rows.forEach(r -> hashes.add(r.idHash()));
        Set<String> known = new HashSet<>(employeeColumn("id_hash", hashes, like));
        List<Integer> unknown = new ArrayList<>();
        List<Object[]> batch = new ArrayList<>();
        for (Row r : rows) {
            if (!known.contains(r.idHash())) {
                unknown.add(r.line());
            } else {
                batch.add(new Object[] {r.sampledAt(), r.kind(), r.result(), receivedAt, r.idHash(), like,
                        r.sampledAt(), r.kind()});
            }
        }
        int inserted = 0;
        Set<String> touched = new LinkedHashSet<>();
        int[][] counts = template.batchUpdate("""
                INSERT INTO epi_test_result (employee_id, sampled_at, kind, result, received_at)
                SELECT e.id, ?, ?, ?, ? FROM epi_employee e WHERE e.id_hash = ? AND e.region_code LIKE ?
                AND NOT EXISTS (SELECT 1 FROM epi_test_result t WHERE t.employee_id = e.id AND t.sampled_at = ? AND t.kind = ?)""",
                batch, 1000, (ps, args) -> {
                    for (int i = 0; i < args.length; i++) {
                        ps.setObject(i + 1, args[i]);
                    }
                });
        int k = 0;
        Set<String> positives = new LinkedHashSet<>();
        for (int[] chunk : counts) {
            for (int c : chunk) {
                if (c > 0) {
                    inserted += c;
                    touched.add((String) batch.get(k)[4]);
                    if ("POSITIVE".equals(batch.get(k)[2])) {
                        positives.add((String) batch.get(k)[4]);
                    }
                }
                k++;
            }
        }
        List<Object[]> updates = touched.stream().map(h -> new Object[] {h, like}).toList();
        template.batchUpdate("""
                UPDATE epi_latest_result x SET
                    last_sampled_at = (SELECT MAX(t.sampled_at) FROM epi_test_result t WHERE t.employee_id = x.employee_id),
                    last_negative_at = (SELECT MAX(t.sampled_at) FROM epi_test_result t
                        WHERE t.employee_id = x.employee_id AND t.result = 'NEGATIVE'),
                    last_result = (SELECT t.result FROM epi_test_result t WHERE t.employee_id = x.employee_id
                        ORDER BY t.sampled_at DESC, CASE WHEN t.result = 'POSITIVE' THEN 0 ELSE 1 END LIMIT 1),
                    last_kind = (SELECT t.kind FROM epi_test_result t WHERE t.employee_id = x.employee_id
                        ORDER BY t.sampled_at DESC, CASE WHEN t.result = 'POSITIVE' THEN 0 ELSE 1 END LIMIT 1)
                WHERE x.employee_id IN (SELECT e.id FROM epi_employee e WHERE e.id_hash = ? AND e.region_code LIKE ?)""", updates);
        return new Outcome(unknown, inserted, employeeColumn("subject_id", positives, like));
    }

    /** One column of the employees under the prefix with these ID hashes, distinct, looked up in chunks. */
    private Set<String> employeeColumn(String column, Set<String> hashes, String like) {
        Set<String> values = new LinkedHashSet<>();
        List<String> all = new ArrayList<>(hashes);
        for (int from = 0; from < all.size(); from += CHUNK) {
            List<String> chunk = all.subList(from, Math.min(all.size(), from + CHUNK));
            List<Object> params = new ArrayList<>(chunk);
            params.add(like);
            values.addAll(jdbc.sql("SELECT DISTINCT " + column + " FROM epi_employee WHERE id_hash IN ("
                    + "?,".repeat(chunk.size() - 1) + "?) AND region_code LIKE ?").params(params).query(String.class).list());
        }
        return values;
    }
}
