package org.sibao.tasking.internal;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;

import org.sibao.coverage.Coverage;
import org.sibao.coverage.CoverageFigure;
import org.sibao.identity.CurrentUser;
import org.sibao.identity.Role;
import org.sibao.identity.SqlFilter;
import org.sibao.notification.Notice;
import org.sibao.notification.Notifications;
import org.sibao.notification.Recipients;
import org.sibao.platform.ApiException;
import org.sibao.platform.BusinessClock;
import org.sibao.platform.Ids;
import org.sibao.platform.Messages;
import org.sibao.platform.PageQuery;
import org.sibao.platform.PageResult;
import org.sibao.platform.audit.AuditLog;
import org.sibao.region.Region;
import org.sibao.region.RegionService;
import org.sibao.region.Sector;
import org.sibao.tasking.FigureRow;
import org.sibao.tasking.FigureSection;
import org.sibao.tasking.IsoWeek;
import org.sibao.tasking.SupervisionItem;
import org.sibao.tasking.SupervisionItems;
import org.sibao.tasking.SupervisionKind;
import org.sibao.tasking.WeeklyFigures;
import org.sibao.tasking.internal.Report.ReportKind;
import org.sibao.tasking.internal.Report.Section;
import org.sibao.tasking.internal.TaskTypes.Task;
import org.sibao.tasking.internal.WhitelistLedger.Change;
import org.sibao.tasking.internal.WhitelistLedger.LedgerLine;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/**
 * The weekly dispatch brief (周调度简报) and the Friday supervision report (督查督办周报告) of a region: generated
 * from tasking's own figures, the whitelist ledger, coverage and every {@link WeeklyFigures} / {@link SupervisionItems}
 * bean, stored as JSON as generated (a report is a record of what the HQ was told), and sent to the region's HQ office.
 * Reports are official documents and always written in zh-CN.
 */
@Service
@Transactional
class ReportService {

    static final String REPORT = "report";
    static final Locale ZH = Locale.SIMPLIFIED_CHINESE;
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
    private static final Set<Role> READERS = Set.of(Role.ADMIN, Role.HQ_OFFICER, Role.SUPERVISOR);

    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final TaskService tasks;
    private final WhitelistLedger ledger;
    private final Coverage coverage;
    private final RegionService regions;
    private final ObjectProvider<WeeklyFigures> weeklyFigures;
    private final ObjectProvider<SupervisionItems> supervisionItems;
    private final Notifications notifications;
    private final AuditLog audit;
    private final BusinessClock clock;
    private final Messages messages;

    ReportService(JdbcClient jdbc, JsonMapper json, TaskService tasks, WhitelistLedger ledger, Coverage coverage,
            RegionService regions, ObjectProvider<WeeklyFigures> weeklyFigures,
            ObjectProvider<SupervisionItems> supervisionItems, Notifications notifications, AuditLog audit,
            BusinessClock clock, Messages messages) {
        this.jdbc = jdbc;
        this.json = json;
        this.tasks = tasks;
        this.ledger = ledger;
        this.coverage = coverage;
        this.regions = regions;
        this.weeklyFigures = weeklyFigures;
        this.supervisionItems = supervisionItems;
        this.notifications = notifications;
        this.audit = audit;
        this.clock = clock;
        this.messages = messages;
    }

    // --- access

    static boolean canRead(CurrentUser u) {
        return READERS.contains(u.role());
    }

    /** The region the caller asks for (default its own), checked against its scope: outside → 404, wrong role → 403. */
    Region regionFor(CurrentUser u, String regionCode) {
        if (!canRead(u)) {
            throw ApiException.forbidden("error.forbidden");
        }
        String code = regionCode == null || regionCode.isBlank() ? u.regionCode() : regionCode.trim();
        Region r = regions.find(code).orElseThrow(() -> ApiException.notFound("region", code));
        if (!u.scope().coversRegion(r.code())) {
            throw ApiException.notFound("region", code);
        }
        return r;
    }

    static IsoWeek week(String text, BusinessClock clock) {
        if (text == null || text.isBlank()) {
            return IsoWeek.of(clock.now());
        }
        return IsoWeek.parse(text).orElseThrow(() -> ApiException.invalid("week", "tasking.week.format"));
    }

