package org.sibao.policy.internal;

import java.math.BigDecimal;
import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.sibao.identity.CurrentUser;
import org.sibao.identity.DataScope;
import org.sibao.identity.Role;
import org.sibao.platform.ApiException;
import org.sibao.platform.PageQuery;
import org.sibao.platform.PageResult;
import org.sibao.platform.Validation;
import org.sibao.policy.PolicyCategory;
import org.sibao.policy.PolicyMode;
import org.sibao.policy.PolicyStatus;
import org.sibao.policy.RedemptionState;
import org.sibao.region.Region;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The policy library, reserve (simulation), redemption queue, reach and rematch over the API. */
@RestController
@RequestMapping("/api/v1/policies")
class PolicyApiController {

    private final PolicyService service;
    private final PolicyMatcher matcher;
    private final Redemptions redemptions;
    private final ReachQuery reach;

    PolicyApiController(PolicyService service, PolicyMatcher matcher, Redemptions redemptions, ReachQuery reach) {
        this.service = service;
        this.matcher = matcher;
        this.redemptions = redemptions;
        this.reach = reach;
    }

    @GetMapping
    PageResult<PolicyView> list(@RequestParam(required = false) String status, @RequestParam(required = false) String q,
            @RequestParam(required = false) String category, @RequestParam(required = false) Integer page,
            @RequestParam(required = false) Integer size) {
        PageQuery paging = PageQuery.of(page, size); // first: a bad page is named with the filters below
        Validation v = new Validation();
        PolicyStatus s = parse(PolicyStatus.class, status, "status", v);
        PolicyCategory c = parse(PolicyCategory.class, category, "category", v);
        v.throwIfInvalid();
        return service.list(s, q, c, paging).map(service::view);
    }

    @GetMapping("/{id}")
    PolicyView get(@PathVariable String id) {
        return service.view(service.get(id));
    }

    @PostMapping
    ResponseEntity<PolicyView> create(@RequestBody PolicyInput in) {
        PolicyView v = service.view(service.create(in));
        return ResponseEntity.created(URI.create("/api/v1/policies/" + v.id())).body(v);
    }

    @PutMapping("/{id}")
    PolicyView update(@PathVariable String id, @RequestBody PolicyInput in) {
        return service.view(service.update(id, in));
    }

    @PostMapping("/{id}/publish")
    PolicyView publish(@PathVariable String id) {
        return service.view(service.publish(id));
    }

    record VersionRequest(LocalDate effectiveFrom) {
    }

    @PostMapping("/{id}/versions")
    ResponseEntity<PolicyView> version(@PathVariable String id, @RequestBody(required = false) VersionRequest in) {
        PolicyView v = service.view(service.newVersion(id, in == null ? null : in.effectiveFrom()));
        return ResponseEntity.created(URI.create("/api/v1/policies/" + v.id())).body(v);
    }

    @PostMapping("/{id}/simulate")
    PolicyMatcher.Simulation simulate(@PathVariable String id) {
        PolicyRow p = service.editable(id);
        return matcher.simulate(p, CurrentUser.get().scope(), 200);
    }

    @PostMapping("/rematch")
    PolicyMatcher.Stats rematch() {
        if (!CurrentUser.get().is(Role.ADMIN)) {
            throw ApiException.forbidden("error.forbidden");
        }
        return matcher.rematchAll(true);
    }

    @GetMapping("/applications")
    PageResult<Redemptions.QueueItem> applications(@RequestParam(required = false) String state,
            @RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size) {
        CurrentUser user = CurrentUser.get();
        if (!PolicyAccess.isDecider(user)) {
            throw ApiException.forbidden("error.forbidden");
        }
        Validation v = new Validation();
        RedemptionState s = parse(RedemptionState.class, state, "state", v);
        v.throwIfInvalid();
        return redemptions.queue(user.scope(), departmentOf(user), s, PageQuery.of(page, size));
    }

    record Decision(BigDecimal grantedYuan, String reason) {
    }

