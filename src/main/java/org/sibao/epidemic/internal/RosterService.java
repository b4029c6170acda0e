package org.sibao.epidemic.internal;

import org.sibao.platform.personal.PersonalDataCipher;
import org.sibao.platform.personal.IdNumbers;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.IntFunction;
import java.util.stream.Collectors;

import org.sibao.identity.CurrentUser;
import org.sibao.platform.ApiException;
import org.sibao.platform.BusinessClock;
import org.sibao.platform.Ids;
import org.sibao.platform.Messages;
import org.sibao.platform.PageQuery;
import org.sibao.platform.PageResult;
import org.sibao.platform.audit.AuditLog;
import org.sibao.subject.SubjectFacts;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import tools.jackson.databind.JsonNode;

/**
 * Rosters (SPEC §8): employees per subject with encrypted ID numbers and phones. Valid rows are kept and invalid
 * ones reported by index; the same ID number posted again for the same subject (in a later submission) updates the
 * employee, while one ID number twice in one submission keeps the first row and reports the second.
 */
@Service
@Transactional
class RosterService {

    static final int MAX_ROWS = 20_000;
    static final String ENTITY = "enterprise";

    /** The names of a subject's zones (for the import template), in name order. */
    List<String> zoneNames(String subjectId) {
        return jdbc.sql("SELECT name FROM epi_zone WHERE subject_id = ? ORDER BY name").param(subjectId)
                .query(String.class).list();
    }

    /** @param zone the name of one of the subject's zones (optional; omitted on an update: the zone stays) */
    record EmployeeInput(String name, String idNumber, String phone, String postType, String unit, String zone) {

        EmployeeInput(String name, String idNumber, String phone, String postType, String unit) {
            this(name, idNumber, phone, postType, unit, null);
        }
    }

    record RowError(int index, String field, String message) {
    }

    record RosterResult(int accepted, int rejected, List<RowError> errors) {
    }

    /** An employee as the API shows it: ID number and phone masked unless revealed; the zone they work in, if any. */
    record EmployeeView(String id, String enterpriseId, String name, String idNumber, String phone, PostType postType,
            String unit, OffsetDateTime rosteredAt, OffsetDateTime lastSampledAt, String lastKind, String lastResult,
            OffsetDateTime lastNegativeAt, String zoneId) {
    }

    private record Valid(String name, String id, String hash, String phone, PostType postType, String unit,
            String zoneId) {
    }

    private final JdbcClient jdbc;
    private final JdbcTemplate template;
    private final PersonalDataCipher cipher;
    private final EpidemicAccess access;
    private final BusinessClock clock;
    private final AuditLog audit;
    private final Messages messages;
    private final ZoneColours colours;

    RosterService(JdbcClient jdbc, JdbcTemplate template, PersonalDataCipher cipher, EpidemicAccess access,
            BusinessClock clock, AuditLog audit, Messages messages, ZoneColours colours) {
        this.jdbc = jdbc;
        this.template = template;
        this.cipher = cipher;
        this.access = access;
        this.clock = clock;
        this.audit = audit;
        this.messages = messages;
        this.colours = colours;
    }

    /** Rows as Java objects (Excel import, demo data); a row's error names it by its index. */
    RosterResult upsert(String enterpriseId, List<EmployeeInput> rows) {
        return upsert(access.writable(enterpriseId), rows, Map.of(), new HashMap<>(), this::byIndex);
    }

    /**
     * Rows as the API reads them, one after the other, in chunks of one file: {@code seen} carries the ID numbers
     * (hashes) kept so far to the next chunk with the name of their row, {@code rowName} names a row of this chunk.
     */
    RosterResult upsert(String enterpriseId, List<EmployeeInput> rows, Map<String, String> seen, IntFunction<String> rowName) {
        return upsert(access.writable(enterpriseId), rows, Map.of(), seen, rowName);
    }

    /**
     * The API's JSON array, read leniently: an element that is not an object, or a field with a value of the wrong
     * kind, is that row's error by index; the other rows are kept.
     */
    RosterResult upsertJson(String enterpriseId, JsonNode body) {
        SubjectFacts subject = access.writable(enterpriseId);
        if (body == null || body.isNull()) {
            throw ApiException.invalid("employees", "validation.required");
        }
        List<JsonNode> elements = JsonRows.elements(body);
        if (elements == null) {
            throw ApiException.invalid("employees", "epidemic.roster.notArray");
        }
        List<EmployeeInput> rows = new ArrayList<>(elements.size());
        Map<Integer, List<RowError>> readErrors = new HashMap<>();
        for (int i = 0; i < elements.size(); i++) {
            JsonRows.Fields f = JsonRows.read(elements.get(i), "name", "idNumber", "phone", "postType", "unit", "zone");
            if (f == null) {
                readErrors.put(i, List.of(error(i, "employee", "epidemic.roster.notObject")));
                rows.add(null);
                continue;
            }
            List<RowError> mistyped = new ArrayList<>();
            for (String field : f.mistyped()) {
                mistyped.add(error(i, field, "epidemic.roster.mistyped"));
            }
            if (!mistyped.isEmpty()) {
                readErrors.put(i, mistyped);
            }
            rows.add(new EmployeeInput(f.get("name"), f.get("idNumber"), f.get("phone"), f.get("postType"), f.get("unit"),
                    f.get("zone")));
        }
        return upsert(subject, rows, readErrors, new HashMap<>(), this::byIndex);
    }

