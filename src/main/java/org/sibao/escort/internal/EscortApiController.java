package org.sibao.escort.internal;

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

/** Production escort over the API: inspection requests with the HQ's approval, shutdowns by joint decision (会商). */
@RestController
@RequestMapping("/api/v1/escort")
class EscortApiController {

    private final EscortService escort;

    EscortApiController(EscortService escort) {
        this.escort = escort;
    }

    @PostMapping("/inspections")
    ResponseEntity<Inspection> fileInspection(@RequestBody EscortService.InspectionRequest request) {
        Inspection i = escort.fileInspection(request);
        return ResponseEntity.created(URI.create("/api/v1/escort/inspections/" + i.id())).body(i);
    }

    @GetMapping("/inspections")
    PageResult<Inspection> inspections(@RequestParam(required = false) String enterpriseId,
            @RequestParam(required = false) String status, @RequestParam(required = false) Integer page,
            @RequestParam(required = false) Integer size) {
        return escort.inspections(enterpriseId, status, PageQuery.of(page, size));
    }

    @GetMapping("/inspections/{id}")
    Inspection inspection(@PathVariable String id) {
        return escort.inspection(id);
    }

    @PostMapping("/inspections/{id}/approve")
    Inspection approveInspection(@PathVariable String id, @RequestBody(required = false) EscortService.Decision d) {
        return escort.decideInspection(id, true, d);
    }

    @PostMapping("/inspections/{id}/refuse")
    Inspection refuseInspection(@PathVariable String id, @RequestBody(required = false) EscortService.Decision d) {
        return escort.decideInspection(id, false, d);
    }

    @PostMapping("/shutdowns")
    ResponseEntity<Shutdown> fileShutdown(@RequestBody EscortService.ShutdownRequest request) {
        Shutdown s = escort.fileShutdown(request);
        return ResponseEntity.created(URI.create("/api/v1/escort/shutdowns/" + s.id())).body(s);
    }

    @GetMapping("/shutdowns")
    PageResult<Shutdown> shutdowns(@RequestParam(required = false) String enterpriseId,
            @RequestParam(required = false) String status, @RequestParam(required = false) Integer page,
            @RequestParam(required = false) Integer size) {
        return escort.shutdowns(enterpriseId, status, PageQuery.of(page, size));
    }

    @GetMapping("/shutdowns/{id}")
    Shutdown shutdown(@PathVariable String id) {
        return escort.shutdown(id);
    }

    /** One side's consent (HQ_OFFICER or EPIDEMIC_OFFICER of the decision level); the second one starts it. */
    @PostMapping("/shutdowns/{id}/approve")
    Shutdown approveShutdown(@PathVariable String id, @RequestBody(required = false) EscortService.Decision d) {
        return escort.decideShutdown(id, true, d);
    }

    @PostMapping("/shutdowns/{id}/refuse")
    Shutdown refuseShutdown(@PathVariable String id, @RequestBody(required = false) EscortService.Decision d) {
        return escort.decideShutdown(id, false, d);
    }

    /** Proposes a renewal ({@code days} 1..3, comment), or agrees to the other side's proposal of the same days. */
    @PostMapping("/shutdowns/{id}/renew")
    Shutdown renewShutdown(@PathVariable String id, @RequestBody(required = false) EscortService.Decision d) {
        return escort.renew(id, d);
    }

    /** The other side agrees to a renewal one side proposed with {@code renew}: it then lasts the proposed days from now. */
    @PostMapping("/shutdowns/{id}/renewal/approve")
    Shutdown approveRenewal(@PathVariable String id, @RequestBody(required = false) EscortService.Decision d) {
        return escort.decideRenewal(id, true, d);
    }

    /** The other side refuses a proposed renewal (comment required): the shutdown ends at its time. */
    @PostMapping("/shutdowns/{id}/renewal/refuse")
    Shutdown refuseRenewal(@PathVariable String id, @RequestBody(required = false) EscortService.Decision d) {
        return escort.decideRenewal(id, false, d);
    }

    @PostMapping("/shutdowns/{id}/lift")
    Shutdown liftShutdown(@PathVariable String id, @RequestBody(required = false) EscortService.Decision d) {
        return escort.lift(id, d);
    }
}
