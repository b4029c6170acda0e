package org.sibao.policy.internal;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;

import org.sibao.policy.MatchOutcome;
import org.sibao.rules.BenefitAmount;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * The {@code policy_match} table, written set-wise: delete the rows of a subject, of some policies or of all, then
 * insert multi-row statements in JDBC batches (skipping rows a concurrent rewrite already wrote). Only ELIGIBLE and
 * UNKNOWN rows are kept (no row: INELIGIBLE).
 */
@Repository
class MatchStore {

    /** Rows per INSERT statement (7 parameters each, well below every driver's limit). */
    private static final int ROWS_PER_STATEMENT = 200;
    private static final int STATEMENTS_PER_BATCH = 25;
    private static final String INSERT = "INSERT INTO policy_match (subject_id, policy_id, region_code, outcome,"
            + " benefit_yuan, shares, computed_at) VALUES ";

    record Row(String subjectId, String policyId, String regionCode, MatchOutcome outcome, BigDecimal benefitYuan,
            String shares) {

        static Row of(String subjectId, String policyId, String regionCode, MatchOutcome outcome, BenefitAmount b) {
            BigDecimal amount = b != null && b.known() ? b.amountYuan() : null;
            return new Row(subjectId, policyId, regionCode, outcome, amount, b != null && b.known() ? MatchStore.shares(b) : null);
        }
    }

    private final JdbcTemplate jdbc;

    MatchStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    static String shares(BenefitAmount b) {
        if (b.shares().isEmpty()) {
            return null;
        }
        StringBuilder sb = new StringBuilder();
        for (BenefitAmount.Share s : b.shares()) {
            if (sb.length() > 0) {
                sb.append(';');
            }
            sb.append(s.payer()).append('=').append(s.amountYuan().toPlainString());
        }
        return sb.toString();
    }

    static List<BenefitAmount.Share> parseShares(String text) {
        if (text == null || text.isBlank()) {
            return List.of();
        }
        List<BenefitAmount.Share> out = new ArrayList<>();
        for (String part : text.split(";")) {
            int eq = part.indexOf('=');
            out.add(new BenefitAmount.Share(part.substring(0, eq), new BigDecimal(part.substring(eq + 1))));
        }
        return out;
    }

    void deleteSubject(String subjectId) {
        jdbc.update("DELETE FROM policy_match WHERE subject_id = ?", subjectId);
    }

    /** The subject's rows of these policy versions only. */
    void deleteSubject(String subjectId, Collection<String> policyIds) {
        if (policyIds.isEmpty()) {
            return;
        }
        List<Object> params = new ArrayList<>(policyIds.size() + 1);
        params.add(subjectId);
        params.addAll(policyIds);
        jdbc.update("DELETE FROM policy_match WHERE subject_id = ? AND policy_id IN ("
                + "?,".repeat(policyIds.size() - 1) + "?)", params.toArray());
    }

    void deletePolicies(Collection<String> policyIds) {
        for (String id : policyIds) {
            jdbc.update("DELETE FROM policy_match WHERE policy_id = ?", id);
        }
    }

    void deleteAll() {
        jdbc.update("DELETE FROM policy_match");
    }

    void insert(List<Row> rows, OffsetDateTime at) {
        if (rows.isEmpty()) {
            return;
        }
        List<Object[]> full = new ArrayList<>();
        int i = 0;
        for (; i + ROWS_PER_STATEMENT <= rows.size(); i += ROWS_PER_STATEMENT) {
            full.add(params(rows.subList(i, i + ROWS_PER_STATEMENT), at));
            if (full.size() == STATEMENTS_PER_BATCH) {
                jdbc.batchUpdate(statement(ROWS_PER_STATEMENT), full);
                full.clear();
            }
        }
        if (!full.isEmpty()) {
            jdbc.batchUpdate(statement(ROWS_PER_STATEMENT), full);
        }
        if (i < rows.size()) {
            List<Row> rest = rows.subList(i, rows.size());
            jdbc.update(statement(rest.size()), params(rest, at));
        }
    }

    private static String statement(int rows) {
        return INSERT + String.join(", ", Collections.nCopies(rows, "(?, ?, ?, ?, ?, ?, ?)"))
                + " ON CONFLICT DO NOTHING";
    }

    private static Object[] params(List<Row> rows, OffsetDateTime at) {
        Object[] p = new Object[rows.size() * 7];
        int k = 0;
        for (Row r : rows) {
            p[k++] = r.subjectId();
            p[k++] = r.policyId();
            p[k++] = r.regionCode();
            p[k++] = r.outcome().name();
            p[k++] = r.benefitYuan();
            p[k++] = r.shares();
            p[k++] = at;
        }
        return p;
    }
}
