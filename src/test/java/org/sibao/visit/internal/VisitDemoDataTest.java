package org.sibao.visit.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.sibao.support.FullStackTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The demo's liaison duty: each demo liaison also serves whitelist subjects of its area and has visited them (one
 * recently, one eleven days before seeding), so the HQ's board shows every state; a second start adds nothing.
 */
@FullStackTest
class VisitDemoDataTest {

    @Autowired
    JdbcClient jdbc;

    @Autowired
    VisitDemoData demo;

    @Autowired
    ApplicationContext context;

    @Test
    void demoLiaisonsServeAndVisitWhitelistSubjects() throws Exception {
        List<String> serving = jdbc.sql("""
                SELECT DISTINCT u.username FROM liaison_assignment la JOIN app_user u ON u.id = la.user_id
                JOIN subject s ON s.id = la.enterprise_id WHERE s.whitelist_status = 'ACTIVE' AND u.username LIKE 'liaison\\_%'""")
                .query(String.class).list();
        assertThat(serving).contains("liaison_xz", "liaison_kf", "liaison_ny");
        List<Long> gaps = jdbc.sql("""
                SELECT v.visited_on, v.created_at FROM liaison_visit v
                JOIN app_user u ON u.id = v.visited_by JOIN subject s ON s.id = v.enterprise_id
                WHERE u.username = 'liaison_xz' AND s.whitelist_status = 'ACTIVE' ORDER BY v.visited_on DESC""")
                .query((rs, i) -> java.time.temporal.ChronoUnit.DAYS.between(rs.getObject(1, java.time.LocalDate.class),
                        rs.getObject(2, java.time.OffsetDateTime.class)
                                .atZoneSameInstant(org.sibao.platform.BusinessClock.ZONE).toLocalDate()))
                .list();
        assertThat(gaps).as("days between the visit and its recording").containsExactly(2L, 11L);

        long assignments = jdbc.sql("SELECT COUNT(*) FROM liaison_assignment").query(Long.class).single();
        long visits = jdbc.sql("SELECT COUNT(*) FROM liaison_visit").query(Long.class).single();
        ((org.springframework.boot.ApplicationRunner) context.getBean("demoLiaisonDuty")).run(null);
        demo.run(null);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM liaison_assignment").query(Long.class).single()).isEqualTo(assignments);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM liaison_visit").query(Long.class).single()).isEqualTo(visits);
    }
}
