package org.sibao.pg;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HexFormat;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * A fresh, uniquely named schema ({@code sibao_it_<random>}) in the real PostgreSQL test database named by
 * {@code SIBAO_TEST_PG_URL} / {@code SIBAO_TEST_PG_USER} / {@code SIBAO_TEST_PG_PASSWORD}, created before a test
 * class and dropped after it.
 *
 * <p>Without {@code SIBAO_TEST_PG_URL} the class is skipped (an assumption), unless {@code SIBAO_REQUIRE_PG=true}
 * (set by {@code .ci/run}), when it fails: in CI the PostgreSQL tests must never be skipped silently.
 *
 * <p>Register it with {@code @ExtendWith} <em>before</em> {@code @SpringBootTest}: JUnit runs after-all callbacks in
 * reverse registration order, so the schema is dropped only once Spring has closed the application context.
 */
final class PostgresSchema implements BeforeAllCallback, AfterAllCallback, ParameterResolver {

    record Schema(String name, String url, String user, String password) {

        Connection connect() throws SQLException {
            return DriverManager.getConnection(url, user, password);
        }
    }

    /** The schema of the running test class, for {@code @DynamicPropertySource} methods (tests run one at a time). */
    private static volatile Schema current;

    static Schema current() {
        if (current == null) {
            throw new IllegalStateException("PostgresSchema extension is not registered on this test class");
        }
        return current;
    }

    @Override
    public void beforeAll(ExtensionContext context) throws SQLException {
        String baseUrl = env("SIBAO_TEST_PG_URL");
        if (baseUrl == null) {
            if ("true".equalsIgnoreCase(env("SIBAO_REQUIRE_PG"))) {
                fail("SIBAO_REQUIRE_PG=true but SIBAO_TEST_PG_URL is not set: the PostgreSQL tests cannot run");
            }
            assumeTrue(false, "SIBAO_TEST_PG_URL is not set: skipping the PostgreSQL integration tests");
        }
        String user = env("SIBAO_TEST_PG_USER");
        String password = env("SIBAO_TEST_PG_PASSWORD");
        String name = "sibao_it_" + HexFormat.of().formatHex(new SecureRandom().generateSeed(6));
        try (Connection c = DriverManager.getConnection(baseUrl, user, password); Statement s = c.createStatement()) {
            s.execute("CREATE SCHEMA " + name);
        }
        String url = baseUrl + (baseUrl.contains("?") ? "&" : "?") + "currentSchema=" + name;
        current = new Schema(name, url, user, password);
    }

    @Override
    public void afterAll(ExtensionContext context) throws SQLException {
        Schema schema = current;
        current = null;
        if (schema == null) {
            return;
        }
        if (Boolean.getBoolean("sibao.pg.keepSchema")) {
            // for looking at a benchmark's data afterwards (psql, EXPLAIN); never set in the suite
            System.out.println("PostgreSQL schema kept: " + schema.name());
            return;
        }
        try (Connection c = schema.connect(); Statement s = c.createStatement()) {
            s.execute("DROP SCHEMA " + schema.name() + " CASCADE");
        }
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == Schema.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return current();
    }

    private static String env(String name) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? null : value.trim();
    }

    /**
     * Production-mode settings for the current test class's schema: the datasource and every secret production
     * requires (one place to add a secret, so each PostgreSQL test keeps starting when production asks for more).
     */
    static void productionSettings(org.springframework.test.context.DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", () -> current().url());
        registry.add("spring.datasource.username", () -> current().user());
        registry.add("spring.datasource.password", () -> current().password());
        registry.add("spring.datasource.hikari.maximum-pool-size", () -> "5");
        registry.add("sibao.security.token-secret", () -> "integration-test-signing-key-" + java.util.UUID.randomUUID());
        registry.add("sibao.personal-data.key", () -> "MDEyMzQ1Njc4OWFiY2RlZjAxMjM0NTY3ODlhYmNkZWY=");
        registry.add("sibao.passes.signing-key", () -> "integration-test-pass-signing-key-0123456789");
    }

    /**
     * The first administrator, inserted the way an operator would (production creates no users), unless a user of
     * that name exists already.
     */
    static void administrator(org.springframework.jdbc.core.simple.JdbcClient jdbc, String username, String password,
            String displayName) {
        if (jdbc.sql("SELECT count(*) FROM app_user WHERE username = ?").param(username).query(Long.class).single() == 0) {
            jdbc.sql("""
                    INSERT INTO app_user (id, username, password_hash, display_name, role, region_code, created_at)
                    VALUES (?, ?, ?, ?, 'ADMIN', '410000', ?)""")
                    .params(java.util.UUID.randomUUID().toString(), username,
                            new org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder().encode(password),
                            displayName, java.time.OffsetDateTime.now())
                    .update();
        }
    }
}
