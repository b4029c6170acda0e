package org.sibao.identity.internal;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.sibao.identity.CurrentUser;
import org.sibao.platform.BusinessClock;
import org.sibao.platform.SibaoProperties;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

/**
 * Password check for both the web form and the token endpoint. Five failures in a row lock the account for
 * 15 minutes (on the business clock); counters live in the database so that every node enforces them.
 */
@Component
class ThrottledAuthenticationProvider implements AuthenticationProvider {

    /** Compared against when the user does not exist, so that timing does not reveal which usernames exist. */
    private final String dummyHash;

    private final UserRepository users;
    private final PasswordEncoder encoder;
    private final BusinessClock clock;
    private final SibaoProperties.Security settings;

    private final org.springframework.transaction.support.TransactionTemplate ownTransaction;

    ThrottledAuthenticationProvider(UserRepository users, PasswordEncoder encoder, BusinessClock clock,
            SibaoProperties properties, org.springframework.transaction.PlatformTransactionManager transactions) {
        this.ownTransaction = new org.springframework.transaction.support.TransactionTemplate(transactions);
        this.ownTransaction.setPropagationBehavior(
                org.springframework.transaction.TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.users = users;
        this.encoder = encoder;
        this.clock = clock;
        this.settings = properties.security();
        this.dummyHash = encoder.encode("not-a-real-password-0");
    }

    @Override
    public Authentication authenticate(Authentication authentication) {
        String username = String.valueOf(authentication.getPrincipal()).trim();
        String password = authentication.getCredentials() == null ? "" : authentication.getCredentials().toString();
        Optional<UserRow> found = users.findByUsername(username);
        if (found.isEmpty()) {
            encoder.matches(password, dummyHash);
            throw unknownNameFailure(username);
        }
        UserRow user = found.get();
        if (!passwordMatches(user, password)) {
            throw new BadCredentialsException("bad credentials");
        }
        if (!user.enabled()) {
            throw new DisabledException("disabled");
        }
        users.recordSuccess(user.id());
        return authenticated(user.toCurrentUser());
    }

    /**
     * The current password asked again (to change it): a wrong one counts towards the lock exactly as at sign-in,
     * so a stolen session cannot guess it. Answers whether it matched; {@link LockedException} while the account
     * is locked.
     */
    boolean verifyCurrent(String userId, String password) {
        UserRow user = users.findById(userId).orElseThrow(() -> new BadCredentialsException("unknown user"));
        return passwordMatches(user, password);
    }

    /**
     * The one password check of an account: refused while locked; a wrong password is counted in a transaction of
     * its own (a surrounding change that rolls back keeps the count), and the failure that reaches the limit locks.
     */
    private boolean passwordMatches(UserRow user, String password) {
        OffsetDateTime now = clock.nowOffset();
        if (user.lockedUntil() != null && user.lockedUntil().isAfter(now)) {
            throw new LockedException("locked");
        }
        if (password != null && encoder.matches(password, user.passwordHash())) {
            return true;
        }
        Integer count = ownTransaction.execute(t -> users.recordFailure(user.id(), settings.lockAfterFailures(),
                now.plus(settings.lockDuration())));
        if (count != null && count >= settings.lockAfterFailures()) {
            throw new LockedException("locked");
        }
        return false;
    }

    /** Failures of a name no account has: counted per node, at most {@link #UNKNOWN_NAMES_KEPT} names at once. */
    private record Failures(int count, OffsetDateTime lockedUntil) {
    }

    private static final int UNKNOWN_NAMES_KEPT = 10_000;
    private final Map<String, Failures> unknownNames = new ConcurrentHashMap<>();

    /**
     * A name no account has fails the way an account does, locking after the same number of failures for the same
     * time, so that the answer never tells whether an account exists.
     */
    private RuntimeException unknownNameFailure(String username) {
        OffsetDateTime now = clock.nowOffset();
        Failures before = unknownNames.get(username);
        if (before != null && before.lockedUntil() != null && before.lockedUntil().isAfter(now)) {
            return new LockedException("locked");
        }
        if (unknownNames.size() >= UNKNOWN_NAMES_KEPT) {
            unknownNames.entrySet().removeIf(e -> e.getValue().lockedUntil() == null || !e.getValue().lockedUntil().isAfter(now));
        }
        Failures after = unknownNames.merge(username, new Failures(1, null),
                (old, one) -> new Failures(old.lockedUntil() != null ? 1 : old.count() + 1, null));
        if (after.count() >= settings.lockAfterFailures()) {
            unknownNames.put(username, new Failures(0, now.plus(settings.lockDuration())));
            return new LockedException("locked");
        }
        return new BadCredentialsException("bad credentials");
    }

    static UsernamePasswordAuthenticationToken authenticated(CurrentUser user) {
        return UsernamePasswordAuthenticationToken.authenticated(user, null,
                List.of(new SimpleGrantedAuthority(user.role().authority())));
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }
}
