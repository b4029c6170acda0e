package org.sibao.epidemic.internal;

import java.io.OutputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.sibao.identity.CurrentUser;
import org.sibao.identity.Role;
import org.sibao.identity.SqlFilter;
import org.sibao.platform.ApiException;
import org.sibao.platform.Messages;
import org.sibao.platform.PageQuery;
import org.sibao.platform.PageResult;
import org.sibao.platform.Validation;
import org.sibao.platform.audit.AuditLog;
import org.sibao.platform.excel.ExcelWorkbook;
import org.sibao.platform.personal.PersonalDataCipher;
import org.sibao.region.Region;
import org.sibao.region.RegionService;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Code protection (赋码保护, SPEC §4 and §8): the employees on the rosters of ACTIVE whitelist subjects are reported
 * upward so that the health-code platform keeps their codes from being changed by a trip or a contact alone; the
 * employees of a subject that left the list (熔断 REMOVED, or SUSPENDED) lose it. Both lists are derived from the
 * rosters and the subjects' whitelist status at the moment they are read, so a removal takes effect on the next
 * read without a copy to keep in step.
 *
 * <p>Readers: upper platforms (INTEGRATION), epidemic officers, HQ officers and administrators, each in its scope
 * (others 403). ID numbers and phones are masked; {@code reveal=true} shows them in clear to INTEGRATION,
 * EPIDEMIC_OFFICER and ADMIN (others 403) and is audited — the health-code platform needs the ID numbers.
 */
@Service
class CodeProtection {

    static final Set<Role> READERS = Set.of(Role.INTEGRATION, Role.EPIDEMIC_OFFICER, Role.HQ_OFFICER, Role.ADMIN);
    static final Set<Role> REVEALERS = Set.of(Role.INTEGRATION, Role.EPIDEMIC_OFFICER, Role.ADMIN);
    /** An export holds at most this many employees (a province's whitelist rosters run to about a million). */
    static final int MAX_EXPORT = 200_000;

    /** PROTECTED: the subject is ACTIVE; WITHDRAWN: it was removed (熔断) or is suspended. */
    enum Status {
        PROTECTED, WITHDRAWN;

        String sql() {
            return this == PROTECTED ? "s.whitelist_status = 'ACTIVE'" : "s.whitelist_status IN ('REMOVED', 'SUSPENDED')";
        }
    }

    record Item(String employeeId, String enterpriseId, String enterpriseName, String regionCode, String name,
            String idNumber, String phone, PostType postType, String whitelistStatus, boolean codeProtected) {
    }

    record Query(Status status, String regionCode, boolean reveal) {
    }

    private final JdbcClient jdbc;
    private final PersonalDataCipher cipher;
    private final RegionService regions;
    private final AuditLog audit;
    private final Messages messages;

    CodeProtection(JdbcClient jdbc, PersonalDataCipher cipher, RegionService regions, AuditLog audit, Messages messages) {
        this.jdbc = jdbc;
        this.cipher = cipher;
        this.regions = regions;
        this.audit = audit;
        this.messages = messages;
    }

    /** Checks the request: the role, the status, the region (unknown 400, outside the scope 404), the reveal. */
    Query query(String status, String regionCode, boolean reveal) {
        CurrentUser user = CurrentUser.get();
        if (!READERS.contains(user.role())) {
            throw ApiException.forbidden("error.forbidden");
        }
        if (reveal && !REVEALERS.contains(user.role())) {
            throw ApiException.forbidden("error.forbidden");
        }
        Validation v = new Validation();
        Status s = Status.PROTECTED;
        if (status != null && !status.isBlank()) {
            try {
                s = Status.valueOf(status.trim());
            } catch (IllegalArgumentException e) {
                v.reject("status", "epidemic.codeProtection.status.invalid", status);
            }
        }
        String code = regionCode == null || regionCode.isBlank() ? user.regionCode() : regionCode.trim();
        Region region = code == null ? null : regions.find(code).orElse(null);
        v.check(region != null, "regionCode", "validation.invalid");
        v.throwIfInvalid();
        if (!user.scope().coversRegion(region.code())) {
            throw ApiException.notFound("region", code);
        }
        return new Query(s, region.code(), reveal);
    }

    @Transactional
    PageResult<Item> list(Query q, PageQuery page) {
        SqlFilter where = where(q);
        long total = jdbc.sql("SELECT COUNT(*) FROM epi_employee e JOIN subject s ON s.id = e.subject_id WHERE "
                + where.sql()).params(where.params()).query(Long.class).single();
        List<Object> params = new ArrayList<>(where.params());
        params.add(page.size());
        params.add(page.offset());
        List<Item> items = jdbc.sql(SELECT + where.sql() + " ORDER BY s.region_code, s.name, s.id, e.name, e.id LIMIT ? OFFSET ?")
                .params(params).query((rs, n) -> item(rs, q.reveal())).list();
        if (q.reveal() && !items.isEmpty()) {
            revealed(q, items.size(), "api");
        }
        return page.result(items, total);
    }

