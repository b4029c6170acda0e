package org.sibao.epidemicsupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.sibao.epidemicsupport.SupportFixture.FANXIAN;
import static org.sibao.epidemicsupport.SupportFixture.NANLE;
import static org.sibao.epidemicsupport.SupportFixture.PUYANG;
import static org.sibao.epidemicsupport.SupportFixture.QINGFENG;
import static org.sibao.epidemicsupport.SupportFixture.institution;
import static org.sibao.epidemicsupport.SupportFixture.ok;
import static org.sibao.epidemicsupport.SupportFixture.put;
import static org.sibao.epidemicsupport.SupportFixture.row;
import static org.sibao.epidemicsupport.SupportFixture.staff;
import static org.sibao.epidemicsupport.SupportFixture.support;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.sibao.subject.Subjects;
import org.sibao.support.ApiClient;
import org.sibao.support.FullStackTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * 防疫保障 over the API: the coverage board follows the staff and institutions assigned (未配备防疫人员 → 未结对医疗机构
 * → 已全覆盖) with its figures; who assigns and who only reads, scope; phones in clear or masked by role and kept behind
 * their mask; the task forces' experts; bad input named field by field.
 */
@FullStackTest
class SupportApiTest {

    @LocalServerPort
    int port;

    @Autowired
    Subjects subjects;

    @Autowired
    JdbcClient jdbc;

