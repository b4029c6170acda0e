/**
 * In-app notifications (站内消息) to users, roles in a region, or an enterprise's users and liaisons, with
 * pluggable outbound channels (webhook; an SMS gateway plugs in the same way).
 */
@org.springframework.modulith.ApplicationModule(displayName = "Notifications")
package org.sibao.notification;