    private String byIndex(int index) {
        return messages.get("epidemic.roster.rowIndex", String.valueOf(index));
    }

    /**
     * @param readErrors errors found while reading a row (a field of the wrong kind): reported instead of what
     *                   validation says about the same field
     * @param seen       ID-number hashes already kept in this submission → the name of their row; an ID number
     *                   sent again is the later row's error and the first row is kept
     */
    private RosterResult upsert(SubjectFacts subject, List<EmployeeInput> rows, Map<Integer, List<RowError>> readErrors,
            Map<String, String> seen, IntFunction<String> rowName) {
        if (rows == null) {
            throw ApiException.invalid("employees", "validation.required");
        }
        if (rows.size() > MAX_ROWS) {
            throw ApiException.invalid("employees", "epidemic.roster.tooMany", MAX_ROWS);
        }
        LocalDate today = clock.today();
        Map<String, String> zones = new HashMap<>();
        jdbc.sql("SELECT id, name FROM epi_zone WHERE subject_id = ?").param(subject.id())
                .query((rs, n) -> zones.put(rs.getString("name"), rs.getString("id"))).list();
        List<RowError> errors = new ArrayList<>();
        Map<String, Valid> byHash = new LinkedHashMap<>();
        int rejected = 0;
        for (int i = 0; i < rows.size(); i++) {
            EmployeeInput in = rows.get(i);
            List<RowError> rowErrors = new ArrayList<>(readErrors.getOrDefault(i, List.of()));
            if (in == null) {
                if (rowErrors.isEmpty()) {
                    rowErrors.add(error(i, "name", "validation.required"));
                }
            } else {
                List<RowError> found = new ArrayList<>();
                validate(i, in, today, found);
                if (in.zone() != null && !in.zone().isBlank() && !zones.containsKey(in.zone().trim())) {
                    found.add(error(i, "zone", "epidemic.roster.unknownZone", in.zone().trim()));
                }
                Set<String> mistyped = rowErrors.stream().map(RowError::field).collect(Collectors.toSet());
                found.stream().filter(e -> !mistyped.contains(e.field())).forEach(rowErrors::add);
            }
            String hash = rowErrors.isEmpty() ? cipher.hash(IdNumbers.normalize(in.idNumber())) : null;
            if (hash != null && seen.containsKey(hash)) {
                rowErrors.add(error(i, "idNumber", "epidemic.roster.duplicateId", seen.get(hash)));
            }
            if (!rowErrors.isEmpty()) {
                errors.addAll(rowErrors);
                rejected++;
                continue;
            }
            seen.put(hash, rowName.apply(i));
            String id = IdNumbers.normalize(in.idNumber());
            String unit = in.unit() == null || in.unit().isBlank() ? null : in.unit().trim();
            String zoneId = in.zone() == null || in.zone().isBlank() ? null : zones.get(in.zone().trim());
            byHash.put(hash, new Valid(in.name().trim(), id, hash, in.phone().trim(),
                    parsePostType(in.postType()), unit, zoneId));
        }
        int[] addedUpdated = save(subject, byHash);
        if (byHash.values().stream().anyMatch(v -> v.zoneId() != null)) {
            // someone may have moved into or out of a zone: its colour follows the people in it
            colours.recompute(subject.id());
        }
        int accepted = rows.size() - rejected;
        audit.record("epidemic.roster.upsert", ENTITY, subject.id(), subject.regionCode(), null,
                Map.of("accepted", accepted, "rejected", rejected, "added", addedUpdated[0], "updated", addedUpdated[1]));
        return new RosterResult(accepted, rejected, errors);
    }

