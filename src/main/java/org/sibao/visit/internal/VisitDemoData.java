package org.sibao.visit.internal;

import java.util.List;

import org.sibao.identity.ActingUser;
import org.sibao.identity.CurrentUser;
import org.sibao.identity.Role;
import org.sibao.identity.UserDirectory;
import org.sibao.platform.BusinessClock;
import org.sibao.platform.SibaoProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Demo mode only: each demo liaison has visited its enterprises, as the liaison, through the service — its first
 * enterprise (whitelist subjects first) two days ago on site, its second eleven days ago by phone (so overdue for the
 * weekly follow-up), the others never — so that both boards show every state. Deterministic (enterprises in id order), skipped when any
 * visit exists. Runs after the demo users and their assignments (20, 57) and the whitelist (25).
 */
@Component
@Order(58)
class VisitDemoData implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(VisitDemoData.class);
    private static final List<String> REGIONS = List.of("410000", "410100", "410184", "410200", "419001", "411300",
            "411523");

    private final SibaoProperties properties;
    private final VisitService service;
    private final VisitRepository repository;
    private final UserDirectory users;
    private final JdbcClient jdbc;
    private final BusinessClock clock;
    private final TransactionTemplate tx;

    VisitDemoData(SibaoProperties properties, VisitService service, VisitRepository repository, UserDirectory users,
            JdbcClient jdbc, BusinessClock clock, TransactionTemplate tx) {
        this.properties = properties;
        this.service = service;
        this.repository = repository;
        this.users = users;
        this.jdbc = jdbc;
        this.clock = clock;
        this.tx = tx;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!properties.demoData() || repository.anyVisit()) {
            return;
        }
        long started = System.nanoTime();
        int[] n = {0};
        tx.executeWithoutResult(s -> REGIONS.forEach(region -> users.userIds(Role.LIAISON, region, null).stream()
                .map(users::principal).flatMap(java.util.Optional::stream).forEach(l -> n[0] += seed(l))));
        log.info("Demo liaison visits: {} recorded in {} ms", n[0], (System.nanoTime() - started) / 1_000_000);
    }

    private int seed(CurrentUser liaison) {
        // whitelist subjects first: the duty board follows them
        List<String> assigned = jdbc.sql("""
                SELECT la.enterprise_id FROM liaison_assignment la JOIN subject s ON s.id = la.enterprise_id
                WHERE la.user_id = ? ORDER BY CASE WHEN s.whitelist_status = 'ACTIVE' THEN 0 ELSE 1 END, la.enterprise_id""")
                .param(liaison.id()).query(String.class).list();
        int n = 0;
        if (!assigned.isEmpty()) {
            ActingUser.call(liaison, () -> service.record(assigned.get(0), new VisitInputs(
                    clock.today().minusDays(2).toString(), "ON_SITE",
                    "实地查看生产车间和员工宿舍，闭环管理措施落实到位，原材料库存可维持两周；企业反映物流车辆通行证办理较慢。",
                    null, null)));
            n++;
        }
        if (assigned.size() > 1) {
            ActingUser.call(liaison, () -> service.record(assigned.get(1), new VisitInputs(
                    clock.today().minusDays(11).toString(), "PHONE",
                    "电话回访企业负责人，生产经营正常，已享受增值税留抵退税政策。", null, null)));
            n++;
        }
        return n;
    }
}
