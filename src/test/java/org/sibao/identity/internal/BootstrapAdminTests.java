package org.sibao.identity.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.sibao.support.ApiClient;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;

/**
 * A fresh database without demo users (as in production): the first administrator comes from
 * {@code SIBAO_BOOTSTRAP_ADMIN_PASSWORD}, BCrypt-hashed and audited, and a second start changes nothing.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "sibao.demo-data=false", "sibao.bootstrap-admin-password=Boot2026admin",
        // without demo data nothing generates the install's keys, as in production
        "sibao.personal-data.key=MDEyMzQ1Njc4OWFiY2RlZjAxMjM0NTY3ODlhYmNkZWY=",
        "sibao.passes.signing-key=bootstrap-test-pass-signing-key-0123456789",
        "sibao.security.token-secret=bootstrap-test-token-secret-0123456789abcdef"})
@ActiveProfiles({"demo", "test"})
class BootstrapAdminTests {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    BootstrapAdmin bootstrap;

    @Test
    void theFirstAdministratorComesFromTheVariableOnce() {
        assertThat(jdbc.sql("SELECT COUNT(*) FROM app_user").query(Long.class).single()).as("no demo users").isEqualTo(1);
        String hash = jdbc.sql("SELECT password_hash FROM app_user WHERE username = 'admin' AND role = 'ADMIN'")
                .query(String.class).single();
        assertThat(hash).startsWith("$2").doesNotContain("Boot2026admin");
        ApiClient admin = new ApiClient(port).as("admin", "Boot2026admin");
        assertThat(admin.get("/api/v1/me").text("role")).isEqualTo("ADMIN");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM audit_log WHERE action = 'USER_BOOTSTRAP'").query(Long.class).single())
                .isEqualTo(1);

        bootstrap.run(null);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM app_user").query(Long.class).single()).as("a second start").isEqualTo(1);
        assertThat(jdbc.sql("SELECT password_hash FROM app_user WHERE username = 'admin'").query(String.class).single())
                .isEqualTo(hash);
    }
}
