package org.sibao.appeal.internal;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.sibao.appeal.AppealCategory;
import org.sibao.appeal.AppealMetrics;
import org.sibao.appeal.AppealStatus;
import org.sibao.appeal.Appeals;
import org.sibao.identity.CurrentUser;
import org.sibao.identity.DataScope;
import org.sibao.identity.Role;
import org.sibao.identity.SqlFilter;
import org.sibao.platform.ApiException;
import org.sibao.platform.BusinessClock;
import org.sibao.platform.PageQuery;
import org.sibao.platform.PageResult;
import org.sibao.platform.Validation;
import org.sibao.region.Region;
import org.sibao.region.RegionService;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** Reads: detail, filtered lists (queues, ledger), similar appeals and metrics; the module's public facade. */
@Service
@Transactional(readOnly = true)
class AppealQueries implements Appeals {

    /** List filters; every field optional. {@code statuses} may name several states. */
    record Filter(List<AppealStatus> statuses, AppealCategory category, String regionCode, Boolean overdue,
            String enterpriseId, String handlerRegionCode, String departmentCode, String assignedRegionCode, String q) {

        static Filter none() {
            return new Filter(List.of(), null, null, null, null, null, null, null, null);
        }

        /** The same filter narrowed to what is assigned to a department at a region (a handler's to-do). */
        Filter assignedTo(String department, String region) {
            return new Filter(statuses, category, regionCode, overdue, enterpriseId, handlerRegionCode, department,
                    region, q);
        }
    }

    private final AppealRepository repository;
    private final AppealService service;
    private final SimilarAppeals similar;
    private final AppealMetricsQuery metrics;
    private final RegionService regions;
    private final BusinessClock clock;

    AppealQueries(AppealRepository repository, AppealService service, SimilarAppeals similar,
            AppealMetricsQuery metrics, RegionService regions, BusinessClock clock) {
        this.repository = repository;
        this.service = service;
        this.similar = similar;
        this.metrics = metrics;
        this.regions = regions;
        this.clock = clock;
    }

    /**
     * One appeal in the caller's scope, or 404. Outside a transaction on purpose: one statement reads the appeal
     * with its history; call-backs and attachments are read only when the appeal has any.
     */
    @Transactional(propagation = Propagation.SUPPORTS, readOnly = true)
    AppealView detail(String id) {
        AppealRepository.Detail d = repository.detail(id, AppealService.scopeOf(CurrentUser.get()))
                .orElseThrow(() -> ApiException.notFound("appeal", id));
        String appealId = d.row().id();
        return AppealView.of(d.row(), clock.nowOffset(), d.history(),
                d.callbacks() == 0 ? List.of() : repository.callbacks(appealId),
                d.attachments() == 0 ? List.of() : repository.attachments(appealId));
    }

    @Override
    @Transactional
    public String file(String enterpriseId, AppealCategory category, String title, String description) {
        return service.file(new AppealInputs.FileAppeal(enterpriseId, category == null ? null : category.name(), title,
                description, null, null)).id();
    }

    /** A just-filed appeal as the API answers it: nothing to read back, its only history entry is the filing. */
    @Transactional(propagation = Propagation.SUPPORTS, readOnly = true)
    AppealView filed(AppealRow a) {
        return AppealView.of(a, clock.nowOffset(), List.of(AppealRepository.HistoryEntry.submitted(a)), List.of(),
                List.of());
    }

    AppealView view(AppealRow a) {
        return AppealView.of(a, clock.nowOffset(), repository.history(a.id()), repository.callbacks(a.id()),
                repository.attachments(a.id()));
    }

    Filter parse(String status, String category, String regionCode, Boolean overdue, String enterpriseId, String q) {
        Validation v = new Validation();
        List<AppealStatus> statuses = new ArrayList<>();
        if (status != null && !status.isBlank()) {
            for (String s : status.split(",")) {
                AppealStatus st = AppealService.parse(AppealStatus.class, s, "status", v, false);
                if (st != null) {
                    statuses.add(st);
                }
            }
        }
        AppealCategory cat = AppealService.parse(AppealCategory.class, category, "category", v, false);
        String region = regionCode == null || regionCode.isBlank() ? null : regionCode.trim();
        if (region != null) {
            v.check(regions.find(region).isPresent(), "regionCode", "validation.badValue");
        }
        v.throwIfInvalid();
        return new Filter(statuses, cat, region, overdue, blank(enterpriseId), null, null, null, blank(q));
    }

    PageResult<AppealView> list(Filter f, PageQuery page) {
        SqlFilter where = where(CurrentUser.get(), f);
        long total = repository.count(where);
        OffsetDateTime now = clock.nowOffset();
        List<AppealView> items = repository.list(where, "a.filed_at DESC, a.id", page.size(), page.offset()).stream()
                .map(a -> AppealView.summary(a, now)).toList();
        return page.result(items, total);
    }

