package org.sibao.escort;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import tools.jackson.databind.JsonNode;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.sibao.subject.Subjects;
import org.sibao.subject.TestSubjects;
import org.sibao.subject.WhitelistStatus;
import org.sibao.support.ApiClient;
import org.sibao.support.FullStackTest;
import org.sibao.support.TestUsers;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Shutdowns by joint decision (会商, seeds 001 and 003) and inspections approved by the city's HQ office (seed 001,
 * 开封 item 七), at the default level CITY. 周口 (411600: 扶沟县 411621, 西华县 411622) has both commands on the
 * platform at the city; 许昌 (411000: 建安区 411003, 鄢陵县 411024) has its HQ office but no epidemic officer at the
 * city, so the province's epidemic command decides for that side. No other test uses these regions; no test makes
 * an epidemic officer at 许昌.
 */
@FullStackTest
class EscortJointDecisionTest {

    private static final String ZHOUKOU = "411600";
    private static final String FUGOU = "411621";
    private static final String XIHUA = "411622";
    private static final String XUCHANG = "411000";
    private static final String JIAN_AN = "411003";
    private static final String YANLING = "411024";
    private static final String SHUTDOWNS = "/api/v1/escort/shutdowns";

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

    private final Map<ApiClient, String> ids = new java.util.IdentityHashMap<>();

    /** A new user of the role at the region, signed in; its id in {@link #ids}. */
    private ApiClient user(String role, String region) {
        String name = TestUsers.uniqueName("jd_" + role.toLowerCase());
        Map<String, String> extra = switch (role) {
            case "HQ_OFFICER" -> Map.of("departmentCode", "NDRC");
            case "SECTOR_OFFICER" -> Map.of("sector", "INDUSTRY");
            default -> Map.of();
        };
        ApiClient.Response created = TestUsers.create(admin, name, role, region, extra);
        ApiClient c = new ApiClient(port).as(name, TestUsers.PASSWORD);
        ids.put(c, created.text("id"));
        return c;
    }

    private String whitelisted(String county) {
        ApiClient.Response r = admin.post("/api/v1/enterprises",
                TestSubjects.enterprise(TestSubjects.uscc(county), "会商测试" + TestSubjects.token(), county, "INDUSTRY"));
        assertThat(r.status()).as(r.raw()).isEqualTo(201);
        subjects.setWhitelistStatus(r.text("id"), WhitelistStatus.ACTIVE, "COUNTY");
        return r.text("id");
    }

    private static ApiClient.Response file(ApiClient filer, String subject, int days) {
        ApiClient.Response r = filer.post(SHUTDOWNS, Map.of("enterpriseId", subject, "reason", "车间消杀停产", "days", days));
        assertThat(r.status()).as(r.raw()).isEqualTo(201);
        return r;
    }

