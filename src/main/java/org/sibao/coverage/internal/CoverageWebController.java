package org.sibao.coverage.internal;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.sibao.coverage.CoverageFigure;
import org.sibao.platform.Messages;
import org.sibao.region.Region;
import org.sibao.region.RegionService;
import org.sibao.region.Sector;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;

/**
 * The coverage page ({@code /coverage}): the page itself is rendered on the server; the charts read
 * {@code /coverage/data} (same scope rules as the API) from /js/coverage.js, since the CSP forbids inline scripts.
 */
@Controller
class CoverageWebController {

    private final CoverageService coverage;
    private final RegionService regions;
    private final Messages messages;

    CoverageWebController(CoverageService coverage, RegionService regions, Messages messages) {
        this.coverage = coverage;
        this.regions = regions;
        this.messages = messages;
    }

    @GetMapping("/coverage")
    String page(@RequestParam(required = false) String regionCode, @RequestParam(required = false) String sector,
            Model model) {
        CoverageService.Query q = coverage.query(regionCode, sector);
        model.addAttribute("query", q);
        model.addAttribute("figure", coverage.figure(q));
        model.addAttribute("children", coverage.byChild(q));
        model.addAttribute("suggestions", coverage.suggestions(q, 10));
        model.addAttribute("path", regions.pathBelow(org.sibao.identity.CurrentUser.get().regionCode(), q.region().code()));
        model.addAttribute("sectors", Sector.values());
        model.addAttribute("sectorCodes", Arrays.stream(Sector.values()).map(Sector::name).collect(Collectors.joining(",")));
        model.addAttribute("sectorNames", Arrays.stream(Sector.values()).map(messages::label).collect(Collectors.joining(",")));
        return "coverage/coverage";
    }

    record PageData(CoverageFigure figure, List<CoverageFigure> sectors, List<CoverageService.ChildFigure> children,
            List<Map<String, String>> path) {
    }

    @GetMapping(path = "/coverage/data", produces = "application/json")
    @ResponseBody
    PageData data(@RequestParam(required = false) String regionCode, @RequestParam(required = false) String sector) {
        CoverageService.Query q = coverage.query(regionCode, sector);
        List<Map<String, String>> path = regions.path(q.region().code()).stream()
                .map((Region r) -> Map.of("code", r.code(), "name", r.name())).toList();
        return new PageData(coverage.figure(q), coverage.bySector(q), coverage.byChild(q), path);
    }
}
