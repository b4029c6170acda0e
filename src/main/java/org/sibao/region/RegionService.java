package org.sibao.region;

import java.util.List;
import java.util.Optional;

/** Regions and industries, held in memory (they change only with a migration). */
public interface RegionService {

    Optional<Region> find(String code);

    /** The region or a 404 problem. */
    Region get(String code);

    List<Region> children(String code);

    /** The region followed by its children: the choices of a "my region or one directly below" filter. */
    default List<Region> withChildren(String code) {
        List<Region> out = new java.util.ArrayList<>();
        out.add(get(code));
        out.addAll(children(code));
        return out;
    }

    /** The names of the given region codes (unknown codes are left out): a list page's region column. */
    default java.util.Map<String, String> names(java.util.Collection<String> codes) {
        java.util.Map<String, String> out = new java.util.HashMap<>();
        for (String code : codes) {
            if (code != null) {
                find(code).ifPresent(r -> out.put(code, r.name()));
            }
        }
        return out;
    }

    /** A region's name for a list or an export: the code itself when unknown, empty for null. */
    default String name(String code) {
        return code == null ? "" : find(code).map(Region::name).orElse(code);
    }

    /** The region and its ancestors, province first. */
    List<Region> path(String code);

    /** The region and its ancestors, nearest first (county, city, province): where to look for who answers for it. */
    default List<Region> upwards(String code) {
        List<Region> out = new java.util.ArrayList<>(path(code));
        java.util.Collections.reverse(out);
        return out;
    }

    /**
     * The nearest of the region and its ancestors ({@link #upwards}) for which {@code test} holds, e.g. the nearest
     * office with someone on the platform to act; the region itself when none does.
     */
    default String nearestUpwards(String code, java.util.function.Predicate<String> test) {
        return upwards(code).stream().map(Region::code).filter(test).findFirst().orElse(code);
    }

    /**
     * The path from {@code top} (a user's own region) down to the region, leaving out the ancestors above it: the
     * breadcrumbs a user may follow. The whole path when {@code top} is null.
     */
    default List<Region> pathBelow(String top, String code) {
        return path(code).stream().filter(r -> top == null || isWithin(r.code(), top)).toList();
    }

    /** Whether {@code code} is {@code ancestorCode} or lies under it. */
    boolean isWithin(String code, String ancestorCode);

    /** The level at which a region acts: 济源 (a county-level unit under 419000) hosts a city-level HQ. */
    RegionLevel actingLevel(String code);

    /** Counties (and county-level units) under a region, the region itself if it is one. */
    List<Region> countiesUnder(String code);

    List<Region> all();

    Optional<Industry> industry(String code);

    List<Industry> industries();
}
