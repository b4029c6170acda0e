package org.sibao.policy.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.sibao.platform.PageQuery;
import org.sibao.platform.PageResult;
import org.sibao.policy.PolicyCategory;
import org.sibao.policy.PolicyMode;
import org.sibao.policy.PolicyStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Plain SQL over {@code policy}; values always bound. */
@Repository
class PolicyRepository {

    private static final String COLUMNS = """
            id, code, version_no, title, issuer, document_number, issued_on, effective_from, effective_to, category,
            department_code, region_code, summary, body_text, eligibility, benefit_text, benefit_formula, apply_mode,
            status, source_document, source_measure, source_sentence, previous_id, seeded, published_at, created_at,
            updated_at""";

    private final JdbcClient jdbc;

    PolicyRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(PolicyRow r) {
        jdbc.sql("INSERT INTO policy (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?,"
                + " ?, ?, ?, ?, ?, ?, ?)")
                .params(r.id(), r.code(), r.versionNo(), r.title(), r.issuer(), r.documentNumber(), r.issuedOn(),
                        r.effectiveFrom(), r.effectiveTo(), r.category().name(), r.departmentCode(), r.regionCode(),
                        r.summary(), r.text(), r.eligibility(), r.benefitText(), r.benefitFormula(), r.mode().name(),
                        r.status().name(), r.sourceDocument(), r.sourceMeasure(), r.sourceSentence(), r.previousId(),
                        r.seeded(), r.publishedAt(), r.createdAt(), r.updatedAt())
                .update();
    }

    /** Rewrites a draft's content (never its code, version, status or region). */
    void updateDraft(PolicyRow r) {
        jdbc.sql("""
                UPDATE policy SET title = ?, issuer = ?, document_number = ?, issued_on = ?, effective_from = ?,
                    effective_to = ?, category = ?, department_code = ?, summary = ?, body_text = ?, eligibility = ?,
                    benefit_text = ?, benefit_formula = ?, apply_mode = ?, source_document = ?, source_measure = ?,
                    source_sentence = ?, updated_at = ?
                WHERE id = ? AND status = 'DRAFT'""")
                .params(r.title(), r.issuer(), r.documentNumber(), r.issuedOn(), r.effectiveFrom(), r.effectiveTo(),
                        r.category().name(), r.departmentCode(), r.summary(), r.text(), r.eligibility(),
                        r.benefitText(), r.benefitFormula(), r.mode().name(), r.sourceDocument(), r.sourceMeasure(),
                        r.sourceSentence(), r.updatedAt(), r.id())
                .update();
    }

    void publish(String id, OffsetDateTime at) {
        jdbc.sql("UPDATE policy SET status = 'PUBLISHED', published_at = ?, updated_at = ? WHERE id = ?")
                .params(at, at, id).update();
    }

    void endOn(String id, LocalDate lastDay, OffsetDateTime at) {
        jdbc.sql("UPDATE policy SET effective_to = ?, updated_at = ? WHERE id = ?").params(lastDay, at, id).update();
    }

    /** Stores EXPIRED for published policies past their effectiveTo; returns their ids. */
    List<String> expireDue(LocalDate today, OffsetDateTime at) {
        List<String> ids = jdbc.sql("SELECT id FROM policy WHERE status = 'PUBLISHED' AND effective_to < ?")
                .param(today).query(String.class).list();
        if (!ids.isEmpty()) {
            jdbc.sql("UPDATE policy SET status = 'EXPIRED', updated_at = ? WHERE status = 'PUBLISHED' AND effective_to < ?")
                    .params(at, today).update();
        }
        return ids;
    }

    void setMatched(String id, boolean matched) {
        jdbc.sql("UPDATE policy SET matched = ? WHERE id = ?").params(matched, id).update();
    }

    List<String> matchedIds() {
        return jdbc.sql("SELECT id FROM policy WHERE matched = TRUE").query(String.class).list();
    }

    Optional<PolicyRow> find(String id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM policy WHERE id = ?").param(id).query(this::map).optional();
    }

    boolean codeExists(String code) {
        return jdbc.sql("SELECT COUNT(*) FROM policy WHERE code = ?").param(code).query(Long.class).single() > 0;
    }

