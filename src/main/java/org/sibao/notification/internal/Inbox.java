package org.sibao.notification.internal;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

import org.sibao.platform.BusinessClock;
import org.sibao.platform.Messages;
import org.sibao.platform.PageQuery;
import org.sibao.platform.PageResult;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** A user's own notifications, rendered in the reader's language. */
@Component
class Inbox {

    private static final TypeReference<List<String>> ARGS = new TypeReference<>() {
    };

    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final Messages messages;
    private final BusinessClock clock;

    Inbox(JdbcClient jdbc, JsonMapper json, Messages messages, BusinessClock clock) {
        this.jdbc = jdbc;
        this.json = json;
        this.messages = messages;
        this.clock = clock;
    }

    record Item(long id, String kind, String text, String link, OffsetDateTime createdAt, boolean read) {
    }

    PageResult<Item> list(String userId, boolean unreadOnly, PageQuery page) {
        String where = " WHERE user_id = ?" + (unreadOnly ? " AND read_at IS NULL" : "");
        long total = jdbc.sql("SELECT COUNT(*) FROM notification" + where).param(userId).query(Long.class).single();
        List<Item> items = jdbc.sql("SELECT id, kind, message_key, args_json, link, created_at, read_at FROM notification"
                + where + " ORDER BY id DESC LIMIT ? OFFSET ?")
                .params(userId, page.size(), page.offset())
                .query((rs, i) -> new Item(rs.getLong(1), rs.getString(2),
                        messages.get(rs.getString(3), json.readValue(rs.getString(4), ARGS).toArray()), rs.getString(5),
                        rs.getObject(6, OffsetDateTime.class), rs.getObject(7) != null))
                .list();
        return page.result(new ArrayList<>(items), total);
    }

    long unread(String userId) {
        return jdbc.sql("SELECT COUNT(*) FROM notification WHERE user_id = ? AND read_at IS NULL").param(userId)
                .query(Long.class).single();
    }

    /** Marks one of the user's notifications read; false when it is not theirs. */
    boolean markRead(String userId, long id) {
        return jdbc.sql("UPDATE notification SET read_at = COALESCE(read_at, ?) WHERE id = ? AND user_id = ?")
                .params(clock.nowOffset(), id, userId).update() > 0;
    }

    int markAllRead(String userId) {
        return jdbc.sql("UPDATE notification SET read_at = ? WHERE user_id = ? AND read_at IS NULL")
                .params(clock.nowOffset(), userId).update();
    }
}
