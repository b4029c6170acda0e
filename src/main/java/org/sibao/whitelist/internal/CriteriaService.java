package org.sibao.whitelist.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import org.sibao.identity.CurrentUser;
import org.sibao.identity.Role;
import org.sibao.platform.ApiException;
import org.sibao.platform.BusinessClock;
import org.sibao.platform.Ids;
import org.sibao.platform.Validation;
import org.sibao.platform.audit.AuditLog;
import org.sibao.region.RegionService;
import org.sibao.region.Sector;
import org.sibao.whitelist.internal.CriteriaSet.Criterion;
import org.sibao.whitelist.internal.CriteriaSet.Kind;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Criteria versions per sector and level. Publishing writes a new version for the author's own area (its region);
 * a subject is checked against the latest version of the department nearest to it, else the province-wide
 * default. Old versions stay as they were, and an application keeps the version it was checked against. Version 1
 * of every sector and level is seeded at start, province-wide, when missing ({@link CriteriaSeed}).
 */
@Service
@org.springframework.core.annotation.Order(15)
class CriteriaService implements ApplicationRunner {

    static final List<String> LEVELS = List.of("COUNTY", "CITY", "PROVINCE");
    private static final Pattern CODE = Pattern.compile("[A-Z][A-Z0-9_]{0,39}");

    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final WhitelistRules rules;
    private final BusinessClock clock;
    private final AuditLog audit;
    private final RegionService regions;

    CriteriaService(JdbcClient jdbc, JsonMapper json, WhitelistRules rules, BusinessClock clock, AuditLog audit,
            RegionService regions) {
        this.jdbc = jdbc;
        this.json = json;
        this.rules = rules;
        this.clock = clock;
        this.audit = audit;
        this.regions = regions;
    }

    @Override
    @Transactional
    public void run(ApplicationArguments args) {
        for (Sector sector : Sector.values()) {
            for (String level : LEVELS) {
                if (current(sector.name(), level).isEmpty()) {
                    insert(sector.name(), level, 1, CriteriaSeed.forSector(sector, json), "种子数据（新县标准）", "system",
                            null);
                }
            }
        }
    }

    /** The province-wide set in force (the seeded default or the province department's latest). */
    Optional<CriteriaSet> current(String sector, String level) {
        return current(sector, level, null);
    }

    /**
     * The set in force for subjects of a region: the latest version published by the department nearest to it (its
     * county's, else its city's, else the province's), else the province-wide default. A null region: the default.
     */
    Optional<CriteriaSet> current(String sector, String level, String regionCode) {
        List<String> nearestFirst = nearestFirst(regionCode);
        return applying(sector, level, nearestFirst).stream()
                .min(Comparator.<CriteriaSet>comparingInt(c -> c.regionCode() == null ? nearestFirst.size()
                        : nearestFirst.indexOf(c.regionCode())).thenComparing(CriteriaSet::version, Comparator.reverseOrder()));
    }

    /** The region and its ancestors, nearest first; none for null. */
    private List<String> nearestFirst(String regionCode) {
        if (regionCode == null) {
            return List.of();
        }
        return regions.upwards(regionCode).stream().map(org.sibao.region.Region::code).toList();
    }

    /** The versions of a sector and level that apply to subjects of the given regions: theirs and the defaults. */
    private List<CriteriaSet> applying(String sector, String level, List<String> regionCodes) {
        List<Object> params = new ArrayList<>(List.of(sector, level));
        params.addAll(regionCodes);
        String in = regionCodes.isEmpty() ? "" : " OR region_code IN ("
                + String.join(", ", java.util.Collections.nCopies(regionCodes.size(), "?")) + ")";
        return jdbc.sql("SELECT * FROM wl_criteria_set WHERE sector = ? AND wl_level = ? AND (region_code IS NULL" + in
                + ") ORDER BY version DESC").params(params).query(this::map).list();
    }

