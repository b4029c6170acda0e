package org.sibao.logistics.internal;

import org.sibao.platform.InstallSecrets;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.OffsetDateTime;
import java.util.Base64;
import java.util.Optional;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.sibao.platform.SibaoProperties;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Signs and checks pass codes: {@code <pass id>.<base64url(HMAC-SHA256(id|plate|validTo epoch seconds))>}. The key is
 * {@code sibao.passes.signing-key} (SIBAO_PASS_SIGNING_KEY, ≥ 32 bytes); demo mode generates one per install and
 * keeps it in {@code platform_setting} so every node shares it; production refuses to start without it.
 */
@Component
class PassSigner {

    private static final String SETTING = "passes.signing-key";

    private final byte[] key;

    PassSigner(@Value("${sibao.passes.signing-key:}") String configured, SibaoProperties properties, JdbcClient jdbc) {
        this.key = key(configured, properties, jdbc);
    }

    private static byte[] key(String configured, SibaoProperties properties, JdbcClient jdbc) {
        if (configured != null && !configured.isBlank()) {
            byte[] bytes = configured.getBytes(StandardCharsets.UTF_8);
            if (bytes.length < 32) {
                throw new IllegalStateException("sibao.passes.signing-key (SIBAO_PASS_SIGNING_KEY) must be at least 32 bytes long");
            }
            return bytes;
        }
        if (!properties.demoData()) {
            throw new IllegalStateException("SIBAO_PASS_SIGNING_KEY is not set: production mode needs a pass signing key of at least 32 bytes");
        }
        return InstallSecrets.perInstall(jdbc, SETTING, 48);
    }

    String sign(String passId, String plate, OffsetDateTime validTo) {
        return passId + "." + signature(passId, plate, validTo);
    }

    /** The pass id a code names, if it has the code's shape (the signature is checked by {@link #matches}). */
    static Optional<String> passId(String code) {
        if (code == null) {
            return Optional.empty();
        }
        String c = code.trim();
        int dot = c.indexOf('.');
        if (dot != 36 || c.length() > 120) {
            return Optional.empty();
        }
        return Optional.of(c.substring(0, dot));
    }

    boolean matches(String code, String passId, String plate, OffsetDateTime validTo) {
        byte[] expected = sign(passId, plate, validTo).getBytes(StandardCharsets.UTF_8);
        return MessageDigest.isEqual(expected, code.trim().getBytes(StandardCharsets.UTF_8));
    }

    private String signature(String passId, String plate, OffsetDateTime validTo) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            String message = passId + "|" + plate + "|" + validTo.toEpochSecond();
            return Base64.getUrlEncoder().withoutPadding().encodeToString(mac.doFinal(message.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
