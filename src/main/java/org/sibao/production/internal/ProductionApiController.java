package org.sibao.production.internal;

import java.net.URI;
import java.util.List;

import org.sibao.platform.PageQuery;
import org.sibao.platform.PageResult;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Weekly production reports over the API: filing and history per enterprise, the officials' summary. */
@RestController
class ProductionApiController {

    private final ProductionService reports;
    private final ProductionSummary summary;

    ProductionApiController(ProductionService reports, ProductionSummary summary) {
        this.reports = reports;
        this.summary = summary;
    }

    @PostMapping("/api/v1/enterprises/{id}/production-reports")
    ResponseEntity<ProductionReport> submit(@PathVariable String id, @RequestBody ProductionInputs in) {
        ProductionReport r = reports.submit(id, in);
        boolean replaced = r.revision() > 1;
        URI location = URI.create("/api/v1/enterprises/" + id + "/production-reports?week=" + r.week());
        return replaced ? ResponseEntity.ok().location(location).body(r) : ResponseEntity.created(location).body(r);
    }

    @GetMapping("/api/v1/enterprises/{id}/production-reports")
    PageResult<ProductionReport> history(@PathVariable String id, @RequestParam(required = false) String week,
            @RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size) {
        PageQuery paging = PageQuery.of(page, size);
        List<ProductionReport> all = reports.history(id);
        return paging.slice(week == null || week.isBlank() ? all
                : all.stream().filter(r -> r.week().equals(week.trim())).toList());
    }

    @GetMapping("/api/v1/production/summary")
    ProductionSummary.Summary summary(@RequestParam(required = false) String regionCode,
            @RequestParam(required = false) String week) {
        return summary.summary(regionCode, week);
    }
}
