package org.sibao.production.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.sibao.identity.CurrentUser;
import org.sibao.identity.DataScope;
import org.sibao.identity.SqlFilter;
import org.sibao.platform.ApiException;
import org.sibao.platform.BusinessClock;
import org.sibao.region.Region;
import org.sibao.region.RegionService;
import org.sibao.region.Sector;
import org.sibao.tasking.IsoWeek;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The officials' weekly summary ({@code GET /api/v1/production/summary}): by child region, by sector, and lists. */
@Service
@Transactional(readOnly = true)
class ProductionSummary {

    static final int LIST_LIMIT = 500;

    /**
     * The figures of a group of ACTIVE subjects for a week.
     *
     * @param changePercent      week-on-week change of the total output value in %
     * @param averageUtilisation mean capacity utilisation of the reports received, in %
     * @param index              output of the subjects reporting both weeks ÷ their previous week × 100
     */
    record Figures(long expected, long received, long missing, BigDecimal outputValue, BigDecimal previousOutputValue,
            BigDecimal changePercent, BigDecimal averageUtilisation, BigDecimal index, long drops) {
    }

    record RegionFigures(String regionCode, String regionName, boolean drillable, Figures figures) {
    }

    record SectorFigures(String sector, Figures figures) {
    }

    record Entry(String enterpriseId, String name, String regionCode, String regionName, String sector,
            BigDecimal outputValue, BigDecimal previousOutputValue, BigDecimal changePercent) {
    }

    record Summary(String regionCode, String regionName, String week, String previousWeek, Figures total,
            List<RegionFigures> byRegion, List<SectorFigures> bySector, List<Entry> drops, List<Entry> missing) {
    }

    private final ProductionRepository repository;
    private final RegionService regions;
    private final BusinessClock clock;

    ProductionSummary(ProductionRepository repository, RegionService regions, BusinessClock clock) {
        this.repository = repository;
        this.regions = regions;
        this.clock = clock;
    }

    /** The caller's summary: officials with a region only (else 403); a region outside the scope is a 404. */
    Summary summary(String regionCode, String weekText) {
        CurrentUser user = CurrentUser.get();
        DataScope scope = user.scope();
        if (scope.regionPrefix() == null) {
            throw ApiException.forbidden("error.forbidden");
        }
        String code = regionCode == null || regionCode.isBlank() ? user.regionCode() : regionCode.trim();
        Region region = regions.find(code).filter(r -> scope.coversRegion(r.code()))
                .orElseThrow(() -> ApiException.notFound("region", code));
        IsoWeek week = weekText == null || weekText.isBlank() ? IsoWeek.of(clock.now())
                : IsoWeek.parse(weekText).orElseThrow(() -> ApiException.invalid("week", "production.validation.week"));
        return summary(region, scope.subjects("s.region_code", "s.sector", "s.id"), week);
    }

    Summary summary(Region region, SqlFilter filter, IsoWeek week) {
        String w = week.toString();
        String prev = week.previous().toString();
        List<ProductionRepository.Cell> cells = repository.cells(region.prefix(), filter, w, prev);
        List<RegionFigures> byRegion = new ArrayList<>();
        for (Region child : regions.children(region.code())) {
            byRegion.add(new RegionFigures(child.code(), child.name(), !regions.children(child.code()).isEmpty(),
                    figures(cells.stream().filter(c -> child.contains(c.regionCode())).toList())));
        }
        List<SectorFigures> bySector = new ArrayList<>();
        for (Sector s : Sector.values()) {
            List<ProductionRepository.Cell> of = cells.stream().filter(c -> c.sector().equals(s.name())).toList();
            if (!of.isEmpty()) {
                bySector.add(new SectorFigures(s.name(), figures(of)));
            }
        }
        Map<String, String> names = new LinkedHashMap<>();
        Function<String, String> name = c -> names.computeIfAbsent(c,
                k -> regions.find(k).map(Region::name).orElse(k));
        List<Entry> drops = repository.drops(region.prefix(), filter, w, LIST_LIMIT).stream()
                .map(l -> entry(l, name)).toList();
        List<Entry> missing = repository.missing(region.prefix(), filter, w, LIST_LIMIT).stream()
                .map(l -> entry(l, name)).toList();
        return new Summary(region.code(), region.name(), w, prev, figures(cells), byRegion, bySector, drops, missing);
    }

    static Figures figures(List<ProductionRepository.Cell> cells) {
        long expected = 0;
        long received = 0;
        long drops = 0;
        BigDecimal output = BigDecimal.ZERO;
        BigDecimal utilisation = BigDecimal.ZERO;
        BigDecimal previous = BigDecimal.ZERO;
        BigDecimal paired = BigDecimal.ZERO;
        BigDecimal pairedPrevious = BigDecimal.ZERO;
        for (ProductionRepository.Cell c : cells) {
            expected += c.expected();
            received += c.received();
            drops += c.drops();
            output = output.add(c.output());
            utilisation = utilisation.add(c.utilisationSum());
            previous = previous.add(c.previousOutput());
            paired = paired.add(c.pairedOutput());
            pairedPrevious = pairedPrevious.add(c.pairedPreviousOutput());
        }
        BigDecimal average = received == 0 ? null
                : utilisation.divide(BigDecimal.valueOf(received), 1, RoundingMode.HALF_UP);
        return new Figures(expected, received, expected - received, output.setScale(2, RoundingMode.HALF_UP),
                previous.setScale(2, RoundingMode.HALF_UP), WeekOnWeek.changePercent(output, previous), average,
                WeekOnWeek.index(paired, pairedPrevious), drops);
    }

    private static Entry entry(ProductionRepository.Listed l, Function<String, String> regionName) {
        return new Entry(l.enterpriseId(), l.name(), l.regionCode(), regionName.apply(l.regionCode()), l.sector(),
                l.outputValue(), l.previousOutputValue(), WeekOnWeek.changePercent(l.outputValue(),
                        l.previousOutputValue()));
    }
}
