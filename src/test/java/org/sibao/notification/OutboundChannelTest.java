package org.sibao.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.Test;
import org.sibao.identity.Role;
import org.sibao.support.FullStackTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * With an outbound channel configured, a notice to a role at a region is stored for, and handed after commit to,
 * exactly the users that role has there (without one, the same notice is stored by one INSERT … SELECT).
 */
@FullStackTest
class OutboundChannelTest {

    record Delivery(String userId, String kind, String link) {
    }

    static final List<Delivery> DELIVERED = new CopyOnWriteArrayList<>();

    @TestConfiguration
    static class Channel {
        @Bean
        NotificationChannel recordingChannel() {
            return (userId, kind, text, link) -> DELIVERED.add(new Delivery(userId, kind, link));
        }
    }

    @Autowired
    Notifications notifications;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TransactionTemplate tx;

    @Test
    void aNoticeToARoleIsStoredAndDeliveredToEachOfItsUsersAfterCommit() {
        DELIVERED.clear();
        String link = "/test/outbound/" + System.nanoTime();
        Integer stored = tx.execute(s -> {
            int n = notifications.send(Notice.of("TEST", "appeal.notice.filed", link, "企业", "标题"),
                    Recipients.roleAt(Role.HQ_OFFICER, "410184"));
            assertThat(DELIVERED).as("nothing leaves before the commit").isEmpty();
            return n;
        });
        List<String> hq = jdbc.sql("SELECT id FROM app_user WHERE enabled = TRUE AND role = 'HQ_OFFICER' AND region_code = '410184'")
                .query(String.class).list();
        List<String> rows = jdbc.sql("SELECT user_id FROM notification WHERE link = ?").param(link).query(String.class).list();
        assertThat(hq).isNotEmpty();
        assertThat(stored).isEqualTo(hq.size());
        assertThat(rows).containsExactlyInAnyOrderElementsOf(hq);
        assertThat(DELIVERED).extracting(Delivery::userId).containsExactlyInAnyOrderElementsOf(hq);
        assertThat(DELIVERED).allSatisfy(d -> assertThat(d.link()).isEqualTo(link));
    }
}
