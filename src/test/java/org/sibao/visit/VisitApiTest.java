package org.sibao.visit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.sibao.subject.Subjects;
import org.sibao.support.ApiClient;
import org.sibao.support.FullStackTest;
import org.sibao.support.TestUsers;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * 包保走访 over the API: a liaison records visits to its enterprises (a problem found filed as an appeal, a re-send
 * answered with the stored visit), and the duty board follows: 未包联 until a liaison is assigned, 超期未走访 until a
 * visit within the week, then 正常; bad input named field by field; scope and roles.
 */
@FullStackTest
class VisitApiTest {

    private static final String XINZHENG = "410184";

    @LocalServerPort
    int port;

    @Autowired
    Subjects subjects;

    @Autowired
    JdbcClient jdbc;

    @Test
    void aLiaisonsVisitMovesItsEnterpriseFromUnassignedToFollowedUp() {
        VisitFixture fx = new VisitFixture(port, subjects);
        ApiClient hq = new ApiClient(port).as("hq_xz", "Demo@2022");
        String enterprise = fx.activeSubject(XINZHENG);
        JsonNode before = hq.get("/api/v1/liaison-duty/summary").body();

        JsonNode row = VisitFixture.row(hq, null, enterprise);
        assertThat(row).as("a new whitelist subject is on the board").isNotNull();
        assertThat(row.get("status").asString()).isEqualTo("NO_LIAISON");
        assertThat(row.get("liaisons").size()).isZero();
        assertThat(row.get("lastVisitOn").isNull()).isTrue();
        assertThat(hq.get("/api/v1/liaison-duty?status=NO_LIAISON&size=500").raw()).contains(enterprise);

        String[] liaison = fx.liaison(XINZHENG);
        fx.assign(liaison[1], enterprise);
        row = VisitFixture.row(hq, null, enterprise);
        assertThat(row.get("status").asString()).as("assigned but never visited").isEqualTo("OVERDUE");
        assertThat(row.get("liaisons").get(0).asString()).isEqualTo("测试用户 " + liaison[0]);
        JsonNode assigned = hq.get("/api/v1/liaison-duty/summary").body();
        assertThat(assigned.get("noLiaison").asLong()).as(before + " → " + assigned)
                .isEqualTo(before.get("noLiaison").asLong() - 1);
        assertThat(assigned.get("overdue").asLong()).isEqualTo(before.get("overdue").asLong() + 1);
        assertThat(assigned.get("withLiaison").asLong()).isEqualTo(before.get("withLiaison").asLong() + 1);
        assertThat(assigned.get("active").asLong()).isEqualTo(before.get("active").asLong());

        ApiClient cadre = fx.as(liaison[0]);
        LocalDate today = fx.today();
        Map<String, Object> visit = VisitFixture.visit(today, "ON_SITE", "实地查看车间，闭环管理落实到位");
        visit.put("problem", "原料供应商所在地封控，原料运输受阻");
        visit.put("category", "RAW_MATERIALS");
        ApiClient.Response recorded = cadre.post("/api/v1/enterprises/" + enterprise + "/visits", visit);
        assertThat(recorded.status()).as(recorded.raw()).isEqualTo(201);
        assertThat(recorded.text("visitedOn")).isEqualTo(today.toString());
        assertThat(recorded.text("method")).isEqualTo("ON_SITE");
        assertThat(recorded.text("visitorName")).isEqualTo("测试用户 " + liaison[0]);
        String appealId = recorded.text("appealId");
        assertThat(appealId).as("the problem was filed as an appeal").isNotBlank();
        ApiClient.Response appeal = cadre.get("/api/v1/appeals/" + appealId);
        assertThat(appeal.status()).isEqualTo(200);
        assertThat(appeal.text("title")).startsWith("走访发现：原料供应商所在地封控");
        assertThat(appeal.text("category")).isEqualTo("RAW_MATERIALS");
        assertThat(appeal.text("status")).isEqualTo("SUBMITTED");

        ApiClient.Response again = cadre.post("/api/v1/enterprises/" + enterprise + "/visits", visit);
        assertThat(again.status()).as("the same visit sent again").isEqualTo(200);
        assertThat(again.text("id")).isEqualTo(recorded.text("id"));
        assertThat(again.text("appealId")).as("and its problem is not filed twice").isEqualTo(appealId);

        row = VisitFixture.row(hq, null, enterprise);
        assertThat(row.get("status").asString()).isEqualTo("OK");
        assertThat(row.get("lastVisitOn").asString()).isEqualTo(today.toString());
        assertThat(row.get("daysSinceVisit").asLong()).isZero();
        JsonNode after = hq.get("/api/v1/liaison-duty/summary").body();
        assertThat(after.get("followedUp").asLong()).isEqualTo(assigned.get("followedUp").asLong() + 1);
        assertThat(after.get("visitsThisWeek").asLong()).isEqualTo(assigned.get("visitsThisWeek").asLong() + 1);

        JsonNode history = hq.get("/api/v1/enterprises/" + enterprise + "/visits").body();
        assertThat(history.get("total").asLong()).isEqualTo(1);
        assertThat(history.get("items").get(0).get("findings").asString()).isEqualTo("实地查看车间，闭环管理落实到位");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM audit_log WHERE action = 'visit.record' AND entity_id = ?")
                .param(recorded.text("id")).query(Long.class).single()).as("audited once").isEqualTo(1);

