package org.sibao.epidemic.internal;

import org.sibao.epidemic.RegionModeSwitched;
import org.sibao.identity.Role;
import org.sibao.notification.Notice;
import org.sibao.notification.Notifications;
import org.sibao.notification.Recipients;
import org.sibao.region.Region;
import org.sibao.region.RegionService;
import org.sibao.subject.Subjects;
import org.sibao.subject.WhitelistStatus;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Tells every official the switch affects and every ACTIVE whitelist subject under the region about a mode switch,
 * asynchronously after the switch committed (the switch itself stays one fast transaction): the HQ, epidemic and
 * sector officers of the region and of every division below it (a city's switch reaches its counties' offices), and
 * the HQ and epidemic officers of the regions above it (a county's switch reaches its city and the province). The
 * notice names the region by its name (新郑市), never by its code.
 */
@Component
class ModeSwitchNotices {

    private final Notifications notifications;
    private final Subjects subjects;
    private final RegionService regions;

    ModeSwitchNotices(Notifications notifications, Subjects subjects, RegionService regions) {
        this.notifications = notifications;
        this.subjects = subjects;
        this.regions = regions;
    }

    @ApplicationModuleListener
    void on(RegionModeSwitched e) {
        String key = "epidemic.notice.mode." + e.mode().name();
        String link = "/epidemic/mode?regionCode=" + e.regionCode();
        String name = regions.name(e.regionCode());
        Notice notice = Notice.of("EPIDEMIC_MODE", key, link, name, e.reason());
        // the region's and its divisions' HQ offices, epidemic offices and sector departments (whose whitelist
        // subjects go into closed-loop production), each role one set-wise notice
        for (Role role : new Role[] {Role.HQ_OFFICER, Role.EPIDEMIC_OFFICER, Role.SECTOR_OFFICER}) {
            notifications.send(notice, Recipients.roleUnder(role, e.regionPrefix()));
        }
        // the offices above, which oversee it
        for (Region above : regions.path(e.regionCode())) {
            if (!above.code().equals(e.regionCode())) {
                for (Role role : new Role[] {Role.HQ_OFFICER, Role.EPIDEMIC_OFFICER}) {
                    notifications.send(notice, Recipients.roleAt(role, above.code()));
                }
            }
        }
        for (String id : subjects.idsUnder(e.regionPrefix(), WhitelistStatus.ACTIVE)) {
            notifications.send(Notice.of("EPIDEMIC_MODE", key, "/epidemic/enterprise/" + id, name, e.reason()),
                    Recipients.enterprise(id));
        }
    }
}
