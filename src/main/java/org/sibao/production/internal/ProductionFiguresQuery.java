package org.sibao.production.internal;

import org.sibao.identity.DataScope;
import org.sibao.identity.Role;
import org.sibao.production.ProductionFigures;
import org.sibao.region.Region;
import org.sibao.region.RegionService;
import org.sibao.region.Sector;
import org.sibao.tasking.IsoWeek;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The module's public facade for the dashboard: one grouped query, no request context. */
@Service
@Transactional(readOnly = true)
class ProductionFiguresQuery implements ProductionFigures {

    static final String NOT_REPORTED = "NOT_REPORTED";

    private final ProductionRepository repository;
    private final RegionService regions;

    ProductionFiguresQuery(ProductionRepository repository, RegionService regions) {
        this.repository = repository;
        this.regions = regions;
    }

    @Override
    public Weekly weekly(String regionCode, Sector sector, IsoWeek week) {
        Region region = regions.get(regionCode);
        DataScope scope = new DataScope(sector == null ? Role.HQ_OFFICER : Role.SECTOR_OFFICER, region.prefix(),
                sector, null, null);
        org.sibao.identity.SqlFilter filter = scope.subjects("s.region_code", "s.sector", "s.id");
        ProductionSummary.Figures f = ProductionSummary.figures(repository.cells(region.prefix(), filter,
                week.toString(), week.previous().toString()));
        java.util.Map<String, Long> byState = new java.util.LinkedHashMap<>();
        for (OperatingState state : OperatingState.values()) {
            byState.put(state.name(), 0L);
        }
        byState.put(NOT_REPORTED, 0L);
        byState.putAll(repository.states(region.prefix(), filter, week.toString()));
        return new Weekly(week.toString(), f.received(), f.expected(), f.outputValue(), f.index(), byState);
    }
}
