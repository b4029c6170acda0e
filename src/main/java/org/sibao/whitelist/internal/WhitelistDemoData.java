package org.sibao.whitelist.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.sibao.identity.CurrentUser;
import org.sibao.identity.Role;
import org.sibao.platform.SibaoProperties;
import org.sibao.region.Sector;
import org.sibao.subject.Subjects;
import org.sibao.subject.WhitelistStatus;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Demo mode only: the demo subjects marked as whitelisted get a real whitelist history — an application with
 * every readiness declaration made, reviews up to their level, a published "第一批" batch per county and sector,
 * and an ACTIVE entry — all through the same services the officials use, so every page and figure agrees.
 * A subject whose precheck fails goes back to NONE. Runs after the criteria (15) and demo users (20), before
 * the coverage rebuild (30).
 */
@Component
@Order(25)
class WhitelistDemoData implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(WhitelistDemoData.class);
    private static final String COMMENT = "演示数据：材料齐全，同意";

    private final SibaoProperties properties;
    private final JdbcClient jdbc;
    private final ApplicationService applications;
    private final EntryService entries;
    private final Subjects subjects;

    WhitelistDemoData(SibaoProperties properties, JdbcClient jdbc, ApplicationService applications,
            EntryService entries, Subjects subjects) {
        this.properties = properties;
        this.jdbc = jdbc;
        this.applications = applications;
        this.entries = entries;
        this.subjects = subjects;
    }

    private record Target(String id, String county, String sector, String level) {
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!properties.demoData() || jdbc.sql("SELECT COUNT(*) FROM wl_application").query(Long.class).single() > 0) {
            return;
        }
        List<Target> targets = jdbc.sql("""
                SELECT id, region_code, sector, COALESCE(whitelist_level, 'COUNTY') FROM subject
                WHERE whitelist_status = 'ACTIVE' ORDER BY region_code, sector, uscc, project_no""")
                .query((rs, i) -> new Target(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4)))
                .list();
        Map<String, List<String>> approvedByCountyAndSector = new LinkedHashMap<>();
        int skipped = 0;
        for (Target t : targets) {
            CurrentUser applicant = officer(t.sector(), t.county());
            ApplicationService.App app = applications.create(applicant, t.id(), t.level(), declarations());
            if ("FAIL".equals(app.precheck().outcome())) {
                subjects.setWhitelistStatus(t.id(), WhitelistStatus.NONE, null);
                skipped++;
                continue;
            }
            applications.submit(applicant, app.id());
            for (ReviewPath.Step step : applications.steps(app)) {
                applications.review(officer(t.sector(), step.regionCode()), app.id(), "APPROVE", COMMENT);
            }
            approvedByCountyAndSector.computeIfAbsent(t.county() + "/" + t.sector(), k -> new ArrayList<>()).add(app.id());
        }
        approvedByCountyAndSector.forEach((key, ids) -> {
            String county = key.substring(0, key.indexOf('/'));
            String sector = key.substring(key.indexOf('/') + 1);
            CurrentUser officer = officer(sector, county);
            EntryService.Batch batch = entries.createBatch(officer, "第一批", sector, county, ids, 0);
            entries.publish(officer, batch.id());
        });
        log.info("Demo whitelist: {} entries active in {} batches, {} subjects failed the precheck",
                targets.size() - skipped, approvedByCountyAndSector.size(), skipped);
    }

    /** The sector department of a region, acting for the demo seed. */
    private static CurrentUser officer(String sector, String regionCode) {
        return new CurrentUser("demo-seed", "demo-seed", "演示数据", Role.SECTOR_OFFICER, regionCode,
                Sector.valueOf(sector), null, null);
    }

    private static Map<String, Object> declarations() {
        Map<String, Object> d = new LinkedHashMap<>();
        for (Declarations.Item item : Declarations.ITEMS) {
            d.put(item.key(), item.numeric() ? (Object) 20 : (Object) Boolean.TRUE);
        }
        return d;
    }
}
