package org.sibao.region.internal;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.sibao.platform.ApiException;
import org.sibao.region.Industry;
import org.sibao.region.Region;
import org.sibao.region.RegionLevel;
import org.sibao.region.RegionService;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/** Reads the 200 regions and 117 industries once; they change only with a migration. */
@Service
class CachedRegionService implements RegionService {

    private static final String DIRECTLY_ADMINISTERED = "419000";

    private final Map<String, Region> regions = new LinkedHashMap<>();
    private final Map<String, List<Region>> children = new LinkedHashMap<>();
    private final Map<String, Industry> industries = new LinkedHashMap<>();

    CachedRegionService(JdbcClient jdbc) {
        jdbc.sql("SELECT code, name, level, parent_code, prefix FROM region ORDER BY code")
                .query((rs, i) -> new Region(rs.getString(1), rs.getString(2), RegionLevel.valueOf(rs.getString(3)),
                        rs.getString(4), rs.getString(5)))
                .list()
                .forEach(r -> regions.put(r.code(), r));
        regions.values().forEach(r -> {
            if (r.parentCode() != null) {
                children.computeIfAbsent(r.parentCode(), k -> new ArrayList<>()).add(r);
            }
        });
        jdbc.sql("SELECT code, name, level, parent_code FROM industry ORDER BY code")
                .query((rs, i) -> new Industry(rs.getString(1), rs.getString(2), "SECTION".equals(rs.getString(3)),
                        rs.getString(4)))
                .list()
                .forEach(ind -> industries.put(ind.code(), ind));
    }

    @Override
    public Optional<Region> find(String code) {
        return code == null ? Optional.empty() : Optional.ofNullable(regions.get(code.trim()));
    }

    @Override
    public Region get(String code) {
        return find(code).orElseThrow(() -> ApiException.notFound("region", code));
    }

    @Override
    public List<Region> children(String code) {
        return children.getOrDefault(code, List.of());
    }

    @Override
    public List<Region> path(String code) {
        List<Region> path = new ArrayList<>();
        Region r = regions.get(code);
        while (r != null) {
            path.add(r);
            r = r.parentCode() == null ? null : regions.get(r.parentCode());
        }
        Collections.reverse(path);
        return path;
    }

    @Override
    public boolean isWithin(String code, String ancestorCode) {
        Region ancestor = regions.get(ancestorCode);
        return ancestor != null && code != null && regions.containsKey(code) && ancestor.contains(code);
    }

    @Override
    public RegionLevel actingLevel(String code) {
        Region r = get(code);
        if (r.level() == RegionLevel.COUNTY && DIRECTLY_ADMINISTERED.equals(r.parentCode())) {
            return RegionLevel.CITY;
        }
        return r.level();
    }

    @Override
    public List<Region> countiesUnder(String code) {
        Region r = get(code);
        return regions.values().stream().filter(c -> c.level() == RegionLevel.COUNTY && r.contains(c.code())).toList();
    }

    @Override
    public List<Region> all() {
        return List.copyOf(regions.values());
    }

    @Override
    public Optional<Industry> industry(String code) {
        return code == null ? Optional.empty() : Optional.ofNullable(industries.get(code.trim()));
    }

    @Override
    public List<Industry> industries() {
        return List.copyOf(industries.values());
    }
}
