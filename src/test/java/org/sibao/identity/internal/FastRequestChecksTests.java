package org.sibao.identity.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Random;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.server.resource.web.DefaultBearerTokenResolver;

/** The regex-free checks agree with Spring Security's own regular expressions on every input tried. */
class FastRequestChecksTests {

    /** The patterns StrictHttpFirewall uses by default for header names and header values. */
    private static final Pattern NAME = Pattern.compile("[\\p{IsAssigned}&&[^\\p{IsControl}]]*");
    private static final Pattern VALUE = Pattern.compile("[\\p{IsAssigned}&&[[^\\p{IsControl}]||\\t]]*");

    @Test
    void headerChecksAgreeWithTheFirewallPatterns() {
        Random random = new Random(42);
        // characters from every interesting range: ASCII, controls, tab, CJK, unassigned, surrogate pairs
        int[] pool = {'a', 'Z', '0', ' ', '\t', '\n', '\r', 0x00, 0x1F, 0x7F, 0x85, 0x9F, 0xA0, '中', '文', 0x0378,
                0xFFFF, 0x1F600, 0x10FFFF, 0xE000, '=', '/', '~'};
        for (int n = 0; n < 20_000; n++) {
            StringBuilder s = new StringBuilder();
            int len = random.nextInt(6);
            for (int i = 0; i < len; i++) {
                s.appendCodePoint(pool[random.nextInt(pool.length)]);
            }
            String v = s.toString();
            assertThat(FastRequestChecks.assignedNoControl(v, false)).as("name %s", v).isEqualTo(NAME.matcher(v).matches());
            assertThat(FastRequestChecks.assignedNoControl(v, true)).as("value %s", v).isEqualTo(VALUE.matcher(v).matches());
        }
    }

    @Test
    void bearerTokensAreResolvedAsByTheDefaultResolver() {
        DefaultBearerTokenResolver reference = new DefaultBearerTokenResolver();
        String[] headers = {null, "Basic dXNlcjpwdw==", "Bearer abc.DEF-123_~+/", "bearer abc==", "BEARER x",
                "Bearer abc=d", "Bearer ", "Bearer  abc", "Bearer abc def", "Bearerabc", "Bearer 中文", "Bearer abc\t",
                "Bearer ==", "Bearer a.b.c", "Token abc"};
        for (String header : headers) {
            MockHttpServletRequest request = new MockHttpServletRequest();
            if (header != null) {
                request.addHeader("Authorization", header);
            }
            String expected;
            try {
                expected = reference.resolve(request);
            } catch (OAuth2AuthenticationException e) {
                assertThatThrownBy(() -> FastRequestChecks.bearerToken(request)).as(header)
                        .isInstanceOf(OAuth2AuthenticationException.class);
                continue;
            }
            assertThat(FastRequestChecks.bearerToken(request)).as(header).isEqualTo(expected);
        }
    }
}
