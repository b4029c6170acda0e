package org.sibao.epidemic.internal;

import org.sibao.epidemic.RegionModeSwitched;
import org.sibao.identity.Role;
import org.sibao.notification.Notice;
import org.sibao.notification.Notifications;
import org.sibao.notification.Recipients;
import org.sibao.subject.Subjects;
import org.sibao.subject.WhitelistStatus;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Tells the region's HQ and epidemic officers and every ACTIVE whitelist subject under the region about a mode
 * switch, asynchronously after the switch committed (the switch itself stays one fast transaction).
 */
@Component
class ModeSwitchNotices {

    private final Notifications notifications;
    private final Subjects subjects;

    ModeSwitchNotices(Notifications notifications, Subjects subjects) {
        this.notifications = notifications;
        this.subjects = subjects;
    }

    @ApplicationModuleListener
    void on(RegionModeSwitched e) {
        String key = "epidemic.notice.mode." + e.mode().name();
        String link = "/epidemic/mode?regionCode=" + e.regionCode();
        // the region's HQ office, its epidemic office and its sector departments (whose whitelist subjects go into
        // closed-loop production), then every ACTIVE subject below it
        for (Role role : new Role[] {Role.HQ_OFFICER, Role.EPIDEMIC_OFFICER, Role.SECTOR_OFFICER}) {
            notifications.send(Notice.of("EPIDEMIC_MODE", key, link, e.regionCode(), e.reason()),
                    Recipients.roleAt(role, e.regionCode()));
        }
        for (String id : subjects.idsUnder(e.regionPrefix(), WhitelistStatus.ACTIVE)) {
            notifications.send(Notice.of("EPIDEMIC_MODE", key, "/epidemic/enterprise/" + id, e.regionCode(), e.reason()),
                    Recipients.enterprise(id));
        }
    }
}
