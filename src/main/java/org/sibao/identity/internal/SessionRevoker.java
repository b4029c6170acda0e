package org.sibao.identity.internal;

import jakarta.servlet.http.HttpSession;

import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.Session;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * Ends a user's web sessions on every node (they are stored in the database) when the credentials they were opened
 * with stop being good: a password change or reset, disabling the user. API tokens are revoked through the
 * credentials version ({@link UserCache}).
 */
@Component
class SessionRevoker {

    private final FindByIndexNameSessionRepository<? extends Session> sessions;

    SessionRevoker(FindByIndexNameSessionRepository<? extends Session> sessions) {
        this.sessions = sessions;
    }

    /**
     * Deletes the sessions signed in as {@code username}; the one serving the current request is kept when
     * {@code keepCurrent} (a user changing their own password stays signed in where they did it).
     */
    int revoke(String username, boolean keepCurrent) {
        String current = keepCurrent ? currentSessionId() : null;
        int n = 0;
        for (String id : sessions.findByPrincipalName(username).keySet()) {
            if (!id.equals(current)) {
                sessions.deleteById(id);
                n++;
            }
        }
        return n;
    }

    private static String currentSessionId() {
        if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes) {
            HttpSession session = attributes.getRequest().getSession(false);
            return session == null ? null : session.getId();
        }
        return null;
    }
}
