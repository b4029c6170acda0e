package org.sibao.identity.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.OffsetDateTime;
import java.util.HexFormat;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;

import org.sibao.platform.BusinessClock;
import org.sibao.platform.SibaoProperties;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Failures of names no account has, counted in the database ({@code login_unknown_name}) so that every node of a
 * cluster counts them together, exactly as an account's failures are counted on its row: after the same number of
 * failures the name is "locked" for the same time. Each failure is counted in a transaction of its own.
 */
@Component
class UnknownNameThrottle {

    private final JdbcClient jdbc;
    private final BusinessClock clock;
    private final SibaoProperties.Security settings;
    private final TransactionTemplate ownTransaction;

    UnknownNameThrottle(JdbcClient jdbc, BusinessClock clock, SibaoProperties properties,
            PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.settings = properties.security();
        this.ownTransaction = new TransactionTemplate(transactions);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    /** Counts a failure of the name; answers whether the name is (now) locked. */
    boolean fail(String username) {
        String hash = hash(username);
        OffsetDateTime now = clock.nowOffset();
        Boolean locked = ownTransaction.execute(t -> {
            OffsetDateTime until = jdbc.sql("SELECT locked_until FROM login_unknown_name WHERE name_hash = ?").param(hash)
                    .query(OffsetDateTime.class).optional().orElse(null);
            if (until != null && until.isAfter(now)) {
                return true;
            }
            if (!increment(hash, now)) {
                try {
                    jdbc.sql("INSERT INTO login_unknown_name (name_hash, failures, locked_until, updated_at) VALUES (?, 1, NULL, ?)")
                            .params(hash, now).update();
                } catch (DuplicateKeyException another) {
                    increment(hash, now);   // another node counted the name's first failure at the same time
                }
            }
            int count = jdbc.sql("SELECT failures FROM login_unknown_name WHERE name_hash = ?").param(hash)
                    .query(Integer.class).single();
            if (count >= settings.lockAfterFailures()) {
                jdbc.sql("UPDATE login_unknown_name SET failures = 0, locked_until = ? WHERE name_hash = ?")
                        .params(now.plus(settings.lockDuration()), hash).update();
                return true;
            }
            return false;
        });
        return Boolean.TRUE.equals(locked);
    }

    /** Counts one more failure on the name's row (a lock that ran out starts again at one); false without a row. */
    private boolean increment(String hash, OffsetDateTime now) {
        return jdbc.sql("""
                UPDATE login_unknown_name SET failures = CASE WHEN locked_until IS NULL THEN failures + 1 ELSE 1 END,
                    locked_until = NULL, updated_at = ? WHERE name_hash = ?""")
                .params(now, hash).update() == 1;
    }

    /** Every ten minutes, on one node at a time. */
    @Scheduled(cron = "45 */10 * * * *")
    @SchedulerLock(name = "identity.unknownNames", lockAtMostFor = "PT5M", lockAtLeastFor = "PT10S")
    void cleanUp() {
        forgetIdle();
    }

    /** Forgets names idle for longer than a lock; answers how many. */
    int forgetIdle() {
        OffsetDateTime now = clock.nowOffset();
        return jdbc.sql("DELETE FROM login_unknown_name WHERE updated_at < ? AND (locked_until IS NULL OR locked_until < ?)")
                .params(now.minus(settings.lockDuration()), now).update();
    }

    static String hash(String username) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(username.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