        // a visit older than the week: overdue again
        String second = fx.activeSubject(XINZHENG);
        fx.assign(liaison[1], second);
        assertThat(cadre.post("/api/v1/enterprises/" + second + "/visits",
                VisitFixture.visit(today.minusDays(8), "PHONE", "电话回访，生产正常")).status()).isEqualTo(201);
        row = VisitFixture.row(hq, null, second);
        assertThat(row.get("status").asString()).isEqualTo("OVERDUE");
        assertThat(row.get("daysSinceVisit").asLong()).isEqualTo(8);

        // the liaison's own board: every enterprise assigned to it, on the whitelist or not
        String unlisted = fx.activeSubject(XINZHENG);
        subjects.setWhitelistStatus(unlisted, org.sibao.subject.WhitelistStatus.NONE, null);
        fx.assign(liaison[1], unlisted);
        JsonNode own = cadre.get("/api/v1/liaison-duty").body();
        assertThat(own.get("total").asLong()).isEqualTo(3);
        assertThat(VisitFixture.row(hq, null, unlisted)).as("the officials' board follows the whitelist").isNull();
    }

    @Test
    void badInputIsNamedFieldByField() {
        VisitFixture fx = new VisitFixture(port, subjects);
        String enterprise = fx.activeSubject(XINZHENG);
        String[] liaison = fx.liaison(XINZHENG);
        fx.assign(liaison[1], enterprise);
        ApiClient cadre = fx.as(liaison[0]);

        ApiClient.Response bad = cadre.post("/api/v1/enterprises/" + enterprise + "/visits",
                Map.of("visitedOn", "2026-13-01", "method", "WALK", "findings", " "));
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.contentType()).contains("application/problem+json");
        assertThat(VisitFixture.fields(bad)).containsExactlyInAnyOrder("visitedOn", "method", "findings");

        LocalDate today = fx.today();
        ApiClient.Response future = cadre.post("/api/v1/enterprises/" + enterprise + "/visits",
                VisitFixture.visit(today.plusDays(1), "PHONE", "电话回访"));
        assertThat(future.status()).isEqualTo(400);
        assertThat(future.raw()).contains("走访日期不能晚于今天");
        ApiClient.Response old = cadre.post("/api/v1/enterprises/" + enterprise + "/visits",
                VisitFixture.visit(today.minusDays(31), "PHONE", "电话回访"));
        assertThat(old.status()).isEqualTo(400);
        assertThat(old.raw()).contains("只能登记近30天内的走访");
        Map<String, Object> longProblem = VisitFixture.visit(today, "VIDEO", "视频连线");
        longProblem.put("problem", "问".repeat(1001));
        longProblem.put("category", "NOPE");
        assertThat(VisitFixture.fields(cadre.post("/api/v1/enterprises/" + enterprise + "/visits", longProblem)))
                .containsExactlyInAnyOrder("problem", "category");
        assertThat(cadre.get("/api/v1/enterprises/" + enterprise + "/visits").body().get("total").asLong())
                .as("nothing half-written").isZero();

        ApiClient hq = new ApiClient(port).as("hq_xz", "Demo@2022");
        ApiClient.Response filters = hq.get("/api/v1/liaison-duty?status=LOST&regionCode=999999&size=0");
        assertThat(filters.status()).isEqualTo(400);
        assertThat(VisitFixture.fields(filters)).containsExactlyInAnyOrder("status", "regionCode", "size");
    }

    @Test
    void onlyTheAssignedLiaisonRecordsAndEveryoneReadsWithinScope() {
        VisitFixture fx = new VisitFixture(port, subjects);
        String enterprise = fx.activeSubject(XINZHENG);
        String[] liaison = fx.liaison(XINZHENG);
        fx.assign(liaison[1], enterprise);
        String[] stranger = fx.liaison(XINZHENG);
        Map<String, Object> visit = VisitFixture.visit(fx.today(), "ON_SITE", "走访");

        assertThat(fx.as(stranger[0]).post("/api/v1/enterprises/" + enterprise + "/visits", visit).status())
                .as("a liaison of other enterprises does not see this one").isEqualTo(404);
        assertThat(fx.as(stranger[0]).get("/api/v1/enterprises/" + enterprise + "/visits").status()).isEqualTo(404);
        ApiClient hq = new ApiClient(port).as("hq_xz", "Demo@2022");
        assertThat(hq.post("/api/v1/enterprises/" + enterprise + "/visits", visit).status())
                .as("officials read visits, liaisons record them").isEqualTo(403);
        assertThat(fx.as(liaison[0]).post("/api/v1/enterprises/" + enterprise + "/visits", visit).status()).isEqualTo(201);

        String entUser = TestUsers.uniqueName("ent_visit");
        TestUsers.create(fx.admin, entUser, "ENTERPRISE", XINZHENG, Map.of("enterpriseId", enterprise));
        assertThat(fx.as(entUser).get("/api/v1/enterprises/" + enterprise + "/visits").body().get("total").asLong())
                .as("the enterprise sees the visits it received").isEqualTo(1);
        assertThat(fx.as(entUser).get("/api/v1/liaison-duty").status()).isEqualTo(403);
        assertThat(new ApiClient(port).as("hq_kf", "Demo@2022").get("/api/v1/enterprises/" + enterprise + "/visits")
                .status()).as("another city's HQ").isEqualTo(404);
        assertThat(hq.get("/api/v1/liaison-duty?regionCode=410200").status()).as("a region outside the scope")
                .isEqualTo(404);
        assertThat(new ApiClient(port).as("dept_tax_xz", "Demo@2022").get("/api/v1/liaison-duty").status()).isEqualTo(403);
        assertThat(new ApiClient(port).as("sup_xz", "Demo@2022").get("/api/v1/liaison-duty").status()).isEqualTo(200);
        ApiClient commerce = new ApiClient(port).as("sector_commerce_xz", "Demo@2022");
        assertThat(VisitFixture.row(commerce, null, enterprise)).as("an industry subject is not the commerce officer's")
                .isNull();
        assertThat(VisitFixture.row(new ApiClient(port).as("sector_industry_xz", "Demo@2022"), null, enterprise)).isNotNull();
        assertThat(VisitFixture.row(new ApiClient(port).as("hq_zz", "Demo@2022"), "410184", enterprise))
                .as("the city reads its county's board").isNotNull();
    }
}
