package org.sibao.epidemic.internal;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.sql.Array;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import javax.sql.DataSource;

import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;
import org.postgresql.copy.PGCopyOutputStream;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * PostgreSQL: the rows are streamed with {@code COPY … FROM STDIN} (binary) into a session-local staging table (kept
 * per pooled connection, emptied on commit), then one statement matches them to rosters, inserts the new results and
 * replaces stored ones that differ ({@code ON CONFLICT … DO UPDATE … WHERE} the result differs, on employee + sample
 * time + kind), from what it changed ({@code RETURNING}) moves each employee's latest result forward, and answers
 * the corrections and the lines on no roster. No per-row round trip.
 */
class PostgresTestResultIngest implements TestResultIngest {

    /** PostgreSQL's epoch for binary timestamps (2000-01-01T00:00Z), in microseconds since 1970. */
    private static final long PG_EPOCH_MICROS = 946_684_800_000_000L;
    private static final byte[] COPY_SIGNATURE = {'P', 'G', 'C', 'O', 'P', 'Y', '\n', (byte) 0xFF, '\r', '\n', 0};

    private final DataSource dataSource;
    private final JdbcClient jdbc;

    PostgresTestResultIngest(DataSource dataSource, JdbcClient jdbc) {
        this.dataSource = dataSource;
        this.jdbc = jdbc;
    }

