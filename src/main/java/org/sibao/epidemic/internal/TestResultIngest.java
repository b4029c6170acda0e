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

    /** A stored result replaced by a different one for the same employee, sample time and kind. */
    record Correction(String employeeId, OffsetDateTime sampledAt, String kind, String from, String to) {
    }

    /**
     * @param unknownLines       lines whose ID number matched no rostered employee (under the region prefix)
     * @param changed            results added or changed, one per employee, sample time and kind (a re-sent
     *                           identical row changes nothing)
     * @param positiveSubjectIds subjects of the employees with a POSITIVE result among the results added or changed
     *                           (their zone colours are recomputed once after the ingest)
     * @param corrections        the changed results that replaced a different stored one
     */
    record Outcome(List<Integer> unknownLines, int changed, Set<String> positiveSubjectIds, List<Correction> corrections) {
    }

    /**
     * Stores the rows: for each employee, sample time and kind the last of its rows (in list order) is the result;
     * a stored one with a different result is replaced (a correction), an identical one left alone. Each touched
     * employee's latest result moves forward (at an equal sample time the result received last wins).
     *
     * @param regionPrefix only employees of subjects under this prefix are matched
     */
    Outcome ingest(List<Row> rows, String regionPrefix, OffsetDateTime receivedAt);
}
