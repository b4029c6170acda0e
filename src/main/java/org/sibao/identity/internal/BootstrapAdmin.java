package org.sibao.identity.internal;

import java.util.Map;

import org.sibao.identity.Role;
import org.sibao.platform.BusinessClock;
import org.sibao.platform.Ids;
import org.sibao.platform.Validation;
import org.sibao.platform.audit.AuditLog;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The first administrator of a fresh production database: with {@code SIBAO_BOOTSTRAP_ADMIN_PASSWORD} set
 * ({@code sibao.bootstrap-admin-password}) and no ADMIN user yet, creates {@code admin} (province, 平台管理员) with
 * that password, BCrypt-hashed, and audits it. Does nothing once any administrator exists, so the variable can stay
 * set or be removed after the first start; the password is never logged. A password that breaks the password rule
 * stops the start-up with the rule's message.
 */
@Component
@Order(5)
class BootstrapAdmin implements ApplicationRunner {

    static final String USERNAME = "admin";
    private static final Logger log = LoggerFactory.getLogger(BootstrapAdmin.class);

    private final String password;
    private final UserRepository users;
    private final PasswordEncoder encoder;
    private final BusinessClock clock;
    private final AuditLog audit;
    private final TransactionTemplate tx;

    BootstrapAdmin(@Value("${sibao.bootstrap-admin-password:}") String password, UserRepository users,
            PasswordEncoder encoder, BusinessClock clock, AuditLog audit, TransactionTemplate tx) {
        this.password = password;
        this.users = users;
        this.encoder = encoder;
        this.clock = clock;
        this.audit = audit;
        this.tx = tx;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (password == null || password.isBlank() || anyAdmin()) {
            return;
        }
        Validation v = new Validation();
        PasswordPolicy.check(password, v, "SIBAO_BOOTSTRAP_ADMIN_PASSWORD");
        if (v.hasProblems() || users.usernameExists(USERNAME)) {
            throw new IllegalStateException(v.hasProblems()
                    ? "SIBAO_BOOTSTRAP_ADMIN_PASSWORD: at least 8 characters with both letters and digits"
                    : "SIBAO_BOOTSTRAP_ADMIN_PASSWORD: a user named 'admin' exists but is not an administrator");
        }
        tx.executeWithoutResult(s -> {
            String id = Ids.newId();
            users.insert(new UserRow(id, USERNAME, encoder.encode(password), "平台管理员", Role.ADMIN, "410000", null,
                    null, null, true, 0, null, clock.nowOffset()));
            audit.record("USER_BOOTSTRAP", "User", id, "410000", null, Map.of("username", USERNAME, "role", "ADMIN"));
        });
        log.info("First administrator '{}' created from SIBAO_BOOTSTRAP_ADMIN_PASSWORD", USERNAME);
    }

    private boolean anyAdmin() {
        return users.countByRole("").containsKey(Role.ADMIN);
    }
}