    /**
     * The published sets in force, for the public page (遴选标准向社会公布): of each sector (or the one given) and
     * level, with a region the set that applies to its subjects ({@link #current(String, String, String)}), without
     * one every area's latest version — the province-wide default first, then each department's own by region code.
     */
    List<CriteriaSet> inForce(String sector, String regionCode) {
        List<CriteriaSet> out = new ArrayList<>();
        for (Sector s : Sector.values()) {
            if (sector != null && !s.name().equals(sector)) {
                continue;
            }
            for (String level : LEVELS) {
                if (regionCode != null) {
                    current(s.name(), level, regionCode).ifPresent(out::add);
                    continue;
                }
                Map<String, CriteriaSet> latest = new LinkedHashMap<>();
                for (CriteriaSet c : jdbc.sql("SELECT * FROM wl_criteria_set WHERE sector = ? AND wl_level = ?"
                        + " ORDER BY version DESC").params(s.name(), level).query(this::map).list()) {
                    latest.putIfAbsent(c.regionCode() == null ? "" : c.regionCode(), c);
                }
                latest.entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(e -> out.add(e.getValue()));
            }
        }
        return out;
    }

    Optional<CriteriaSet> version(String sector, String level, int version) {
        return jdbc.sql("SELECT * FROM wl_criteria_set WHERE sector = ? AND wl_level = ? AND version = ?")
                .params(sector, level, version).query(this::map).optional();
    }

    CriteriaSet get(String id) {
        return jdbc.sql("SELECT * FROM wl_criteria_set WHERE id = ?").param(id).query(this::map).optional()
                .orElseThrow(() -> ApiException.notFound("criteriaSet", id));
    }

    /** The versions that ever applied to a region's subjects (its own area's and the defaults), newest first. */
    List<Integer> versions(String sector, String level, String regionCode) {
        return applying(sector, level, nearestFirst(regionCode)).stream().map(CriteriaSet::version).toList();
    }

    /** Whether the user authors criteria of this sector and level: its sector department acting at that level. */
    boolean mayEdit(CurrentUser user, String sector, String level) {
        return user.is(Role.SECTOR_OFFICER) && user.sector() != null && user.sector().name().equals(sector)
                && regions.actingLevel(user.regionCode()).name().equals(level);
    }

    /**
     * Validates every criterion (code, title, kind, rule with its path such as {@code criteria[2].rule.fact}) and
     * publishes them as the next version.
     */
    @Transactional
    CriteriaSet publish(CurrentUser user, String sector, String level, List<Map<String, Object>> input, String note) {
        Validation v = new Validation();
        checkSectorLevel(sector, level, v);
        v.throwIfInvalid();
        if (!mayEdit(user, sector, level)) {
            throw ApiException.forbidden("whitelist.criteria.notEditor");
        }
        List<Criterion> criteria = parse(input, v);
        v.maxLength(note, 500, "note");
        v.throwIfInvalid();
        // the author's own area: a county department's criteria apply in that county (SPEC §2: never a sibling's)
        String region = user.regionCode();
        CriteriaSet before = current(sector, level, region).orElse(null);
        int next = jdbc.sql("SELECT COALESCE(MAX(version), 0) + 1 FROM wl_criteria_set WHERE sector = ? AND wl_level = ?")
                .params(sector, level).query(Integer.class).single();
        CriteriaSet saved = insert(sector, level, next, criteria, note, user.displayName(), region);
        audit.record("WL_CRITERIA_PUBLISH", "WhitelistCriteria", saved.id(),
                before == null ? null : Map.of("version", before.version(), "criteria", toJson(before.criteria())),
                Map.of("sector", sector, "level", level, "regionCode", region, "version", next, "criteria",
                        toJson(criteria)));
        return saved;
    }

