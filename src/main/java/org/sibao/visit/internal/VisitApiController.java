package org.sibao.visit.internal;

import java.net.URI;

import org.sibao.platform.PageQuery;
import org.sibao.platform.PageResult;
import org.sibao.platform.Validation;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Liaison visits over the API: recording and reading an enterprise's visits, and the duty board. */
@RestController
class VisitApiController {

    private final VisitService visits;

    VisitApiController(VisitService visits) {
        this.visits = visits;
    }

    /** 201 with the stored visit; 200 with the stored one when the same visit was sent before. */
    @PostMapping("/api/v1/enterprises/{id}/visits")
    ResponseEntity<Visit> record(@PathVariable String id, @RequestBody VisitInputs in) {
        VisitService.Recorded r = visits.record(id, in);
        URI location = URI.create("/api/v1/enterprises/" + id + "/visits");
        return r.created() ? ResponseEntity.created(location).body(r.visit()) : ResponseEntity.ok(r.visit());
    }

    @GetMapping("/api/v1/enterprises/{id}/visits")
    PageResult<Visit> visits(@PathVariable String id, @RequestParam(required = false) Integer page,
            @RequestParam(required = false) Integer size) {
        return visits.visits(id, PageQuery.of(page, size));
    }

    @GetMapping("/api/v1/liaison-duty")
    PageResult<DutyRow> board(@RequestParam(required = false) String regionCode,
            @RequestParam(required = false) String status, @RequestParam(required = false) Integer page,
            @RequestParam(required = false) Integer size) {
        Validation v = new Validation();
        DutyStatus s = v.oneOf(DutyStatus.class, status == null ? null : status.trim().toUpperCase(java.util.Locale.ROOT),
                "status");
        PageQuery p = PageQuery.of(page, size, PageQuery.DEFAULT_SIZE, v);
        org.sibao.region.Region region = visits.region(regionCode, v);
        v.throwIfInvalid();
        return visits.board(region, s, p);
    }

    @GetMapping("/api/v1/liaison-duty/summary")
    DutySummary summary(@RequestParam(required = false) String regionCode) {
        Validation v = new Validation();
        org.sibao.region.Region region = visits.region(regionCode, v);
        v.throwIfInvalid();
        return visits.summary(region);
    }
}
