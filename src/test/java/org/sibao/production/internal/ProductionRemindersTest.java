package org.sibao.production.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.sibao.production.ProductionFixture;
import org.sibao.subject.Subjects;
import org.sibao.subject.WhitelistStatus;
import org.sibao.support.ApiClient;
import org.sibao.support.FullStackTest;
import org.sibao.support.TestUsers;
import org.sibao.tasking.IsoWeek;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The Monday job: reminds subjects without a report of the week, tells the county HQ of drops, once per week; and
 * the week's section of the weekly dispatch brief.
 */
@FullStackTest
class ProductionRemindersTest {

    private static final String XINGYANG = "410182";

    @LocalServerPort
    int port;

    @Autowired
    Subjects subjects;

    @Autowired
    ProductionReminders reminders;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    ProductionBriefSection brief;

    @Test
    void remindsMissingReportsAndNotifiesDropsOncePerWeek() {
        ProductionFixture fx = new ProductionFixture(port, subjects);
        IsoWeek week = new IsoWeek(2021, 10);
        String silent = fx.subject(XINGYANG, "INDUSTRY", WhitelistStatus.ACTIVE);
        String silentUser = fx.enterpriseUser(silent, XINGYANG);
        String falling = fx.subject(XINGYANG, "INDUSTRY", WhitelistStatus.ACTIVE);
        String fallingUser = fx.enterpriseUser(falling, XINGYANG);
        String hq = TestUsers.uniqueName("hq_prod");
        TestUsers.create(fx.admin, hq, "HQ_OFFICER", XINGYANG, Map.of());
        ApiClient ent = fx.as(fallingUser);
        assertThat(ent.post("/api/v1/enterprises/" + falling + "/production-reports",
                ProductionFixture.report(week.previous().toString(), 100)).status()).isEqualTo(201);
        assertThat(ent.post("/api/v1/enterprises/" + falling + "/production-reports",
                ProductionFixture.report(week.toString(), 50)).status()).isEqualTo(201);

        var rows = brief.weeklySections(XINGYANG, week).get(0).rows();
        assertThat(rows).anySatisfy(r -> {
            assertThat(r.title()).isEqualTo("产值环比下降超过20%的企业");
            assertThat(r.value()).isEqualTo("1");
        });
        assertThat(rows).anySatisfy(r -> assertThat(r.value()).isEqualTo("1 / 2"));

        assertThat(reminders.remindOnce(week)).isPositive();
        assertThat(notices(silentUser, "production.notice.missing", week)).isEqualTo(1);
        assertThat(notices(fallingUser, "production.notice.missing", week)).isZero();
        assertThat(notices(hq, "production.notice.drop", week)).isEqualTo(1);

        assertThat(reminders.remindOnce(week)).as("a week is reminded once").isEqualTo(-1);
        assertThat(notices(silentUser, "production.notice.missing", week)).isEqualTo(1);

        // the reminders fixed the week's roll: later whitelist changes do not rewrite the week's figures
        subjects.setWhitelistStatus(silent, WhitelistStatus.SUSPENDED, "COUNTY");
        fx.subject(XINGYANG, "INDUSTRY", WhitelistStatus.ACTIVE);
        var after = brief.weeklySections(XINGYANG, week).get(0).rows();
        assertThat(after).as("the suspended subject still owed that week's report, the newcomer did not")
                .anySatisfy(r -> assertThat(r.value()).isEqualTo("1 / 2"));
        assertThat(after).anySatisfy(r -> {
            assertThat(r.title()).isEqualTo("产值环比下降超过20%的企业");
            assertThat(r.value()).isEqualTo("1");
        });
        var unrolled = brief.weeklySections(XINGYANG, new IsoWeek(2021, 11)).get(0).rows();
        assertThat(unrolled).as("a week not yet reminded follows today's whitelist: falling and the newcomer")
                .anySatisfy(r -> assertThat(r.value()).isEqualTo("0 / 2"));
    }

    /**
     * The user's notices of that kind about that week: the scheduled run reminds the current week's previous one
     * whenever other tests move the clock into a new week, and the subjects made here owe those weeks too.
     */
    private long notices(String username, String key, IsoWeek week) {
        return jdbc.sql("""
                SELECT COUNT(*) FROM notification n JOIN app_user u ON u.id = n.user_id
                WHERE u.username = ? AND n.kind = 'PRODUCTION' AND n.message_key = ? AND n.args_json LIKE ?""")
                .params(username, key, "%\"" + week + "\"%").query(Long.class).single();
    }
}
