package org.sibao.identity.internal;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.sibao.identity.EnterpriseDirectory;
import org.sibao.platform.BusinessClock;
import org.sibao.platform.SibaoProperties;
import org.sibao.region.Region;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Demo mode only: each demo liaison also serves the first two ACTIVE whitelist subjects of its area that have no
 * liaison yet, so that the duty board (包保责任) shows followed-up and overdue subjects beside unassigned ones. Runs
 * once the whitelist and the other demo records exist (after passes and tasks, 55) and before the demo visits (58);
 * skipped for a liaison that already serves a whitelist subject, so a second start assigns nothing.
 */
@Component
@Order(57)
class DemoLiaisonDuty implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoLiaisonDuty.class);
    private static final int PER_LIAISON = 2;

    private final SibaoProperties properties;
    private final UserRepository users;
    private final EnterpriseDirectory enterprises;
    private final JdbcClient jdbc;
    private final BusinessClock clock;

    DemoLiaisonDuty(SibaoProperties properties, UserRepository users, EnterpriseDirectory enterprises, JdbcClient jdbc,
            BusinessClock clock) {
        this.properties = properties;
        this.users = users;
        this.enterprises = enterprises;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!properties.demoData()) {
            return;
        }
        int n = 0;
        Set<String> served = new HashSet<>(jdbc.sql("SELECT DISTINCT enterprise_id FROM liaison_assignment")
                .query(String.class).list());
        for (DemoUsers.SeedRegion r : DemoUsers.REGIONS) {
            UserRow liaison = users.findByUsername("liaison_" + r.alias()).orElse(null);
            if (liaison == null) {
                continue;
            }
            List<String> active = enterprises.activeWhitelistUnder(Region.prefixOf(r.code()), 50);
            Set<String> assigned = new HashSet<>(users.assignedEnterprises(liaison.id()));
            if (active.stream().anyMatch(assigned::contains)) {
                continue;
            }
            int added = 0;
            for (String enterpriseId : active) {
                if (added == PER_LIAISON) {
                    break;
                }
                if (served.add(enterpriseId)) {
                    added += users.assign(liaison.id(), enterpriseId, clock.nowOffset());
                }
            }
            n += added;
        }
        if (n > 0) {
            log.info("Demo liaison duty: {} whitelist subject(s) assigned to the demo liaisons", n);
        }
    }
}
