package org.sibao.policy.internal;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.sibao.identity.SqlFilter;
import org.sibao.region.Sector;

/**
 * The rows 应享尽享 reach counts, as a derived table {@code (subject_id, policy_id, region_code, granted,
 * granted_yuan)}: one row per subject and policy in force that the subject is ELIGIBLE for or was granted. A grant
 * belongs to the policy's code, not to one version: a subject granted under an earlier version of a policy still
 * in force counts as granted (with what it was granted), once, and is not counted again as merely eligible.
 */
final class ReachRows {

    /** Grants summed per subject and policy code, within a region prefix (and sector). */
    private static final String GRANTS = "SELECT r.subject_id, gp.code, MIN(r.region_code) AS region_code,"
            + " SUM(r.granted_yuan) AS granted_yuan FROM policy_redemption r JOIN policy gp ON gp.id = r.policy_id"
            + " WHERE r.state = 'GRANTED' AND r.region_code LIKE ?%s GROUP BY r.subject_id, gp.code";

    private ReachRows() {
    }

    static SqlFilter of(List<String> inForce, String prefix, Sector sector) {
        String in = String.join(", ", Collections.nCopies(inForce.size(), "?"));
        String sectorM = sector == null ? "" : " AND m.subject_id IN (SELECT s.id FROM subject s WHERE s.sector = ?)";
        String sectorR = sector == null ? "" : " AND r.subject_id IN (SELECT s.id FROM subject s WHERE s.sector = ?)";
        String grants = GRANTS.formatted(sectorR);
        String sql = "SELECT m.subject_id, m.policy_id, m.region_code,"
                + " CASE WHEN g.subject_id IS NULL THEN 0 ELSE 1 END AS granted, g.granted_yuan"
                + " FROM policy_match m JOIN policy p ON p.id = m.policy_id"
                + " LEFT JOIN (" + grants + ") g ON g.subject_id = m.subject_id AND g.code = p.code"
                + " WHERE m.outcome = 'ELIGIBLE' AND m.policy_id IN (" + in + ") AND m.region_code LIKE ?" + sectorM
                + " UNION ALL"
                + " SELECT g.subject_id, p.id, g.region_code, 1, g.granted_yuan"
                + " FROM (" + grants + ") g JOIN policy p ON p.code = g.code AND p.id IN (" + in + ")"
                + " WHERE NOT EXISTS (SELECT 1 FROM policy_match m WHERE m.subject_id = g.subject_id"
                + "                   AND m.policy_id = p.id AND m.outcome = 'ELIGIBLE')";
        // in the order of the placeholders: grants (eligible branch), in force, matches, grants, in force
        List<Object> area = sector == null ? List.of(prefix + "%") : List.of(prefix + "%", sector.name());
        List<Object> params = new ArrayList<>(area);
        params.addAll(inForce);
        params.addAll(area);
        params.addAll(area);
        params.addAll(inForce);
        return new SqlFilter(sql, params);
    }
}
