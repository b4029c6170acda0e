package org.sibao.dashboard.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import org.sibao.appeal.AppealMetrics;
import org.sibao.appeal.Appeals;
import org.sibao.coverage.Coverage;
import org.sibao.coverage.CoverageFigure;
import org.sibao.epidemic.EmergencyModes;
import org.sibao.epidemic.EpidemicFigures;
import org.sibao.identity.CurrentUser;
import org.sibao.identity.DataScope;
import org.sibao.identity.Role;
import org.sibao.platform.ApiException;
import org.sibao.platform.Validation;
import org.sibao.platform.BusinessClock;
import org.sibao.policy.PolicyReach;
import org.sibao.production.ProductionFigures;
import org.sibao.region.Region;
import org.sibao.region.RegionService;
import org.sibao.region.Sector;
import org.sibao.tasking.IsoWeek;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;

/**
 * Dashboard figures: checks the reader's scope, then serves one cached {@link DashboardSnapshot} per region and
 * sector. Fresh entries are a map look-up. An entry older than the last committed change a module reported is
 * recomputed before it is served (a read after a change shows it); an entry merely past the TTL (figures that
 * move with time alone, such as overdue appeals) is served once more while a background thread recomputes it (one
 * refresh per key at a time). A missing or outdated entry is computed in the caller's thread, once for all
 * concurrent callers.
 */