    /**
     * The list as an Excel file (at most {@link #MAX_EXPORT} employees), for the report to the level above: rows are
     * pulled from the database while the sheet is written (SXSSF), not held in a list.
     */
    @Transactional
    void export(Query q, OutputStream out) {
        SqlFilter where = where(q);
        List<Object> params = new ArrayList<>(where.params());
        params.add(MAX_EXPORT);
        int[] count = {0};
        try (java.util.stream.Stream<Item> items = jdbc.sql(SELECT + where.sql()
                + " ORDER BY s.region_code, s.name, s.id, e.name, e.id LIMIT ?").params(params)
                .query((rs, n) -> item(rs, q.reveal())).stream()) {
            Iterable<List<?>> rows = () -> items.<List<?>>map(i -> {
                count[0]++;
                return List.of(i.enterpriseName(), regions.name(i.regionCode()),
                        i.name(), i.idNumber(), i.phone() == null ? "" : i.phone(), messages.label(i.postType()),
                        messages.get("enum.WhitelistStatus." + i.whitelistStatus()),
                        messages.get(i.codeProtected() ? "epidemic.codeProtection.yes" : "epidemic.codeProtection.no"));
            }).iterator();
            ExcelWorkbook.create().sheet(messages.get("epidemic.codeProtection.title"), List.of(
                    messages.get("epidemic.codeProtection.enterprise"), messages.get("epidemic.codeProtection.region"),
                    messages.get("epidemic.field.name"), messages.get("epidemic.field.idNumber"),
                    messages.get("epidemic.field.phone"), messages.get("epidemic.field.postType"),
                    messages.get("epidemic.codeProtection.whitelistStatus"),
                    messages.get("epidemic.codeProtection.protected")), rows).write(out);
        }
        if (q.reveal() && count[0] > 0) {
            revealed(q, count[0], "export");
        }
    }

    /** Counts per status in the region (the page's summary), in one statement over the region's rosters. */
    @Transactional(readOnly = true)
    Map<Status, Long> counts(Query q) {
        SqlFilter region = inRegion(q.regionCode());
        StringBuilder sums = new StringBuilder();
        for (Status s : Status.values()) {
            sums.append(sums.length() == 0 ? "" : ", ").append("COALESCE(SUM(CASE WHEN ").append(s.sql())
                    .append(" THEN 1 ELSE 0 END), 0)");
        }
        return jdbc.sql("SELECT " + sums + " FROM epi_employee e JOIN subject s ON s.id = e.subject_id WHERE "
                + region.sql()).params(region.params()).query((rs, n) -> {
                    Map<Status, Long> out = new LinkedHashMap<>();
                    for (Status s : Status.values()) {
                        out.put(s, rs.getLong(s.ordinal() + 1));
                    }
                    return out;
                }).single();
    }

    private static final String SELECT = """
            SELECT e.id, e.subject_id, s.name AS subject_name, s.region_code, e.name, e.id_enc, e.id_mask, e.phone_enc,
                e.phone_mask, e.post_type, s.whitelist_status
            FROM epi_employee e JOIN subject s ON s.id = e.subject_id WHERE """;

    /** The reader's scope, narrowed to a region and everything under it. */
    private static SqlFilter inRegion(String regionCode) {
        return CurrentUser.get().scope().subjects("s.region_code", "s.sector", "s.id")
                .and(new SqlFilter("s.region_code LIKE ?", List.of(Region.prefixOf(regionCode) + "%")));
    }

    private static SqlFilter where(Query q) {
        return inRegion(q.regionCode()).and(new SqlFilter(q.status().sql(), List.of()));
    }

    private Item item(java.sql.ResultSet rs, boolean reveal) throws java.sql.SQLException {
        String status = rs.getString("whitelist_status");
        return new Item(rs.getString("id"), rs.getString("subject_id"), rs.getString("subject_name"),
                rs.getString("region_code"), rs.getString("name"),
                reveal ? cipher.decrypt(rs.getString("id_enc")) : rs.getString("id_mask"),
                reveal ? cipher.decrypt(rs.getString("phone_enc")) : rs.getString("phone_mask"),
                PostType.valueOf(rs.getString("post_type")), status, "ACTIVE".equals(status));
    }

    private void revealed(Query q, int count, String via) {
        Map<String, Object> what = new LinkedHashMap<>();
        what.put("status", q.status().name());
        what.put("regionCode", q.regionCode());
        what.put("employees", count);
        what.put("via", via);
        audit.record("epidemic.codeProtection.reveal", "Employee", null, q.regionCode(), null, what);
    }
}
