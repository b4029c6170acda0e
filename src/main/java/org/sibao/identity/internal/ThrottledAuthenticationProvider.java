package org.sibao.identity.internal;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

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

    private final UnknownNameThrottle unknownNames;

    ThrottledAuthenticationProvider(UserRepository users, PasswordEncoder encoder, BusinessClock clock,
            SibaoProperties properties, org.springframework.transaction.PlatformTransactionManager transactions,
            UnknownNameThrottle unknownNames) {
        this.unknownNames = unknownNames;
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

    /**
     * A name no account has fails the way an account does, locking after the same number of failures for the same
     * time (counted in the database, across nodes), so that the answer never tells whether an account exists.
     */
    private RuntimeException unknownNameFailure(String username) {
        return unknownNames.fail(username) ? new LockedException("locked") : new BadCredentialsException("bad credentials");
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
