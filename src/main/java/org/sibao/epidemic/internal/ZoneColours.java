package org.sibao.epidemic.internal;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.sibao.platform.BusinessClock;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Zone colours that follow the situation (SPEC §8, seed 004), recomputed set-wise: one UPDATE of the automatic
 * colour for every zone of the given subjects, then one of the shown colour (the more severe of the automatic one
 * and an officer's override). The automatic colour of a zone, the first that holds:
 * <ol>
 * <li>RED: an incident under observation or confirmed is in it ({@code epi_incident.zone_id}: the zone given when
 * opening or confirming, else the employee's), or an employee in it has a POSITIVE latest result;</li>
 * <li>YELLOW: a close or secondary contact of an incident not yet closed (under observation, confirmed, or cleared
 * and in its quiet period) works in it — seed 004 "黄区(密接或次密接)";</li>
 * <li>BLUE: an arrival is under observation in it on the business date (arrival date ≤ today &lt;
 * {@code observation_ends_on}; for an arrival in centralised isolation, from the end of the isolation on, since it
 * is not in the enterprise before);</li>
 * <li>GREEN otherwise.</li>
 * </ol>
 * Callers recompute the subjects a change touched: incidents opened, re-tested, confirmed, cleared, contacts listed,
 * closed; employees moved between zones; arrivals registered or their observation ended; after a bulk ingest of
 * test results, once for the subjects with a new positive and those with a red zone. The sweep recomputes every zone,
 * which catches the changes that only the clock makes (an arrival's observation starting or ending).
 */
@Component
class ZoneColours {

    static final List<String> SEVERITY = List.of("GREEN", "BLUE", "YELLOW", "RED");
    private static final int CHUNK = 500;

    private static final String AUTO = """
            CASE
              WHEN EXISTS (SELECT 1 FROM epi_incident i WHERE i.zone_id = z.id AND i.status IN ('OBSERVATION', 'CONFIRMED'))
                OR EXISTS (SELECT 1 FROM epi_employee e JOIN epi_latest_result x ON x.employee_seq = e.seq
                           WHERE e.zone_id = z.id AND x.last_result = 'POSITIVE') THEN 'RED'
              WHEN EXISTS (SELECT 1 FROM epi_incident_contact c JOIN epi_incident i ON i.id = c.incident_id
                           JOIN epi_employee e ON e.id = c.employee_id
                           WHERE e.zone_id = z.id AND i.status <> 'CLOSED') THEN 'YELLOW'
              WHEN EXISTS (SELECT 1 FROM epi_arrival a WHERE a.zone_id = z.id AND COALESCE(a.isolation_ends_on, a.arrival_date) <= ?
                           AND a.observation_ends_on > ?) THEN 'BLUE'
              ELSE 'GREEN' END""";

    private static final String SHOWN = "CASE WHEN " + rank("z.manual_colour") + " > " + rank("z.auto_colour")
            + " THEN z.manual_colour ELSE z.auto_colour END";

    private final JdbcClient jdbc;
    private final BusinessClock clock;

    ZoneColours(JdbcClient jdbc, BusinessClock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    private static String rank(String column) {
        return "CASE " + column + " WHEN 'RED' THEN 3 WHEN 'YELLOW' THEN 2 WHEN 'BLUE' THEN 1 ELSE 0 END";
    }

    /** The more severe of two colours (null counts as no colour). */
    static String moreSevere(String a, String b) {
        return a == null ? b : b == null ? a : SEVERITY.indexOf(a) >= SEVERITY.indexOf(b) ? a : b;
    }

    /** Recomputes the zones of one subject. */
    int recompute(String subjectId) {
        return recompute(List.of(subjectId));
    }

    /** Recomputes every zone of these subjects; returns how many zones changed their shown colour. */
    int recompute(Collection<String> subjectIds) {
        List<String> ids = List.copyOf(new LinkedHashSet<>(subjectIds));
        int changed = 0;
        for (int from = 0; from < ids.size(); from += CHUNK) {
            List<String> chunk = ids.subList(from, Math.min(ids.size(), from + CHUNK));
            changed += update("z.subject_id IN (" + "?,".repeat(chunk.size() - 1) + "?)", chunk);
        }
        return changed;
    }

    /**
     * After a bulk ingest of test results: the subjects with a new positive result, and those with a zone red for
     * any reason (a later negative may have lifted it), in one recomputation.
     */
    int recomputeAfterResults(Collection<String> subjectsWithNewPositives) {
        Set<String> subjects = new LinkedHashSet<>(subjectsWithNewPositives);
        subjects.addAll(jdbc.sql("SELECT DISTINCT subject_id FROM epi_zone WHERE auto_colour = 'RED'").query(String.class).list());
        return recompute(subjects);
    }

    /** Every zone (the sweep): catches what only the passing of time changes. */
    int recomputeAll() {
        return update("1 = 1", List.of());
    }

    private int update(String where, List<String> params) {
        LocalDate today = clock.today();
        OffsetDateTime now = clock.nowOffset();
        List<Object> autoParams = new ArrayList<>(List.of(today, today));
        autoParams.addAll(params);
        autoParams.addAll(List.of(today, today));
        jdbc.sql("UPDATE epi_zone z SET auto_colour = " + AUTO + " WHERE " + where + " AND z.auto_colour <> " + AUTO)
                .params(autoParams).update();
        List<Object> shownParams = new ArrayList<>();
        shownParams.add(now);
        shownParams.addAll(params);
        return jdbc.sql("UPDATE epi_zone z SET colour = " + SHOWN + ", updated_at = ? WHERE " + where + " AND z.colour <> " + SHOWN)
                .params(shownParams).update();
    }
}
