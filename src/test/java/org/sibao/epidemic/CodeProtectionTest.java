package org.sibao.epidemic;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.sibao.subject.Subjects;
import org.sibao.subject.WhitelistStatus;
import org.sibao.support.ApiClient;
import org.sibao.support.FullStackTest;
import org.sibao.support.WebClient;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import tools.jackson.databind.JsonNode;

/** 赋码保护: the rosters of ACTIVE whitelist subjects, for upper platforms and officers; removal withdraws it. */
@FullStackTest
class CodeProtectionTest {

    private static final String PATH = "/api/v1/epidemic/code-protection";

    @LocalServerPort
    int port;

    @Autowired
    Subjects subjects;

    @Autowired
    JdbcClient jdbc;

    @Test
    void employeesOfActiveSubjectsAreProtectedUntilTheSubjectIsRemoved() throws Exception {
        ApiClient admin = new ApiClient(port).as("admin", "Admin@2022");
        EpidemicFixtures fx = new EpidemicFixtures(admin, subjects);
        String listed = fx.activeSubject(EpidemicFixtures.XINZHENG);
        String first = TestIds.next();
        String second = TestIds.next();
        fx.roster(listed, EpidemicFixtures.employee("赋码甲", first, "FIXED"), EpidemicFixtures.employee("赋码乙", second, "MOBILE"));
        String notListed = fx.subject(EpidemicFixtures.XINZHENG);
        String outsider = TestIds.next();
        fx.roster(notListed, EpidemicFixtures.employee("未入列", outsider, "FIXED"));

        ApiClient platform = new ApiClient(port).as("integration", "Demo@2022");
        List<JsonNode> protectedNow = all(platform, "?regionCode=410184");
        assertThat(ofSubject(protectedNow, listed)).extracting(i -> i.get("name").asString())
                .containsExactlyInAnyOrder("赋码甲", "赋码乙");
        assertThat(ofSubject(protectedNow, notListed)).as("a subject off the whitelist").isEmpty();
        JsonNode one = ofSubject(protectedNow, listed).get(0);
        assertThat(one.get("idNumber").asString()).as("masked unless revealed").contains("*");
        assertThat(one.get("codeProtected").asBoolean()).isTrue();
        assertThat(one.get("whitelistStatus").asString()).isEqualTo("ACTIVE");

        long reveals = reveals();
        List<String> clear = new ArrayList<>();
        ofSubject(all(platform, "?regionCode=410184&reveal=true"), listed).forEach(i -> clear.add(i.get("idNumber").asString()));
        assertThat(clear).as("the health-code platform gets the ID numbers").containsExactlyInAnyOrder(first, second);
        assertThat(reveals()).as("and that is audited").isGreaterThan(reveals);

        subjects.setWhitelistStatus(listed, WhitelistStatus.REMOVED, null);
        assertThat(ofSubject(all(platform, "?regionCode=410184"), listed)).as("熔断 withdraws protection").isEmpty();
        List<JsonNode> withdrawn = ofSubject(all(platform, "?regionCode=410184&status=WITHDRAWN"), listed);
        assertThat(withdrawn).hasSize(2);
        assertThat(withdrawn).allSatisfy(i -> {
            assertThat(i.get("codeProtected").asBoolean()).isFalse();
            assertThat(i.get("whitelistStatus").asString()).isEqualTo("REMOVED");
        });

        var xlsx = platform.getBytes(PATH + "/export?regionCode=410184&status=WITHDRAWN");
        assertThat(xlsx.statusCode()).isEqualTo(200);
        try (var wb = org.apache.poi.ss.usermodel.WorkbookFactory.create(new java.io.ByteArrayInputStream(xlsx.body()))) {
            StringBuilder text = new StringBuilder();
            wb.getSheetAt(0).forEach(r -> r.forEach(c -> text.append(c.toString()).append('|')));
            assertThat(text.toString()).contains("赋码甲", "赋码乙", "新郑市", "已取消").doesNotContain(first);
        }
    }

    @Test
    void readersAreScopedAndBadInputIsNamed() {
        assertThat(new ApiClient(port).as("hq_kf", "Demo@2022").get(PATH + "?regionCode=410184").status())
                .as("another city's HQ").isEqualTo(404);
        assertThat(new ApiClient(port).as("hq_xz", "Demo@2022").get(PATH).status()).isEqualTo(200);
        assertThat(new ApiClient(port).as("hq_xz", "Demo@2022").get(PATH + "?reveal=true").status())
                .as("an HQ reads the list masked only").isEqualTo(403);
        assertThat(new ApiClient(port).as("ent_xz", "Demo@2022").get(PATH).status()).isEqualTo(403);
        ApiClient.Response bad = new ApiClient(port).as("epi_xz", "Demo@2022").get(PATH + "?status=ALL&regionCode=419999");
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.raw()).contains("\"status\"", "\"regionCode\"");
    }

    @Test
    void theOfficersPageListsAndExports() {
        WebClient web = new WebClient(port);
        web.login("epi_xz", "Demo@2022");
        WebClient.Page page = web.get("/epidemic/code-protection");
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("赋码保护名单", "保护中", "code-protection-list", "code-protection-export");
        assertThat(web.get("/epidemic/code-protection?status=WITHDRAWN").status()).isEqualTo(200);
        assertThat(web.download("/epidemic/code-protection/export").statusCode()).isEqualTo(200);
        assertThat(web.get("/").body()).as("in the menu").contains("/epidemic/code-protection");
        ApiClient admin = new ApiClient(port).as("admin", "Admin@2022");
        String listed = new EpidemicFixtures(admin, subjects).activeSubject(EpidemicFixtures.XINZHENG);
        assertThat(web.get("/epidemic/enterprise/" + listed).body()).as("the subject's page says so")
                .contains("赋码保护：保护中");
    }

    private List<JsonNode> all(ApiClient who, String query) {
        ApiClient.Response r = who.get(PATH + query + "&size=500");
        assertThat(r.status()).as(r.raw()).isEqualTo(200);
        List<JsonNode> out = new ArrayList<>();
        r.body().get("items").forEach(out::add);
        return out;
    }

    private static List<JsonNode> ofSubject(List<JsonNode> items, String subjectId) {
        return items.stream().filter(i -> i.get("enterpriseId").asString().equals(subjectId)).toList();
    }

    private long reveals() {
        return jdbc.sql("SELECT COUNT(*) FROM audit_log WHERE action = 'epidemic.codeProtection.reveal'")
                .query(Long.class).single();
    }
}
