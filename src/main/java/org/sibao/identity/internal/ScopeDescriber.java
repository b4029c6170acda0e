package org.sibao.identity.internal;

import java.util.ArrayList;
import java.util.List;

import org.sibao.identity.CurrentUser;
import org.sibao.platform.Messages;
import org.sibao.region.Department;
import org.sibao.region.Region;
import org.sibao.region.RegionLevel;
import org.sibao.region.RegionService;
import org.springframework.stereotype.Component;

/** A user's data scope in words, e.g. "可见范围：开封市及下辖区县 · 工业生产领域". */
@Component
class ScopeDescriber {

    private final Messages messages;
    private final RegionService regions;
    private final UserRepository users;

    ScopeDescriber(Messages messages, RegionService regions, UserRepository users) {
        this.messages = messages;
        this.regions = regions;
        this.users = users;
    }

    String describe(CurrentUser user) {
        List<String> parts = new ArrayList<>();
        switch (user.role()) {
            case ENTERPRISE -> parts.add(messages.get("scope.enterprise"));
            case LIAISON -> parts.add(messages.get("scope.liaison", users.countAssigned(user.id())));
            default -> parts.add(region(user.regionCode()));
        }
        if (user.sector() != null && user.role() == org.sibao.identity.Role.SECTOR_OFFICER) {
            parts.add(messages.get("scope.sector", messages.label(user.sector())));
        }
        if (user.role() == org.sibao.identity.Role.DEPT_HANDLER && user.departmentCode() != null) {
            String department = Department.parse(user.departmentCode()).map(messages::label).orElse(user.departmentCode());
            parts.add(messages.get("scope.department", department));
        }
        return messages.get("scope.prefix", String.join(" · ", parts));
    }

    private String region(String code) {
        Region region = regions.find(code).orElse(null);
        if (region == null) {
            return code;
        }
        if (regions.children(code).isEmpty()) {
            return region.name();
        }
        return messages.get(region.level() == RegionLevel.PROVINCE ? "scope.province" : "scope.city", region.name());
    }
}
