package org.sibao.policy.internal;

import java.util.Map;

import org.sibao.identity.CurrentUser;
import org.sibao.identity.Role;
import org.sibao.platform.ApiException;
import org.sibao.platform.PageQuery;
import org.sibao.platform.PageResult;
import org.sibao.subject.Subjects;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** A subject's policy matches, applications and supplied facts (API.md "Policies"). */
@RestController
@RequestMapping("/api/v1/enterprises/{id}")
class PolicyMatchApiController {

    private final PolicyMatches matches;
    private final Subjects subjects;

    PolicyMatchApiController(PolicyMatches matches, Subjects subjects) {
        this.matches = matches;
        this.subjects = subjects;
    }

    /**
     * The subject's matches (ELIGIBLE, then UNKNOWN, then INELIGIBLE, by code), paged with {@code ?page=&size=};
     * without {@code size} all of them (up to 500) in one page, as clients read a subject's policies whole.
     */
    @GetMapping("/policy-matches")
    PageResult<PolicyMatches.Item> list(@PathVariable String id, @RequestParam(required = false) Integer page,
            @RequestParam(required = false) Integer size) {
        PageQuery q = PageQuery.of(page, size, PageQuery.MAX_SIZE);
        return q.slice(matches.of(matches.subject(id)));
    }

    record Application(String note) {
    }

    @PostMapping("/policy-matches/{policyId}/apply")
    Redemptions.Redemption apply(@PathVariable String id, @PathVariable String policyId,
            @RequestBody(required = false) Application in) {
        return matches.apply(matches.subject(id), policyId, in == null ? null : in.note());
    }

    /** Supplies missing extra facts (e.g. {@code {"affectedByEpidemic": true}}); the subject is matched again. */
    @PutMapping("/policy-facts")
    Map<String, Object> supply(@PathVariable String id, @RequestBody Map<String, Object> facts) {
        CurrentUser user = CurrentUser.get();
        if (!user.is(Role.ENTERPRISE, Role.LIAISON, Role.ADMIN, Role.SECTOR_OFFICER, Role.HQ_OFFICER)) {
            throw ApiException.forbidden("error.forbidden");
        }
        matches.subject(id);
        facts.forEach((k, v) -> subjects.setAttribute(id, k, v, user.scope()));
        return Map.of("items", matches.of(matches.subject(id)));
    }
}
