package org.sibao.platform;

import java.security.SecureRandom;
import java.util.Base64;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Demo mode's per-install secrets (token signing, personal-data and pass-code keys): random bytes generated on
 * first use and kept in {@code platform_setting}, so every node of an install shares them. Production configures
 * its secrets instead and never reaches this.
 */
public final class InstallSecrets {

    private static final SecureRandom RANDOM = new SecureRandom();

    private InstallSecrets() {
    }

    /** The stored secret {@code name}, created with {@code length} random bytes if absent (first writer wins). */
    public static byte[] perInstall(JdbcClient jdbc, String name, int length) {
        byte[] random = new byte[length];
        RANDOM.nextBytes(random);
        jdbc.sql("""
                INSERT INTO platform_setting (name, setting_value)
                SELECT ?, ? WHERE NOT EXISTS (SELECT 1 FROM platform_setting WHERE name = ?)""")
                .params(name, Base64.getEncoder().encodeToString(random), name).update();
        String stored = jdbc.sql("SELECT setting_value FROM platform_setting WHERE name = ?").param(name)
                .query(String.class).single();
        return Base64.getDecoder().decode(stored);
    }
}
