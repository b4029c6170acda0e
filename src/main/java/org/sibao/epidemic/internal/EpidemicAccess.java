package org.sibao.epidemic.internal;

import java.util.Set;

import org.sibao.identity.CurrentUser;
import org.sibao.identity.Role;
import org.sibao.platform.ApiException;
import org.sibao.subject.SubjectFacts;
import org.sibao.subject.Subjects;
import org.springframework.stereotype.Component;

/**
 * Who may do what with a subject's epidemic data. A subject outside the user's scope is not found (404); inside
 * it, writing rosters, reports and arrivals needs one of {@link #WRITERS} (403 otherwise).
 */
@Component
class EpidemicAccess {

    /** The enterprise itself, its liaisons, epidemic officers, administrators and upper platforms. */
    static final Set<Role> WRITERS = Set.of(Role.ENTERPRISE, Role.LIAISON, Role.EPIDEMIC_OFFICER, Role.ADMIN,
            Role.INTEGRATION);

    /** Only they may see ID numbers and phones in clear, on request ({@code reveal=true}), audited. */
    static final Set<Role> REVEALERS = Set.of(Role.ADMIN, Role.EPIDEMIC_OFFICER);

    /** Bulk test results come from labs and upper platforms, or epidemic officers. */
    static final Set<Role> RESULT_SENDERS = Set.of(Role.INTEGRATION, Role.EPIDEMIC_OFFICER, Role.ADMIN);

    private final Subjects subjects;

    EpidemicAccess(Subjects subjects) {
        this.subjects = subjects;
    }

    SubjectFacts readable(String enterpriseId) {
        return subjects.find(enterpriseId).orElseThrow(() -> ApiException.notFound("enterprise", enterpriseId));
    }

    /**
     * The subject of something the reader asks for by its own id ({@code kind}, {@code id}): outside the reader's
     * scope that thing is simply not found, and its subject is not named.
     */
    SubjectFacts readableFor(String enterpriseId, String kind, String id) {
        return subjects.find(enterpriseId).orElseThrow(() -> ApiException.notFound(kind, id));
    }

    SubjectFacts writable(String enterpriseId) {
        SubjectFacts s = readable(enterpriseId);
        if (!WRITERS.contains(CurrentUser.get().role())) {
            throw ApiException.forbidden("error.forbidden");
        }
        return s;
    }

    static boolean mayReveal(CurrentUser user) {
        return REVEALERS.contains(user.role());
    }

    static void require(Set<Role> roles) {
        if (!roles.contains(CurrentUser.get().role())) {
            throw ApiException.forbidden("error.forbidden");
        }
    }
}
