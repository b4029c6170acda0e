package org.sibao.appeal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.sibao.support.ApiClient;
import org.sibao.support.FullStackTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Where nobody is on the platform an appeal does not wait: 杞县 (410221) has no HQ officer and no 人社局 user, so a
 * new appeal goes to 开封's HQ office, and an assignment to the county's 人社局 lands with 开封's, who can accept it.
 */
@FullStackTest
class AppealStaffedRoutingTest {

    private static final String QIXIAN = "410221";

    @LocalServerPort
    int port;

    @Test
    void anAppealGoesWhereSomeoneCanActOnIt() {
        ApiClient admin = new ApiClient(port).as("admin", "Admin@2022");
        String subject = AppealFixtures.subject(admin, QIXIAN, "杞县测试诉求路由有限公司");
        ApiClient ent = AppealFixtures.user(admin, port, "ENTERPRISE", QIXIAN, Map.of("enterpriseId", subject));
        ApiClient.Response filed = ent.post("/api/v1/appeals",
                AppealFixtures.appeal(subject, "LABOR", "用工缺口", "缺少熟练工人30名"));
        assertThat(filed.status()).as(filed.raw()).isEqualTo(201);
        String id = filed.text("id");
        assertThat(filed.text("handlerRegionCode")).as("the county has no HQ officer: the city's office").isEqualTo("410200");

        ApiClient hq = new ApiClient(port).as("hq_kf", AppealFixtures.DEMO);
        ApiClient.Response triaged = hq.post("/api/v1/appeals/" + id + "/triage",
                Map.of("kind", "INDIVIDUAL", "departmentCode", "HRSS", "regionCode", QIXIAN));
        assertThat(triaged.status()).as(triaged.raw()).isEqualTo(200);
        assertThat(triaged.text("status")).isEqualTo("ASSIGNED");
        ApiClient.Response accepted = new ApiClient(port).as("dept_hrss_kf", AppealFixtures.DEMO)
                .post("/api/v1/appeals/" + id + "/accept", Map.of());
        assertThat(accepted.status()).as("the city's 人社局 takes what the county's cannot").isEqualTo(200);
        assertThat(accepted.text("status")).isEqualTo("ACCEPTED");
    }
}
