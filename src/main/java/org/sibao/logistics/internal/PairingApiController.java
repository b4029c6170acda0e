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

/** Pairings (结对合作) over the API: proposals, the supply side's answer, ending, and suggestions. */
@RestController
@RequestMapping("/api/v1")
class PairingApiController {

    private final PairingService pairings;

    PairingApiController(PairingService pairings) {
        this.pairings = pairings;
    }

    @PostMapping("/pairings")
    ResponseEntity<Pairing> propose(@RequestBody PairingService.ProposeRequest request) {
        Pairing p = pairings.propose(request);
        return ResponseEntity.created(URI.create("/api/v1/pairings/" + p.id())).body(p);
    }

    @GetMapping("/pairings")
    PageResult<Pairing> list(@RequestParam(required = false) String regionCode,
            @RequestParam(required = false) String status, @RequestParam(required = false) String enterpriseId,
            @RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size) {
        return pairings.pairings(regionCode, status, enterpriseId, PageQuery.of(page, size));
    }

    @GetMapping("/pairings/{id}")
    Pairing pairing(@PathVariable String id) {
        return pairings.pairing(id);
    }

    @PostMapping("/pairings/{id}/confirm")
    Pairing confirm(@PathVariable String id) {
        return pairings.confirm(id);
    }

    @PostMapping("/pairings/{id}/decline")
    Pairing decline(@PathVariable String id, @RequestBody(required = false) PairingService.Decision d) {
        return pairings.decline(id, d);
    }

    @PostMapping("/pairings/{id}/end")
    Pairing end(@PathVariable String id, @RequestBody(required = false) PairingService.Decision d) {
        return pairings.end(id, d);
    }

    @GetMapping("/enterprises/{id}/pairing-suggestions")
    PairingService.Suggestions suggestions(@PathVariable String id, @RequestParam(required = false) String kind,
            @RequestParam(required = false) Integer limit) {
        return pairings.suggestions(id, kind, limit);
    }
}