    private static List<String> texts(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asString()));
        return out;
    }

    private static boolean absent(JsonNode body, String field) {
        return body.path(field).isMissingNode() || body.path(field).isNull();
    }

    private long notices(String userId, String key) {
        return jdbc.sql("SELECT COUNT(*) FROM notification WHERE user_id = ? AND message_key = ?").params(userId, key)
                .query(Long.class).single();
    }

    @Test
    void oneConsentLeavesItPendingAndTheOtherSidesConsentStartsIt() {
        ApiClient cityHq = user("HQ_OFFICER", ZHOUKOU);
        ApiClient cityEpi = user("EPIDEMIC_OFFICER", ZHOUKOU);
        ApiClient countyHq = user("HQ_OFFICER", FUGOU);
        ApiClient countyEpi = user("EPIDEMIC_OFFICER", FUGOU);
        String subject = whitelisted(FUGOU);

        ApiClient.Response filed = file(countyHq, subject, 2);
        String id = filed.text("id");
        JsonNode deciders = filed.body().get("deciders");
        assertThat(deciders.get("level").asString()).isEqualTo("CITY");
        assertThat(deciders.get("hqRegionCode").asString()).isEqualTo(ZHOUKOU);
        assertThat(deciders.get("epidemicRegionCode").asString()).isEqualTo(ZHOUKOU);
        assertThat(deciders.get("epidemicRegionName").asString()).isEqualTo("周口市");
        assertThat(texts(filed.body().get("awaiting"))).containsExactly("HQ", "EPIDEMIC");
        assertThat(notices(ids.get(cityHq), "escort.notice.shutdownPending")).as("both sides at the decision level").isEqualTo(1);
        assertThat(notices(ids.get(cityEpi), "escort.notice.shutdownPending")).isEqualTo(1);
        assertThat(notices(ids.get(countyEpi), "escort.notice.shutdownPending")).as("not below it").isZero();

        String approve = SHUTDOWNS + "/" + id + "/approve";
        ApiClient.Response below = countyHq.post(approve, Map.of());
        assertThat(below.status()).as("a county HQ officer is below the decision level").isEqualTo(403);
        assertThat(below.body().get("detail").asString()).contains("周口市");
        assertThat(countyEpi.post(approve, Map.of()).status()).isEqualTo(403);
        assertThat(countyEpi.english().post(approve, Map.of()).raw()).doesNotContainPattern("[\\u4e00-\\u9fa5]{4}")
                .contains("may not decide");
        assertThat(user("SECTOR_OFFICER", ZHOUKOU).post(approve, Map.of()).status()).as("neither side").isEqualTo(403);
        assertThat(new ApiClient(port).as("hq_kf", "Demo@2022").post(approve, Map.of()).status())
                .as("another city's HQ does not see it").isEqualTo(404);

        ApiClient.Response first = cityEpi.post(approve, Map.of("comment", "同意，做好消杀"));
        assertThat(first.status()).as(first.raw()).isEqualTo(200);
        assertThat(first.text("status")).isEqualTo("PENDING");
        assertThat(first.body().get("epidemicConsent").get("userId").asString()).isEqualTo(ids.get(cityEpi));
        assertThat(first.body().get("epidemicConsent").get("comment").asString()).isEqualTo("同意，做好消杀");
        assertThat(first.body().get("epidemicConsent").get("regionName").asString()).isEqualTo("周口市");
        assertThat(first.body().get("epidemicConsent").get("at").asString()).endsWith("+08:00");
        assertThat(absent(first.body(), "hqConsent")).isTrue();
        assertThat(texts(first.body().get("awaiting"))).containsExactly("HQ");
        assertThat(absent(first.body(), "startedAt")).isTrue();
        assertThat(EscortEventsProbe.started(id)).as("not shut yet").isZero();
        assertThat(EscortEventsProbe.decided(id)).as("one consent decides nothing").isEmpty();
        assertThat(notices(ids.get(cityHq), "escort.notice.shutdownConsented.EPIDEMIC")).as("the other side is told").isEqualTo(1);

        assertThat(cityEpi.post(approve, Map.of()).status()).as("the same officer twice").isEqualTo(409);
        ApiClient.Response sameSide = user("EPIDEMIC_OFFICER", ZHOUKOU).post(approve, Map.of());
        assertThat(sameSide.status()).as("the same side twice").isEqualTo(409);
        assertThat(sameSide.body().get("detail").asString()).contains("卫健/防疫指挥部");

        ApiClient.Response second = cityHq.post(approve, Map.of("comment", "会商同意"));
        assertThat(second.status()).as(second.raw()).isEqualTo(200);
        assertThat(second.text("status")).isEqualTo("ACTIVE");
        assertThat(second.body().get("hqConsent").get("userId").asString()).isEqualTo(ids.get(cityHq));
        assertThat(second.body().get("epidemicConsent").get("userId").asString()).isEqualTo(ids.get(cityEpi));
        assertThat(texts(second.body().get("awaiting"))).isEmpty();
        assertThat(second.body().get("consents").size()).isEqualTo(2);
        assertThat(second.text("decidedBy")).isEqualTo(ids.get(cityHq));
        assertThat(second.text("decisionComment")).isEqualTo("会商同意");
        assertThat(Duration.between(OffsetDateTime.parse(second.text("startedAt")), OffsetDateTime.parse(second.text("endsAt"))))
                .isEqualTo(Duration.ofDays(2));
        assertThat(EscortEventsProbe.started(id)).isEqualTo(1);
        assertThat(EscortEventsProbe.decided(id)).singleElement().satisfies(d -> assertThat(d.approved()).isTrue());
        assertThat(cityHq.post(approve, Map.of()).status()).as("decided").isEqualTo(409);
        assertThat(jdbc.sql("SELECT action FROM audit_log WHERE entity_id = ? ORDER BY id").param(id).query(String.class).list())
                .containsExactly("escort.shutdown.file", "escort.shutdown.consent", "escort.shutdown.approve");
        assertThat(countyHq.get(SHUTDOWNS + "/" + id).body().get("consents").size()).as("the filer reads both consents")
                .isEqualTo(2);
        cityEpi.post(SHUTDOWNS + "/" + id + "/lift", Map.of());
    }

    @Test
    void eitherSideRefusesAlone() {
        ApiClient cityHq = user("HQ_OFFICER", ZHOUKOU);
        ApiClient cityEpi = user("EPIDEMIC_OFFICER", ZHOUKOU);
        ApiClient filer = user("SECTOR_OFFICER", XIHUA);
        String subject = whitelisted(XIHUA);

        String byHq = file(filer, subject, 1).text("id");
        assertThat(cityHq.post(SHUTDOWNS + "/" + byHq + "/refuse", Map.of()).status()).as("needs a comment").isEqualTo(400);
        ApiClient.Response refused = cityHq.post(SHUTDOWNS + "/" + byHq + "/refuse", Map.of("comment", "重点保供企业，闭环生产"));
        assertThat(refused.text("status")).as(refused.raw()).isEqualTo("REFUSED");
        assertThat(refused.body().get("consents").get(0).get("decision").asString()).isEqualTo("REFUSE");
        assertThat(texts(refused.body().get("awaiting"))).isEmpty();
        assertThat(EscortEventsProbe.decided(byHq)).singleElement().satisfies(d -> assertThat(d.approved()).isFalse());
        assertThat(cityEpi.post(SHUTDOWNS + "/" + byHq + "/approve", Map.of()).status()).as("refused").isEqualTo(409);

        String byEpi = file(filer, subject, 1).text("id");
        assertThat(cityHq.post(SHUTDOWNS + "/" + byEpi + "/approve", Map.of()).text("status")).isEqualTo("PENDING");
        ApiClient.Response refusedAfterConsent = cityEpi.post(SHUTDOWNS + "/" + byEpi + "/refuse", Map.of("comment", "风险可控，不停产"));
        assertThat(refusedAfterConsent.text("status")).as(refusedAfterConsent.raw()).isEqualTo("REFUSED");
        assertThat(refusedAfterConsent.text("decisionComment")).isEqualTo("风险可控，不停产");
        assertThat(EscortEventsProbe.decided(byEpi)).singleElement().satisfies(d -> assertThat(d.approved()).isFalse());
        assertThat(EscortEventsProbe.started(byEpi)).isZero();
        assertThat(notices(ids.get(filer), "escort.notice.shutdownRefused")).isEqualTo(2);
    }

    @Test
    void aDecidingCommandThatFilesConsentsOnlyByApproving() {
        ApiClient cityHq = user("HQ_OFFICER", ZHOUKOU);
        ApiClient cityEpi = user("EPIDEMIC_OFFICER", ZHOUKOU);
        String subject = whitelisted(FUGOU);

        ApiClient.Response filed = file(cityEpi, subject, 3);
        assertThat(filed.text("status")).isEqualTo("PENDING");
        assertThat(filed.body().get("consents").size()).as("filing is no consent").isZero();
        assertThat(texts(filed.body().get("awaiting"))).containsExactly("HQ", "EPIDEMIC");
        assertThat(cityHq.post(SHUTDOWNS + "/" + filed.text("id") + "/approve", Map.of()).text("status"))
                .as("the HQ's consent alone").isEqualTo("PENDING");
        ApiClient.Response own = cityEpi.post(SHUTDOWNS + "/" + filed.text("id") + "/approve", Map.of());
        assertThat(own.text("status")).as("the filing command's explicit consent").isEqualTo("ACTIVE");
        assertThat(cityHq.post(SHUTDOWNS + "/" + filed.text("id") + "/lift", Map.of("comment", "提前恢复")).text("status"))
                .isEqualTo("ENDED");
    }

    @Test
    void whereTheCityHasNoEpidemicOfficerTheProvincesCommandDecidesForThatSide() {
        ApiClient cityHq = user("HQ_OFFICER", XUCHANG);
        ApiClient countyEpi = user("EPIDEMIC_OFFICER", YANLING);
        String subject = whitelisted(YANLING);

        ApiClient.Response filed = file(countyEpi, subject, 1);
        assertThat(filed.body().get("deciders").get("hqRegionCode").asString()).isEqualTo(XUCHANG);
        assertThat(filed.body().get("deciders").get("epidemicRegionCode").asString()).as("nearest staffed above 许昌")
                .isEqualTo("410000");
        String approve = SHUTDOWNS + "/" + filed.text("id") + "/approve";
        assertThat(countyEpi.post(approve, Map.of()).status()).as("the county's epidemic office is below").isEqualTo(403);
        assertThat(new ApiClient(port).as("epi_zz", "Demo@2022").post(approve, Map.of()).status())
                .as("another city's command").isEqualTo(404);

        ApiClient.Response province = new ApiClient(port).as("epi_hn", "Demo@2022").post(approve, Map.of("comment", "省指挥部同意"));
        assertThat(province.text("status")).as(province.raw()).isEqualTo("PENDING");
        assertThat(province.body().get("epidemicConsent").get("regionCode").asString()).isEqualTo("410000");
        ApiClient.Response started = cityHq.post(approve, Map.of());
        assertThat(started.text("status")).as(started.raw()).isEqualTo("ACTIVE");
        assertThat(new ApiClient(port).as("hq_hn", "Demo@2022").post(SHUTDOWNS + "/" + filed.text("id") + "/lift", Map.of())
                .text("status")).as("the HQ above the level lifts too").isEqualTo("ENDED");
    }

    @Test
    void aRenewalNeedsBothSidesAndEitherLiftsAlone() {
        ApiClient cityHq = user("HQ_OFFICER", ZHOUKOU);
        ApiClient cityEpi = user("EPIDEMIC_OFFICER", ZHOUKOU);
        ApiClient countyHq = user("HQ_OFFICER", XIHUA);
        String subject = whitelisted(XIHUA);
        String id = file(countyHq, subject, 1).text("id");
        String path = SHUTDOWNS + "/" + id;
        cityEpi.post(path + "/approve", Map.of());
        ApiClient.Response active = cityHq.post(path + "/approve", Map.of());
        OffsetDateTime endsAt = OffsetDateTime.parse(active.text("endsAt"));

        assertThat(countyHq.post(path + "/renew", Map.of("days", 2, "comment", "延期")).status()).as("below").isEqualTo(403);
        assertThat(cityHq.post(path + "/renewal/approve", Map.of()).status()).as("nothing proposed").isEqualTo(409);
        ApiClient.Response proposed = cityHq.post(path + "/renew", Map.of("days", 2, "comment", "消杀未完成，提议延期"));
        assertThat(proposed.status()).as(proposed.raw()).isEqualTo(200);
        assertThat(proposed.text("status")).isEqualTo("ACTIVE");
        assertThat(proposed.body().get("pendingRenewal").get("side").asString()).isEqualTo("HQ");
        assertThat(proposed.body().get("pendingRenewal").get("days").asInt()).isEqualTo(2);
        assertThat(proposed.body().get("pendingRenewal").get("comment").asString()).isEqualTo("消杀未完成，提议延期");
        assertThat(texts(proposed.body().get("awaiting"))).containsExactly("EPIDEMIC");
        assertThat(OffsetDateTime.parse(proposed.text("endsAt"))).as("nothing changes yet").isEqualTo(endsAt);
        assertThat(proposed.body().get("renewals").asInt()).isZero();
        assertThat(notices(ids.get(cityEpi), "escort.notice.renewalProposed.HQ")).isEqualTo(1);

        assertThat(cityHq.post(path + "/renew", Map.of("days", 2, "comment", "再提")).status()).as("proposed already").isEqualTo(409);
        assertThat(cityHq.post(path + "/renewal/approve", Map.of()).status()).as("its own proposal").isEqualTo(409);
        assertThat(cityEpi.post(path + "/renew", Map.of("days", 3, "comment", "三天")).status()).as("other days").isEqualTo(409);
        assertThat(cityEpi.post(path + "/renewal/refuse", Map.of()).status()).as("a comment").isEqualTo(400);
        ApiClient.Response refused = cityEpi.post(path + "/renewal/refuse", Map.of("comment", "按期恢复生产"));
        assertThat(refused.status()).as(refused.raw()).isEqualTo(200);
        assertThat(absent(refused.body(), "pendingRenewal")).isTrue();
        assertThat(OffsetDateTime.parse(refused.text("endsAt"))).isEqualTo(endsAt);
        assertThat(refused.body().get("renewals").asInt()).isZero();
        assertThat(notices(ids.get(cityHq), "escort.notice.renewalRefused")).isEqualTo(1);
        assertThat(EscortEventsProbe.started(id)).isEqualTo(1);

        ApiClient.Response again = cityEpi.post(path + "/renew", Map.of("days", 1, "comment", "复检未完成"));
        assertThat(again.body().get("pendingRenewal").get("side").asString()).as(again.raw()).isEqualTo("EPIDEMIC");
        OffsetDateTime now = OffsetDateTime.parse(admin.get("/api/v1/admin/clock").text("now"));
        ApiClient.Response agreed = cityHq.post(path + "/renewal/approve", Map.of("comment", "同意延期1天"));
        assertThat(agreed.status()).as(agreed.raw()).isEqualTo(200);
        assertThat(agreed.body().get("renewals").asInt()).isEqualTo(1);
        assertThat(agreed.body().get("days").asInt()).as("the request's days").isEqualTo(again.body().get("days").asInt());
        assertThat(Duration.between(OffsetDateTime.parse(again.text("endsAt")), OffsetDateTime.parse(agreed.text("endsAt"))))
                .as("an extension: one day more than the end in force, never shorter").isEqualTo(Duration.ofDays(1));
        assertThat(OffsetDateTime.parse(agreed.text("endsAt"))).isAfter(now.plusDays(1));
        assertThat(absent(agreed.body(), "pendingRenewal")).isTrue();
        assertThat(EscortEventsProbe.started(id)).isEqualTo(2);
        List<String> words = new ArrayList<>();
        agreed.body().get("consents").forEach(c -> words.add(c.get("round").asInt() + ":" + c.get("side").asString() + ":"
                + c.get("decision").asString()));
        assertThat(words).containsExactly("0:EPIDEMIC:AGREE", "0:HQ:AGREE", "1:HQ:AGREE", "1:EPIDEMIC:REFUSE",
                "2:EPIDEMIC:AGREE", "2:HQ:AGREE");

        // the same days asked by both sides is agreement too
        cityHq.post(path + "/renew", Map.of("days", 3, "comment", "再延3天"));
        ApiClient.Response both = cityEpi.post(path + "/renew", Map.of("days", 3, "comment", "同意"));
        assertThat(both.body().get("renewals").asInt()).as(both.raw()).isEqualTo(2);

        ApiClient.Response lifted = cityEpi.post(path + "/lift", Map.of("comment", "消杀完成"));
        assertThat(lifted.text("status")).as(lifted.raw()).isEqualTo("ENDED");
        assertThat(lifted.text("endCause")).isEqualTo("LIFTED");
        assertThat(EscortEventsProbe.ended(id)).isEqualTo(1);
    }

    @Test
    void inspectionsAreApprovedByTheCitysHqOfficeNeverByTheFiler() {
        ApiClient cityHq = user("HQ_OFFICER", ZHOUKOU);
        ApiClient otherCityHq = user("HQ_OFFICER", ZHOUKOU);
        ApiClient countyHq = user("HQ_OFFICER", FUGOU);
        String subject = whitelisted(FUGOU);
        String tomorrow = OffsetDateTime.parse(admin.get("/api/v1/admin/clock").text("now"))
                .atZoneSameInstant(ZoneId.of("Asia/Shanghai")).toLocalDate().plusDays(1).toString();
        Map<String, Object> request = Map.of("enterpriseId", subject, "departmentCode", "ECO_ENV", "kind", "ENVIRONMENT",
                "reason", "环保督查", "plannedDate", tomorrow);

        ApiClient.Response filed = countyHq.post("/api/v1/escort/inspections", request);
        assertThat(filed.status()).as(filed.raw()).isEqualTo(201);
        assertThat(filed.text("approvalRegionCode")).isEqualTo(ZHOUKOU);
        assertThat(notices(ids.get(cityHq), "escort.notice.inspectionPending")).as("routed to the city").isEqualTo(1);
        assertThat(notices(ids.get(countyHq), "escort.notice.inspectionPending")).isZero();
        String approve = "/api/v1/escort/inspections/" + filed.text("id") + "/approve";
        ApiClient.Response own = countyHq.post(approve, Map.of());
        assertThat(own.status()).as("its own request").isEqualTo(403);
        assertThat(own.body().get("detail").asString()).contains("本人提交");
        assertThat(user("HQ_OFFICER", FUGOU).post(approve, Map.of()).status()).as("a county HQ is below the level").isEqualTo(403);
        ApiClient.Response approved = cityHq.post(approve, Map.of("comment", "同意"));
        assertThat(approved.text("status")).as(approved.raw()).isEqualTo("APPROVED");
        assertThat(approved.text("decidedBy")).isEqualTo(ids.get(cityHq));

        ApiClient.Response cityFiled = cityHq.post("/api/v1/escort/inspections", request);
        String cityApprove = "/api/v1/escort/inspections/" + cityFiled.text("id") + "/approve";
        ApiClient.Response cityOwn = cityHq.post(cityApprove, Map.of());
        assertThat(cityOwn.status()).as("the filer, even at the city").isEqualTo(403);
        assertThat(cityHq.english().post(cityApprove, Map.of()).raw()).contains("filed yourself");
        assertThat(cityHq.post("/api/v1/escort/inspections/" + cityFiled.text("id") + "/refuse", Map.of("comment", "x")).status())
                .isEqualTo(403);
        assertThat(otherCityHq.post(cityApprove, Map.of()).text("status")).as("another officer of the city").isEqualTo("APPROVED");

        ApiClient xuchangHq = user("HQ_OFFICER", XUCHANG);
        ApiClient.Response xuchang = user("EPIDEMIC_OFFICER", JIAN_AN).post("/api/v1/escort/inspections",
                Map.of("enterpriseId", whitelisted(JIAN_AN), "departmentCode", "EMERGENCY", "kind", "FIRE",
                        "reason", "消防检查", "plannedDate", tomorrow));
        assertThat(xuchang.status()).as(xuchang.raw()).isEqualTo(201);
        assertThat(xuchang.text("approvalRegionCode")).isEqualTo(XUCHANG);
        assertThat(xuchangHq.post("/api/v1/escort/inspections/" + xuchang.text("id") + "/refuse",
                Map.of("comment", "生产旺季，延后")).text("status")).isEqualTo("REFUSED");
    }
}
