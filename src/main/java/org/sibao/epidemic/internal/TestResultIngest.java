package org.sibao.epidemic.internal;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Set;

/**
 * Stores validated test results in bulk and keeps every employee's latest result current, in the caller's
 * transaction. Implementations: {@link PostgresTestResultIngest} (COPY into a staging table, then set-based SQL) and
 * {@link BatchTestResultIngest} (JDBC batches, for H2); {@link TestResultIngestConfig} picks one by database product.
 */
interface TestResultIngest {

    /**
     * @param line        the row's line as the sender numbers it
     * @param idHash      keyed hash of the normalized ID number
     */
    record Row(int line, String idHash, OffsetDateTime sampledAt, String kind, String result) {
    }

    /**
     * @param unknownLines       lines whose ID number matched no rostered employee (under the region prefix)
     * @param inserted           result rows stored (a re-sent row is not stored again)
     * @param positiveSubjectIds subjects of the employees with a POSITIVE result among the rows stored (their zone
     *                           colours are recomputed once after the ingest)
     */
    record Outcome(List<Integer> unknownLines, int inserted, Set<String> positiveSubjectIds) {
    }

    /** @param regionPrefix only employees of subjects under this prefix are matched */
    Outcome ingest(List<Row> rows, String regionPrefix, OffsetDateTime receivedAt);
}
