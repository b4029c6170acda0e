package org.sibao.epidemicsupport.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.sibao.identity.SqlFilter;
import org.sibao.platform.PageQuery;
import org.sibao.platform.PageResult;
import org.sibao.region.Sector;
import org.sibao.region.TaskForce;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * SQL of the subjects' support, the coverage board and the task forces' experts. Board reads take the caller's
 * scope as a {@link SqlFilter} over the subject ({@code s}).
 */
@Repository
class SupportRepository {

    /** A subject's support row: its partner institution (null name: none) and who saved it last. */
    record SupportRow(String enterpriseId, String institutionName, String institutionContact, Phones.Stored institutionPhone,
            OffsetDateTime updatedAt, String updatedByName) {
    }

    record StaffRow(String id, String name, String organisation, Phones.Stored phone) {
    }

    record ExpertRow(String regionCode, TaskForce taskForce, String name, String organisation, Phones.Stored phone,
            OffsetDateTime updatedAt, String updatedByName) {
    }

    /**
     * The ACTIVE whitelist subjects under a region prefix (of a sector, if given) within a scope, each with its number
     * of staff and its institution's name. Parameters: prefix, [sector], then the scope's.
     */
    private static final String BOARD = """
            SELECT b.*, CASE WHEN b.staff = 0 THEN 'NO_STAFF' WHEN b.institution IS NULL THEN 'NO_INSTITUTION'
                             ELSE 'COVERED' END AS status
            FROM (SELECT s.id, s.name, s.region_code, s.sector, es.institution_name AS institution,
                         (SELECT COUNT(*) FROM epidemic_support_staff st WHERE st.enterprise_id = s.id) AS staff
                  FROM subject s LEFT JOIN epidemic_support es ON es.enterprise_id = s.id
                  WHERE s.whitelist_status = 'ACTIVE' AND s.region_code LIKE ?%s AND (%s)) b""";

    private final JdbcClient jdbc;

    SupportRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<SupportRow> support(String enterpriseId) {
        return jdbc.sql("""
                SELECT enterprise_id, institution_name, institution_contact, institution_phone_enc, institution_phone_mask,
                    updated_at, updated_by_name FROM epidemic_support WHERE enterprise_id = ?""")
                .param(enterpriseId)
                .query((rs, i) -> new SupportRow(rs.getString(1), rs.getString(2), rs.getString(3),
                        phone(rs, 4), rs.getObject(6, OffsetDateTime.class), rs.getString(7)))
                .optional();
    }

    List<StaffRow> staff(String enterpriseId) {
        return jdbc.sql("SELECT id, name, organisation, phone_enc, phone_mask FROM epidemic_support_staff "
                        + "WHERE enterprise_id = ? ORDER BY ordinal")
                .param(enterpriseId)
                .query((rs, i) -> new StaffRow(rs.getString(1), rs.getString(2), rs.getString(3), phone(rs, 4)))
                .list();
    }

    /** Replaces a subject's support: its institution row and all its staff. */
    void save(SupportRow support, List<StaffRow> staff, String updatedBy) {
        Phones.Stored p = support.institutionPhone();
        int updated = jdbc.sql("""
                UPDATE epidemic_support SET institution_name = ?, institution_contact = ?, institution_phone_enc = ?,
                    institution_phone_mask = ?, updated_at = ?, updated_by = ?, updated_by_name = ? WHERE enterprise_id = ?""")
                .params(support.institutionName(), support.institutionContact(), p == null ? null : p.enc(),
                        p == null ? null : p.mask(), support.updatedAt(), updatedBy, support.updatedByName(),
                        support.enterpriseId())
                .update();
        if (updated == 0) {
            jdbc.sql("""
                    INSERT INTO epidemic_support (institution_name, institution_contact, institution_phone_enc,
                        institution_phone_mask, updated_at, updated_by, updated_by_name, enterprise_id)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?)""")
                    .params(support.institutionName(), support.institutionContact(), p == null ? null : p.enc(),
                            p == null ? null : p.mask(), support.updatedAt(), updatedBy, support.updatedByName(),
                            support.enterpriseId())
                    .update();
        }
        jdbc.sql("DELETE FROM epidemic_support_staff WHERE enterprise_id = ?").param(support.enterpriseId()).update();
        for (int i = 0; i < staff.size(); i++) {
            StaffRow s = staff.get(i);
            jdbc.sql("""
                    INSERT INTO epidemic_support_staff (id, enterprise_id, ordinal, name, organisation, phone_enc, phone_mask)
                    VALUES (?, ?, ?, ?, ?, ?, ?)""")
                    .params(s.id(), support.enterpriseId(), i, s.name(), s.organisation(), s.phone().enc(),
                            s.phone().mask())
                    .update();
        }
    }