    @Test
    void theBoardFollowsAssignmentsUntilEverySubjectIsCovered() {
        SupportFixture fx = new SupportFixture(port, subjects);
        ApiClient epi = fx.as(fx.user("EPIDEMIC_OFFICER", QINGFENG));
        String a = fx.activeSubject(QINGFENG);
        String b = fx.activeSubject(QINGFENG);
        String c = fx.activeSubject(QINGFENG);
        String unlisted = fx.subject(QINGFENG);

        JsonNode empty = epi.get("/api/v1/enterprises/" + a + "/epidemic-support").body();
        assertThat(empty.get("status").asString()).isEqualTo("NO_STAFF");
        assertThat(empty.get("staff").size()).isZero();
        assertThat(empty.get("institution").isNull()).isTrue();
        assertThat(empty.get("updatedAt").isNull()).isTrue();
        JsonNode before = epi.get("/api/v1/epidemic-support/coverage/summary").body();
        assertThat(before.get("regionCode").asString()).as("the officer's own county by default").isEqualTo(QINGFENG);
        assertThat(before.get("active").asLong()).isEqualTo(3);
        assertThat(before.get("withoutStaff").asLong()).isEqualTo(3);
        assertThat(before.get("covered").asLong()).isZero();
        assertThat(before.get("coverageRate").asDouble()).isZero();
        JsonNode board = epi.get("/api/v1/epidemic-support/coverage?regionCode=" + QINGFENG).body();
        assertThat(board.get("total").asLong()).isEqualTo(3);
        assertThat(board.get("page").asInt()).isZero();
        assertThat(board.toString()).as("only the whitelist").doesNotContain(unlisted);

        ApiClient.Response saved = put(epi, a, support(List.of(
                        staff(" 王卫东 ", "清丰县疾病预防控制中心", "13903931234"),
                        staff("李慧", null, "0393-7221234")),
                institution("清丰县人民医院", "赵主任", "0393-7225678")));
        ok(saved);
        assertThat(saved.text("status")).isEqualTo("COVERED");
        assertThat(saved.body().get("staff").get(0).get("name").asString()).as("trimmed").isEqualTo("王卫东");
        assertThat(saved.body().get("staff").get(0).get("phone").asString()).as("clear for the epidemic officer")
                .isEqualTo("13903931234");
        assertThat(saved.body().get("staff").get(1).get("organisation").isNull()).isTrue();
        assertThat(saved.body().get("institution").get("phone").asString()).isEqualTo("0393-7225678");
        assertThat(saved.text("updatedAt")).endsWith("+08:00");
        ok(put(epi, b, support(List.of(staff("孙敏", "清丰县卫生健康委员会", "13703930001")), null)));

        assertThat(row(epi, QINGFENG, "status=NO_STAFF", c)).isNotNull();
        assertThat(row(epi, QINGFENG, "status=NO_STAFF", a)).isNull();
        JsonNode covered = row(epi, QINGFENG, "status=COVERED", a);
        assertThat(covered.get("staff").toString()).isEqualTo("[\"王卫东\",\"李慧\"]");
        assertThat(covered.get("institution").asString()).isEqualTo("清丰县人民医院");
        assertThat(row(epi, QINGFENG, null, b).get("status").asString()).isEqualTo("NO_INSTITUTION");
        List<String> order = new ArrayList<>();
        epi.get("/api/v1/epidemic-support/coverage?regionCode=" + QINGFENG).body().get("items")
                .forEach(r -> order.add(r.get("enterpriseId").asString()));
        assertThat(order).as("the gaps first").containsExactly(c, b, a);

        JsonNode after = epi.get("/api/v1/epidemic-support/coverage/summary?regionCode=" + QINGFENG).body();
        assertThat(after.get("active").asLong()).isEqualTo(3);
        assertThat(after.get("withStaff").asLong()).isEqualTo(2);
        assertThat(after.get("withoutStaff").asLong()).isEqualTo(1);
        assertThat(after.get("withInstitution").asLong()).isEqualTo(1);
        assertThat(after.get("withoutInstitution").asLong()).isEqualTo(2);
        assertThat(after.get("covered").asLong()).isEqualTo(1);
        assertThat(after.get("notCovered").asLong()).isEqualTo(2);
        assertThat(after.get("coverageRate").decimalValue()).isEqualByComparingTo("0.3333");
        assertThat(epi.get("/api/v1/epidemic-support/coverage/summary?sector=commerce").body().get("active").asLong())
                .as("a sector filter").isZero();
        assertThat(epi.get("/api/v1/epidemic-support/coverage/summary?sector=COMMERCE").body().get("coverageRate").isNull())
                .as("no rate over nothing").isTrue();
        assertThat(epi.get("/api/v1/epidemic-support/coverage?sector=INDUSTRY&status=COVERED").body().get("total").asLong())
                .isEqualTo(1);
        ApiClient city = fx.as(fx.user("HQ_OFFICER", PUYANG));
        assertThat(city.get("/api/v1/epidemic-support/coverage/summary?regionCode=" + QINGFENG).body().get("covered").asLong())
                .as("the city reads its county").isEqualTo(1);

        // PUT replaces: b gets an institution, a loses everything
        ok(put(city, b, support(List.of(staff("孙敏", "清丰县卫生健康委员会", "137****0001")),
                institution("清丰县中医院", "钱医生", "13803930002"))));
        ApiClient.Response twice = put(epi, a, support(List.of(staff("王卫东", null, "139****1234"),
                staff("王卫东", null, "13903930009")), institution("清丰县人民医院", "赵主任", "039****5678")));
        ok(twice);
        assertThat(twice.body().get("staff").get(0).get("phone").asString()).as("namesakes are two people")
                .isEqualTo("13903931234");
        assertThat(twice.body().get("staff").get(1).get("phone").asString()).isEqualTo("13903930009");
        assertThat(twice.body().get("staff").get(0).get("id").asString())
                .isNotEqualTo(twice.body().get("staff").get(1).get("id").asString());
        ApiClient.Response cleared = put(epi, a, Map.of());
        ok(cleared);
        assertThat(cleared.text("status")).isEqualTo("NO_STAFF");
        assertThat(cleared.body().get("institution").isNull()).isTrue();
        JsonNode last = epi.get("/api/v1/epidemic-support/coverage/summary?regionCode=" + QINGFENG).body();
        assertThat(last.get("covered").asLong()).isEqualTo(1);
        assertThat(last.get("withoutStaff").asLong()).isEqualTo(2);
        assertThat(epi.get("/api/v1/enterprises/" + b + "/epidemic-support").body().get("staff").get(0).get("phone")
                .asString()).as("the mask sent back kept the stored phone").isEqualTo("13703930001");

        List<String> audited = jdbc.sql("SELECT COALESCE(before_json, '') || after_json FROM audit_log "
                        + "WHERE action = 'epidemicsupport.update' AND entity_type = 'epidemic_support' AND entity_id = ? ORDER BY id")
                .param(a).query(String.class).list();
        assertThat(audited).as("each change audited").hasSize(3);
        assertThat(audited.get(0)).contains("王卫东", "清丰县人民医院", "COVERED");
        assertThat(String.join("", audited)).as("never a phone, not even masked").doesNotContain("1234", "5678", "****");
    }