    /** Every row of a filter, for the ledger export (bounded by the caller's scope). */
    List<AppealRow> all(Filter f, int max) {
        return repository.list(where(CurrentUser.get(), f), "a.filed_at DESC, a.id", max, 0);
    }

    /**
     * The caller's scope, narrowed for DEPT_HANDLERs to what is assigned to their department at their region, and
     * the filter's conditions; all bound parameters.
     */
    SqlFilter where(CurrentUser user, Filter f) {
        SqlFilter where = AppealService.scopeOf(user);
        List<String> parts = new ArrayList<>();
        List<Object> params = new ArrayList<>();
        if (user.role() == Role.DEPT_HANDLER) {
            parts.add("a.department_code = ? AND a.assigned_region_code = ?");
            params.add(user.department());
            params.add(user.regionCode());
        }
        if (!f.statuses().isEmpty()) {
            parts.add("a.status IN (" + String.join(",", f.statuses().stream().map(s -> "?").toList()) + ")");
            f.statuses().forEach(s -> params.add(s.name()));
        }
        if (f.category() != null) {
            parts.add("a.category = ?");
            params.add(f.category().name());
        }
        if (f.regionCode() != null) {
            parts.add("a.region_code LIKE ?");
            params.add(Region.prefixOf(f.regionCode()) + "%");
        }
        if (f.enterpriseId() != null) {
            parts.add("a.enterprise_id = ?");
            params.add(f.enterpriseId());
        }
        if (f.handlerRegionCode() != null) {
            parts.add("a.handler_region_code = ?");
            params.add(f.handlerRegionCode());
        }
        if (f.departmentCode() != null) {
            parts.add("a.department_code = ?");
            params.add(f.departmentCode());
        }
        if (f.assignedRegionCode() != null) {
            parts.add("a.assigned_region_code = ?");
            params.add(f.assignedRegionCode());
        }
        if (f.q() != null) {
            parts.add("(LOWER(a.title) LIKE ? OR LOWER(a.enterprise_name) LIKE ?)");
            String like = org.sibao.identity.SqlFilter.containing(f.q().toLowerCase(Locale.ROOT));
            params.add(like);
            params.add(like);
        }
        if (f.overdue() != null) {
            OffsetDateTime now = clock.nowOffset();
            parts.add(f.overdue() ? AppealSql.OVERDUE : "NOT COALESCE(" + AppealSql.OVERDUE + ", FALSE)");
            params.add(now);
            params.add(now);
            params.add(now);
        }
        return parts.isEmpty() ? where : where.and(new SqlFilter(String.join(" AND ", parts), params));
    }

    List<Map<String, Object>> similar(String id, int limit) {
        AppealRow target = service.get(id);
        OffsetDateTime now = clock.nowOffset();
        return similar.similarTo(target, AppealService.scopeOf(CurrentUser.get()), limit).stream().map(s -> {
            Map<String, Object> m = new LinkedHashMap<>();
            AppealView v = AppealView.summary(s.appeal(), now);
            m.put("id", v.id());
            m.put("title", v.title());
            m.put("description", v.description());
            m.put("enterpriseName", v.enterpriseName());
            m.put("status", v.status());
            m.put("clusterId", v.clusterId());
            m.put("filedAt", v.filedAt());
            m.put("score", Math.round(s.score() * 1000) / 1000.0);
            return m;
        }).toList();
    }

    @Override
    public long openCount(DataScope scope) {
        SqlFilter where = scope.subjects("a.region_code", "a.sector", "a.enterprise_id")
                .and(new SqlFilter(AppealSql.OPEN, List.of()));
        return repository.count(where);
    }

    @Override
    public long closedCount(DataScope scope) {
        SqlFilter where = scope.subjects("a.region_code", "a.sector", "a.enterprise_id")
                .and(new SqlFilter("a.status = 'CLOSED'", List.of()));
        return repository.count(where);
    }

    @Override
    public long overdueCount(DataScope scope) {
        OffsetDateTime now = clock.nowOffset();
        SqlFilter where = scope.subjects("a.region_code", "a.sector", "a.enterprise_id")
                .and(new SqlFilter(AppealSql.OVERDUE, List.of(now, now, now)));
        return repository.count(where);
    }

    @Override
    public AppealMetrics metrics(DataScope scope, String regionCode, LocalDate from, LocalDate to) {
        SqlFilter where = metricsWhere(scope, regionCode);
        AppealMetricsQuery.Counts total = new AppealMetricsQuery.Counts();
        metrics.grouped("a.region_code", where, AppealMetricsQuery.Period.of(from, to), clock.nowOffset()).values()
                .forEach(total::add);
        return total.metrics();
    }

