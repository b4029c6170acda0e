package org.sibao.platform;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Platform settings under {@code sibao.*}.
 *
 * @param drillMode whether the business clock may be advanced (模拟演练); never on in production
 * @param demoData  whether demo users and demo data are created on start
 */
@ConfigurationProperties("sibao")
public record SibaoProperties(boolean drillMode, boolean demoData, Security security) {

    public SibaoProperties {
        if (security == null) {
            security = new Security(null, Duration.ofHours(8), 5, Duration.ofMinutes(15));
        }
    }

    /**
     * @param tokenSecret       HMAC key for API bearer tokens (≥ 32 bytes); generated per install in demo mode
     * @param tokenTtl          lifetime of a bearer token
     * @param lockAfterFailures consecutive login failures that lock an account
     * @param lockDuration      how long a locked account stays locked
     */
    public record Security(String tokenSecret, Duration tokenTtl, int lockAfterFailures, Duration lockDuration) {
    }
}
