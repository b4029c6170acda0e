package org.sibao.notification;

/**
 * An outbound channel (SMS gateway, webhook …). Receives each stored notification after commit; must not throw
 * for delivery failures (log and move on) and must never log personal data.
 */
public interface NotificationChannel {

    void deliver(String userId, String kind, String text, String link);
}