    // --- on demand

    Report generateOnDemand(ReportKind kind, String regionCode, String week) {
        CurrentUser u = CurrentUser.get();
        Region r = regionFor(u, regionCode);
        if (u.role() != Role.HQ_OFFICER && u.role() != Role.ADMIN
                && !(u.role() == Role.SUPERVISOR && kind == ReportKind.FRIDAY_SUPERVISION)) {
            throw ApiException.forbidden("error.forbidden");
        }
        return generate(kind, r.code(), week(week, clock), u.displayName());
    }

    /** Builds, stores, audits and sends a report. {@code by} is who asked (a user's name, or the schedule). */
    Report generate(ReportKind kind, String regionCode, IsoWeek week, String by) {
        Locale previous = LocaleContextHolder.getLocale();
        LocaleContextHolder.setLocale(ZH);
        try {
            Region region = regions.get(regionCode);
            List<Section> sections = kind == ReportKind.WEEKLY_BRIEF ? weeklySections(region, week) : fridaySections(region, week);
            String title = zh(kind == ReportKind.WEEKLY_BRIEF ? "tasking.report.weekly.title" : "tasking.report.friday.title",
                    region.name(), week.toString());
            Report report = new Report(Ids.newId(), kind, region.code(), region.name(), week.toString(), week.monday(),
                    week.sunday(), title, clock.nowOffset(), by, sections);
            jdbc.sql("""
                    INSERT INTO task_report (id, kind, region_code, iso_week, title, figures_json, generated_at, generated_by)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?)""")
                    .params(report.id(), kind.name(), region.code(), week.toString(), title, json.writeValueAsString(report),
                            report.generatedAt(), by)
                    .update();
            audit.record("tasking.report.generate", REPORT, report.id(), region.code(), null,
                    Map.of("kind", kind.name(), "week", week.toString(), "by", by));
            notifications.send(Notice.of("REPORT", kind == ReportKind.WEEKLY_BRIEF ? "tasking.notice.weekly"
                    : "tasking.notice.friday", "/reports/" + report.id(), region.name(), week.toString()),
                    Recipients.roleAt(Role.HQ_OFFICER, region.code()));
            return report;
        } finally {
            LocaleContextHolder.setLocale(previous);
        }
    }

    // --- reads

    @Transactional(readOnly = true)
    Report get(String id) {
        CurrentUser u = CurrentUser.get();
        if (!canRead(u)) {
            throw ApiException.notFound(REPORT, id);
        }
        SqlFilter scope = u.scope().regions("region_code");
        List<Object> params = new ArrayList<>();
        params.add(id);
        params.addAll(scope.params());
        String figures = jdbc.sql("SELECT figures_json FROM task_report WHERE id = ? AND " + scope.sql())
                .params(params).query(String.class).optional().orElseThrow(() -> ApiException.notFound(REPORT, id));
        return json.readValue(figures, Report.class);
    }

    @Transactional(readOnly = true)
    PageResult<Report.Summary> list(String kind, String regionCode, PageQuery page) {
        CurrentUser u = CurrentUser.get();
        if (!canRead(u)) {
            throw ApiException.forbidden("error.forbidden");
        }
        SqlFilter where = u.scope().regions("region_code");
        if (regionCode != null && !regionCode.isBlank()) {
            where = where.and(new SqlFilter("region_code = ?", List.of(regionFor(u, regionCode).code())));
        }
        if (kind != null && !kind.isBlank()) {
            ReportKind k = TaskService.parseOr(ReportKind.class, kind, null);
            if (k == null) {
                throw ApiException.invalid("kind", "tasking.enum.unknown", kind);
            }
            where = where.and(new SqlFilter("kind = ?", List.of(k.name())));
        }
        long total = jdbc.sql("SELECT COUNT(*) FROM task_report WHERE " + where.sql()).params(where.params())
                .query(Long.class).single();
        List<Object> params = new ArrayList<>(where.params());
        params.add(page.size());
        params.add(page.offset());
        List<Report.Summary> items = jdbc.sql("SELECT id, kind, region_code, iso_week, title, generated_at, generated_by"
                + " FROM task_report WHERE " + where.sql() + " ORDER BY generated_at DESC, id DESC LIMIT ? OFFSET ?")
                .params(params)
                .query((rs, n) -> new Report.Summary(rs.getString("id"), ReportKind.valueOf(rs.getString("kind")),
                        rs.getString("region_code"), regions.find(rs.getString("region_code")).map(Region::name).orElse(""),
                        rs.getString("iso_week"), rs.getString("title"), TaskRepository.time(rs, "generated_at"),
                        rs.getString("generated_by")))
                .list();
        return page.result(items, total);
    }

