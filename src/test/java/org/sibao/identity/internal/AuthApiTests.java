package org.sibao.identity.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;

import javax.crypto.spec.SecretKeySpec;

import org.junit.jupiter.api.Test;
import org.sibao.support.ApiClient;
import org.sibao.support.FullStackTest;
import org.sibao.support.TestUsers;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;

/** {@code POST /api/v1/auth/token}, lock-out after repeated failures, and what counts as a valid bearer token. */
@FullStackTest
class AuthApiTests {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    UnknownNameThrottle unknownNames;

    private ApiClient anonymous() {
        return new ApiClient(port);
    }

    private ApiClient admin() {
        return new ApiClient(port).as("admin", "Admin@2022");
    }

    @Test
    void issuesABearerToken() {
        ApiClient.Response r = anonymous().post("/api/v1/auth/token", Map.of("username", "admin", "password", "Admin@2022"));
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.text("accessToken")).isNotBlank();
        assertThat(r.text("tokenType")).isEqualTo("Bearer");
        assertThat(r.body().get("expiresIn").asLong()).isEqualTo(8 * 3600);
        assertThat(get("/api/v1/me", r.text("accessToken")).statusCode()).isEqualTo(200);
    }

    @Test
    void wrongPasswordIs401ProblemJson() {
        ApiClient.Response r = anonymous().post("/api/v1/auth/token", Map.of("username", "admin", "password", "nope"));
        assertThat(r.status()).isEqualTo(401);
        assertThat(r.contentType()).startsWith("application/problem+json");
        assertThat(r.text("detail")).isEqualTo("用户名或密码错误。");
        assertThat(r.body().get("status").asInt()).isEqualTo(401);
        assertThat(r.text("type")).endsWith("/unauthorized");
        assertThat(r.text("title")).isEqualTo("未认证");
    }

    @Test
    void unknownUserLooksLikeAWrongPassword() {
        ApiClient.Response r = anonymous().post("/api/v1/auth/token",
                Map.of("username", TestUsers.uniqueName("ghost"), "password", "whatever1"));
        assertThat(r.status()).isEqualTo(401);
        assertThat(r.text("detail")).isEqualTo("用户名或密码错误。");
    }

    @Test
    void missingCredentialsAre400() {
        ApiClient.Response r = anonymous().post("/api/v1/auth/token", Map.of("username", "admin"));
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.body().get("errors").toString()).contains("password");
    }

    /** Four wrong passwords in a row: each a plain 401, no lock yet. */
    private static void failFourTimes(ApiClient anon, Map<String, String> wrong) {
        for (int i = 1; i <= 4; i++) {
            ApiClient.Response r = anon.post("/api/v1/auth/token", wrong);
            assertThat(r.status()).isEqualTo(401);
            assertThat(r.text("detail")).as("attempt %d", i).isEqualTo("用户名或密码错误。");
        }
    }

    @Test
    void aNameNoAccountHasLocksLikeAnAccountSoTheAnswerDoesNotTellWhichExist() {
        ApiClient anon = anonymous();
        Map<String, String> wrong = Map.of("username", TestUsers.uniqueName("nobody"), "password", "wrong-pass-1");
        failFourTimes(anon, wrong);
        ApiClient.Response fifth = anon.post("/api/v1/auth/token", wrong);
        assertThat(fifth.status()).isEqualTo(401);
        assertThat(fifth.text("detail")).isEqualTo("连续登录失败次数过多，账户已锁定，请15分钟后再试。");
    }

    @Test
    void aNameNoAccountHasIsCountedInTheDatabaseSoEveryNodeCountsTogether() {
        String name = TestUsers.uniqueName("nobody");
        Map<String, String> wrong = Map.of("username", name, "password", "wrong-pass-1");
        for (int i = 1; i <= 3; i++) {
            assertThat(anonymous().post("/api/v1/auth/token", wrong).status()).isEqualTo(401);
        }
        String hash = UnknownNameThrottle.hash(name);
        assertThat(jdbc.sql("SELECT failures FROM login_unknown_name WHERE name_hash = ?").param(hash)
                .query(Integer.class).single()).isEqualTo(3);
        // another node's two failures (the same rows): the fifth locks, wherever it was counted
        assertThat(unknownNames.fail(name)).isFalse();
        assertThat(unknownNames.fail(name)).isTrue();
        assertThat(anonymous().post("/api/v1/auth/token", wrong).text("detail"))
                .isEqualTo("连续登录失败次数过多，账户已锁定，请15分钟后再试。");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM login_unknown_name WHERE name_hash = ? OR name_hash = ?")
                .params(hash, name).query(Long.class).single()).as("kept as a hash, not the name").isEqualTo(1);

        // idle rows are forgotten once neither counting nor locked
        String idle = UnknownNameThrottle.hash(TestUsers.uniqueName("idle"));
        jdbc.sql("INSERT INTO login_unknown_name (name_hash, failures, locked_until, updated_at) VALUES (?, 2, NULL, ?)")
                .params(idle, java.time.OffsetDateTime.now().minusDays(30)).update();
        assertThat(unknownNames.forgetIdle()).isPositive();
        assertThat(jdbc.sql("SELECT COUNT(*) FROM login_unknown_name WHERE name_hash = ?").param(idle)
                .query(Long.class).single()).isZero();
        assertThat(jdbc.sql("SELECT COUNT(*) FROM login_unknown_name WHERE name_hash = ?").param(hash)
                .query(Long.class).single()).as("a locked name is kept").isEqualTo(1);
    }

    @Test
    void fiveFailuresLockTheAccountUntilTheDrillClockPassesFifteenMinutes() {
        ApiClient admin = admin();
        String username = TestUsers.uniqueName("lock");
        TestUsers.create(admin, username, "SUPERVISOR", "410200", Map.of());
        ApiClient anon = anonymous();
        Map<String, String> wrong = Map.of("username", username, "password", "wrong-pass-1");
        failFourTimes(anon, wrong);
        ApiClient.Response fifth = anon.post("/api/v1/auth/token", wrong);
        assertThat(fifth.status()).isEqualTo(401);
        assertThat(fifth.text("detail")).contains("锁定");

        Map<String, String> right = Map.of("username", username, "password", TestUsers.PASSWORD);
        ApiClient.Response locked = anon.post("/api/v1/auth/token", right);
        assertThat(locked.status()).isEqualTo(401);
        assertThat(locked.contentType()).startsWith("application/problem+json");
        assertThat(locked.text("detail")).isEqualTo("连续登录失败次数过多，账户已锁定，请15分钟后再试。");
        ApiClient.Response lockedEn = anon.english().post("/api/v1/auth/token", right);
        assertThat(lockedEn.status()).isEqualTo(401);
        assertThat(lockedEn.text("detail")).contains("locked");

        ApiClient.Response advanced = admin.post("/api/v1/admin/clock/advance", Map.of("hours", 0, "minutes", 16));
        assertThat(advanced.status()).isEqualTo(200);
        assertThat(advanced.text("now")).isNotBlank();

        ApiClient.Response unlocked = anon.post("/api/v1/auth/token", right);
        assertThat(unlocked.status()).isEqualTo(200);
        assertThat(unlocked.text("accessToken")).isNotBlank();
    }

    @Test
    void noTokenIs401() {
        ApiClient.Response r = anonymous().get("/api/v1/me");
        assertThat(r.status()).isEqualTo(401);
        assertThat(r.contentType()).startsWith("application/problem+json");
        assertThat(r.text("detail")).isEqualTo("请先登录或提供有效的访问令牌。");
    }

    @Test
    void garbageTokenIs401() {
        HttpResponse<String> r = get("/api/v1/me", "not-a-token");
        assertThat(r.statusCode()).isEqualTo(401);
        assertThat(r.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        assertThat(get("/api/v1/me", "a.b.c").statusCode()).isEqualTo(401);
    }

    @Test
    void expiredTokenIs401() {
        String token = sign(installKey(), Instant.now().minusSeconds(7200), Instant.now().minusSeconds(3600), adminId());
        assertThat(get("/api/v1/me", token).statusCode()).isEqualTo(401);
    }

    @Test
    void tokenSignedWithAnotherKeyIs401() {
        byte[] other = new byte[48];
        new SecureRandom().nextBytes(other);
        String token = sign(other, Instant.now(), Instant.now().plusSeconds(3600), adminId());
        assertThat(get("/api/v1/me", token).statusCode()).isEqualTo(401);
    }

    @Test
    void validlySignedTokenIsAcceptedThenRefusedOnceTheUserIsDisabled() {
        ApiClient admin = admin();
        String username = TestUsers.uniqueName("dis");
        String id = TestUsers.create(admin, username, "EPIDEMIC_OFFICER", "410200", Map.of()).text("id");
        String token = sign(installKey(), Instant.now(), Instant.now().plusSeconds(3600), id);
        assertThat(get("/api/v1/me", token).statusCode()).isEqualTo(200);
        assertThat(admin.post("/api/v1/admin/users/" + id + "/disable", Map.of()).status()).isEqualTo(200);
        assertThat(get("/api/v1/me", token).statusCode()).isEqualTo(401);
        assertThat(anonymous().post("/api/v1/auth/token", Map.of("username", username, "password", TestUsers.PASSWORD))
                .status()).isEqualTo(401);
    }

    private String adminId() {
        return jdbc.sql("SELECT id FROM app_user WHERE username = 'admin'").query(String.class).single();
    }

    private byte[] installKey() {
        String stored = jdbc.sql("SELECT setting_value FROM platform_setting WHERE name = 'security.token-secret'")
                .query(String.class).single();
        return Base64.getDecoder().decode(stored);
    }

    private static String sign(byte[] key, Instant issuedAt, Instant expiresAt, String subject) {
        NimbusJwtEncoder encoder = NimbusJwtEncoder.withSecretKey(new SecretKeySpec(key, "HmacSHA256"))
                .algorithm(MacAlgorithm.HS256).build();
        JwtClaimsSet claims = JwtClaimsSet.builder().issuer("sibao").subject(subject).issuedAt(issuedAt)
                .expiresAt(expiresAt).build();
        return encoder.encode(JwtEncoderParameters.from(JwsHeader.with(MacAlgorithm.HS256).build(), claims)).getTokenValue();
    }

    private HttpResponse<String> get(String path, String token) {
        try {
            return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                    .header("Authorization", "Bearer " + token).GET().build(), HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
