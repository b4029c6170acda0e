package org.sibao.epidemic.internal;

import java.io.IOException;
import java.io.Writer;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import javax.sql.DataSource;

import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;
import org.postgresql.copy.CopyManager;
import org.postgresql.copy.PGCopyOutputStream;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * PostgreSQL: the rows are streamed with {@code COPY … FROM STDIN} into a session-local staging table (kept per
 * pooled connection, emptied on commit), then one statement matches them to rosters, inserts the new results
 * ({@code ON CONFLICT DO NOTHING} on employee + sample time + kind), from what it inserted ({@code RETURNING}) moves
 * each employee's latest result forward, and answers the lines on no roster. No per-row round trip.
 */
class PostgresTestResultIngest implements TestResultIngest {

    private final DataSource dataSource;
    private final JdbcClient jdbc;

    PostgresTestResultIngest(DataSource dataSource, JdbcClient jdbc) {
        this.dataSource = dataSource;
        this.jdbc = jdbc;
    }

    @Override
    public Outcome ingest(List<Row> rows, String regionPrefix, OffsetDateTime receivedAt) {
        if (rows.isEmpty()) {
            return new Outcome(List.of(), 0, Set.of());
        }
        Connection connection = DataSourceUtils.getConnection(dataSource);
        try {
            try (Statement s = connection.createStatement()) {
                s.execute("""
                        CREATE TEMP TABLE IF NOT EXISTS epi_result_stage (line INT, id_hash VARCHAR(64),
                            sampled_at TIMESTAMPTZ, kind VARCHAR(8), result VARCHAR(8)) ON COMMIT DELETE ROWS""");
                s.execute("TRUNCATE epi_result_stage");
                // the sorts of 100k-row requests stay in memory (this transaction only)
                s.execute("SET LOCAL work_mem = '64MB'");
            }
            CopyManager copy = connection.unwrap(PGConnection.class).getCopyAPI();
            CopyIn in = copy.copyIn("COPY epi_result_stage (line, id_hash, sampled_at, kind, result) FROM STDIN WITH (FORMAT csv)");
            try (Writer w = new java.io.BufferedWriter(new java.io.OutputStreamWriter(new PGCopyOutputStream(in, 1 << 16),
                    java.nio.charset.StandardCharsets.UTF_8), 1 << 16)) {
                for (Row r : rows) {
                    w.write(Integer.toString(r.line()));
                    w.write(',');
                    w.write(r.idHash());
                    w.write(',');
                    w.write(r.sampledAt().toString());
                    w.write(',');
                    w.write(r.kind());
                    w.write(',');
                    w.write(r.result());
                    w.write('\n');
                }
            }
            try (Statement s = connection.createStatement()) {
                s.execute("ANALYZE epi_result_stage");
            }
        } catch (SQLException | IOException e) {
            throw new IllegalStateException("COPY of test results failed", e);
        } finally {
            DataSourceUtils.releaseConnection(connection, dataSource);
        }
        // The sorts compare ids byte-wise (COLLATE "C"): they only group equal ids, and a locale-aware comparison of
        // 100,000 ids cost more than the rest of the sorting.
        // One statement: the rows are matched to rosters once (the stage is the hashed side, the roster scanned),
        // the matched ones inserted, each employee's latest result moved forward from what was inserted; it answers
        // the count, the lines on no roster in scope and the subjects with a new positive (their zone colours are
        // recomputed after the ingest).
        return jdbc.sql("""
                WITH matched AS MATERIALIZED (
                    SELECT s.line, s.sampled_at, s.kind, s.result, e.id AS employee_id
                    FROM epi_result_stage s LEFT JOIN epi_employee e ON e.id_hash = s.id_hash AND e.region_code LIKE ?),
                ins AS (
                    INSERT INTO epi_test_result (employee_id, sampled_at, kind, result, received_at)
                    SELECT DISTINCT ON (employee_id COLLATE "C", sampled_at, kind) employee_id, sampled_at, kind, result, ?
                    FROM matched WHERE employee_id IS NOT NULL
                    ORDER BY employee_id COLLATE "C", sampled_at, kind, line
                    ON CONFLICT DO NOTHING
                    RETURNING employee_id, sampled_at, kind, result),
                latest AS (
                    SELECT DISTINCT ON (employee_id COLLATE "C") employee_id, sampled_at, kind, result,
                        MAX(CASE WHEN result = 'NEGATIVE' THEN sampled_at END)
                            OVER (PARTITION BY employee_id COLLATE "C") AS negative_at
                    FROM ins ORDER BY employee_id COLLATE "C", sampled_at DESC, (result = 'POSITIVE') DESC),
                upd AS (
                    UPDATE epi_latest_result x SET
                        last_kind = CASE WHEN x.last_sampled_at IS NULL OR l.sampled_at >= x.last_sampled_at THEN l.kind ELSE x.last_kind END,
                        last_result = CASE WHEN x.last_sampled_at IS NULL OR l.sampled_at >= x.last_sampled_at THEN l.result ELSE x.last_result END,
                        last_sampled_at = GREATEST(x.last_sampled_at, l.sampled_at),
                        last_negative_at = GREATEST(x.last_negative_at, l.negative_at)
                    FROM latest l WHERE x.employee_id = l.employee_id
                    RETURNING 1)
                -- data-modifying CTEs always run to completion, read or not
                SELECT (SELECT COUNT(*) FROM ins) AS inserted,
                    ARRAY(SELECT DISTINCT line FROM matched WHERE employee_id IS NULL ORDER BY line) AS unknown,
                    ARRAY(SELECT DISTINCT e.subject_id FROM ins JOIN epi_employee e ON e.id = ins.employee_id
                          WHERE ins.result = 'POSITIVE') AS positives""")
                .params(regionPrefix + "%", receivedAt)
                .query((rs, i) -> {
                    List<Integer> unknown = new ArrayList<>();
                    for (Object line : (Object[]) rs.getArray("unknown").getArray()) {
                        unknown.add(((Number) line).intValue());
                    }
                    Set<String> positives = new LinkedHashSet<>();
                    for (Object subject : (Object[]) rs.getArray("positives").getArray()) {
                        positives.add((String) subject);
                    }
                    return new Outcome(unknown, rs.getInt("inserted"), positives);
                }).single();
    }
}