    @PostMapping("/{id}/applications/{subjectId}/grant")
    Redemptions.Redemption grant(@PathVariable String id, @PathVariable String subjectId,
            @RequestBody(required = false) Decision in) {
        PolicyRow p = decidable(id, subjectId);
        Validation v = new Validation();
        BigDecimal amount = in == null ? null : in.grantedYuan();
        if (v.required(amount, "grantedYuan")) {
            v.nonNegative(amount, "grantedYuan");
        }
        v.throwIfInvalid();
        return redemptions.decide(subjectId, p, true, amount, null);
    }

    @PostMapping("/{id}/applications/{subjectId}/decline")
    Redemptions.Redemption decline(@PathVariable String id, @PathVariable String subjectId,
            @RequestBody(required = false) Decision in) {
        PolicyRow p = decidable(id, subjectId);
        Validation v = new Validation();
        String reason = in == null ? null : in.reason();
        if (v.required(reason, "reason")) {
            v.maxLength(reason, 500, "reason");
        }
        v.throwIfInvalid();
        return redemptions.decide(subjectId, p, false, null, reason.trim());
    }

    record Confirmation(List<String> subjectIds) {
    }

    /** 免申即享: grants an AUTO policy to its eligible pushed subjects in the caller's region (or the listed ones). */
    @PostMapping("/{id}/confirm")
    Map<String, Object> confirm(@PathVariable String id, @RequestBody(required = false) Confirmation in) {
        PolicyRow p = service.get(id);
        CurrentUser user = CurrentUser.get();
        if (!PolicyAccess.canDecide(user, p)) {
            throw ApiException.forbidden("error.forbidden");
        }
        if (p.mode() != PolicyMode.AUTO) {
            throw ApiException.conflict("policy.error.notAuto", p.code());
        }
        List<String> listed = in == null ? null : in.subjectIds();
        if (listed != null && !listed.isEmpty()) {
            List<String> refused = redemptions.notConfirmable(p, user.scope(), listed);
            if (!refused.isEmpty()) {
                List<org.sibao.platform.FieldProblem> problems = new java.util.ArrayList<>();
                for (int i = 0; i < listed.size(); i++) {
                    if (refused.contains(listed.get(i))) {
                        problems.add(new org.sibao.platform.FieldProblem("subjectIds[" + i + "]",
                                "policy.error.notConfirmable", new Object[] {listed.get(i)}));
                    }
                }
                throw ApiException.invalid(problems);
            }
        }
        int n = redemptions.confirmAuto(p, user.scope(), listed);
        return Map.of("policyId", p.id(), "code", p.code(), "granted", n);
    }

    @GetMapping("/reach")
    ReachQuery.Reach reach(@RequestParam(required = false) String regionCode) {
        CurrentUser user = CurrentUser.get();
        if (!user.role().isOfficial()) {
            throw ApiException.forbidden("error.forbidden");
        }
        String region = regionCode == null || regionCode.isBlank() ? user.regionCode() : regionCode.trim();
        if (!region.matches("\\d{6}")) {
            throw ApiException.invalid("regionCode", "policy.error.region");
        }
        String prefix = Region.prefixOf(region);
        if (!prefix.startsWith(user.regionPrefix())) {
            throw ApiException.notFound("region", region);
        }
        List<String> ids = matcher.inForce().stream().map(c -> c.row().id()).toList();
        // a sector officer counts its own sector's subjects, as on its dashboard (its data scope)
        return reach.reach(region, prefix, user.scope().sector(), ids);
    }

    private PolicyRow decidable(String id, String subjectId) {
        PolicyRow p = service.get(id);
        CurrentUser user = CurrentUser.get();
        if (!PolicyAccess.canDecide(user, p)) {
            throw ApiException.forbidden("error.forbidden");
        }
        var r = redemptions.ofSubject(subjectId).get(p.id());
        DataScope scope = user.scope();
        if (r == null || !scope.coversRegion(r.regionCode())) {
            throw ApiException.notFound(Redemptions.ENTITY, subjectId);
        }
        return p;
    }

    /** Department handlers and sector officers see their department's policies; HQ and admins all. */
    static String departmentOf(CurrentUser user) {
        return user.department();
    }

    static <E extends Enum<E>> E parse(Class<E> type, String value, String field, Validation v) {
        return v.oneOf(type, value, field);
    }
}
