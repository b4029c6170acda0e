package org.sibao.escort;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.sibao.subject.Subjects;
import org.sibao.subject.TestSubjects;
import org.sibao.subject.WhitelistStatus;
import org.sibao.support.ApiClient;
import org.sibao.support.FullStackTest;
import org.sibao.support.JointDecision;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Production escort over the API: inspection requests approved by the city's HQ office, shutdowns decided jointly by
 * 郑州's HQ office and epidemic command (新郑's city), on the business clock.
 */
@FullStackTest
class EscortApiTest {

    private static final String XINZHENG = "410184";
    private static final String PASSWORD = "Demo@2022";

    @LocalServerPort
    int port;

    @Autowired
    Subjects subjects;

    @Autowired
    JdbcClient jdbc;

    ApiClient admin;

    @BeforeEach
    void signIn() {
        admin = new ApiClient(port).as("admin", "Admin@2022");
    }

    private ApiClient as(String user) {
        return new ApiClient(port).as(user, PASSWORD);
    }

    private String whitelistSubject() {
        ApiClient.Response r = admin.post("/api/v1/enterprises",
                TestSubjects.enterprise(TestSubjects.uscc(XINZHENG), "新郑护航测试" + TestSubjects.token(), XINZHENG, "INDUSTRY"));
        assertThat(r.status()).as(r.raw()).isEqualTo(201);
        subjects.setWhitelistStatus(r.text("id"), WhitelistStatus.ACTIVE, "COUNTY");
        return r.text("id");
    }

    private String tomorrow() {
        OffsetDateTime now = OffsetDateTime.parse(admin.get("/api/v1/admin/clock").text("now"));
        return now.atZoneSameInstant(ZoneId.of("Asia/Shanghai")).toLocalDate().plusDays(1).toString();
    }

    private Map<String, Object> inspection(String enterpriseId, String kind) {
        return Map.of("enterpriseId", enterpriseId, "departmentCode", "MARKET_REG", "kind", kind,
                "reason", "例行检查", "plannedDate", tomorrow());
    }

    @Test
    void epidemicSafetyAndQuarantineInspectionsNeedNoApproval() {
        String id = whitelistSubject();
        for (String kind : new String[] {"EPIDEMIC", "SAFETY", "QUARANTINE"}) {
            ApiClient.Response r = as("epi_xz").post("/api/v1/escort/inspections", inspection(id, kind));
            assertThat(r.status()).as(r.raw()).isEqualTo(201);
            assertThat(r.text("status")).isEqualTo("NOT_REQUIRED");
            assertThat(r.body().get("approvalRequired").asBoolean()).isFalse();
            assertThat(as("hq_xz").post("/api/v1/escort/inspections/" + r.text("id") + "/approve", Map.of()).status())
                    .isEqualTo(409);
        }
        assertThat(jdbc.sql("SELECT COUNT(*) FROM audit_log WHERE action = 'escort.inspection.file' AND entity_id IN "
                + "(SELECT id FROM escort_inspection WHERE enterprise_id = ?)").param(id).query(Long.class).single()).isEqualTo(3);
    }

    @Test
    void otherInspectionsAreApprovedOrRefusedOnceByTheCitysHq() {
        String id = whitelistSubject();
        ApiClient tax = as("dept_tax_xz");
        ApiClient.Response filed = tax.post("/api/v1/escort/inspections", inspection(id, "TAX"));
        assertThat(filed.status()).as(filed.raw()).isEqualTo(201);
        assertThat(filed.text("status")).isEqualTo("PENDING");
        String inspectionId = filed.text("id");

        assertThat(as("sector_industry_xz").post("/api/v1/escort/inspections/" + inspectionId + "/approve", Map.of()).status())
                .as("only the HQ decides").isEqualTo(403);
        assertThat(as("hq_kf").post("/api/v1/escort/inspections/" + inspectionId + "/approve", Map.of()).status())
                .as("another city's HQ does not see it").isEqualTo(404);
        assertThat(as("hq_kf").get("/api/v1/escort/inspections/" + inspectionId).status()).isEqualTo(404);
        assertThat(as("hq_xz").post("/api/v1/escort/inspections/" + inspectionId + "/approve", Map.of()).status())
                .as("the county's HQ is below the approval level").isEqualTo(403);
        assertThat(as("hq_zz").post("/api/v1/escort/inspections/" + inspectionId + "/refuse", Map.of()).status())
                .as("refusing needs a comment").isEqualTo(400);

        ApiClient.Response approved = as("hq_hn").post("/api/v1/escort/inspections/" + inspectionId + "/approve",
                Map.of("comment", "同意，注意不影响生产"));
        assertThat(approved.status()).as(approved.raw()).isEqualTo(200);
        assertThat(approved.text("status")).isEqualTo("APPROVED");
        assertThat(approved.text("decisionComment")).isEqualTo("同意，注意不影响生产");
        assertThat(as("hq_zz").post("/api/v1/escort/inspections/" + inspectionId + "/refuse", Map.of("comment", "晚了"))
                .status()).isEqualTo(409);

        ApiClient.Response second = tax.post("/api/v1/escort/inspections", inspection(id, "OTHER"));
        ApiClient.Response refused = as("hq_zz").post("/api/v1/escort/inspections/" + second.text("id") + "/refuse",
                Map.of("comment", "生产旺季，暂缓"));
        assertThat(refused.text("status")).isEqualTo("REFUSED");
        assertThat(as("hq_xz").get("/api/v1/escort/inspections?enterpriseId=" + id).body().get("total").asLong()).isEqualTo(2);
    }

