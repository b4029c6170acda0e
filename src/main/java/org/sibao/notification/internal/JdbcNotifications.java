package org.sibao.notification.internal;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;

import org.sibao.identity.SqlFilter;
import org.sibao.identity.UserDirectory;
import org.sibao.notification.Notice;
import org.sibao.notification.NotificationChannel;
import org.sibao.notification.Notifications;
import org.sibao.notification.Recipients;
import org.sibao.platform.BusinessClock;
import org.sibao.platform.Messages;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import tools.jackson.databind.json.JsonMapper;

@Service
class JdbcNotifications implements Notifications {

    private final JdbcTemplate batch;
    private final JdbcClient jdbc;
    private final UserDirectory users;
    private final BusinessClock clock;
    private final JsonMapper json;
    private final Messages messages;
    private final ObjectProvider<NotificationChannel> channels;

    JdbcNotifications(JdbcTemplate batch, JdbcClient jdbc, UserDirectory users, BusinessClock clock, JsonMapper json, Messages messages,
            ObjectProvider<NotificationChannel> channels) {
        this.batch = batch;
        this.jdbc = jdbc;
        this.users = users;
        this.clock = clock;
        this.json = json;
        this.messages = messages;
        this.channels = channels;
    }

    private static final String INSERT = "INSERT INTO notification (user_id, kind, message_key, args_json, link, created_at)";

    @Override
    @Transactional
    public int send(Notice notice, Recipients recipients) {
        OffsetDateTime now = clock.nowOffset();
        String args = json.writeValueAsString(notice.args());
        List<NotificationChannel> outbound = channels.orderedStream().toList();
        SqlFilter query = query(recipients);
        if (query != null && outbound.isEmpty()) {
            // nobody to hand the user ids to: resolve and store in one statement
            List<Object> params = new ArrayList<>(List.of(notice.kind(), notice.messageKey(), args, notice.link(), now));
            params.addAll(query.params());
            return jdbc.sql(INSERT + " SELECT r.id, ?, ?, ?, ?, ? FROM (SELECT DISTINCT q.id FROM (" + query.sql() + ") q) r")
                    .params(params).update();
        }
        List<String> ids = new ArrayList<>(new LinkedHashSet<>(query == null ? ((Recipients.Users) recipients).userIds()
                : jdbc.sql(query.sql()).params(query.params()).query(String.class).list()));
        if (ids.isEmpty()) {
            return 0;
        }
        List<Object[]> rows = ids.stream()
                .map(id -> new Object[] {id, notice.kind(), notice.messageKey(), args, notice.link(), now}).toList();
        batch.batchUpdate(INSERT + " VALUES (?, ?, ?, ?, ?, ?)", rows);
        deliverAfterCommit(ids, notice, outbound);
        return ids.size();
    }

    /** The recipients as a sub-query of user ids, or null for a list of named users. */
    private SqlFilter query(Recipients recipients) {
        if (recipients instanceof Recipients.RoleAt r) {
            return users.userIdsQuery(r.role(), r.regionCode(), r.sector());
        }
        if (recipients instanceof Recipients.RoleUnder r) {
            return users.userIdsUnderQuery(r.role(), r.regionPrefix());
        }
        if (recipients instanceof Recipients.Enterprise e) {
            return users.enterpriseUserIdsQuery(e.enterpriseId());
        }
        return null;
    }

    private void deliverAfterCommit(List<String> userIds, Notice notice, List<NotificationChannel> outbound) {
        if (outbound.isEmpty()) {
            return;
        }
        String text = messages.get(Locale.SIMPLIFIED_CHINESE, notice.messageKey(), notice.args().toArray());
        Runnable deliver = () -> userIds.forEach(id -> outbound.forEach(c -> c.deliver(id, notice.kind(), text, notice.link())));
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    deliver.run();
                }
            });
        } else {
            deliver.run();
        }
    }
}