    boolean hasDraft(String code) {
        return jdbc.sql("SELECT COUNT(*) FROM policy WHERE code = ? AND status = 'DRAFT'").param(code)
                .query(Long.class).single() > 0;
    }

    int nextVersion(String code) {
        return jdbc.sql("SELECT COALESCE(MAX(version_no), 0) + 1 FROM policy WHERE code = ?").param(code)
                .query(Integer.class).single();
    }

    /** Every PUBLISHED row (the candidates for being in force). */
    List<PolicyRow> published() {
        return jdbc.sql("SELECT " + COLUMNS + " FROM policy WHERE status = 'PUBLISHED' ORDER BY code, version_no")
                .query(this::map).list();
    }

    /** Changes whenever a version is published, superseded or expired: the number of published ones and the last change. */
    String publishedStamp() {
        return jdbc.sql("SELECT COUNT(*), MAX(updated_at) FROM policy WHERE status = 'PUBLISHED'")
                .query((rs, n) -> rs.getLong(1) + "@" + rs.getString(2)).single();
    }

    /**
     * A page of the library. {@code status} is read as of {@code today}; drafts only within {@code draftPrefix}
     * (null: no drafts).
     */
    PageResult<PolicyRow> search(PolicyStatus status, String q, PolicyCategory category, String draftPrefix,
            LocalDate today, PageQuery page) {
        List<String> parts = new ArrayList<>();
        List<Object> params = new ArrayList<>();
        String draftClause = draftPrefix == null ? "1=0" : "region_code LIKE ?";
        if (status == null) {
            parts.add("(status <> 'DRAFT' OR " + draftClause + ")");
            if (draftPrefix != null) {
                params.add(draftPrefix + "%");
            }
        } else if (status == PolicyStatus.DRAFT) {
            parts.add("status = 'DRAFT' AND " + draftClause);
            if (draftPrefix != null) {
                params.add(draftPrefix + "%");
            }
        } else if (status == PolicyStatus.PUBLISHED) {
            parts.add("status = 'PUBLISHED' AND (effective_to IS NULL OR effective_to >= ?)");
            params.add(today);
        } else {
            parts.add("(status = 'EXPIRED' OR (status = 'PUBLISHED' AND effective_to < ?))");
            params.add(today);
        }
        if (q != null && !q.isBlank()) {
            parts.add("(title LIKE ? OR code LIKE ? OR summary LIKE ?)");
            String like = org.sibao.identity.SqlFilter.containing(q);
            params.add(like);
            params.add(like);
            params.add(like);
        }
        if (category != null) {
            parts.add("category = ?");
            params.add(category.name());
        }
        String where = String.join(" AND ", parts);
        long total = jdbc.sql("SELECT COUNT(*) FROM policy WHERE " + where).params(params).query(Long.class).single();
        List<Object> pageParams = new ArrayList<>(params);
        pageParams.add(page.size());
        pageParams.add(page.offset());
        List<PolicyRow> rows = jdbc.sql("SELECT " + COLUMNS + " FROM policy WHERE " + where
                + " ORDER BY code, version_no LIMIT ? OFFSET ?").params(pageParams).query(this::map).list();
        return page.result(rows, total);
    }

    private PolicyRow map(ResultSet rs, int n) throws SQLException {
        return new PolicyRow(rs.getString("id"), rs.getString("code"), rs.getInt("version_no"), rs.getString("title"),
                rs.getString("issuer"), rs.getString("document_number"), rs.getObject("issued_on", LocalDate.class),
                rs.getObject("effective_from", LocalDate.class), rs.getObject("effective_to", LocalDate.class),
                PolicyCategory.valueOf(rs.getString("category")), rs.getString("department_code"),
                rs.getString("region_code"), rs.getString("summary"), rs.getString("body_text"),
                rs.getString("eligibility"), rs.getString("benefit_text"), rs.getString("benefit_formula"),
                PolicyMode.valueOf(rs.getString("apply_mode")), PolicyStatus.valueOf(rs.getString("status")),
                rs.getString("source_document"), rs.getString("source_measure"), rs.getString("source_sentence"),
                rs.getString("previous_id"), rs.getBoolean("seeded"), rs.getObject("published_at", OffsetDateTime.class),
                rs.getObject("created_at", OffsetDateTime.class), rs.getObject("updated_at", OffsetDateTime.class));
    }
}
