package org.sibao.logistics.internal;

import java.net.URI;

import org.sibao.platform.PageQuery;
import org.sibao.platform.PageResult;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Vehicle passes over the API: applications, the transport department's decisions, and the drivers' whitelist. */
@RestController
@RequestMapping("/api/v1/passes")
class PassApiController {

    private final PassService passes;

    PassApiController(PassService passes) {
        this.passes = passes;
    }

    @PostMapping
    ResponseEntity<VehiclePass> file(@RequestBody PassService.PassRequest request) {
        VehiclePass p = passes.file(request);
        return ResponseEntity.created(URI.create("/api/v1/passes/" + p.id())).body(p);
    }

    @GetMapping
    PageResult<VehiclePass> list(@RequestParam(required = false) String status,
            @RequestParam(required = false) String carrierEnterpriseId, @RequestParam(required = false) Integer page,
            @RequestParam(required = false) Integer size) {
        return passes.passes(status, carrierEnterpriseId, PageQuery.of(page, size));
    }

    @GetMapping("/drivers")
    PageResult<PassRepository.WhitelistDriver> drivers(@RequestParam(required = false) String regionCode,
            @RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size) {
        return passes.drivers(regionCode, PageQuery.of(page, size));
    }

    @GetMapping("/{id}")
    VehiclePass pass(@PathVariable String id) {
        return passes.pass(id);
    }

    @PostMapping("/{id}/approve")
    VehiclePass approve(@PathVariable String id, @RequestBody(required = false) PassService.Decision d) {
        return passes.approve(id, d);
    }

    @PostMapping("/{id}/reject")
    VehiclePass reject(@PathVariable String id, @RequestBody(required = false) PassService.Decision d) {
        return passes.reject(id, d);
    }

    @PostMapping("/{id}/revoke")
    VehiclePass revoke(@PathVariable String id, @RequestBody(required = false) PassService.Decision d) {
        return passes.revoke(id, d);
    }
}