@Service
class DashboardService implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(DashboardService.class);

    /** Officials with a region, and INTEGRATION accounts (upper platforms read the figures through the API). */
    static final Set<Role> READERS = Set.of(Role.ADMIN, Role.HQ_OFFICER, Role.SECTOR_OFFICER, Role.DEPT_HANDLER,
            Role.EPIDEMIC_OFFICER, Role.SUPERVISOR, Role.INTEGRATION);
    static final int METRICS_DAYS = 30;
    private static final int MAX_ENTRIES = 5_000;

    /** A checked request: the region and the sector (null: all) the reader may see. */
    record Key(String regionCode, Sector sector) {
    }

    private record Entry(DashboardSnapshot snapshot, long computedAt, long generation) {
    }

    private final Coverage coverage;
    private final Appeals appeals;
    private final EmergencyModes modes;
    private final EpidemicFigures epidemic;
    private final PolicyReach reach;
    private final ProductionFigures production;
    private final RegionService regions;
    private final BusinessClock clock;
    private final long ttlNanos;

    private final Map<Key, Entry> entries = new ConcurrentHashMap<>();
    private final Map<Key, Object> locks = new ConcurrentHashMap<>();
    private final Set<Key> refreshing = ConcurrentHashMap.newKeySet();
    private final AtomicLong generation = new AtomicLong();
    private final ExecutorService refresher;

    DashboardService(Coverage coverage, Appeals appeals, EmergencyModes modes, EpidemicFigures epidemic,
            PolicyReach reach, ProductionFigures production, RegionService regions, BusinessClock clock,
            @Value("${sibao.dashboard.ttl:15s}") Duration ttl) {
        this.coverage = coverage;
        this.appeals = appeals;
        this.modes = modes;
        this.epidemic = epidemic;
        this.reach = reach;
        this.production = production;
        this.regions = regions;
        this.clock = clock;
        this.ttlNanos = ttl.toNanos();
        AtomicInteger n = new AtomicInteger();
        this.refresher = Executors.newFixedThreadPool(2, r -> {
            Thread t = new Thread(r, "dashboard-refresh-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
    }

    /** As {@link #query(String, String)} for every sector the reader may see. */
    Key query(String regionCode) {
        return query(regionCode, null);
    }

    /**
     * 403 without a reader role or regional scope; 400 for an unknown region or sector (each named); 404 for a region
     * outside the scope, or another sector than a sector officer's own. Without {@code sector} a sector officer
     * gets its own sector, everyone else all of them (the drill-down "by sector" of SPEC §11).
     */
    Key query(String regionCode, String sector) {
        CurrentUser user = CurrentUser.get();
        DataScope scope = user.scope();
        if (!READERS.contains(user.role()) || scope.regionPrefix() == null) {
            throw ApiException.forbidden("error.forbidden");
        }
        String code = regionCode == null || regionCode.isBlank() ? user.regionCode() : regionCode.trim();
        Validation v = new Validation();
        // an unknown code is invalid input, as everywhere a regionCode is taken; one outside the scope is not found
        Region region = regions.find(code).filter(r -> code.matches("[0-9]{6}")).orElse(null);
        v.check(region != null, "regionCode", "validation.invalid");
        Sector wanted = null;
        if (sector != null && !sector.isBlank()) {
            try {
                wanted = Sector.valueOf(sector.trim());
            } catch (IllegalArgumentException e) {
                v.reject("sector", "validation.invalid");
            }
        }
        v.throwIfInvalid();
        if (!scope.coversRegion(region.code())) {
            throw ApiException.notFound("region", code);
        }
        if (scope.sector() != null && wanted != null && wanted != scope.sector()) {
            throw ApiException.notFound("sector", wanted.name());
        }
        return new Key(region.code(), wanted != null ? wanted : scope.sector());
    }

    DashboardSnapshot snapshot(Key key) {
        Entry e = entries.get(key);
        if (e == null || e.generation() != generation.get()) {
            synchronized (locks.computeIfAbsent(key, k -> new Object())) {
                e = entries.get(key);
                if (e == null || e.generation() != generation.get()) {
                    e = load(key);
                    put(key, e);
                }
            }
            return e.snapshot();
        }
        if (System.nanoTime() - e.computedAt() > ttlNanos) {
            refreshLater(key);
        }
        return e.snapshot();
    }

    /** Marks every snapshot stale (after a module event); they are recomputed on their next read. */
    void invalidate() {
        generation.incrementAndGet();
    }

    /** How many times the snapshots were marked stale on this node. */
    long generation() {
        return generation.get();
    }

    /** Computes a snapshot in the background unless it is already being computed. */
    void refreshLater(Key key) {
        if (!refreshing.add(key)) {
            return;
        }
        try {
            refresher.execute(() -> {
                try {
                    put(key, load(key));
                } catch (RuntimeException ex) {
                    log.warn("dashboard refresh of {} failed: {}", key, ex.toString());
                } finally {
                    refreshing.remove(key);
                }
            });
        } catch (RuntimeException rejected) {
            refreshing.remove(key);
        }
    }

    private void put(Key key, Entry e) {
        if (entries.size() >= MAX_ENTRIES && !entries.containsKey(key)) {
            entries.clear();
        }
        entries.put(key, e);
    }

    private Entry load(Key key) {
        long gen = generation.get();
        return new Entry(compute(key), System.nanoTime(), gen);
    }

    /** One snapshot from the modules' aggregates; no request context needed (runs in background threads too). */
    DashboardSnapshot compute(Key key) {
        Region region = regions.get(key.regionCode());
        Sector sector = key.sector();
        DataScope scope = new DataScope(sector == null ? Role.HQ_OFFICER : Role.SECTOR_OFFICER, region.prefix(),
                sector, null, null);

        CoverageFigure overall = coverage.of(region.code(), sector);
        Map<String, Long> bySector = new LinkedHashMap<>();
        Map<String, BigDecimal> coverageBySector = new LinkedHashMap<>();
        for (Sector s : Sector.values()) {
            if (sector == null || sector == s) {
                CoverageFigure f = sector == s ? overall : coverage.of(region.code(), s);
                bySector.put(s.name(), f.whitelisted());
                coverageBySector.put(s.name(), f.ratio());
            }
        }
        List<DashboardSnapshot.Child> children = new ArrayList<>();
        for (Region child : regions.children(region.code())) {
            CoverageFigure f = coverage.of(child.code(), sector);
            children.add(new DashboardSnapshot.Child(child.code(), child.name(),
                    !regions.children(child.code()).isEmpty(), f.whitelisted(), f.ratio()));
        }

        LocalDate today = clock.today();
        AppealMetrics metrics = appeals.metrics(scope, region.code(), today.minusDays(METRICS_DAYS - 1L), today);
        long open = appeals.openCount(scope);
        long overdue = appeals.overdueCount(scope);
        long closed = appeals.closedCount(scope);

        EpidemicFigures.Figures epi = epidemic.figures(scope);
        long emergencies = modes.regionsInEmergency(region.prefix()).size();
        String mode = modes.effectiveMode(region.code()).name();

        PolicyReach.Totals totals = reach.totals(region.prefix(), sector);
        ProductionFigures.Weekly weekly = production.weekly(region.code(), sector, IsoWeek.of(clock.now()));

        return new DashboardSnapshot(region.code(), region.name(), region.level().name(), sector, clock.nowOffset(),
                overall.whitelisted(), bySector, overall.ratio(), overall.totalValue().signum() > 0, overall.target(),
                coverageBySector, open, overdue, closed,
                rate(metrics.responseRate()), rate(metrics.resolutionRate()), rate(metrics.satisfactionRate()),
                metrics.assigned(), metrics.callbacks(), emergencies, mode, epi.openAlerts(), epi.openAlertsByType(),
                rate(epi.onTimeTestingRate()), epi.watched(), weekly, totals.eligible(),
                totals.granted(), totals.grantedYuan().setScale(2, RoundingMode.HALF_UP), List.copyOf(children));
    }

    private static double rate(double r) {
        return Math.round(r * 10_000) / 10_000.0;
    }

    @Override
    public void destroy() {
        refresher.shutdownNow();
    }
}