    List<Criterion> parse(List<Map<String, Object>> input, Validation v) {
        List<Criterion> criteria = new ArrayList<>();
        if (input == null || input.isEmpty()) {
            v.reject("criteria", "whitelist.criteria.empty");
            return criteria;
        }
        Set<String> codes = new HashSet<>();
        for (int i = 0; i < input.size(); i++) {
            Map<String, Object> c = input.get(i);
            String p = "criteria[" + i + "]";
            Validation n = v.nested(p);
            String code = c.get("code") == null ? null : c.get("code").toString().trim();
            String title = c.get("title") == null ? null : c.get("title").toString().trim();
            Object kindRaw = c.get("kind");
            if (n.required(code, "code") && n.check(CODE.matcher(code).matches(), "code", "whitelist.criteria.code")) {
                n.check(codes.add(code), "code", "whitelist.criteria.duplicateCode", code);
            }
            if (n.required(title, "title")) {
                n.maxLength(title, 200, "title");
            }
            Kind kind = null;
            if (n.required(kindRaw, "kind")) {
                try {
                    kind = Kind.valueOf(kindRaw.toString());
                } catch (IllegalArgumentException e) {
                    n.reject("kind", "validation.badValue");
                }
            }
            JsonNode rule = c.get("rule") instanceof JsonNode j ? j : json.valueToTree(c.get("rule"));
            if (rule == null || rule.isNull() || rule.isMissingNode()) {
                n.reject("rule", "validation.required");
            } else {
                rules.engine().parseInto(rule, p + ".rule", v);
            }
            criteria.add(new Criterion(code, title, kind, rule));
        }
        return criteria;
    }

    static void checkSectorLevel(String sector, String level, Validation v) {
        v.check(Sector.parse(sector).isPresent(), "sector", "validation.badValue");
        v.check(level != null && LEVELS.contains(level), "level", "validation.badValue");
    }

    private CriteriaSet insert(String sector, String level, int version, List<Criterion> criteria, String note,
            String by, String regionCode) {
        String id = Ids.newId();
        jdbc.sql("""
                INSERT INTO wl_criteria_set (id, sector, wl_level, version, criteria_json, note, published_at, published_by,
                    region_code)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(id, sector, level, version, json.writeValueAsString(toJson(criteria)), note,
                        clock.nowOffset(), by, regionCode)
                .update();
        return get(id);
    }

    ArrayNode toJson(List<Criterion> criteria) {
        ArrayNode array = json.createArrayNode();
        for (Criterion c : criteria) {
            ObjectNode o = array.addObject();
            o.put("code", c.code());
            o.put("title", c.title());
            o.put("kind", c.kind() == null ? null : c.kind().name());
            o.set("rule", c.rule());
        }
        return array;
    }

    private CriteriaSet map(ResultSet rs, int row) throws SQLException {
        JsonNode array = json.readTree(rs.getString("criteria_json"));
        List<Criterion> criteria = new ArrayList<>();
        for (JsonNode c : array) {
            criteria.add(new Criterion(c.get("code").asString(), c.get("title").asString(),
                    Kind.valueOf(c.get("kind").asString()), c.get("rule")));
        }
        return new CriteriaSet(rs.getString("id"), rs.getString("sector"), rs.getString("wl_level"),
                rs.getInt("version"), criteria, rs.getString("note"),
                rs.getObject("published_at", OffsetDateTime.class), rs.getString("published_by"),
                rs.getString("region_code"));
    }

    /** The JSON view of a version, with each rule's plain-language preview. */
    Map<String, Object> view(CriteriaSet set, Prechecker prechecker) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", set.id());
        m.put("sector", set.sector());
        m.put("level", set.level());
        m.put("version", set.version());
        m.put("regionCode", set.regionCode());
        m.put("note", set.note());
        m.put("publishedAt", set.publishedAt());
        m.put("publishedBy", set.publishedBy());
        List<Map<String, Object>> items = new ArrayList<>();
        for (Criterion c : set.criteria()) {
            Map<String, Object> i = new LinkedHashMap<>();
            i.put("code", c.code());
            i.put("title", c.title());
            i.put("kind", c.kind().name());
            i.put("rule", c.rule());
            i.put("preview", prechecker.preview(c.rule()));
            items.add(i);
        }
        m.put("criteria", items);
        return m;
    }
}