    @Test
    void officersOfTheRegionAssignOthersReadPhonesMaskedUnlessPermitted() {
        SupportFixture fx = new SupportFixture(port, subjects);
        String s = fx.activeSubject(FANXIAN);
        ApiClient epi = fx.as(fx.user("EPIDEMIC_OFFICER", FANXIAN));
        ApiClient city = fx.as(fx.user("HQ_OFFICER", PUYANG));
        ApiClient sibling = fx.as(fx.user("EPIDEMIC_OFFICER", NANLE));
        ApiClient sector = fx.as(fx.user("SECTOR_OFFICER", FANXIAN, Map.of("sector", "INDUSTRY")));
        ApiClient supervisor = fx.as(fx.user("SUPERVISOR", FANXIAN));
        ApiClient enterprise = fx.as(fx.user("ENTERPRISE", FANXIAN, Map.of("enterpriseId", s)));
        ApiClient liaison = fx.as(fx.liaisonOf(FANXIAN, s));
        ApiClient stranger = fx.as(fx.user("LIAISON", FANXIAN));
        Map<String, Object> body = support(List.of(staff("周静", "范县疾病预防控制中心", "13903935678")),
                institution("范县人民医院", "吴主任", "0393-5321234"));

        ok(put(epi, s, body));
        ok(put(city, s, body));
        ok(put(fx.admin, s, body));
        String path = "/api/v1/enterprises/" + s + "/epidemic-support";
        assertThat(sibling.get(path).status()).as("a sibling county's officer").isEqualTo(404);
        assertThat(put(sibling, s, body).status()).isEqualTo(404);
        assertThat(stranger.get(path).status()).as("a liaison of other enterprises").isEqualTo(404);
        for (ApiClient reader : List.of(sector, supervisor, liaison, enterprise)) {
            assertThat(reader.get(path).status()).isEqualTo(200);
            ApiClient.Response refused = put(reader, s, body);
            assertThat(refused.status()).as(refused.raw()).isEqualTo(403);
            assertThat(refused.raw()).contains("只有防疫保障组、指挥部办公室和平台管理员可以配备防疫保障");
        }

        for (ApiClient clear : List.of(epi, fx.admin, enterprise)) {
            JsonNode v = clear.get(path).body();
            assertThat(v.get("phonesInClear").asBoolean()).isTrue();
            assertThat(v.get("staff").get(0).get("phone").asString()).isEqualTo("13903935678");
            assertThat(v.get("institution").get("phone").asString()).isEqualTo("0393-5321234");
        }
        for (ApiClient masked : List.of(city, sector, supervisor, liaison)) {
            JsonNode v = masked.get(path).body();
            assertThat(v.get("phonesInClear").asBoolean()).isFalse();
            assertThat(v.get("staff").get(0).get("phone").asString()).isEqualTo("139****5678");
            assertThat(v.get("institution").get("phone").asString()).isEqualTo("039****1234");
            assertThat(v.toString()).doesNotContain("13903935678", "5321234");
        }

        String unlisted = fx.subject(FANXIAN);
        ApiClient.Response notListed = put(epi, unlisted, body);
        assertThat(notListed.status()).as(notListed.raw()).isEqualTo(409);

        assertThat(liaison.get("/api/v1/epidemic-support/coverage").status()).isEqualTo(403);
        assertThat(enterprise.get("/api/v1/epidemic-support/coverage/summary").status()).isEqualTo(403);
        assertThat(supervisor.get("/api/v1/epidemic-support/coverage").status()).isEqualTo(200);
        assertThat(row(sector, FANXIAN, null, s)).as("the sector officer's board").isNotNull();
        assertThat(row(fx.as(fx.user("SECTOR_OFFICER", FANXIAN, Map.of("sector", "COMMERCE"))), FANXIAN, null, s))
                .as("not another sector's").isNull();
        assertThat(sibling.get("/api/v1/epidemic-support/coverage?regionCode=" + FANXIAN).status()).isEqualTo(404);
        assertThat(new ApiClient(port).as("hq_kf", "Demo@2022").get(path).status()).isEqualTo(404);
    }

