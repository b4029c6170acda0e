package org.sibao.pg;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationState;
import org.flywaydb.core.api.migration.JavaMigration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.type.filter.AssignableTypeFilter;

/**
 * Every Flyway migration — the common SQL, the PostgreSQL vendor folder and the Java reference-data loader —
 * applies cleanly to a fresh schema of a real PostgreSQL, and the PostgreSQL-only guarantees hold.
 */
@ExtendWith(PostgresSchema.class)
class PostgresMigrationTest {

    @Test
    void allMigrationsApplyToAFreshSchemaAndTheAuditLogIsAppendOnly(PostgresSchema.Schema schema) throws Exception {
        Flyway flyway = Flyway.configure()
                .dataSource(schema.url(), schema.user(), schema.password())
                .locations("classpath:db/migration/common", "classpath:db/migration/postgresql")
                .javaMigrations(javaMigrations())
                .load();

        var result = flyway.migrate();

        assertThat(result.success).isTrue();
        MigrationInfo[] all = flyway.info().all();
        assertThat(all).isNotEmpty();
        assertThat(Arrays.stream(all).map(MigrationInfo::getState)).containsOnly(MigrationState.SUCCESS);
        assertThat(Arrays.stream(all).map(m -> m.getVersion().getVersion()))
                .contains("1", "1.1", "2", "2.1", "3");
        assertThat(flyway.migrate().migrationsExecuted).as("a second run has nothing to do").isZero();

        try (Connection c = schema.connect(); Statement s = c.createStatement()) {
            assertThat(count(s, "SELECT count(*) FROM information_schema.tables WHERE table_schema = '"
                    + schema.name() + "' AND table_name IN ('app_user', 'audit_log', 'region', 'flyway_schema_history')"))
                    .as("everything lands in the test's own schema").isEqualTo(4);
            assertThat(count(s, "SELECT count(*) FROM region WHERE code = '410100'")).isEqualTo(1);
            assertThat(count(s, "SELECT count(*) FROM region WHERE parent_code = '410100'")).isPositive();
            assertThat(count(s, "SELECT count(*) FROM industry")).isPositive();

            s.executeUpdate("INSERT INTO audit_log (at, actor, action, entity_type) VALUES (now(), 'it', 'TEST', 'Test')");
            assertThatThrownBy(() -> s.executeUpdate("UPDATE audit_log SET actor = 'someone else'"))
                    .isInstanceOf(SQLException.class).hasMessageContaining("append-only");
            assertThatThrownBy(() -> s.executeUpdate("DELETE FROM audit_log"))
                    .isInstanceOf(SQLException.class).hasMessageContaining("append-only");
            assertThat(count(s, "SELECT count(*) FROM audit_log WHERE actor = 'it'")).isEqualTo(1);
        }
    }

    /**
     * The application's Java migrations are Spring beans, package-private inside their modules; outside Spring
     * they are found by scanning and created reflectively (Flyway itself cannot instantiate package-private
     * classes). Scanning keeps this test right when a module adds a Java migration.
     */
    private static JavaMigration[] javaMigrations() throws ReflectiveOperationException {
        var scanner = new ClassPathScanningCandidateComponentProvider(false);
        scanner.addIncludeFilter(new AssignableTypeFilter(JavaMigration.class));
        List<JavaMigration> migrations = new ArrayList<>();
        for (var candidate : scanner.findCandidateComponents("org.sibao")) {
            var constructor = Class.forName(candidate.getBeanClassName()).getDeclaredConstructor();
            constructor.setAccessible(true);
            migrations.add((JavaMigration) constructor.newInstance());
        }
        return migrations.toArray(JavaMigration[]::new);
    }

    private static long count(Statement s, String sql) throws SQLException {
        try (ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
