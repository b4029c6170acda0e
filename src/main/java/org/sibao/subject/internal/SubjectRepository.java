package org.sibao.subject.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.sibao.identity.SqlFilter;
import org.sibao.platform.PageQuery;
import org.sibao.platform.PageResult;
import org.sibao.region.Industry;
import org.sibao.region.RegionService;
import org.sibao.region.Sector;
import org.sibao.subject.SubjectRef;
import org.sibao.subject.Incident;
import org.sibao.subject.IncidentKind;
import org.sibao.subject.LinkRelation;
import org.sibao.subject.OperationMode;
import org.sibao.subject.SizeClass;
import org.sibao.subject.SubjectAttribute;
import org.sibao.subject.SubjectFlag;
import org.sibao.subject.SubjectKind;
import org.sibao.subject.SubjectLink;
import org.sibao.subject.WhitelistStatus;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.SqlParameterValue;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Plain SQL over {@code subject} and its child tables. Every read takes the caller's scope predicate
 * ({@link SqlFilter} over {@code s.region_code}, {@code s.sector}, {@code s.id}); values are always bound.
 */
@Repository
class SubjectRepository {

    private static final String COLUMNS = """
            s.id, s.uscc, s.project_no, s.name, s.kind, s.region_code, s.address, s.legal_rep, s.contact_phone, s.sector,
            s.industry_code, s.employees, s.annual_revenue, s.total_assets, s.output_value, s.total_investment,
            s.annual_investment, s.size_class, s.flags, s.whitelist_status, s.whitelist_level, s.operation_mode,
            s.created_at, s.updated_at, s.version""";
    private static final int IN_CHUNK = 500;

    private final JdbcClient jdbc;
    private final JdbcTemplate template;
    private final RegionService regions;

    SubjectRepository(JdbcClient jdbc, JdbcTemplate template, RegionService regions) {
        this.jdbc = jdbc;
        this.template = template;
        this.regions = regions;
    }

    Optional<SubjectRecord> find(String id, SqlFilter scope) {
        List<Object> params = new ArrayList<>(scope.params());
        params.add(0, id);
        Optional<SubjectRecord> row = jdbc.sql("SELECT " + COLUMNS + " FROM subject s WHERE s.id = ? AND (" + scope.sql() + ")")
                .params(params).query(this::map).optional();
        return row.map(r -> withChildren(List.of(r)).get(0));
    }

    Optional<SubjectRef> findRef(String id, SqlFilter scope) {
        List<Object> params = new ArrayList<>(scope.params());
        params.add(0, id);
        return jdbc.sql("SELECT s.id, s.name, s.region_code, s.sector FROM subject s WHERE s.id = ? AND (" + scope.sql() + ")")
                .params(params)
                .query((rs, i) -> new SubjectRef(rs.getString(1), rs.getString(2), rs.getString(3),
                        Sector.valueOf(rs.getString(4))))
                .optional();
    }