    @Test
    void eachTaskForceOfTheRegionGetsOneExpert() {
        SupportFixture fx = new SupportFixture(port, subjects);
        ApiClient epi = fx.as(fx.user("EPIDEMIC_OFFICER", FANXIAN));
        ApiClient city = fx.as(fx.user("HQ_OFFICER", PUYANG));
        ApiClient sector = fx.as(fx.user("SECTOR_OFFICER", FANXIAN, Map.of("sector", "INDUSTRY")));
        String industry = "/api/v1/epidemic-support/experts/" + FANXIAN + "/INDUSTRY";
        Map<String, Object> expert = staff("冯建华", "濮阳市疾病预防控制中心", "13603936666");
        fx.admin.delete(industry);

        JsonNode none = epi.get("/api/v1/epidemic-support/experts?regionCode=" + FANXIAN).body();
        assertThat(none.get("items").size()).as("the eight task forces").isEqualTo(8);
        assertThat(none.get("missing").asInt()).isEqualTo(8);
        ApiClient.Response saved = epi.put(industry, expert);
        ok(saved);
        assertThat(saved.text("taskForce")).isEqualTo("INDUSTRY");
        assertThat(saved.text("phone")).isEqualTo("13603936666");
        JsonNode seen = city.get("/api/v1/epidemic-support/experts?regionCode=" + FANXIAN).body();
        assertThat(seen.get("missing").asInt()).isEqualTo(7);
        JsonNode item = seen.get("items").get(1);
        assertThat(item.get("taskForce").asString()).isEqualTo("INDUSTRY");
        assertThat(item.get("name").asString()).isEqualTo("冯建华");
        assertThat(item.get("phone").asString()).as("masked for the HQ office").isEqualTo("136****6666");
        assertThat(epi.get("/api/v1/epidemic-support/coverage/summary").body().get("expertsMissing").asLong()).isEqualTo(7);
        expert.put("name", "冯建国");
        expert.put("phone", "136****6666");
        ok(city.put(industry, expert));
        assertThat(epi.get("/api/v1/epidemic-support/experts?regionCode=" + FANXIAN).body().get("items").get(1)
                .get("phone").asString()).as("replaced, the phone kept behind its mask").isEqualTo("13603936666");

        assertThat(sector.put(industry, expert).status()).isEqualTo(403);
        assertThat(sector.get("/api/v1/epidemic-support/experts?regionCode=" + FANXIAN).status()).isEqualTo(200);
        assertThat(fx.as(fx.user("EPIDEMIC_OFFICER", NANLE)).put(industry, expert).status()).as("another county")
                .isEqualTo(404);
        assertThat(epi.put("/api/v1/epidemic-support/experts/" + PUYANG + "/INDUSTRY", expert).status())
                .as("the region above").isEqualTo(404);
        assertThat(epi.put("/api/v1/epidemic-support/experts/" + FANXIAN + "/COOKING", expert).status()).isEqualTo(404);
        ApiClient.Response bad = epi.put(industry, Map.of("name", " ", "organisation", "单".repeat(101), "phone", "110"));
        assertThat(bad.status()).isEqualTo(400);
        assertThat(SupportFixture.fields(bad)).containsExactlyInAnyOrder("name", "organisation", "phone");

        assertThat(epi.delete(industry).status()).isEqualTo(204);
        assertThat(epi.delete(industry).status()).isEqualTo(404);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM audit_log WHERE entity_type = 'task_force_expert' AND entity_id = ?")
                .param(FANXIAN + "/INDUSTRY").query(Long.class).single()).as("assigned, replaced, removed").isEqualTo(3);
    }

    @Test
    void badInputIsNamedFieldByField() {
        SupportFixture fx = new SupportFixture(port, subjects);
        String s = fx.activeSubject(FANXIAN);
        ApiClient epi = fx.as(fx.user("EPIDEMIC_OFFICER", FANXIAN));

        ApiClient.Response bad = put(epi, s, support(List.of(staff(" ", null, "12345"),
                        staff("长".repeat(51), "单".repeat(101), "13903930000")),
                institution("", null, "0393-12")));
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.contentType()).contains("application/problem+json");
        assertThat(SupportFixture.fields(bad)).containsExactlyInAnyOrder("staff[0].name", "staff[0].phone",
                "staff[1].name", "staff[1].organisation", "institution.name", "institution.contactName",
                "institution.phone");
        assertThat(bad.raw()).contains("联系电话须为11位手机号或“区号-号码”格式的固定电话");
        List<Map<String, Object>> eleven = new ArrayList<>();
        for (int i = 0; i < 11; i++) {
            eleven.add(staff("人员" + i, null, "1390393" + (1000 + i)));
        }
        assertThat(SupportFixture.fields(put(epi, s, support(eleven, null)))).containsExactly("staff");
        assertThat(epi.get("/api/v1/enterprises/" + s + "/epidemic-support").body().get("updatedAt").isNull())
                .as("nothing half-written").isTrue();

        ApiClient.Response filters = epi.get("/api/v1/epidemic-support/coverage?status=LOST&sector=FARM&regionCode=999999&size=0");
        assertThat(filters.status()).isEqualTo(400);
        assertThat(SupportFixture.fields(filters)).containsExactlyInAnyOrder("status", "sector", "regionCode", "size");
    }
}
