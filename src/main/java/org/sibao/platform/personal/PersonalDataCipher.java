package org.sibao.platform.personal;

import org.sibao.platform.InstallSecrets;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import org.sibao.platform.SibaoProperties;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Encryption of personal data at rest: AES-256-GCM with a random 96-bit IV per value (stored as base64 of
 * IV ‖ ciphertext ‖ tag), and a keyed hash (HMAC-SHA256 under a key derived from the same secret, so the two
 * keys differ) for look-ups and uniqueness without decrypting. The secret is {@code sibao.personal-data.key}
 * (base64 of 32 bytes; {@code SIBAO_PERSONAL_DATA_KEY} in production); demo mode generates one per install and
 * keeps it in {@code platform_setting}, like the token secret.
 */
@Component
public class PersonalDataCipher {

    private static final String SETTING = "security.personal-data-key";
    private static final int IV_BYTES = 12;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final SecretKey aesKey;
    private final SecretKey hashKey;
    private final ThreadLocal<Mac> macs;

    public PersonalDataCipher(@Value("${sibao.personal-data.key:}") String configured, SibaoProperties properties,
            JdbcClient jdbc) {
        byte[] secret = secret(configured, properties, jdbc);
        this.aesKey = new SecretKeySpec(secret, "AES");
        this.hashKey = new SecretKeySpec(hmac(secret, "sibao/personal-data/lookup-hash"), "HmacSHA256");
        this.macs = ThreadLocal.withInitial(() -> {
            try {
                Mac mac = Mac.getInstance("HmacSHA256");
                mac.init(hashKey);
                return mac;
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException(e);
            }
        });
    }

    private static byte[] secret(String configured, SibaoProperties properties, JdbcClient jdbc) {
        if (configured != null && !configured.isBlank()) {
            byte[] key;
            try {
                key = Base64.getDecoder().decode(configured.trim());
            } catch (IllegalArgumentException e) {
                throw new IllegalStateException("sibao.personal-data.key (SIBAO_PERSONAL_DATA_KEY) must be base64");
            }
            if (key.length != 32) {
                throw new IllegalStateException("sibao.personal-data.key (SIBAO_PERSONAL_DATA_KEY) must be 32 bytes (base64)");
            }
            return key;
        }
        if (!properties.demoData()) {
            throw new IllegalStateException("SIBAO_PERSONAL_DATA_KEY is not set: production mode needs a 32-byte key (base64)");
        }
        return InstallSecrets.perInstall(jdbc, SETTING, 32);
    }

    private static byte[] hmac(byte[] key, String label) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(label.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    public String encrypt(String clear) {
        try {
            byte[] iv = new byte[IV_BYTES];
            RANDOM.nextBytes(iv);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, aesKey, new GCMParameterSpec(128, iv));
            byte[] sealed = cipher.doFinal(clear.getBytes(StandardCharsets.UTF_8));
            return Base64.getEncoder().encodeToString(ByteBuffer.allocate(iv.length + sealed.length).put(iv).put(sealed).array());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("encryption failed", e);
        }
    }

    public String decrypt(String stored) {
        try {
            byte[] all = Base64.getDecoder().decode(stored);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, aesKey, new GCMParameterSpec(128, all, 0, IV_BYTES));
            return new String(cipher.doFinal(all, IV_BYTES, all.length - IV_BYTES), StandardCharsets.UTF_8);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalStateException("decryption failed", e);
        }
    }

    /** The look-up hash of a normalized value (hex, 64 characters). */
    public String hash(String clear) {
        return HexFormat.of().formatHex(macs.get().doFinal(clear.getBytes(StandardCharsets.UTF_8)));
    }
}
