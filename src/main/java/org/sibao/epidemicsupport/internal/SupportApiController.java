package org.sibao.epidemicsupport.internal;

import java.util.List;

import org.sibao.platform.PageQuery;
import org.sibao.platform.PageResult;
import org.sibao.platform.Validation;
import org.sibao.region.Region;
import org.sibao.region.Sector;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** 防疫保障 over the API: a subject's support, the coverage board and its figures, the task forces' experts. */
@RestController
class SupportApiController {

    /** A region's HQ task forces with their experts: every one on one page, in the list envelope. */
    record Experts(String regionCode, int missing, List<Expert> items, int page, int size, long total) {
    }

    private final SupportService support;

    SupportApiController(SupportService support) {
        this.support = support;
    }

    @GetMapping("/api/v1/enterprises/{id}/epidemic-support")
    EpidemicSupport get(@PathVariable String id) {
        return support.get(id);
    }

    @PutMapping("/api/v1/enterprises/{id}/epidemic-support")
    EpidemicSupport replace(@PathVariable String id, @RequestBody SupportInputs in) {
        return support.replace(id, in);
    }

    @GetMapping("/api/v1/epidemic-support/coverage")
    PageResult<CoverageRow> coverage(@RequestParam(required = false) String regionCode,
            @RequestParam(required = false) String sector, @RequestParam(required = false) String status,
            @RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size) {
        Validation v = new Validation();
        Sector s = SupportService.filter(Sector.class, sector, "sector", v);
        CoverageStatus st = SupportService.filter(CoverageStatus.class, status, "status", v);
        PageQuery p = PageQuery.of(page, size, PageQuery.DEFAULT_SIZE, v);
        Region region = support.region(regionCode, v);
        v.throwIfInvalid();
        return support.board(region, s, st, p);
    }

    @GetMapping("/api/v1/epidemic-support/coverage/summary")
    CoverageSummary summary(@RequestParam(required = false) String regionCode,
            @RequestParam(required = false) String sector) {
        Validation v = new Validation();
        Sector s = SupportService.filter(Sector.class, sector, "sector", v);
        Region region = support.region(regionCode, v);
        v.throwIfInvalid();
        return support.summary(region, s);
    }

    @GetMapping("/api/v1/epidemic-support/experts")
    Experts experts(@RequestParam(required = false) String regionCode) {
        Validation v = new Validation();
        Region region = support.region(regionCode, v);
        v.throwIfInvalid();
        List<Expert> items = support.experts(region);
        return new Experts(region.code(), (int) items.stream().filter(e -> !e.assigned()).count(), items, 0,
                items.size(), items.size());
    }

    @PutMapping("/api/v1/epidemic-support/experts/{regionCode}/{taskForce}")
    Expert putExpert(@PathVariable String regionCode, @PathVariable String taskForce, @RequestBody ExpertInputs in) {
        return support.putExpert(regionCode, taskForce, in);
    }

    @DeleteMapping("/api/v1/epidemic-support/experts/{regionCode}/{taskForce}")
    ResponseEntity<Void> removeExpert(@PathVariable String regionCode, @PathVariable String taskForce) {
        support.removeExpert(regionCode, taskForce);
        return ResponseEntity.noContent().build();
    }
}
