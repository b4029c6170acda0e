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

    ThrottledAuthenticationProvider(UserRepository users, PasswordEncoder encoder, BusinessClock clock,
            SibaoProperties properties) {
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
            throw new BadCredentialsException("bad credentials");
        }
        UserRow user = found.get();
        OffsetDateTime now = clock.nowOffset();
        if (user.lockedUntil() != null && user.lockedUntil().isAfter(now)) {
            throw new LockedException("locked");
        }
        if (!encoder.matches(password, user.passwordHash())) {
            int count = users.recordFailure(user.id(), settings.lockAfterFailures(), now.plus(settings.lockDuration()));
            if (count >= settings.lockAfterFailures()) {
                throw new LockedException("locked");
            }
            throw new BadCredentialsException("bad credentials");
        }
        if (!user.enabled()) {
            throw new DisabledException("disabled");
        }
        users.recordSuccess(user.id());
        return authenticated(user.toCurrentUser());
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