    @Override
    public Outcome ingest(List<Row> rows, String regionPrefix, OffsetDateTime receivedAt) {
        if (rows.isEmpty()) {
            return new Outcome(List.of(), 0, Set.of(), List.of());
        }
        Connection connection = DataSourceUtils.getConnection(dataSource);
        try {
            try (Statement s = connection.createStatement()) {
                s.execute("""
                        CREATE TEMP TABLE IF NOT EXISTS epi_result_stage (line INT, id_key UUID,
                            sampled_at TIMESTAMPTZ, kind VARCHAR(8), result VARCHAR(8)) ON COMMIT DELETE ROWS""");
                s.execute("TRUNCATE epi_result_stage");
                // the sorts of 100k-row requests stay in memory (this transaction only)
                s.execute("SET LOCAL work_mem = '64MB'");
                // compiling the statement's expressions costs more than it saves on 100,000 rows
                s.execute("SET LOCAL jit = off");
            }
            // in ID-key order: the roster index is then probed in its own order (see the statement below)
            Row[] sorted = inKeyOrder(rows);
            CopyIn in = connection.unwrap(PGConnection.class).getCopyAPI()
                    .copyIn("COPY epi_result_stage (line, id_key, sampled_at, kind, result) FROM STDIN WITH (FORMAT binary)");
            try (OutputStream out = new PGCopyOutputStream(in, 1 << 16)) {
                writeBinary(out, sorted);
            }
            // no ANALYZE: the plan's shape does not depend on the stage's statistics (see the statement)
        } catch (SQLException | IOException e) {
            throw new IllegalStateException("COPY of test results failed", e);
        } finally {
            DataSourceUtils.releaseConnection(connection, dataSource);
        }
        // One statement:
        // - the rows are matched to rosters once, by one probe per row of the roster's covering index in its own order
        //   (the stage is written sorted by ID key; OFFSET 0 keeps the probe a parameterised scan, where a hash join
        //   would read all of a province's rosters for every request);
        // - of the matched ones the last line per employee (its seq), sample time and kind is inserted in key order,
        //   or replaces a stored result that differs (a correction, keeping the one it replaced; an identical one is
        //   left alone);
        // - each employee's latest result moves forward from what changed;
        // - it answers the count, the corrections, the lines on no roster in scope and the subjects with a new
        //   positive (their zone colours are recomputed after).
        // A correction away from the negative an employee's last negative counted from (rare) looks that up again
        // among the results the statement did not change; nothing else reads the stored results.
        return jdbc.sql("""
                WITH matched AS MATERIALIZED (
                    SELECT s.line, s.sampled_at, s.kind, s.result, e.seq AS employee
                    FROM epi_result_stage s LEFT JOIN LATERAL (
                        SELECT e.seq FROM epi_employee e WHERE e.id_key = s.id_key AND e.region_code LIKE ? OFFSET 0) e ON TRUE),
                ins AS (
                    INSERT INTO epi_test_result AS t (employee_seq, sampled_at, kind, result, received_at)
                    SELECT DISTINCT ON (employee, sampled_at, kind) employee, sampled_at, kind, result, ?
                    FROM matched WHERE employee IS NOT NULL
                    ORDER BY employee, sampled_at, kind, line DESC
                    ON CONFLICT (employee_seq, sampled_at, kind) DO UPDATE
                        SET result = EXCLUDED.result, received_at = EXCLUDED.received_at, previous_result = t.result
                        WHERE t.result <> EXCLUDED.result
                    RETURNING employee_seq AS employee, sampled_at, kind, result, previous_result),
                lost AS (
                    SELECT employee, sampled_at, kind FROM ins WHERE previous_result = 'NEGATIVE'),
                latest AS (
                    -- the window is ordered as DISTINCT ON is: one sort serves both
                    SELECT DISTINCT ON (employee) employee, sampled_at, kind, result,
                        MAX(CASE WHEN result = 'NEGATIVE' THEN sampled_at END) OVER p AS negative_at,
                        MAX(CASE WHEN previous_result = 'NEGATIVE' THEN sampled_at END) OVER p AS lost_negative_at
                    FROM ins
                    WINDOW p AS (PARTITION BY employee ORDER BY sampled_at DESC, (result = 'POSITIVE') DESC
                        ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING)
                    ORDER BY employee, sampled_at DESC, (result = 'POSITIVE') DESC),
                upd AS (
                    UPDATE epi_latest_result x SET
                        last_kind = CASE WHEN x.last_sampled_at IS NULL OR l.sampled_at >= x.last_sampled_at THEN l.kind ELSE x.last_kind END,
                        last_result = CASE WHEN x.last_sampled_at IS NULL OR l.sampled_at >= x.last_sampled_at THEN l.result ELSE x.last_result END,
                        last_sampled_at = GREATEST(x.last_sampled_at, l.sampled_at),
                        last_negative_at = CASE WHEN l.lost_negative_at >= x.last_negative_at
                            THEN GREATEST(l.negative_at, (SELECT MAX(r.sampled_at) FROM epi_test_result r
                                WHERE r.employee_seq = x.employee_seq AND r.result = 'NEGATIVE'
                                AND (r.employee_seq, r.sampled_at, r.kind) NOT IN (SELECT employee, sampled_at, kind FROM lost)))
                            ELSE GREATEST(x.last_negative_at, l.negative_at) END
                    FROM latest l WHERE x.employee_seq = l.employee
                    RETURNING 1),
                corrected AS MATERIALIZED (
                    SELECT e.id, ins.sampled_at, ins.kind, ins.previous_result, ins.result
                    FROM ins JOIN epi_employee e ON e.seq = ins.employee WHERE ins.previous_result IS NOT NULL)
                -- data-modifying CTEs always run to completion, read or not
                SELECT (SELECT COUNT(*) FROM ins) AS changed,
                    ARRAY(SELECT id FROM corrected) AS employees, ARRAY(SELECT sampled_at FROM corrected) AS sampled,
                    ARRAY(SELECT kind FROM corrected) AS kinds, ARRAY(SELECT previous_result FROM corrected) AS froms,
                    ARRAY(SELECT result FROM corrected) AS tos,
                    ARRAY(SELECT DISTINCT line FROM matched WHERE employee IS NULL ORDER BY line) AS unknown,
                    ARRAY(SELECT DISTINCT e.subject_id FROM ins JOIN epi_employee e ON e.seq = ins.employee
                          WHERE ins.result = 'POSITIVE') AS positives""")
                .params(regionPrefix + "%", receivedAt)
                .query((rs, i) -> {
                    List<Integer> unknown = new ArrayList<>();
                    for (Object line : array(rs, "unknown")) {
                        unknown.add(((Number) line).intValue());
                    }
                    Set<String> positives = new LinkedHashSet<>();
                    for (Object subject : array(rs, "positives")) {
                        positives.add((String) subject);
                    }
                    Object[] employees = array(rs, "employees");
                    Object[] sampled = array(rs, "sampled");
                    Object[] kinds = array(rs, "kinds");
                    Object[] froms = array(rs, "froms");
                    Object[] tos = array(rs, "tos");
                    List<Correction> corrections = new ArrayList<>(employees.length);
                    for (int k = 0; k < employees.length; k++) {
                        corrections.add(new Correction((String) employees[k],
                                ((Timestamp) sampled[k]).toInstant().atOffset(receivedAt.getOffset()), (String) kinds[k],
                                (String) froms[k], (String) tos[k]));
                    }
                    return new Outcome(unknown, rs.getInt("changed"), positives, corrections);
                }).single();
    }

