package org.sibao.epidemic.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

/** The PostgreSQL ingest's own encoding: the stage rows in COPY's binary format, in ID-key order. */
class PostgresTestResultIngestTest {

    private static List<TestResultIngest.Row> rows(int n, OffsetDateTime at) {
        Random random = new Random(42);
        List<TestResultIngest.Row> rows = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            byte[] hash = new byte[32];
            random.nextBytes(hash);
            rows.add(new TestResultIngest.Row(i + 2, HexFormat.of().formatHex(hash), at, "PCR", "NEGATIVE"));
        }
        return rows;
    }

    @Test
    void theKeyIsReadAsTheUnsignedBitsOfTheHashsHex() {
        for (TestResultIngest.Row row : rows(200, OffsetDateTime.now())) {
            assertThat(PostgresTestResultIngest.hexLong(row.idHash(), 0))
                    .isEqualTo(Long.parseUnsignedLong(row.idHash().substring(0, 16), 16));
            assertThat(PostgresTestResultIngest.hexLong(row.idHash(), 16))
                    .isEqualTo(Long.parseUnsignedLong(row.idHash().substring(16, 32), 16));
        }
    }

    @Test
    void rowsArePutInKeyOrderAndNoneIsLostOrRepeated() {
        List<TestResultIngest.Row> rows = rows(20_000, OffsetDateTime.now());
        TestResultIngest.Row[] sorted = PostgresTestResultIngest.inKeyOrder(rows);
        assertThat(sorted).containsExactlyInAnyOrderElementsOf(rows);
        for (int k = 1; k < sorted.length; k++) {
            // the order follows the key's leading 46 bits: the first 11 hex digits never go down
            assertThat(sorted[k].idHash().substring(0, 11)).isGreaterThanOrEqualTo(sorted[k - 1].idHash().substring(0, 11));
        }
    }

    @Test
    void eachRowIsWrittenAsPostgresReadsBinaryCopy() throws Exception {
        OffsetDateTime at = OffsetDateTime.of(2000, 1, 1, 8, 0, 0, 1_000, ZoneOffset.ofHours(8));
        List<TestResultIngest.Row> rows = rows(3_000, at);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PostgresTestResultIngest.writeBinary(bytes, rows.toArray(TestResultIngest.Row[]::new));
        ByteBuffer in = ByteBuffer.wrap(bytes.toByteArray());
        byte[] signature = new byte[11];
        in.get(signature);
        assertThat(signature).isEqualTo("PGCOPY\n\u00ff\r\n\0".getBytes(StandardCharsets.ISO_8859_1));
        assertThat(in.getInt()).as("flags").isZero();
        assertThat(in.getInt()).as("header extension").isZero();
        for (TestResultIngest.Row row : rows) {
            assertThat(in.getShort()).as("fields").isEqualTo((short) 5);
            assertThat(in.getInt()).isEqualTo(4);
            assertThat(in.getInt()).isEqualTo(row.line());
            assertThat(in.getInt()).isEqualTo(16);
            byte[] key = new byte[16];
            in.get(key);
            assertThat(HexFormat.of().formatHex(key)).isEqualTo(row.idHash().substring(0, 32));
            assertThat(in.getInt()).isEqualTo(8);
            // 2000-01-01T00:00:00.000001Z: one microsecond after PostgreSQL's epoch
            assertThat(in.getLong()).isEqualTo(1L);
            assertThat(in.getInt()).isEqualTo(3);
            byte[] kind = new byte[3];
            in.get(kind);
            assertThat(new String(kind, StandardCharsets.US_ASCII)).isEqualTo("PCR");
            assertThat(in.getInt()).isEqualTo(8);
            in.position(in.position() + 8);
        }
        assertThat(in.getShort()).as("trailer").isEqualTo((short) -1);
        assertThat(in.hasRemaining()).isFalse();
    }
}