    // --- the weekly brief

    private List<Section> weeklySections(Region region, IsoWeek week) {
        List<Section> out = new ArrayList<>();
        out.add(whitelistChanges(region, week));
        Section removed = removedEntries(region, week);
        if (!removed.rows().isEmpty()) {
            out.add(removed);
        }
        out.add(coverageBySector(region));
        List<Task> all = tasks.forRegion(region.code(), SqlFilter.NONE);
        out.add(taskFigures(all, week));
        List<FigureSection> contributed = new ArrayList<>();
        for (WeeklyFigures f : weeklyFigures.orderedStream().toList()) {
            contributed.addAll(safe(() -> f.weeklySections(region.code(), week), List.of()));
        }
        contributed.sort(Comparator.comparingInt(FigureSection::order).thenComparing(FigureSection::key));
        // the modules' sections go on from the brief's own three (一、二、三、), numbered in their order
        int number = 4;
        for (FigureSection s : contributed) {
            out.add(new Section(s.key(), numbered(number++, s.title()), null, figureColumns(),
                    s.rows().stream().map(r -> List.of(nz(r.title()), nz(r.value()), nz(r.note()))).toList()));
        }
        out.add(itemsForStudy(region, all));
        return out;
    }

    private static final String NUMERALS = "一二三四五六七八九十";

    /** A section title as "四、…", whatever number it carried before (1 ≤ n ≤ 19). */
    static String numbered(int n, String title) {
        String bare = title.replaceFirst("^[一二三四五六七八九十]+、", "");
        String numeral = n <= 10 ? String.valueOf(NUMERALS.charAt(n - 1))
                : "十" + NUMERALS.charAt(n - 11);
        return numeral + "、" + bare;
    }

    private Section whitelistChanges(Region region, IsoWeek week) {
        List<LedgerLine> lines = ledger.week(region.code(), week);
        List<List<String>> rows = new ArrayList<>();
        long added = 0;
        long removed = 0;
        for (Sector s : Sector.values()) {
            long a = lines.stream().filter(l -> l.change() == Change.ACTIVATED && s.name().equals(l.sector())).count();
            long r = lines.stream().filter(l -> l.change() == Change.REMOVED && s.name().equals(l.sector())).count();
            added += a;
            removed += r;
            rows.add(List.of(zh("enum.Sector." + s.name()), String.valueOf(a), String.valueOf(r)));
        }
        rows.add(List.of(zh("tasking.report.total"), String.valueOf(added), String.valueOf(removed)));
        return new Section("whitelist.changes", zh("tasking.report.section.whitelist"),
                zh("tasking.report.section.whitelist.note", week.monday().toString(), week.sunday().toString()),
                List.of(zh("tasking.report.col.sector"), zh("tasking.report.col.added"), zh("tasking.report.col.removed")), rows);
    }

    private Section removedEntries(Region region, IsoWeek week) {
        List<List<String>> rows = ledger.week(region.code(), week).stream().filter(l -> l.change() == Change.REMOVED)
                .map(l -> List.of(nz(l.enterpriseName()), regionName(l.regionCode()),
                        l.sector().isEmpty() ? "" : zh("enum.Sector." + l.sector()), nz(l.reason())))
                .toList();
        return new Section("whitelist.removed", zh("tasking.report.section.removed"), null,
                List.of(zh("tasking.report.col.enterprise"), zh("tasking.report.col.region"), zh("tasking.report.col.sector"),
                        zh("tasking.report.col.reason")), rows);
    }

