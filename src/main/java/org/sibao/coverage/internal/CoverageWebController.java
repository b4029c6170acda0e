package org.sibao.coverage.internal;

import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.sibao.coverage.CoverageFigure;
import org.sibao.platform.BusinessClock;
import org.sibao.platform.Messages;
import org.sibao.platform.excel.ExcelExport;
import org.sibao.platform.excel.ExcelWorkbook;
import org.sibao.region.Region;
import org.sibao.region.RegionService;
import org.sibao.region.Sector;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;

import jakarta.servlet.http.HttpServletResponse;

/**
 * The coverage page ({@code /coverage}): the page itself is rendered on the server; the charts read
 * {@code /coverage/data} (same scope rules as the API) from /js/coverage.js, since the CSP forbids inline scripts.
 */
@Controller
class CoverageWebController {

    private final CoverageService coverage;
    private final RegionService regions;
    private final Messages messages;
    private final BusinessClock clock;

    CoverageWebController(CoverageService coverage, RegionService regions, Messages messages, BusinessClock clock) {
        this.clock = clock;
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

    /**
     * The page's figures (same region, sector and scope) as an .xlsx: coverage by sector with the total first, by
     * child region, and the suggestions the page lists.
     */
    @GetMapping("/coverage/export")
    void export(@RequestParam(required = false) String regionCode, @RequestParam(required = false) String sector,
            HttpServletResponse response) throws IOException {
        CoverageService.Query q = coverage.query(regionCode, sector);
        List<String> figures = ExcelExport.headers(messages, "coverage.export.", "covered", "total", "ratio", "target",
                "met", "whitelisted", "subjects");
        List<List<?>> bySector = new ArrayList<>();
        CoverageFigure all = coverage.figure(q);
        bySector.add(figureRow(all.sector() == null ? messages.get("coverage.allSectors") : messages.label(all.sector()), all));
        if (all.sector() == null) {
            // one sector asked for (or a sector officer's own): the row above is that sector already
            coverage.bySector(q).forEach(f -> bySector.add(figureRow(messages.label(f.sector()), f)));
        }
        List<List<?>> byRegion = coverage.byChild(q).stream().<List<?>>map(c -> cells(c.regionName(), c.coveredValue(),
                c.totalValue(), c.ratio(), all.target(), c.met(), c.whitelisted(), c.subjects())).toList();
        List<List<?>> suggestions = coverage.suggestions(q, 10).items().stream().<List<?>>map(s -> List.of(s.name(),
                s.regionName(), messages.label(s.sector()), s.value(), percent(s.ratioIfAdded()),
                percent(s.cumulativeRatio()))).toList();
        ExcelExport.send(response, "coverage-" + q.region().code() + "-" + clock.today() + ".xlsx", ExcelWorkbook.create()
                .sheet(messages.get("coverage.bySector"), withFirst(messages.get("coverage.sector"), figures), bySector)
                .sheet(messages.get("coverage.export.byRegion"), withFirst(messages.get("coverage.region"), figures), byRegion)
                .sheet(messages.get("coverage.export.suggestions"), ExcelExport.headers(messages, "coverage.", "subject",
                        "region", "sector", "value", "export.ratioIfAdded", "export.cumulativeRatio"), suggestions));
    }

    private static List<String> withFirst(String first, List<String> rest) {
        List<String> out = new ArrayList<>(List.of(first));
        out.addAll(rest);
        return out;
    }

    private List<?> figureRow(String name, CoverageFigure f) {
        return cells(name, f.coveredValue(), f.totalValue(), f.ratio(), f.target(), f.met(), f.whitelisted(), f.subjects());
    }

    private List<?> cells(String name, BigDecimal covered, BigDecimal total, BigDecimal ratio, BigDecimal target,
            boolean met, long whitelisted, long subjects) {
        return List.of(name, covered, total, percent(ratio), percent(target), messages.yesNo(met), whitelisted, subjects);
    }

    /** A 0..1 ratio in per cent with one decimal, as the page shows it. */
    private static BigDecimal percent(BigDecimal ratio) {
        return ratio.movePointRight(2).setScale(1, RoundingMode.HALF_UP);
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
