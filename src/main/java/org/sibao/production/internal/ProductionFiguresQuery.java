package org.sibao.production.internal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

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
        List<ProductionRepository.Cell> cells = repository.cells(region.prefix(),
                scope.subjects("s.region_code", "s.sector", "s.id"), week.toString(), week.previous().toString());
        ProductionSummary.Figures f = ProductionSummary.figures(cells);
        Map<String, Long> byState = new LinkedHashMap<>();
        for (OperatingState state : OperatingState.values()) {
            byState.put(state.name(), cells.stream().mapToLong(c -> c.byState().get(state)).sum());
        }
        byState.put(NOT_REPORTED, f.missing());
        return new Weekly(week.toString(), f.received(), f.expected(), f.outputValue(), f.index(), byState);
    }
}