    private Section coverageBySector(Region region) {
        List<List<String>> rows = new ArrayList<>();
        for (Sector s : Sector.values()) {
            rows.add(coverageRow(zh("enum.Sector." + s.name()), coverage.of(region.code(), s)));
        }
        rows.add(coverageRow(zh("tasking.report.allSectors"), coverage.of(region.code(), null)));
        return new Section("coverage", zh("tasking.report.section.coverage"), zh("tasking.report.section.coverage.note"),
                List.of(zh("tasking.report.col.sector"), zh("tasking.report.col.ratio"), zh("tasking.report.col.covered"),
                        zh("tasking.report.col.subjects"), zh("tasking.report.col.met")), rows);
    }

    private List<String> coverageRow(String label, CoverageFigure f) {
        return List.of(label, percent(f.ratio()), f.coveredValue().stripTrailingZeros().toPlainString() + " / "
                + f.totalValue().stripTrailingZeros().toPlainString(), f.whitelisted() + " / " + f.subjects(),
                zh(f.met() ? "tasking.report.yes" : "tasking.report.no"));
    }

    private Section taskFigures(List<Task> all, IsoWeek week) {
        OffsetDateTime now = clock.nowOffset();
        long due = all.stream().filter(t -> !t.deadline().isBefore(week.start()) && t.deadline().isBefore(week.end())).count();
        long overdue = all.stream().filter(Task::overdue).count();
        long done = all.stream().filter(t -> t.closedAt() != null && week.contains(t.closedAt().toInstant())).count();
        long waiting = all.stream().filter(t -> t.status() == TaskTypes.Status.DONE).count();
        long open = all.stream().filter(t -> t.status().open()).count();
        List<FigureRow> rows = List.of(
                new FigureRow(zh("tasking.report.tasks.due"), String.valueOf(due), null),
                new FigureRow(zh("tasking.report.tasks.overdue"), String.valueOf(overdue),
                        zh("tasking.report.asOf", now.format(TIME))),
                new FigureRow(zh("tasking.report.tasks.done"), String.valueOf(done), null),
                new FigureRow(zh("tasking.report.tasks.waiting"), String.valueOf(waiting), null),
                new FigureRow(zh("tasking.report.tasks.open"), String.valueOf(open), null));
        return new Section("tasking.tasks", zh("tasking.report.section.tasks"), null, figureColumns(),
                rows.stream().map(r -> List.of(r.title(), r.value(), nz(r.note()))).toList());
    }

    private Section itemsForStudy(Region region, List<Task> all) {
        List<List<String>> rows = new ArrayList<>();
        for (Task t : all) {
            if (t.overdue()) {
                String units = String.join("、", t.assignments().stream().filter(TaskTypes.Assignment::overdue)
                        .map(TaskTypes.Assignment::label).toList());
                rows.add(List.of(zh("tasking.report.study.overdueTask", t.title()),
                        zh("tasking.report.study.overdueTask.note", t.deadline().format(TIME), units)));
            }
        }
        List<Region> units = regions.children(region.code());
        for (Region r : units.isEmpty() ? List.of(region) : units) {
            CoverageFigure f = coverage.of(r.code(), null);
            if (!f.met() && f.totalValue().signum() > 0) {
                rows.add(List.of(zh("tasking.report.study.coverage", r.name()),
                        zh("tasking.report.study.coverage.note", percent(f.ratio()), percent(f.target()))));
            }
        }
        return new Section("tasking.study", zh("tasking.report.section.study"), null,
                List.of(zh("tasking.report.col.item"), zh("tasking.report.col.note")), rows);
    }

    // --- the Friday supervision report