    /** The board's rows, the gaps first (no staff, then no institution), then by region and name. */
    PageResult<CoverageRow> board(String regionPrefix, Sector sector, SqlFilter scope, CoverageStatus status,
            PageQuery page) {
        List<Object> params = params(regionPrefix, sector, scope);
        String where = status == null ? "" : " WHERE d.status = ?";
        if (status != null) {
            params.add(status.name());
        }
        String from = " FROM (" + board(sector, scope) + ") d" + where;
        long total = jdbc.sql("SELECT COUNT(*)" + from).params(params).query(Long.class).single();
        List<Object> listParams = new ArrayList<>(params);
        listParams.add(page.size());
        listParams.add(page.offset());
        List<CoverageRow> rows = jdbc.sql("SELECT d.id, d.name, d.region_code, d.sector, d.institution, d.status" + from
                        + " ORDER BY CASE d.status WHEN 'NO_STAFF' THEN 0 WHEN 'NO_INSTITUTION' THEN 1 ELSE 2 END,"
                        + " d.region_code, d.name, d.id LIMIT ? OFFSET ?")
                .params(listParams)
                .query((rs, i) -> new CoverageRow(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        List.of(), rs.getString(5), CoverageStatus.valueOf(rs.getString(6))))
                .list();
        Map<String, List<String>> names = staffNames(rows.stream().map(CoverageRow::enterpriseId).toList());
        return page.result(rows.stream().map(r -> new CoverageRow(r.enterpriseId(), r.name(), r.regionCode(), r.sector(),
                names.getOrDefault(r.enterpriseId(), List.of()), r.institution(), r.status())).toList(), total);
    }

    /** The board's figures: {@code [active, withStaff, withInstitution, covered]}, in one statement. */
    long[] counts(String regionPrefix, Sector sector, SqlFilter scope) {
        return jdbc.sql("SELECT COUNT(*), SUM(CASE WHEN d.staff > 0 THEN 1 ELSE 0 END), "
                        + "SUM(CASE WHEN d.institution IS NOT NULL THEN 1 ELSE 0 END), "
                        + "SUM(CASE WHEN d.status = 'COVERED' THEN 1 ELSE 0 END) FROM (" + board(sector, scope) + ") d")
                .params(params(regionPrefix, sector, scope))
                .query((rs, i) -> new long[] {rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4)}).single();
    }

    List<ExpertRow> experts(String regionCode) {
        return jdbc.sql("SELECT region_code, task_force, name, organisation, phone_enc, phone_mask, updated_at, "
                        + "updated_by_name FROM task_force_expert WHERE region_code = ?")
                .param(regionCode)
                .query((rs, i) -> new ExpertRow(rs.getString(1), TaskForce.valueOf(rs.getString(2)), rs.getString(3),
                        rs.getString(4), phone(rs, 5), rs.getObject(7, OffsetDateTime.class), rs.getString(8)))
                .list();
    }

    void saveExpert(ExpertRow e, String updatedBy) {
        int updated = jdbc.sql("""
                UPDATE task_force_expert SET name = ?, organisation = ?, phone_enc = ?, phone_mask = ?, updated_at = ?,
                    updated_by = ?, updated_by_name = ? WHERE region_code = ? AND task_force = ?""")
                .params(e.name(), e.organisation(), e.phone().enc(), e.phone().mask(), e.updatedAt(), updatedBy,
                        e.updatedByName(), e.regionCode(), e.taskForce().name())
                .update();
        if (updated == 0) {
            jdbc.sql("""
                    INSERT INTO task_force_expert (name, organisation, phone_enc, phone_mask, updated_at, updated_by,
                        updated_by_name, region_code, task_force) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                    .params(e.name(), e.organisation(), e.phone().enc(), e.phone().mask(), e.updatedAt(), updatedBy,
                            e.updatedByName(), e.regionCode(), e.taskForce().name())
                    .update();
        }
    }

    boolean removeExpert(String regionCode, TaskForce taskForce) {
        return jdbc.sql("DELETE FROM task_force_expert WHERE region_code = ? AND task_force = ?")
                .params(regionCode, taskForce.name()).update() > 0;
    }

    boolean anySupport() {
        return jdbc.sql("SELECT COUNT(*) FROM epidemic_support").query(Long.class).single() > 0;
    }

    /** The names of the staff of each subject, in their order: one statement for a page of the board. */
    private Map<String, List<String>> staffNames(Collection<String> enterpriseIds) {
        Map<String, List<String>> out = new HashMap<>();
        if (enterpriseIds.isEmpty()) {
            return out;
        }
        String in = String.join(",", enterpriseIds.stream().map(x -> "?").toList());
        jdbc.sql("SELECT enterprise_id, name FROM epidemic_support_staff WHERE enterprise_id IN (" + in + ") "
                        + "ORDER BY enterprise_id, ordinal")
                .params(new ArrayList<Object>(enterpriseIds))
                .query((rs, i) -> Map.entry(rs.getString(1), rs.getString(2)))
                .list().forEach(e -> out.computeIfAbsent(e.getKey(), k -> new ArrayList<>()).add(e.getValue()));
        return out;
    }

    private static String board(Sector sector, SqlFilter scope) {
        return BOARD.formatted(sector == null ? "" : " AND s.sector = ?", scope.sql());
    }

    private static List<Object> params(String regionPrefix, Sector sector, SqlFilter scope) {
        List<Object> params = new ArrayList<>();
        params.add(regionPrefix + "%");
        if (sector != null) {
            params.add(sector.name());
        }
        params.addAll(scope.params());
        return params;
    }

    /** The phone at {@code column} (cipher text) and {@code column + 1} (mask); null when there is none. */
    private static Phones.Stored phone(ResultSet rs, int column) throws SQLException {
        String mask = rs.getString(column + 1);
        return mask == null ? null : new Phones.Stored(rs.getString(column), mask);
    }
}