    @Test
    void rejectsInvalidRequestsWrongRolesAndSubjectsOffTheWhitelist() {
        String id = whitelistSubject();
        ApiClient.Response bad = as("dept_tax_xz").post("/api/v1/escort/inspections",
                Map.of("enterpriseId", id, "kind", "NOPE", "plannedDate", "2020-01-01", "departmentCode", "XX"));
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.raw()).contains("\"kind\"", "\"reason\"", "\"plannedDate\"", "\"departmentCode\"");
        assertThat(as("ent_xz").post("/api/v1/escort/inspections", inspection(id, "TAX")).status()).isEqualTo(403);
        assertThat(as("dept_tax_kf").post("/api/v1/escort/inspections", inspection(id, "TAX")).status()).isEqualTo(404);

        String unlisted = admin.post("/api/v1/enterprises", TestSubjects.enterprise(TestSubjects.uscc(XINZHENG),
                "非白名单" + TestSubjects.token(), XINZHENG, "INDUSTRY")).text("id");
        assertThat(as("dept_tax_xz").post("/api/v1/escort/inspections", inspection(unlisted, "TAX")).status()).isEqualTo(409);
        assertThat(as("hq_xz").post("/api/v1/escort/shutdowns",
                Map.of("enterpriseId", unlisted, "reason", "环保督察", "days", 2)).status()).isEqualTo(409);
    }

    @Test
    void aShutdownLastsAtMostThreeDaysOnTheBusinessClockAndEndsByItself() {
        String id = whitelistSubject();
        ApiClient hq = as("hq_xz");
        assertThat(hq.post("/api/v1/escort/shutdowns", Map.of("enterpriseId", id, "reason", "环保督察", "days", 4)).status())
                .isEqualTo(400);
        ApiClient.Response filed = as("sector_industry_xz").post("/api/v1/escort/shutdowns",
                Map.of("enterpriseId", id, "reason", "环保督察限产", "days", 3));
        assertThat(filed.status()).as(filed.raw()).isEqualTo(201);
        assertThat(filed.text("status")).isEqualTo("PENDING");
        String shutdownId = filed.text("id");
        assertThat(as("sector_industry_xz").post("/api/v1/escort/shutdowns/" + shutdownId + "/approve", Map.of()).status())
                .isEqualTo(403);

        assertThat(hq.post("/api/v1/escort/shutdowns/" + shutdownId + "/approve", Map.of()).status())
                .as("新郑's HQ is below the decision level (郑州)").isEqualTo(403);

        ApiClient.Response approved = JointDecision.approveAsDemo(port, "zz", shutdownId, "联审同意");
        OffsetDateTime started = OffsetDateTime.parse(approved.text("startedAt"));
        OffsetDateTime ends = OffsetDateTime.parse(approved.text("endsAt"));
        assertThat(Duration.between(started, ends)).isEqualTo(Duration.ofDays(3));
        assertThat(approved.text("endsAt")).endsWith("+08:00");
        assertThat(EscortEventsProbe.started(shutdownId)).isEqualTo(1);
        assertThat(as("hq_zz").post("/api/v1/escort/shutdowns/" + shutdownId + "/approve", Map.of()).status()).isEqualTo(409);
        assertThat(hq.post("/api/v1/escort/shutdowns", Map.of("enterpriseId", id, "reason", "再次", "days", 1)).status())
                .as("one open shutdown per subject").isEqualTo(409);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM notification WHERE link LIKE ?").param("%" + id + "%")
                .query(Long.class).single()).isPositive();

        ApiClient.Response advanced = admin.post("/api/v1/admin/clock/advance", Map.of("hours", 73));
        assertThat(advanced.status()).as(advanced.raw()).isEqualTo(200);

        ApiClient.Response after = as("hq_xz").get("/api/v1/escort/shutdowns/" + shutdownId);
        assertThat(after.text("status")).isEqualTo("ENDED");
        assertThat(after.text("endCause")).isEqualTo("EXPIRED");
        assertThat(EscortEventsProbe.ended(shutdownId)).isEqualTo(1);
        assertThat(as("hq_zz").post("/api/v1/escort/shutdowns/" + shutdownId + "/lift", Map.of()).status()).isEqualTo(409);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM audit_log WHERE entity_id = ? AND action LIKE 'escort.shutdown.%'")
                .param(shutdownId).query(Long.class).single()).as("filed, one consent, both (started), expired").isEqualTo(4);
    }

    @Test
    void anActiveShutdownCanBeRenewedJointlyForAtMostThreeMoreDaysOrLiftedEarly() {
        String id = whitelistSubject();
        ApiClient filer = as("hq_xz");
        ApiClient hq = as("hq_zz");
        ApiClient epi = as("epi_zz");
        String shutdownId = filer.post("/api/v1/escort/shutdowns", Map.of("enterpriseId", id, "reason", "设备检修", "days", 1))
                .text("id");
        ApiClient.Response refused = hq.post("/api/v1/escort/shutdowns/" + shutdownId + "/refuse", Map.of("comment", "不予停产"));
        assertThat(refused.text("status")).isEqualTo("REFUSED");
        assertThat(hq.post("/api/v1/escort/shutdowns/" + shutdownId + "/renew", Map.of("days", 2, "comment", "x")).status())
                .isEqualTo(409);

        String second = filer.post("/api/v1/escort/shutdowns", Map.of("enterpriseId", id, "reason", "设备检修", "days", 1))
                .text("id");
        JointDecision.approve(epi, hq, second, null);
        assertThat(hq.post("/api/v1/escort/shutdowns/" + second + "/renew", Map.of("days", 4, "comment", "延期")).status())
                .isEqualTo(400);
        ApiClient.Response proposed = hq.post("/api/v1/escort/shutdowns/" + second + "/renew", Map.of("days", 3, "comment", "联审延期"));
        assertThat(proposed.status()).as(proposed.raw()).isEqualTo(200);
        assertThat(proposed.body().get("renewals").asInt()).as("a proposal until the other side agrees").isZero();
        assertThat(proposed.body().get("pendingRenewal").get("days").asInt()).isEqualTo(3);
        assertThat(EscortEventsProbe.started(second)).isEqualTo(1);
        ApiClient.Response renewed = epi.post("/api/v1/escort/shutdowns/" + second + "/renewal/approve", Map.of("comment", "同意延期"));
        assertThat(renewed.status()).as(renewed.raw()).isEqualTo(200);
        assertThat(renewed.text("status")).isEqualTo("ACTIVE");
        assertThat(renewed.body().get("renewals").asInt()).isEqualTo(1);
        OffsetDateTime now = OffsetDateTime.parse(admin.get("/api/v1/admin/clock").text("now"));
        assertThat(Duration.between(OffsetDateTime.parse(proposed.text("endsAt")), OffsetDateTime.parse(renewed.text("endsAt"))))
                .as("three days added to the end in force").isEqualTo(Duration.ofDays(3));
        assertThat(OffsetDateTime.parse(renewed.text("endsAt"))).isAfter(now.plusDays(3));
        assertThat(EscortEventsProbe.started(second)).isEqualTo(2);

        assertThat(renewed.body().get("pendingRenewal").isNull()).isTrue();
        ApiClient.Response lifted = epi.post("/api/v1/escort/shutdowns/" + second + "/lift", Map.of("comment", "整改完成"));
        assertThat(lifted.text("status")).isEqualTo("ENDED");
        assertThat(lifted.text("endCause")).isEqualTo("LIFTED");
        assertThat(EscortEventsProbe.ended(second)).isEqualTo(1);
    }
}