    /** The region (default: the caller's) must lie within the caller's region; metrics are for officials only. */
    String metricsRegion(CurrentUser user, String regionCode) {
        // officials, and INTEGRATION accounts of upper platforms (their scope is their region)
        if (!user.role().isOfficial() && user.role() != Role.INTEGRATION) {
            throw ApiException.forbidden("appeal.error.metricsOfficialsOnly");
        }
        String region = regionCode == null || regionCode.isBlank() ? user.regionCode() : regionCode.trim();
        if (regions.find(region).isEmpty()) {
            throw ApiException.invalid("regionCode", "validation.badValue");
        }
        if (!regions.isWithin(region, user.regionCode())) {
            throw ApiException.notFound("region", region);
        }
        return region;
    }

    LocalDate[] period(LocalDate from, LocalDate to) {
        LocalDate t = to == null ? clock.today() : to;
        Validation v = new Validation();
        // years 1–9999 only: the extremes of LocalDate overflow the arithmetic below
        v.check(t.getYear() >= 1 && t.getYear() <= 9999, "to", "validation.invalid");
        v.check(from == null || (from.getYear() >= 1 && from.getYear() <= 9999), "from", "validation.invalid");
        v.throwIfInvalid();
        LocalDate f = from == null ? t.minusDays(29) : from;
        v.check(!f.isAfter(t), "from", "appeal.validation.period");
        v.check(f.plusDays(366).isAfter(t), "to", "appeal.validation.periodLength");
        v.throwIfInvalid();
        return new LocalDate[] {f, t};
    }

    private static SqlFilter metricsWhere(DataScope scope, String regionCode) {
        return scope.subjects("a.region_code", "a.sector", "a.enterprise_id")
                .and(new SqlFilter("a.region_code LIKE ?", List.of(Region.prefixOf(regionCode) + "%")));
    }

    /** The contract's figures plus the wider report: medians, top categories, trend, by department and region. */
    Map<String, Object> report(CurrentUser user, String regionCode, LocalDate from, LocalDate to) {
        String region = metricsRegion(user, regionCode);
        LocalDate[] p = period(from, to);
        AppealMetricsQuery.Period period = AppealMetricsQuery.Period.of(p[0], p[1]);
        SqlFilter where = metricsWhere(user.scope(), region);
        OffsetDateTime now = clock.nowOffset();
        Map<String, AppealMetricsQuery.Counts> byCounty = metrics.grouped("a.region_code", where, period, now);
        AppealMetricsQuery.Counts total = new AppealMetricsQuery.Counts();
        byCounty.values().forEach(total::add);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("regionCode", region);
        out.put("from", p[0].toString());
        out.put("to", p[1].toString());
        out.putAll(total.toMap());
        out.putAll(metrics.medians(where, period));
        out.put("topCategories", metrics.topCategories(where, period, 5));
        out.put("trend", metrics.trend(where, p[0], p[1]));
        out.put("byDepartment", ranked(metrics.grouped("a.department_code", where, period, now), "departmentCode"));
        out.put("byRegion", byChildRegion(region, byCounty));
        return out;
    }

    private List<Map<String, Object>> byChildRegion(String region, Map<String, AppealMetricsQuery.Counts> byCounty) {
        List<Region> children = regions.children(region);
        Map<String, AppealMetricsQuery.Counts> rolled = new LinkedHashMap<>();
        if (children.isEmpty()) {
            AppealMetricsQuery.Counts c = new AppealMetricsQuery.Counts();
            byCounty.values().forEach(c::add);
            rolled.put(region, c);
        }
        for (Region child : children) {
            AppealMetricsQuery.Counts c = new AppealMetricsQuery.Counts();
            byCounty.forEach((county, counts) -> {
                if (child.contains(county)) {
                    c.add(counts);
                }
            });
            rolled.put(child.code(), c);
        }
        List<Map<String, Object>> rows = ranked(rolled, "regionCode");
        rows.forEach(r -> r.put("regionName", regions.find((String) r.get("regionCode")).map(Region::name).orElse("")));
        return rows;
    }

    /** Rows ranked by response rate, then satisfaction rate, then fewer overdue; rank 1 is best. */
    private static List<Map<String, Object>> ranked(Map<String, AppealMetricsQuery.Counts> groups, String keyName) {
        List<Map<String, Object>> rows = new ArrayList<>();
        groups.forEach((k, c) -> {
            if (k.isEmpty()) {
                return;
            }
            Map<String, Object> m = new LinkedHashMap<>();
            m.put(keyName, k);
            m.putAll(c.toMap());
            rows.add(m);
        });
        rows.sort(Comparator.<Map<String, Object>>comparingDouble(m -> -((Double) m.get("responseRate")))
                .thenComparingDouble(m -> -((Double) m.get("satisfactionRate")))
                .thenComparingLong(m -> (Long) m.get("overdueOpen"))
                .thenComparing(m -> (String) m.get(keyName)));
        for (int i = 0; i < rows.size(); i++) {
            rows.get(i).put("rank", i + 1);
        }
        return rows;
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
