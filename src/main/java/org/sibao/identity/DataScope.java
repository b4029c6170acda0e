package org.sibao.identity;

import java.util.ArrayList;
import java.util.List;

import org.sibao.region.Region;
import org.sibao.region.Sector;

/**
 * What data a user may see, as a predicate the data layer appends to every query on a subject-related table:
 * <ul>
 * <li>officials: their region and everything under it (a bound {@code LIKE 'prefix%'});</li>
 * <li>SECTOR_OFFICER: additionally only their sector;</li>
 * <li>LIAISON: the enterprises the HQ assigned to them;</li>
 * <li>ENTERPRISE: their own enterprise only.</li>
 * </ul>
 * Anything outside the predicate is simply not found (404), never "forbidden", so its existence is not revealed.
 */
public record DataScope(Role role, String regionPrefix, Sector sector, String enterpriseId, String liaisonUserId) {

    public static DataScope of(CurrentUser user) {
        return switch (user.role()) {
            case ENTERPRISE -> new DataScope(user.role(), null, null,
                    user.enterpriseId() == null ? "-" : user.enterpriseId(), null);
            case LIAISON -> new DataScope(user.role(), null, null, null, user.id());
            case SECTOR_OFFICER -> new DataScope(user.role(), Region.prefixOf(user.regionCode()), user.sector(), null, null);
            default -> new DataScope(user.role(), Region.prefixOf(user.regionCode()), null, null, null);
        };
    }

    /** Everything in a region and under it, every sector: what an HQ office of that region reads. */
    public static DataScope ofRegion(String regionCode) {
        return new DataScope(Role.HQ_OFFICER, Region.prefixOf(regionCode), null, null, null);
    }

    /** A scope for system work (schedules, demo data): everything. */
    public static DataScope system() {
        return new DataScope(Role.ADMIN, "4", null, null, null);
    }

    /**
     * The predicate over a table that names a subject: its county code, its sector and its id.
     *
     * @param regionColumn column holding the subject's county code
     * @param sectorColumn column holding the subject's sector
     * @param idColumn     column holding the subject's id
     */
    public SqlFilter subjects(String regionColumn, String sectorColumn, String idColumn) {
        List<String> parts = new ArrayList<>();
        List<Object> params = new ArrayList<>();
        if (enterpriseId != null) {
            parts.add(idColumn + " = ?");
            params.add(enterpriseId);
        }
        if (liaisonUserId != null) {
            parts.add(idColumn + " IN (SELECT la.enterprise_id FROM liaison_assignment la WHERE la.user_id = ?)");
            params.add(liaisonUserId);
        }
        if (regionPrefix != null) {
            parts.add(regionColumn + " LIKE ?");
            params.add(regionPrefix + "%");
        }
        if (sector != null) {
            parts.add(sectorColumn + " = ?");
            params.add(sector.name());
        }
        return parts.isEmpty() ? SqlFilter.NONE : new SqlFilter(String.join(" AND ", parts), params);
    }

    /** The predicate over a table that only names a region (e.g. tasks, mode switches). */
    public SqlFilter regions(String regionColumn) {
        if (regionPrefix == null) {
            return new SqlFilter("1=0", List.of());
        }
        return new SqlFilter(regionColumn + " LIKE ?", List.of(regionPrefix + "%"));
    }

    /** Whether a region lies inside this scope's region (false for enterprise-bound scopes). */
    public boolean coversRegion(String regionCode) {
        return regionPrefix != null && regionCode != null && regionCode.startsWith(regionPrefix);
    }

    /** Whether a sector is visible to this scope. */
    public boolean coversSector(Sector s) {
        return sector == null || sector == s;
    }
}
