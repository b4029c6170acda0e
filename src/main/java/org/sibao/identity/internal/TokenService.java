package org.sibao.identity.internal;

import org.sibao.platform.InstallSecrets;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ConcurrentHashMap;

import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

import org.sibao.identity.CurrentUser;
import org.sibao.platform.SibaoProperties;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;
import org.springframework.stereotype.Component;

/**
 * Signed (HS256), expiring API bearer tokens. The key comes from {@code sibao.security.token-secret}; in demo
 * mode a random key is generated once per install and kept in the database so every node shares it. Production
 * refuses to start without a configured key.
 */
@Component
class TokenService {

    static final String ISSUER = "sibao";
    private static final String SETTING = "security.token-secret";

    private final NimbusJwtEncoder encoder;
    private final NimbusJwtDecoder decoder;
    private final Duration ttl;
    private final UserRepository users;
    /** The claim holding the credentials version the token was issued under. */
    static final String VERSION_CLAIM = "cv";
    private static final int MAX_CACHED = 10_000;
    private final ConcurrentHashMap<String, Jwt> verified = new ConcurrentHashMap<>();

    TokenService(SibaoProperties properties, JdbcClient jdbc, UserRepository users) {
        this.users = users;
        SecretKey key = new SecretKeySpec(secret(properties, jdbc), "HmacSHA256");
        this.encoder = NimbusJwtEncoder.withSecretKey(key).algorithm(MacAlgorithm.HS256).build();
        this.decoder = NimbusJwtDecoder.withSecretKey(key).macAlgorithm(MacAlgorithm.HS256).build();
        this.ttl = properties.security().tokenTtl();
    }

    private static byte[] secret(SibaoProperties properties, JdbcClient jdbc) {
        String configured = properties.security().tokenSecret();
        if (configured != null && !configured.isBlank()) {
            byte[] bytes = configured.getBytes(StandardCharsets.UTF_8);
            if (bytes.length < 32) {
                throw new IllegalStateException("sibao.security.token-secret (SIBAO_TOKEN_SECRET) must be at least 32 bytes long");
            }
            return bytes;
        }
        if (!properties.demoData()) {
            throw new IllegalStateException("SIBAO_TOKEN_SECRET is not set: production mode needs a token signing key of at least 32 bytes");
        }
        return InstallSecrets.perInstall(jdbc, SETTING, 48);
    }

    record IssuedToken(String value, long expiresInSeconds) {
    }

    IssuedToken issue(CurrentUser user) {
        Instant now = Instant.now();
        JwtClaimsSet claims = JwtClaimsSet.builder()
                .issuer(ISSUER)
                .subject(user.id())
                .issuedAt(now)
                .expiresAt(now.plus(ttl))
                .claim("username", user.username())
                .claim("role", user.role().name())
                .claim(VERSION_CLAIM, users.credentialsVersion(user.id()))
                .build();
        String token = encoder.encode(JwtEncoderParameters.from(JwsHeader.with(MacAlgorithm.HS256).build(), claims)).getTokenValue();
        return new IssuedToken(token, ttl.toSeconds());
    }

    /**
     * The bearer-token decoder: signature and claims checked once per token, then the decoded token is reused
     * until it expires (an API client sends the same token with every call; verifying it each time cost more CPU
     * than the rest of a simple read).
     */
    /** The credentials version a decoded token was issued under (0 for tokens from before versions). */
    static int version(Jwt jwt) {
        Object v = jwt.getClaim(VERSION_CLAIM);
        return v instanceof Number n ? n.intValue() : 0;
    }

    JwtDecoder decoder() {
        return token -> {
            Jwt cached = verified.get(token);
            if (cached != null && cached.getExpiresAt() != null && cached.getExpiresAt().isAfter(Instant.now())) {
                return cached;
            }
            Jwt jwt = decoder.decode(token);
            if (verified.size() >= MAX_CACHED) {
                verified.clear();
            }
            verified.put(token, jwt);
            return jwt;
        };
    }
}