    /**
     * The id of the one subject in scope a person's text names: its id, its USCC, its exact name, or the picker's
     * label "名称 · USCC"; empty when none or several match.
     */
    Optional<String> resolve(String text, SqlFilter scope) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        String t = text.trim();
        int dot = t.lastIndexOf('·');
        String uscc = dot >= 0 ? t.substring(dot + 1).trim() : t;
        // "名称 · USCC" as the pickers write it names one subject by its USCC, never another of the same name
        boolean picked = dot >= 0 && uscc.matches("[0-9A-Za-z]{18}");
        String name = picked ? null : t;
        // the most precise first: the id, then the USCC (the picker's "名称 · USCC" names it, and two subjects may
        // share a name), then a name no other subject in scope has
        for (String[] match : new String[][] {{"s.id = ?", t}, {"s.uscc = ? AND (s.project_no IS NULL OR s.project_no = '')",
                uscc.toUpperCase(java.util.Locale.ROOT)}, {"s.name = ?", name}}) {
            if (match[1] == null) {
                continue;
            }
            List<Object> params = new ArrayList<>(List.of(match[1]));
            params.addAll(scope.params());
            List<String> ids = jdbc.sql("SELECT s.id FROM subject s WHERE " + match[0] + " AND (" + scope.sql()
                    + ") ORDER BY s.id LIMIT 2").params(params).query(String.class).list();
            if (ids.size() == 1) {
                return Optional.of(ids.get(0));
            }
            if (ids.size() > 1) {
                return Optional.empty();
            }
        }
        return Optional.empty();
    }

    boolean exists(String id) {
        return jdbc.sql("SELECT COUNT(*) FROM subject WHERE id = ?").param(id).query(Long.class).single() > 0;
    }

    /** Ids of existing subjects among {@code ids}. */
    Set<String> existing(Collection<String> ids) {
        Set<String> found = new java.util.HashSet<>();
        for (List<String> chunk : chunks(List.copyOf(ids))) {
            found.addAll(jdbc.sql("SELECT id FROM subject WHERE id IN (" + marks(chunk.size()) + ")")
                    .params(new ArrayList<>(chunk)).query(String.class).list());
        }
        return found;
    }

    /** The id holding a USCC + project number, if any. */
    Optional<String> idOfKey(String uscc, String projectNo) {
        return jdbc.sql("SELECT id FROM subject WHERE uscc = ? AND project_no = ?").params(uscc, projectNo)
                .query(String.class).optional();
    }

    /** Which of the given "uscc|projectNo" keys already exist. */
    Set<String> existingKeys(Collection<String> usccs) {
        Set<String> found = new java.util.HashSet<>();
        for (List<String> chunk : chunks(List.copyOf(Set.copyOf(usccs)))) {
            jdbc.sql("SELECT uscc, project_no FROM subject WHERE uscc IN (" + marks(chunk.size()) + ")")
                    .params(new ArrayList<>(chunk))
                    .query((rs, i) -> rs.getString(1) + "|" + rs.getString(2)).list().forEach(found::add);
        }
        return found;
    }

    PageResult<SubjectRecord> search(SubjectFilter filter, SqlFilter scope, PageQuery page) {
        SqlFilter where = where(filter, scope);
        long total = jdbc.sql("SELECT COUNT(*) FROM subject s WHERE " + where.sql()).params(where.params())
                .query(Long.class).single();
        List<Object> params = new ArrayList<>(where.params());
        params.add(page.size());
        params.add(page.offset());
        List<SubjectRecord> rows = jdbc.sql("SELECT " + COLUMNS + " FROM subject s WHERE " + where.sql()
                + " ORDER BY s.region_code, s.name, s.id LIMIT ? OFFSET ?").params(params).query(this::map).list();
        return page.result(withChildren(rows), total);
    }

    long count(SubjectFilter filter, SqlFilter scope) {
        SqlFilter where = where(filter, scope);
        return jdbc.sql("SELECT COUNT(*) FROM subject s WHERE " + where.sql()).params(where.params()).query(Long.class).single();
    }

    /** Every matching subject, read in keyset pages of {@code pageSize} so that exports of any size stream. */
    Iterable<SubjectRecord> stream(SubjectFilter filter, SqlFilter scope, int pageSize) {
        SqlFilter where = where(filter, scope);
        return () -> new Iterator<>() {
            private String lastId = "";
            private Iterator<SubjectRecord> current = Collections.emptyIterator();
            private boolean exhausted;

            @Override
            public boolean hasNext() {
                if (!current.hasNext() && !exhausted) {
                    List<Object> params = new ArrayList<>(where.params());
                    params.add(lastId);
                    params.add(pageSize);
                    List<SubjectRecord> rows = jdbc.sql("SELECT " + COLUMNS + " FROM subject s WHERE (" + where.sql()
                            + ") AND s.id > ? ORDER BY s.id LIMIT ?").params(params).query(SubjectRepository.this::map).list();
                    exhausted = rows.size() < pageSize;
                    if (!rows.isEmpty()) {
                        lastId = rows.get(rows.size() - 1).id();
                    }
                    current = withChildren(rows).iterator();
                }
                return current.hasNext();
            }

            @Override
            public SubjectRecord next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                return current.next();
            }
        };
    }

    void insert(SubjectRecord r) {
        insertAll(List.of(r));
    }

    /** Set-based insert of many subjects and their children (JDBC batches). */
    void insertAll(List<SubjectRecord> records) {
        if (records.isEmpty()) {
            return;
        }
        template.batchUpdate("""
                INSERT INTO subject (id, uscc, project_no, name, kind, region_code, address, legal_rep, contact_phone, sector,
                    industry_code, employees, annual_revenue, total_assets, output_value, total_investment, annual_investment,
                    size_class, flags, whitelist_status, whitelist_level, operation_mode, created_at, updated_at, version)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                records.stream().map(r -> new Object[] {r.id(), r.uscc(), r.projectNo(), r.name(), r.kind().name(),
                        r.regionCode(), r.address(), r.legalRepresentative(), r.contactPhone(), r.sector().name(),
                        r.industryCode(), r.employees(), r.annualRevenue(), r.totalAssets(), r.outputValue(),
                        r.totalInvestment(), r.annualInvestment(), r.sizeClass().name(), flags(r.flags()),
                        r.whitelistStatus().name(), r.whitelistLevel(), r.operationMode().name(),
                        tz(r.createdAt()), tz(r.updatedAt()), r.version()}).toList());
        insertChildren(records);
    }

    /** Full update of the facts (not the whitelist standing or operation mode); replaces the children. */
    void update(SubjectRecord r) {
        jdbc.sql("""
                UPDATE subject SET uscc = ?, project_no = ?, name = ?, kind = ?, region_code = ?, address = ?, legal_rep = ?,
                    contact_phone = ?, sector = ?, industry_code = ?, employees = ?, annual_revenue = ?, total_assets = ?,
                    output_value = ?, total_investment = ?, annual_investment = ?, size_class = ?, flags = ?, updated_at = ?,
                    version = version + 1
                WHERE id = ?""")
                .params(r.uscc(), r.projectNo(), r.name(), r.kind().name(), r.regionCode(), r.address(),
                        r.legalRepresentative(), r.contactPhone(), r.sector().name(), r.industryCode(), r.employees(),
                        r.annualRevenue(), r.totalAssets(), r.outputValue(), r.totalInvestment(), r.annualInvestment(),
                        r.sizeClass().name(), flags(r.flags()), r.updatedAt(), r.id())
                .update();
        for (String table : List.of("subject_incident", "subject_link", "subject_attribute")) {
            jdbc.sql("DELETE FROM " + table + " WHERE subject_id = ?").param(r.id()).update();
        }
        insertChildren(List.of(r));
    }

    void setWhitelist(String id, WhitelistStatus status, String level, OffsetDateTime at) {
        jdbc.sql("UPDATE subject SET whitelist_status = ?, whitelist_level = ?, updated_at = ?, version = version + 1 WHERE id = ?")
                .params(status.name(), level, at, id).update();
    }

    void setOperationMode(String id, OperationMode mode, OffsetDateTime at) {
        jdbc.sql("UPDATE subject SET operation_mode = ?, updated_at = ?, version = version + 1 WHERE id = ?")
                .params(mode.name(), at, id).update();
    }

    int setOperationModeUnder(String prefix, WhitelistStatus status, OperationMode mode, List<String> excluded,
            OffsetDateTime at) {
        StringBuilder sql = new StringBuilder(
                "UPDATE subject SET operation_mode = ?, updated_at = ?, version = version + 1 WHERE region_code LIKE ?");
        List<Object> params = new ArrayList<>(List.of(mode.name(), at, prefix + "%"));
        if (status != null) {
            sql.append(" AND whitelist_status = ?");
            params.add(status.name());
        } else {
            // every subject under the region: only those not yet in the mode change (and count)
            sql.append(" AND operation_mode <> ?");
            params.add(mode.name());
        }
        for (String p : excluded) {
            sql.append(" AND region_code NOT LIKE ?");
            params.add(p + "%");
        }
        return jdbc.sql(sql.toString()).params(params).update();
    }

    List<String> idsUnder(String prefix, WhitelistStatus status) {
        return status == null
                ? jdbc.sql("SELECT id FROM subject WHERE region_code LIKE ?").param(prefix + "%").query(String.class).list()
                : jdbc.sql("SELECT id FROM subject WHERE region_code LIKE ? AND whitelist_status = ?")
                        .params(prefix + "%", status.name()).query(String.class).list();
    }

    /** Replaces (or with {@code typed} null removes) one extra fact. */
    void setAttribute(String id, SubjectAttribute attribute, Object typed, OffsetDateTime at) {
        jdbc.sql("DELETE FROM subject_attribute WHERE subject_id = ? AND name = ?").params(id, attribute.key()).update();
        if (typed != null) {
            jdbc.sql("INSERT INTO subject_attribute (subject_id, name, attr_value) VALUES (?, ?, ?)")
                    .params(id, attribute.key(), attribute.format(typed)).update();
        }
        jdbc.sql("UPDATE subject SET updated_at = ?, version = version + 1 WHERE id = ?").params(at, id).update();
    }

    long countAll() {
        return jdbc.sql("SELECT COUNT(*) FROM subject").query(Long.class).single();
    }

    private void insertChildren(List<SubjectRecord> records) {
        List<Object[]> incidents = new ArrayList<>();
        List<Object[]> links = new ArrayList<>();
        List<Object[]> attributes = new ArrayList<>();
        for (SubjectRecord r : records) {
            for (int i = 0; i < r.incidents().size(); i++) {
                Incident inc = r.incidents().get(i);
                incidents.add(new Object[] {r.id(), i, inc.kind().name(), inc.date()});
            }
            for (SubjectLink l : r.links()) {
                links.add(new Object[] {r.id(), l.enterpriseId(), l.relation().name()});
            }
            r.attributes().forEach((a, v) -> attributes.add(new Object[] {r.id(), a.key(), a.format(v)}));
        }
        if (!incidents.isEmpty()) {
            template.batchUpdate("INSERT INTO subject_incident (subject_id, seq, kind, incident_date) VALUES (?, ?, ?, ?)", incidents);
        }
        if (!links.isEmpty()) {
            template.batchUpdate("INSERT INTO subject_link (subject_id, other_id, relation) VALUES (?, ?, ?)", links);
        }
        if (!attributes.isEmpty()) {
            template.batchUpdate("INSERT INTO subject_attribute (subject_id, name, attr_value) VALUES (?, ?, ?)", attributes);
        }
    }

    /** Loads incidents, links and attributes of a page of subjects in three queries. */
    private List<SubjectRecord> withChildren(List<SubjectRecord> rows) {
        if (rows.isEmpty()) {
            return rows;
        }
        Map<String, List<Incident>> incidents = new HashMap<>();
        Map<String, List<SubjectLink>> links = new HashMap<>();
        Map<String, Map<SubjectAttribute, Object>> attributes = new HashMap<>();
        for (List<String> chunk : chunks(rows.stream().map(SubjectRecord::id).toList())) {
            String in = marks(chunk.size());
            List<Object> ids = new ArrayList<>(chunk);
            jdbc.sql("SELECT subject_id, kind, incident_date FROM subject_incident WHERE subject_id IN (" + in + ") ORDER BY subject_id, seq")
                    .params(ids).query(rs -> {
                        incidents.computeIfAbsent(rs.getString(1), k -> new ArrayList<>())
                                .add(new Incident(IncidentKind.valueOf(rs.getString(2)), rs.getObject(3, LocalDate.class)));
                    });
            jdbc.sql("SELECT subject_id, other_id, relation FROM subject_link WHERE subject_id IN (" + in + ") ORDER BY subject_id, relation, other_id")
                    .params(ids).query(rs -> {
                        links.computeIfAbsent(rs.getString(1), k -> new ArrayList<>())
                                .add(new SubjectLink(rs.getString(2), LinkRelation.valueOf(rs.getString(3))));
                    });
            jdbc.sql("SELECT subject_id, name, attr_value FROM subject_attribute WHERE subject_id IN (" + in + ")")
                    .params(ids).query(rs -> {
                        String subjectId = rs.getString(1);
                        String value = rs.getString(3);
                        SubjectAttribute.byKey(rs.getString(2)).ifPresent(a -> attributes
                                .computeIfAbsent(subjectId, k -> new LinkedHashMap<>()).put(a, a.parseStored(value)));
                    });
        }
        return rows.stream().map(r -> r.withChildren(List.copyOf(incidents.getOrDefault(r.id(), List.of())),
                List.copyOf(links.getOrDefault(r.id(), List.of())), sorted(attributes.getOrDefault(r.id(), Map.of()))))
                .toList();
    }

    private static Map<SubjectAttribute, Object> sorted(Map<SubjectAttribute, Object> m) {
        Map<SubjectAttribute, Object> out = new LinkedHashMap<>();
        Arrays.stream(SubjectAttribute.values()).filter(m::containsKey).forEach(a -> out.put(a, m.get(a)));
        return out;
    }

    private static SqlFilter where(SubjectFilter f, SqlFilter scope) {
        List<String> parts = new ArrayList<>();
        List<Object> params = new ArrayList<>();
        if (f.regionCode() != null) {
            parts.add("s.region_code LIKE ?");
            params.add(org.sibao.region.Region.prefixOf(f.regionCode()) + "%");
        }
        if (f.sector() != null) {
            parts.add("s.sector = ?");
            params.add(f.sector().name());
        }
        if (f.q() != null && !f.q().isBlank()) {
            String q = SqlFilter.escapeLike(f.q().trim());
            parts.add("(s.name LIKE ? OR s.uscc LIKE ?)");
            params.add("%" + q + "%");
            params.add(q.toUpperCase(java.util.Locale.ROOT) + "%");
        }
        if (f.kind() != null) {
            parts.add("s.kind = ?");
            params.add(f.kind().name());
        }
        if (f.sizeClass() != null) {
            parts.add("s.size_class = ?");
            params.add(f.sizeClass().name());
        }
        if (f.whitelistStatus() != null) {
            parts.add("s.whitelist_status = ?");
            params.add(f.whitelistStatus().name());
        }
        SqlFilter own = parts.isEmpty() ? SqlFilter.NONE : new SqlFilter(String.join(" AND ", parts), params);
        return scope.and(own);
    }


    private SubjectRecord map(ResultSet rs, int rowNum) throws SQLException {
        String industryCode = rs.getString("industry_code");
        Object employees = rs.getObject("employees");
        return new SubjectRecord(rs.getString("id"), rs.getString("uscc"), rs.getString("project_no"),
                rs.getString("name"), SubjectKind.valueOf(rs.getString("kind")), rs.getString("region_code"),
                rs.getString("address"), rs.getString("legal_rep"), rs.getString("contact_phone"),
                Sector.valueOf(rs.getString("sector")), industryCode,
                industryCode == null ? null : regions.industry(industryCode).map(Industry::sectionCode).orElse(null),
                employees == null ? null : ((Number) employees).intValue(), rs.getBigDecimal("annual_revenue"),
                rs.getBigDecimal("total_assets"), rs.getBigDecimal("output_value"), rs.getBigDecimal("total_investment"),
                rs.getBigDecimal("annual_investment"), SizeClass.valueOf(rs.getString("size_class")),
                parseFlags(rs.getString("flags")), List.of(), List.of(), Map.of(),
                WhitelistStatus.valueOf(rs.getString("whitelist_status")), rs.getString("whitelist_level"),
                OperationMode.valueOf(rs.getString("operation_mode")), rs.getObject("created_at", OffsetDateTime.class),
                rs.getObject("updated_at", OffsetDateTime.class), rs.getInt("version"));
    }

    private static String flags(Set<SubjectFlag> flags) {
        return flags.stream().sorted().map(Enum::name).collect(Collectors.joining(","));
    }

    private static Set<SubjectFlag> parseFlags(String text) {
        Set<SubjectFlag> set = EnumSet.noneOf(SubjectFlag.class);
        if (text != null && !text.isBlank()) {
            for (String f : text.split(",")) {
                set.add(SubjectFlag.valueOf(f));
            }
        }
        return set;
    }

    private static Object tz(OffsetDateTime t) {
        return new SqlParameterValue(Types.TIMESTAMP_WITH_TIMEZONE, t);
    }

    private static String marks(int n) {
        return String.join(", ", Collections.nCopies(n, "?"));
    }

    private static <T> List<List<T>> chunks(List<T> list) {
        List<List<T>> out = new ArrayList<>();
        for (int i = 0; i < list.size(); i += IN_CHUNK) {
            out.add(list.subList(i, Math.min(list.size(), i + IN_CHUNK)));
        }
        return out;
    }
}
