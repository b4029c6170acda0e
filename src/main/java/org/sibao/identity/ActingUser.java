package org.sibao.identity;

import java.util.List;
import java.util.function.Supplier;

import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * Runs work as a given user outside a request (the demo data), so that the services check scope and role, record
 * history and audit exactly as when that user acts through the API. The previous security context is restored.
 */
public final class ActingUser {

    private ActingUser() {
    }

    public static <T> T call(CurrentUser user, Supplier<T> work) {
        SecurityContext previous = SecurityContextHolder.getContext();
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(user, null,
                List.of(new SimpleGrantedAuthority(user.role().authority()))));
        SecurityContextHolder.setContext(context);
        try {
            return work.get();
        } finally {
            SecurityContextHolder.setContext(previous);
        }
    }

    /**
     * A stand-in of a role at a region (username {@code demo-seed}) for demo data where no demo user holds the role,
     * e.g. the HQ office of a county below a demo city.
     */
    public static CurrentUser standIn(Role role, String regionCode, String departmentCode) {
        return new CurrentUser("demo-seed", "demo-seed", "演示数据", role, regionCode, null, departmentCode, null);
    }

    /** A stand-in enterprise user ({@code demo-seed}) of a subject whose enterprise has no user in the demo. */
    public static CurrentUser standInEnterprise(String enterpriseId, String regionCode) {
        return new CurrentUser("demo-seed", "demo-seed", "演示数据", Role.ENTERPRISE, regionCode, null, null, enterpriseId);
    }

    public static void run(CurrentUser user, Runnable work) {
        call(user, () -> {
            work.run();
            return null;
        });
    }
}