    private void validate(int i, EmployeeInput in, LocalDate today, List<RowError> out) {
        if (in.name() == null || in.name().isBlank()) {
            out.add(error(i, "name", "validation.required"));
        } else if (in.name().trim().length() > 60) {
            out.add(error(i, "name", "validation.maxLength", 60));
        }
        if (in.idNumber() == null || in.idNumber().isBlank()) {
            out.add(error(i, "idNumber", "validation.required"));
        } else if (!IdNumbers.isValid(IdNumbers.normalize(in.idNumber()), today)) {
            out.add(error(i, "idNumber", "epidemic.idNumber.invalid"));
        }
        if (in.phone() == null || in.phone().isBlank()) {
            out.add(error(i, "phone", "validation.required"));
        } else if (!IdNumbers.isMobile(in.phone())) {
            out.add(error(i, "phone", "epidemic.phone.invalid"));
        }
        if (in.postType() == null || in.postType().isBlank()) {
            out.add(error(i, "postType", "validation.required"));
        } else if (parsePostType(in.postType()) == null) {
            out.add(error(i, "postType", "epidemic.postType.invalid", in.postType()));
        }
        if (in.unit() != null && in.unit().trim().length() > 100) {
            out.add(error(i, "unit", "validation.maxLength", 100));
        }
    }

    /** The post types by their codes and by the names people write (固定岗位 / 固定, Fixed post …). */
    private static final Map<String, PostType> POST_TYPE_NAMES = Map.ofEntries(
            Map.entry("固定岗位", PostType.FIXED), Map.entry("固定", PostType.FIXED), Map.entry("FIXED POST", PostType.FIXED),
            Map.entry("流动岗位", PostType.MOBILE), Map.entry("流动", PostType.MOBILE), Map.entry("MOBILE POST", PostType.MOBILE),
            Map.entry("城市保供", PostType.CITY_SUPPLY), Map.entry("保供", PostType.CITY_SUPPLY),
            Map.entry("城市保供岗位", PostType.CITY_SUPPLY), Map.entry("CITY SUPPLY", PostType.CITY_SUPPLY));

    static PostType parsePostType(String s) {
        if (s == null) {
            return null;
        }
        String t = s.trim().toUpperCase(java.util.Locale.ROOT);
        try {
            return PostType.valueOf(t);
        } catch (IllegalArgumentException e) {
            return POST_TYPE_NAMES.get(t);
        }
    }

    private RowError error(int index, String field, String key, Object... args) {
        return new RowError(index, field, messages.get(key, args));
    }

