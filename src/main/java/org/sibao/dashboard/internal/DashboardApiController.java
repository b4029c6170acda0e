package org.sibao.dashboard.internal;

import java.util.Map;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /api/v1/dashboard?regionCode=} (API.md, fixed shape). */
@RestController
class DashboardApiController {

    private final DashboardService dashboard;

    DashboardApiController(DashboardService dashboard) {
        this.dashboard = dashboard;
    }

    @GetMapping("/api/v1/dashboard")
    Map<String, Object> get(@RequestParam(required = false) String regionCode,
            @RequestParam(required = false) String sector) {
        return dashboard.snapshot(dashboard.query(regionCode, sector)).contract();
    }
}
