package org.sibao.visit.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.sibao.subject.Subjects;
import org.sibao.support.FullStackTest;
import org.sibao.tasking.IsoWeek;
import org.sibao.visit.VisitFixture;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The Monday follow-up: each liaison is told, once per week, which of its whitelist subjects it has not visited. */
@FullStackTest
class VisitRemindersTest {

    @LocalServerPort
    int port;

    @Autowired
    Subjects subjects;

    @Autowired
    VisitReminders reminders;

    @Autowired
    JdbcClient jdbc;

    @Test
    void remindsEachLiaisonOfItsSubjectsNotVisitedThisWeekOnce() {
        // the scheduled run sends the current week's reminders once the clock (moved by other tests) reaches a new
        // week: run it now, before this test's liaisons exist, so that it cannot remind them meanwhile
        reminders.run();
        VisitFixture fx = new VisitFixture(port, subjects);
        String visited = fx.activeSubject("410105");
        String forgotten = fx.activeSubject("410105");
        String[] liaison = fx.liaison("410105");
        fx.assign(liaison[1], visited);
        fx.assign(liaison[1], forgotten);
        String[] diligent = fx.liaison("410105");
        fx.assign(diligent[1], visited);
        assertThat(fx.as(liaison[0]).post("/api/v1/enterprises/" + visited + "/visits",
                VisitFixture.visit(fx.today(), "ON_SITE", "走访")).status()).isEqualTo(201);
        assertThat(fx.as(diligent[0]).post("/api/v1/enterprises/" + visited + "/visits",
                VisitFixture.visit(fx.today(), "VIDEO", "视频连线")).status()).isEqualTo(201);
        String forgottenName = fx.admin.get("/api/v1/enterprises/" + forgotten).text("name");

        IsoWeek week = new IsoWeek(2021, 12);
        assertThat(reminders.remindOnce(week)).isPositive();
        List<String> args = jdbc.sql("""
                SELECT n.args_json FROM notification n WHERE n.user_id = ? AND n.message_key = 'visit.notice.followUp'""")
                .param(liaison[1]).query(String.class).list();
        assertThat(args).hasSize(1);
        assertThat(args.get(0)).contains(forgottenName).doesNotContain(fx.admin.get("/api/v1/enterprises/" + visited).text("name"));
        assertThat(jdbc.sql("SELECT COUNT(*) FROM notification WHERE user_id = ? AND message_key = 'visit.notice.followUp'")
                .param(diligent[1]).query(Long.class).single()).as("nothing owed, nothing sent").isZero();

        assertThat(reminders.remindOnce(week)).as("a week is reminded once").isEqualTo(-1);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM notification WHERE user_id = ? AND message_key = 'visit.notice.followUp'")
                .param(liaison[1]).query(Long.class).single()).isEqualTo(1);
    }
}
