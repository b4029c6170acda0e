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
 * Code protection (赋码保护, SPEC §4 and §8): the employees on the rosters of whitelist subjects are reported upward so
 * that the health-code platform keeps their codes from being changed by a trip or a contact alone — "除核酸阳性、密接、
 * 次密接外，免于赋红黄码" (the provincial guide). So an employee is PROTECTED while the subject is ACTIVE or SUSPENDED
 * on the whitelist (a suspension is an approved shutdown of at most 3 days: "企业其他区域原则上不停工、不停产", the
 * entry stays) and the employee is neither positive nor a close or secondary contact. WITHDRAWN, with the
 * {@link Reason}:
 * <ul>
 * <li>POSITIVE — the employee's latest test result ({@code epi_latest_result}) is POSITIVE; a later negative result
 * protects them again;</li>
 * <li>CLOSE_CONTACT — listed as a close contact (密接) of an incident under observation or confirmed; once the
 * incident is cleared (the suspected case re-tested negative) or closed the contact is protected again;</li>
 * <li>SECONDARY_CONTACT — listed as a secondary contact (次密接, a contact of a close contact) of such an incident,
 * on the same terms ("其密接、次密接等风险人员同步返岗");</li>
 * <li>ENTRY_REMOVED — the subject was removed (熔断 REMOVED): every employee of it.</li>
 * </ul>
 * The employee's own reason goes first (POSITIVE, then CLOSE_CONTACT, then SECONDARY_CONTACT, then ENTRY_REMOVED). Both lists are derived
 * from the rosters, latest results, incidents and the subjects' whitelist status at the moment they are read, so a
 * removal, a positive result or a contact listing takes effect on the next read without a copy to keep in step.
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

    /** On the list: ACTIVE, or SUSPENDED by a shutdown (the entry stays; REMOVED is 熔断). */
    private static final String LISTED = "s.whitelist_status IN ('ACTIVE', 'SUSPENDED')";
    /** The employee's latest result is positive. */
    private static final String POSITIVE = "EXISTS (SELECT 1 FROM epi_latest_result r WHERE r.employee_seq = e.seq"
            + " AND r.last_result = 'POSITIVE')";
    /** A contact (close or secondary) of an incident neither cleared nor closed; {@code tiers} an SQL list. */
    private static String contact(String tiers) {
        return "EXISTS (SELECT 1 FROM epi_incident_contact c JOIN epi_incident i ON i.id = c.incident_id"
                + " WHERE c.employee_id = e.id AND c.tier IN (" + tiers + ") AND i.status IN ('OBSERVATION', 'CONFIRMED'))";
    }

    private static final String CLOSE_CONTACT = contact("'CLOSE'");
    private static final String SECONDARY_CONTACT = contact("'SECONDARY'");
    private static final String ANY_CONTACT = contact("'CLOSE', 'SECONDARY'");

    /** PROTECTED: listed and not excluded in person; WITHDRAWN: removed (熔断), or positive or a contact. */
    enum Status {
        PROTECTED, WITHDRAWN;

        String sql() {
            return this == PROTECTED ? LISTED + " AND NOT " + POSITIVE + " AND NOT " + ANY_CONTACT
                    : "(s.whitelist_status = 'REMOVED' OR " + LISTED + " AND (" + POSITIVE + " OR " + ANY_CONTACT + "))";
        }
    }

    /** Why an employee is not protected (WITHDRAWN); none while PROTECTED. */
    enum Reason {
        POSITIVE, CLOSE_CONTACT, SECONDARY_CONTACT, ENTRY_REMOVED
    }

    record Item(String employeeId, String enterpriseId, String enterpriseName, String regionCode, String name,
            String idNumber, String phone, PostType postType, String whitelistStatus, boolean codeProtected,
            Reason reason) {
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
                        messages.get(i.codeProtected() ? "epidemic.codeProtection.yes" : "epidemic.codeProtection.no"),
                        i.reason() == null ? "" : messages.get("epidemic.codeProtection.reason." + i.reason()));
            }).iterator();
            ExcelWorkbook.create().sheet(messages.get("epidemic.codeProtection.title"), List.of(
                    messages.get("epidemic.codeProtection.enterprise"), messages.get("epidemic.codeProtection.region"),
                    messages.get("epidemic.field.name"), messages.get("epidemic.field.idNumber"),
                    messages.get("epidemic.field.phone"), messages.get("epidemic.field.postType"),
                    messages.get("epidemic.codeProtection.whitelistStatus"),
                    messages.get("epidemic.codeProtection.protected"),
                    messages.get("epidemic.codeProtection.reason")), rows).write(out);
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

    private static final String SELECT = "SELECT e.id, e.subject_id, s.name AS subject_name, s.region_code, e.name,"
            + " e.id_enc, e.id_mask, e.phone_enc, e.phone_mask, e.post_type, s.whitelist_status, CASE WHEN " + POSITIVE
            + " THEN 'POSITIVE' WHEN " + CLOSE_CONTACT + " THEN 'CLOSE_CONTACT' WHEN " + SECONDARY_CONTACT
            + " THEN 'SECONDARY_CONTACT' WHEN NOT (" + LISTED
            + ") THEN 'ENTRY_REMOVED' END AS reason"
            + " FROM epi_employee e JOIN subject s ON s.id = e.subject_id WHERE ";

    /** The reader's scope, narrowed to a region and everything under it. */
    private static SqlFilter inRegion(String regionCode) {
        return CurrentUser.get().scope().subjects("s.region_code", "s.sector", "s.id")
                .and(new SqlFilter("s.region_code LIKE ?", List.of(Region.prefixOf(regionCode) + "%")));
    }

    private static SqlFilter where(Query q) {
        return inRegion(q.regionCode()).and(new SqlFilter(q.status().sql(), List.of()));
    }

    private Item item(java.sql.ResultSet rs, boolean reveal) throws java.sql.SQLException {
        String reason = rs.getString("reason");
        return new Item(rs.getString("id"), rs.getString("subject_id"), rs.getString("subject_name"),
                rs.getString("region_code"), rs.getString("name"),
                reveal ? cipher.decrypt(rs.getString("id_enc")) : rs.getString("id_mask"),
                reveal ? cipher.decrypt(rs.getString("phone_enc")) : rs.getString("phone_mask"),
                PostType.valueOf(rs.getString("post_type")), rs.getString("whitelist_status"), reason == null,
                reason == null ? null : Reason.valueOf(reason));
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