    private List<Section> fridaySections(Region region, IsoWeek week) {
        List<SupervisionItem> items = new ArrayList<>();
        for (SupervisionItems source : supervisionItems.orderedStream().toList()) {
            items.addAll(safe(() -> source.supervisionItems(region.code(), week), List.of()));
        }
        items.sort(Comparator.comparing(SupervisionItem::kind).thenComparing(i -> i.since() == null ? OffsetDateTime.MAX : i.since()));
        List<Section> out = new ArrayList<>();
        Map<SupervisionKind, Long> totals = new EnumMap<>(SupervisionKind.class);
        for (SupervisionKind k : SupervisionKind.values()) {
            totals.put(k, items.stream().filter(i -> i.kind() == k).count());
        }
        List<List<String>> summary = new ArrayList<>();
        totals.forEach((k, n) -> summary.add(List.of(zh("enum.SupervisionKind." + k.name()), String.valueOf(n))));
        summary.add(List.of(zh("tasking.report.total"), String.valueOf(items.size())));
        out.add(new Section("supervision.summary", zh("tasking.report.section.summary"),
                zh("tasking.report.asOf", clock.nowOffset().format(TIME)),
                List.of(zh("tasking.report.col.kind"), zh("tasking.report.col.count")), summary));
        out.add(grouped("supervision.byDepartment", zh("tasking.report.section.byDepartment"),
                zh("tasking.report.col.department"), items,
                i -> i.departmentCode() == null ? zh("tasking.report.noDepartment")
                        : regionName(i.regionCode()) + " " + zh("enum.Department." + i.departmentCode())));
        out.add(grouped("supervision.byRegion", zh("tasking.report.section.byRegion"), zh("tasking.report.col.region"),
                items, i -> regionName(i.regionCode())));
        out.add(new Section("supervision.items", zh("tasking.report.section.items"), null,
                List.of(zh("tasking.report.col.module"), zh("tasking.report.col.item"), zh("tasking.report.col.department"),
                        zh("tasking.report.col.region"), zh("tasking.report.col.kind"), zh("tasking.report.col.since")),
                items.stream().map(i -> List.of(moduleName(i.module()), nz(i.title()),
                        i.departmentCode() == null ? "" : zh("enum.Department." + i.departmentCode()),
                        regionName(i.regionCode()), zh("enum.SupervisionKind." + i.kind().name()),
                        i.since() == null ? "" : i.since().atZoneSameInstant(BusinessClock.ZONE).format(TIME))).toList()));
        return out;
    }

    private Section grouped(String key, String title, String firstColumn, List<SupervisionItem> items,
            Function<SupervisionItem, String> by) {
        Map<String, long[]> counts = new LinkedHashMap<>();
        for (SupervisionItem i : items) {
            counts.computeIfAbsent(by.apply(i), k -> new long[SupervisionKind.values().length])[i.kind().ordinal()]++;
        }
        List<List<String>> rows = new ArrayList<>();
        counts.entrySet().stream()
                .sorted(Comparator.comparingLong((Map.Entry<String, long[]> e) -> -sum(e.getValue())).thenComparing(Map.Entry::getKey))
                .forEach(e -> {
                    List<String> row = new ArrayList<>();
                    row.add(e.getKey());
                    for (long n : e.getValue()) {
                        row.add(String.valueOf(n));
                    }
                    row.add(String.valueOf(sum(e.getValue())));
                    rows.add(row);
                });
        List<String> columns = new ArrayList<>();
        columns.add(firstColumn);
        for (SupervisionKind k : SupervisionKind.values()) {
            columns.add(zh("enum.SupervisionKind." + k.name()));
        }
        columns.add(zh("tasking.report.total"));
        return new Section(key, title, null, columns, rows);
    }

    // --- helpers

    private static long sum(long[] values) {
        long s = 0;
        for (long v : values) {
            s += v;
        }
        return s;
    }

    private List<String> figureColumns() {
        return List.of(zh("tasking.report.col.figure"), zh("tasking.report.col.value"), zh("tasking.report.col.note"));
    }

    private String moduleName(String module) {
        String key = "tasking.module." + module;
        String label = zh(key);
        return label.equals(key) ? module : label;
    }

    private String regionName(String code) {
        return code == null ? "" : regions.find(code).map(Region::name).orElse(code);
    }

    private String zh(String key, Object... args) {
        return messages.get(ZH, key, args);
    }

    static String percent(BigDecimal ratio) {
        return ratio == null ? "" : org.sibao.platform.web.Percent.format(ratio);
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }

    /** A contributor that fails must not stop the report; its section is left out (and logged). */
    private static <T> T safe(Supplier<T> call, T fallback) {
        try {
            return call.get();
        } catch (RuntimeException e) {
            org.slf4j.LoggerFactory.getLogger(ReportService.class).warn("report contributor failed", e);
            return fallback;
        }
    }
}
