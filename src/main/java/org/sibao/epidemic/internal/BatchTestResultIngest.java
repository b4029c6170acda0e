package org.sibao.epidemic.internal;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The portable fallback (H2, the embedded demo database): the rostered employees of the ID numbers and their stored
 * results within the request's sampling times are looked up in chunks; new results are inserted and differing ones
 * replaced (keeping the result they replace) with JDBC batches, and the latest result of every touched employee
 * recomputed with one batched statement.
 */
class BatchTestResultIngest implements TestResultIngest {

    private static final int CHUNK = 500;

    /** @param employee the employee's {@code seq} */
    private record Key(long employee, Instant sampledAt, String kind) {
    }

    /** A rostered employee of a hash: its id, subject and {@code seq} (the results' key). */
    private record Employee(String id, String subjectId, long seq) {
    }

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
        Map<String, List<Employee>> employees = employees(hashes, like);
        List<Integer> unknown = new ArrayList<>();
        // the last row of each employee, sample time and kind is the one that counts
        Map<Key, Row> last = new LinkedHashMap<>();
        Map<Long, Employee> bySeq = new HashMap<>();
        Instant from = null;
        Instant to = null;
        for (Row r : rows) {
            List<Employee> matched = employees.get(r.idHash());
            if (matched == null) {
                unknown.add(r.line());
                continue;
            }
            Instant at = r.sampledAt().toInstant();
            from = from == null || at.isBefore(from) ? at : from;
            to = to == null || at.isAfter(to) ? at : to;
            for (Employee e : matched) {
                bySeq.put(e.seq(), e);
                Key key = new Key(e.seq(), at, r.kind());
                last.remove(key);
                last.put(key, r);
            }
        }
        Map<Key, String> stored = stored(bySeq.keySet(), from, to);
        List<Object[]> inserts = new ArrayList<>();
        List<Object[]> updates = new ArrayList<>();
        List<Correction> corrections = new ArrayList<>();
        Set<Long> touched = new LinkedHashSet<>();
        Set<String> positives = new LinkedHashSet<>();
        last.forEach((key, r) -> {
            String before = stored.get(key);
            if (r.result().equals(before)) {
                return;
            }
            if (before == null) {
                inserts.add(new Object[] {key.employee(), r.sampledAt(), r.kind(), r.result(), receivedAt});
            } else {
                updates.add(new Object[] {r.result(), receivedAt, key.employee(), r.sampledAt(), r.kind()});
                corrections.add(new Correction(bySeq.get(key.employee()).id(), r.sampledAt(), r.kind(), before, r.result()));
            }
            touched.add(key.employee());
            if ("POSITIVE".equals(r.result())) {
                positives.add(bySeq.get(key.employee()).subjectId());
            }
        });
        template.batchUpdate("""
                INSERT INTO epi_test_result (employee_seq, sampled_at, kind, result, received_at)
                VALUES (?, ?, ?, ?, ?)""", inserts);
        template.batchUpdate("""
                UPDATE epi_test_result SET previous_result = result, result = ?, received_at = ?
                WHERE employee_seq = ? AND sampled_at = ? AND kind = ?""", updates);
        // at an equal sample time the result received last wins (of one request: a positive)
        String latest = "SELECT %s FROM epi_test_result t WHERE t.employee_seq = x.employee_seq ORDER BY t.sampled_at DESC, "
                + "t.received_at DESC, CASE WHEN t.result = 'POSITIVE' THEN 0 ELSE 1 END LIMIT 1";
        template.batchUpdate("""
                UPDATE epi_latest_result x SET
                    last_sampled_at = (SELECT MAX(t.sampled_at) FROM epi_test_result t WHERE t.employee_seq = x.employee_seq),
                    last_negative_at = (SELECT MAX(t.sampled_at) FROM epi_test_result t
                        WHERE t.employee_seq = x.employee_seq AND t.result = 'NEGATIVE'),
                    last_result = (%s),
                    last_kind = (%s)
                WHERE x.employee_seq = ?""".formatted(latest.formatted("t.result"), latest.formatted("t.kind")),
                touched.stream().map(seq -> new Object[] {seq}).toList());
        return new Outcome(unknown, inserts.size() + updates.size(), positives, corrections);
    }

    /** The employees under the prefix with these ID hashes, by hash, looked up in chunks. */
    private Map<String, List<Employee>> employees(Set<String> hashes, String like) {
        Map<String, List<Employee>> byHash = new HashMap<>();
        List<String> all = new ArrayList<>(hashes);
        for (int from = 0; from < all.size(); from += CHUNK) {
            List<String> chunk = all.subList(from, Math.min(all.size(), from + CHUNK));
            List<Object> params = new ArrayList<>(chunk);
            params.add(like);
            jdbc.sql("SELECT id_hash, id, subject_id, seq FROM epi_employee WHERE id_hash IN ("
                    + "?,".repeat(chunk.size() - 1) + "?) AND region_code LIKE ?").params(params)
                    .query((rs, n) -> byHash.computeIfAbsent(rs.getString("id_hash"), h -> new ArrayList<>())
                            .add(new Employee(rs.getString("id"), rs.getString("subject_id"), rs.getLong("seq"))))
                    .list();
        }
        return byHash;
    }

    /** The stored results of these employees sampled between the two instants, by key. */
    private Map<Key, String> stored(Set<Long> employees, Instant from, Instant to) {
        Map<Key, String> stored = new HashMap<>();
        List<Long> all = new ArrayList<>(employees);
        for (int i = 0; i < all.size(); i += CHUNK) {
            List<Long> chunk = all.subList(i, Math.min(all.size(), i + CHUNK));
            List<Object> params = new ArrayList<>(chunk);
            params.add(from.atOffset(java.time.ZoneOffset.UTC));
            params.add(to.atOffset(java.time.ZoneOffset.UTC));
            jdbc.sql("SELECT employee_seq, sampled_at, kind, result FROM epi_test_result WHERE employee_seq IN ("
                    + "?,".repeat(chunk.size() - 1) + "?) AND sampled_at BETWEEN ? AND ?").params(params)
                    .query((rs, n) -> stored.put(new Key(rs.getLong("employee_seq"),
                            rs.getObject("sampled_at", OffsetDateTime.class).toInstant(), rs.getString("kind")),
                            rs.getString("result")))
                    .list();
        }
        return stored;
    }
}
