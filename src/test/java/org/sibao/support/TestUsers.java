package org.sibao.support;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/** Unique users for tests that share one application context. */
public final class TestUsers {

    public static final String PASSWORD = "Test1234pw";
    private static final AtomicInteger SEQ = new AtomicInteger();

    private TestUsers() {
    }

    public static String uniqueName(String stem) {
        return stem + "_" + Long.toString(System.nanoTime() % 1_000_000_000L, 36) + SEQ.incrementAndGet();
    }

    /** Creates a user through the API as {@code admin}; returns the created user's JSON. */
    public static ApiClient.Response create(ApiClient admin, String username, String role, String regionCode,
            Map<String, String> extra) {
        Map<String, Object> body = new HashMap<>();
        body.put("username", username);
        body.put("password", PASSWORD);
        body.put("displayName", "测试用户 " + username);
        body.put("role", role);
        body.put("regionCode", regionCode);
        body.putAll(extra);
        ApiClient.Response r = admin.post("/api/v1/admin/users", body);
        if (r.status() != 201) {
            throw new IllegalStateException("could not create " + username + ": " + r.raw());
        }
        return r;
    }
}