    /**
     * The rows ordered by the leading 46 bits of their ID key (enough to put the probes in index order), sorted as
     * primitives: each packed with its position into one long. Comparing the rows' hash strings took ten times as
     * long.
     */
    static Row[] inKeyOrder(List<Row> rows) {
        int n = rows.size();
        if (n > 1 << 17) {
            Row[] sorted = rows.toArray(Row[]::new);
            Arrays.sort(sorted, Comparator.comparing(Row::idHash));
            return sorted;
        }
        long[] packed = new long[n];
        for (int i = 0; i < n; i++) {
            packed[i] = (hexLong(rows.get(i).idHash(), 0) >>> 18) << 17 | i;
        }
        Arrays.sort(packed);
        Row[] sorted = new Row[n];
        for (int k = 0; k < n; k++) {
            sorted[k] = rows.get((int) (packed[k] & ((1 << 17) - 1)));
        }
        return sorted;
    }

    /**
     * The rows in {@code COPY}'s binary format: nothing for the server to parse, and no text to format here. The ID
     * key is the first 128 bits of the keyed hash, as {@code epi_employee.id_key} (a generated column) holds them.
     * Rows are laid out in a buffer of their own and handed on a buffer at a time.
     */
    static void writeBinary(OutputStream out, Row[] rows) throws IOException {
        ByteBuffer buffer = ByteBuffer.allocate(1 << 16);
        buffer.put(COPY_SIGNATURE).putInt(0).putInt(0);
        for (Row r : rows) {
            if (buffer.remaining() < 128) {
                out.write(buffer.array(), 0, buffer.position());
                buffer.clear();
            }
            Instant at = r.sampledAt().toInstant();
            buffer.putShort((short) 5)
                    .putInt(4).putInt(r.line())
                    .putInt(16).putLong(hexLong(r.idHash(), 0)).putLong(hexLong(r.idHash(), 16))
                    .putInt(8).putLong(at.getEpochSecond() * 1_000_000L + at.getNano() / 1_000 - PG_EPOCH_MICROS);
            putAscii(buffer, r.kind());
            putAscii(buffer, r.result());
        }
        buffer.putShort((short) -1);
        out.write(buffer.array(), 0, buffer.position());
    }

    /** A kind or a result: a checked, short ASCII word. */
    private static void putAscii(ByteBuffer buffer, String value) {
        buffer.putInt(value.length());
        for (int i = 0; i < value.length(); i++) {
            buffer.put((byte) value.charAt(i));
        }
    }

    /** The 64 bits written as 16 hexadecimal digits from {@code from} (the keyed hash is lower-case hex). */
    static long hexLong(String hex, int from) {
        long value = 0;
        for (int i = from; i < from + 16; i++) {
            value = value << 4 | Character.digit(hex.charAt(i), 16);
        }
        return value;
    }

    private static Object[] array(ResultSet rs, String column) throws SQLException {
        Array a = rs.getArray(column);
        return a == null ? new Object[0] : (Object[]) a.getArray();
    }
}
