package org.sibao.coverage.internal;

import org.sibao.coverage.CoverageFigure;
import org.sibao.platform.audit.AuditLog;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /api/v1/whitelist/coverage} (API.md, fixed), suggestions, and a rebuild on demand. */
@RestController
@RequestMapping("/api/v1/whitelist/coverage")
class CoverageApiController {

    private final CoverageService coverage;
    private final CoverageRefresher refresher;
    private final AuditLog audit;

    CoverageApiController(CoverageService coverage, CoverageRefresher refresher, AuditLog audit) {
        this.coverage = coverage;
        this.refresher = refresher;
        this.audit = audit;
    }

    @GetMapping
    CoverageFigure get(@RequestParam(required = false) String regionCode, @RequestParam(required = false) String sector) {
        return coverage.figure(coverage.query(regionCode, sector));
    }

    @GetMapping("/suggestions")
    CoverageService.Suggestions suggestions(@RequestParam(required = false) String regionCode,
            @RequestParam(required = false) String sector, @RequestParam(required = false) Integer limit) {
        return coverage.suggestions(coverage.query(regionCode, sector), limit);
    }

    @PostMapping("/refresh")
    @PreAuthorize("hasRole('ADMIN')")
    CoverageRefresher.Rebuild refresh() {
        CoverageRefresher.Rebuild r = refresher.rebuild();
        audit.record("coverage.rebuild", "coverage", "all", null, java.util.Map.of("rows", r.rows()));
        return r;
    }
}
