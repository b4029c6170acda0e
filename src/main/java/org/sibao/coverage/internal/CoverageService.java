package org.sibao.coverage.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

import org.sibao.coverage.Coverage;
import org.sibao.coverage.CoverageFigure;
import org.sibao.identity.CurrentUser;
import org.sibao.identity.DataScope;
import org.sibao.platform.ApiException;
import org.sibao.platform.BusinessClock;
import org.sibao.platform.Validation;
import org.sibao.region.Region;
import org.sibao.region.RegionService;
import org.sibao.region.Sector;
import org.sibao.subject.SubjectAggregates;
import org.sibao.subject.SubjectAggregates.ValuedSubject;
import org.sibao.subject.WhitelistStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Coverage figures from the precomputed read model, checked against the reader's scope. */
@Service
@Transactional(readOnly = true)
class CoverageService implements Coverage {

    static final int MAX_SUGGESTIONS = 100;

    /** A checked request: the region and the sector (null: all sectors) the reader may see. */
    record Query(Region region, Sector sector) {
    }

    record Suggestion(String enterpriseId, String name, String regionCode, String regionName, Sector sector,
            WhitelistStatus whitelistStatus, BigDecimal value, BigDecimal ratioIfAdded, BigDecimal cumulativeRatio) {
    }

    record Suggestions(String regionCode, Sector sector, BigDecimal ratio, BigDecimal target, List<Suggestion> items) {
    }

    /** Figures of one child region, for the drill-down. */
    record ChildFigure(String regionCode, String regionName, boolean drillable, BigDecimal coveredValue,
            BigDecimal totalValue, BigDecimal ratio, long subjects, long whitelisted, boolean met) {
    }

    private final AggregateStore store;
    private final SubjectAggregates subjects;
    private final RegionService regions;
    private final CoverageProperties properties;
    private final BusinessClock clock;

    CoverageService(AggregateStore store, SubjectAggregates subjects, RegionService regions,
            CoverageProperties properties, BusinessClock clock) {
        this.store = store;
        this.subjects = subjects;
        this.regions = regions;
        this.properties = properties;
        this.clock = clock;
    }

    /**
     * Checks a request against the signed-in user's scope: 403 without a regional scope, 400 naming each unknown
     * sector name or region code (all at once), 404 for a known region (or, for a sector officer, a sector) outside
     * it. Defaults: the user's region; a sector officer's own sector.
     */
    Query query(String regionCode, String sectorName) {
        DataScope scope = CurrentUser.get().scope();
        if (scope.regionPrefix() == null) {
            throw ApiException.forbidden("error.forbidden");
        }
        // an unknown sector or region code (well-formed or not) is invalid input, both named at once (400); a known
        // one outside the caller's scope is not revealed (404)
        Validation v = new Validation();
        boolean sectorGiven = sectorName != null && !sectorName.isBlank();
        Sector sector = sectorGiven ? Sector.parse(sectorName).orElse(null) : scope.sector();
        v.check(!sectorGiven || sector != null, "sector", "coverage.sector.unknown", sectorName);
        String code = regionCode == null || regionCode.isBlank() ? CurrentUser.get().regionCode() : regionCode.trim();
        Region region = regions.find(code).orElse(null);
        v.check(region != null, "regionCode", "region.unknown", code);
        v.throwIfInvalid();
        if (sectorGiven && !scope.coversSector(sector)) {
            throw ApiException.notFound("sector", sectorName);
        }
        if (!scope.coversRegion(region.code())) {
            throw ApiException.notFound("region", code);
        }
        return new Query(region, sector);
    }

    @Override
    public CoverageFigure of(String regionCode, Sector sector) {
        Region region = regions.get(regionCode);
        return figure(region, sector, store.rowsUnder(region.prefix(), sector));
    }

    CoverageFigure figure(Query q) {
        return of(q.region().code(), q.sector());
    }

    /** One figure per sector the query covers (all five, or the one asked for). */
    List<CoverageFigure> bySector(Query q) {
        List<AggregateStore.Row> rows = store.rowsUnder(q.region().prefix(), q.sector());
        List<CoverageFigure> out = new ArrayList<>();
        for (Sector s : Sector.values()) {
            if (q.sector() == null || q.sector() == s) {
                out.add(figure(q.region(), s, rows.stream().filter(r -> r.sector() == s).toList()));
            }
        }
        return out;
    }

    /** One figure per child region (cities of the province, counties of a city); empty for a county. */
    List<ChildFigure> byChild(Query q) {
        List<Region> children = regions.children(q.region().code());
        if (children.isEmpty()) {
            return List.of();
        }
        List<AggregateStore.Row> rows = store.rowsUnder(q.region().prefix(), q.sector());
        List<ChildFigure> out = new ArrayList<>();
        for (Region child : children) {
            CoverageFigure f = figure(child, q.sector(),
                    rows.stream().filter(r -> child.contains(r.countyCode())).toList());
            out.add(new ChildFigure(child.code(), child.name(), !regions.children(child.code()).isEmpty(),
                    f.coveredValue(), f.totalValue(), f.ratio(), f.subjects(), f.whitelisted(), f.met()));
        }
        return out;
    }

    Suggestions suggestions(Query q, Integer limit) {
        int n = limit == null ? 10 : limit;
        Validation v = new Validation();
        v.check(n >= 1 && n <= MAX_SUGGESTIONS, "limit", "coverage.limit", MAX_SUGGESTIONS);
        v.throwIfInvalid();
        CoverageFigure current = figure(q);
        List<ValuedSubject> candidates = subjects.unlistedByValue(CurrentUser.get().scope(), q.region().prefix(), q.sector(), n);
        List<Suggestion> items = new ArrayList<>();
        BigDecimal cumulative = current.coveredValue();
        for (ValuedSubject c : candidates) {
            cumulative = cumulative.add(c.value());
            items.add(new Suggestion(c.id(), c.name(), c.regionCode(),
                    regions.find(c.regionCode()).map(Region::name).orElse(c.regionCode()), c.sector(),
                    c.whitelistStatus(), c.value(), ratio(current.coveredValue().add(c.value()), current.totalValue()),
                    ratio(cumulative, current.totalValue())));
        }
        return new Suggestions(q.region().code(), q.sector(), current.ratio(), current.target(), items);
    }

    private CoverageFigure figure(Region region, Sector sector, List<AggregateStore.Row> rows) {
        BigDecimal covered = BigDecimal.ZERO;
        BigDecimal total = BigDecimal.ZERO;
        long count = 0;
        long whitelisted = 0;
        for (AggregateStore.Row r : rows) {
            covered = covered.add(r.covered());
            total = total.add(r.total());
            count += r.subjects();
            whitelisted += r.whitelisted();
        }
        BigDecimal ratio = ratio(covered, total);
        LocalDate today = clock.today();
        LocalDate deadline = properties.deadlineFor(sector, today);
        return new CoverageFigure(region.code(), region.name(), sector, covered.setScale(2, RoundingMode.HALF_UP),
                total.setScale(2, RoundingMode.HALF_UP), ratio, properties.target(), deadline,
                ChronoUnit.DAYS.between(today, deadline), count, whitelisted, ratio.compareTo(properties.target()) >= 0);
    }

    static BigDecimal ratio(BigDecimal covered, BigDecimal total) {
        return total.signum() == 0 ? BigDecimal.ZERO.setScale(4) : covered.divide(total, 4, RoundingMode.HALF_UP);
    }
}
