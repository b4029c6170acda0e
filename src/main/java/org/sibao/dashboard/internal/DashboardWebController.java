package org.sibao.dashboard.internal;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.sibao.platform.Messages;
import org.sibao.identity.CurrentUser;
import org.sibao.region.Region;
import org.sibao.region.RegionService;
import org.sibao.region.Sector;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;

/**
 * The one screen ({@code /dashboard}): cards rendered on the server; the charts read {@code /dashboard/data} (the
 * API's figures plus the child regions, same scope rules, session-authenticated) from /js/dashboard.js, since the
 * CSP forbids inline scripts.
 */
@Controller
class DashboardWebController {

    private final DashboardService dashboard;
    private final RegionService regions;
    private final Messages messages;

    DashboardWebController(DashboardService dashboard, RegionService regions, Messages messages) {
        this.dashboard = dashboard;
        this.regions = regions;
        this.messages = messages;
    }

    @GetMapping("/dashboard")
    String page(@RequestParam(required = false) String regionCode, @RequestParam(required = false) String sector,
            Model model) {
        DashboardService.Key key = dashboard.query(regionCode, sector);
        model.addAttribute("sectors", CurrentUser.get().scope().sector() == null ? Sector.values() : new Sector[0]);
        DashboardSnapshot s = dashboard.snapshot(key);
        model.addAttribute("d", s);
        model.addAttribute("path", regions.pathBelow(CurrentUser.get().regionCode(), key.regionCode()));
        model.addAttribute("sectorCodes", Arrays.stream(Sector.values()).map(Sector::name).collect(Collectors.joining(",")));
        model.addAttribute("sectorNames", Arrays.stream(Sector.values()).map(messages::label).collect(Collectors.joining(",")));
        return "dashboard/dashboard";
    }

    @GetMapping(path = "/dashboard/data", produces = "application/json")
    @ResponseBody
    Map<String, Object> data(@RequestParam(required = false) String regionCode,
            @RequestParam(required = false) String sector) {
        DashboardService.Key key = dashboard.query(regionCode, sector);
        DashboardSnapshot s = dashboard.snapshot(key);
        Map<String, Object> out = new LinkedHashMap<>(s.contract());
        out.put("children", s.children());
        List<Map<String, String>> path = regions.pathBelow(CurrentUser.get().regionCode(), key.regionCode()).stream()
                .map((Region r) -> Map.of("code", r.code(), "name", r.name())).toList();
        out.put("path", path);
        return out;
    }
}
