package org.sibao.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

/**
 * A shutdown's joint decision (会商) in tests: the epidemic prevention command (an EPIDEMIC_OFFICER) consents first —
 * the request stays PENDING, awaiting the HQ — and the economic dispatch HQ office (an HQ_OFFICER) then starts it.
 * Both must act at the decision level (the subject's city by default) or above.
 */
public final class JointDecision {

    private JointDecision() {
    }

    /** Both consents with the same comment; returns the second answer (200, ACTIVE). */
    public static ApiClient.Response approve(ApiClient epidemic, ApiClient hq, String shutdownId, String comment) {
        Map<String, Object> body = comment == null ? Map.of() : Map.of("comment", comment);
        String path = "/api/v1/escort/shutdowns/" + shutdownId + "/approve";
        ApiClient.Response first = epidemic.post(path, body);
        assertThat(first.status()).as(first.raw()).isEqualTo(200);
        assertThat(first.text("status")).as("one consent leaves it pending").isEqualTo("PENDING");
        ApiClient.Response second = hq.post(path, body);
        assertThat(second.status()).as(second.raw()).isEqualTo(200);
        assertThat(second.text("status")).as("the second consent starts it").isEqualTo("ACTIVE");
        return second;
    }

    /** Both consents by the demo users of a city (or a county-level unit acting as one): epi_{alias}, hq_{alias}. */
    public static ApiClient.Response approveAsDemo(int port, String alias, String shutdownId, String comment) {
        return approve(new ApiClient(port).as("epi_" + alias, "Demo@2022"), new ApiClient(port).as("hq_" + alias, "Demo@2022"),
                shutdownId, comment);
    }
}