    /** Inserts new employees and updates known ones (same subject, same ID number); returns {added, updated}. */
    private int[] save(SubjectFacts subject, Map<String, Valid> byHash) {
        if (byHash.isEmpty()) {
            return new int[] {0, 0};
        }
        Map<String, String> existing = new HashMap<>();
        List<String> hashes = new ArrayList<>(byHash.keySet());
        for (int from = 0; from < hashes.size(); from += 500) {
            List<String> chunk = hashes.subList(from, Math.min(hashes.size(), from + 500));
            List<Object> params = new ArrayList<>();
            params.add(subject.id());
            params.addAll(chunk);
            jdbc.sql("SELECT id, id_hash FROM epi_employee WHERE subject_id = ? AND id_hash IN ("
                    + "?,".repeat(chunk.size() - 1) + "?)").params(params)
                    .query((rs, n) -> existing.put(rs.getString("id_hash"), rs.getString("id"))).list();
        }
        OffsetDateTime now = clock.nowOffset();
        List<Object[]> inserts = new ArrayList<>();
        List<Object[]> updates = new ArrayList<>();
        for (Valid v : byHash.values()) {
            String idEnc = cipher.encrypt(v.id());
            String phoneEnc = cipher.encrypt(v.phone());
            String known = existing.get(v.hash());
            if (known == null) {
                inserts.add(new Object[] {Ids.newId(), subject.id(), subject.regionCode(), subject.sector().name(),
                        v.name(), v.hash(), idEnc, IdNumbers.maskId(v.id()), phoneEnc, IdNumbers.maskPhone(v.phone()),
                        v.postType().name(), v.unit(), v.zoneId(), now, now});
            } else {
                updates.add(new Object[] {v.name(), idEnc, IdNumbers.maskId(v.id()), phoneEnc,
                        IdNumbers.maskPhone(v.phone()), v.postType().name(), v.unit(), v.zoneId(), now, known});
            }
        }
        template.batchUpdate("""
                INSERT INTO epi_employee (id, subject_id, region_code, sector, name, id_hash, id_enc, id_mask, phone_enc,
                    phone_mask, post_type, unit, zone_id, rostered_at, updated_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", inserts);
        template.batchUpdate("INSERT INTO epi_latest_result (employee_seq) SELECT seq FROM epi_employee WHERE id = ?",
                inserts.stream().map(row -> new Object[] {row[0]}).toList());
        template.batchUpdate("""
                UPDATE epi_employee SET name = ?, id_enc = ?, id_mask = ?, phone_enc = ?, phone_mask = ?, post_type = ?,
                    unit = ?, zone_id = COALESCE(?, zone_id), updated_at = ? WHERE id = ?""", updates);
        return new int[] {inserts.size(), updates.size()};
    }

    /**
     * Which employees of a roster to list. {@code q} matches the name or team (班组) anywhere, or the last four
     * characters of the ID number; {@code result} is the latest test result, or {@code UNTESTED} for none yet.
     */
    record RosterFilter(String q, String zoneId, String result) {
        static final RosterFilter ALL = new RosterFilter(null, null, null);
        static final List<String> RESULTS = List.of("POSITIVE", "PENDING", "NEGATIVE", "UNTESTED");

        public boolean isEmpty() {
            return blank(q) && blank(zoneId) && blank(result);
        }

        private static boolean blank(String s) {
            return s == null || s.isBlank();
        }
    }

    PageResult<EmployeeView> list(String enterpriseId, boolean reveal, PageQuery page) {
        return list(enterpriseId, reveal, RosterFilter.ALL, page);
    }

    @Transactional(readOnly = false)
    PageResult<EmployeeView> list(String enterpriseId, boolean reveal, RosterFilter filter, PageQuery page) {
        SubjectFacts subject = access.readable(enterpriseId);
        CurrentUser user = CurrentUser.get();
        if (reveal && !EpidemicAccess.mayReveal(user)) {
            throw ApiException.forbidden("error.forbidden");
        }
        StringBuilder where = new StringBuilder("e.subject_id = ?");
        List<Object> params = new ArrayList<>(List.of(subject.id()));
        if (!RosterFilter.blank(filter.q())) {
            String q = filter.q().trim();
            where.append(" AND (e.name LIKE ? OR e.unit LIKE ?");
            params.add(org.sibao.identity.SqlFilter.containing(q));
            params.add(org.sibao.identity.SqlFilter.containing(q));
            if (q.matches("[0-9]{3}[0-9Xx]")) {
                where.append(" OR e.id_mask LIKE ?");
                params.add("%" + q.toUpperCase(java.util.Locale.ROOT));
            }
            where.append(')');
        }
        if (!RosterFilter.blank(filter.zoneId())) {
            where.append(" AND e.zone_id = ?");
            params.add(filter.zoneId().trim());
        }
        org.sibao.platform.Validation v = new org.sibao.platform.Validation();
        String result = v.oneOf(RosterFilter.RESULTS, filter.result(), "result");
        v.throwIfInvalid();
        if (result != null) {
            if ("UNTESTED".equals(result)) {
                where.append(" AND x.last_result IS NULL");
            } else {
                where.append(" AND x.last_result = ?");
                params.add(result);
            }
        }
        String from = " FROM epi_employee e LEFT JOIN epi_latest_result x ON x.employee_seq = e.seq WHERE " + where;
        long total = jdbc.sql("SELECT COUNT(*)" + (result == null
                        ? " FROM epi_employee e WHERE " + where : from))
                .params(params).query(Long.class).single();
        List<Object> pageParams = new ArrayList<>(params);
        pageParams.add(page.size());
        pageParams.add(page.offset());
        List<EmployeeView> items = jdbc.sql("""
                SELECT e.id, e.subject_id, e.name, e.id_enc, e.id_mask, e.phone_enc, e.phone_mask, e.post_type, e.unit,
                    e.rostered_at, x.last_sampled_at, x.last_kind, x.last_result, x.last_negative_at, e.zone_id"""
                + from + " ORDER BY e.unit, e.name, e.id LIMIT ? OFFSET ?")
                .params(pageParams)
                .query((rs, n) -> new EmployeeView(rs.getString("id"), rs.getString("subject_id"), rs.getString("name"),
                        reveal ? cipher.decrypt(rs.getString("id_enc")) : rs.getString("id_mask"),
                        reveal ? cipher.decrypt(rs.getString("phone_enc")) : rs.getString("phone_mask"),
                        PostType.valueOf(rs.getString("post_type")), rs.getString("unit"),
                        rs.getObject("rostered_at", OffsetDateTime.class),
                        rs.getObject("last_sampled_at", OffsetDateTime.class), rs.getString("last_kind"),
                        rs.getString("last_result"), rs.getObject("last_negative_at", OffsetDateTime.class),
                        rs.getString("zone_id")))
                .list();
        if (reveal) {
            audit.record("epidemic.roster.reveal", ENTITY, subject.id(), subject.regionCode(), null,
                    Map.of("employees", items.size(), "page", page.page()));
        }
        return page.result(items, total);
    }
}
