package org.sibao.epidemic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.sibao.epidemic.EpidemicFixtures.XINZHENG;
import static org.sibao.epidemic.EpidemicFixtures.employee;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.sibao.subject.Subjects;
import org.sibao.support.ApiClient;
import org.sibao.support.FullStackTest;
import org.sibao.support.WebClient;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * Large rosters stay workable: the roster is searched by name, team, the last four characters of the ID number,
 * zone and latest result, through the API, on the subject's epidemic page (paged) and in the incident's
 * close-contact picker.
 */
@FullStackTest
class RosterSearchTest {

    @LocalServerPort
    int port;

    @Autowired
    Subjects subjects;

    @Autowired
    JdbcClient jdbc;

    ApiClient admin;
    EpidemicFixtures fx;
    String subject;
    String zone;
    String tailOfLi;

    /** 130 workers in 二车间 (one of them tested), plus 李焊工 in 焊装车间 zone "焊装区". */
    @BeforeEach
    void aLargeRoster() {
        admin = new ApiClient(port).as("admin", "Admin@2022");
        fx = new EpidemicFixtures(admin, subjects);
        subject = fx.activeSubject(XINZHENG);
        ApiClient.Response z = admin.post("/api/v1/enterprises/" + subject + "/zones", Map.of("name", "焊装区", "kind", "PRODUCTION"));
        assertThat(z.status()).as(z.raw()).isEqualTo(201);
        zone = z.text("id");
        List<Map<String, Object>> rows = new ArrayList<>();
        for (int i = 0; i < 130; i++) {
            Map<String, Object> e = employee(String.format("工人%03d", i), TestIds.next(), "FIXED");
            e.put("unit", "二车间");
            rows.add(e);
        }
        String liId = TestIds.next();
        tailOfLi = liId.substring(14);
        Map<String, Object> li = employee("李焊工", liId, "FIXED");
        li.put("unit", "焊装车间");
        li.put("zone", "焊装区");
        rows.add(li);
        ApiClient.Response r = admin.post("/api/v1/enterprises/" + subject + "/employees", rows);
        assertThat(r.status()).as(r.raw()).isEqualTo(200);
        assertThat(r.body().get("accepted").asInt()).as(r.raw()).isEqualTo(131);
        String tested = (String) rows.get(0).get("idNumber");
        assertThat(fx.results(tested + "," + fx.now().minusHours(2) + ",PCR,NEGATIVE\n").body().get("accepted").asInt()).isEqualTo(1);
    }

    private List<String> names(String query) {
        ApiClient.Response r = admin.get("/api/v1/enterprises/" + subject + "/employees?size=500" + query);
        assertThat(r.status()).as(r.raw()).isEqualTo(200);
        List<String> out = new ArrayList<>();
        for (JsonNode e : r.body().get("items")) {
            out.add(e.get("name").asString());
        }
        assertThat(r.body().get("total").asLong()).isEqualTo(out.size());
        return out;
    }

    @Test
    void theApiFiltersTheRosterByNameTeamIdTailZoneAndResult() {
        assertThat(names("")).hasSize(131);
        assertThat(names("&q=李焊")).containsExactly("李焊工");
        assertThat(names("&q=焊装车间")).containsExactly("李焊工");
        assertThat(names("&q=" + tailOfLi)).contains("李焊工");
        assertThat(names("&zoneId=" + zone)).containsExactly("李焊工");
        assertThat(names("&result=NEGATIVE")).containsExactly("工人000");
        assertThat(names("&result=UNTESTED")).hasSize(130).doesNotContain("工人000");
        assertThat(names("&q=二车间&result=UNTESTED")).hasSize(129);
        assertThat(names("&q=%25")).as("a wildcard in the search matches itself").isEmpty();

        ApiClient.Response bad = admin.get("/api/v1/enterprises/" + subject + "/employees?result=MAYBE");
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.raw()).contains("\"field\":\"result\"", "UNTESTED");
        assertThat(new ApiClient(port).as("epi_kf", "Demo@2022").get("/api/v1/enterprises/" + subject + "/employees?q=李")
                .status()).as("another city's officer").isEqualTo(404);
    }

    @Test
    void theEpidemicPageSearchesAndPagesTheRoster() {
        WebClient epi = new WebClient(port);
        assertThat(epi.login("epi_xz", "Demo@2022").status()).isEqualTo(302);
        WebClient.Page first = epi.get("/epidemic/enterprise/" + subject);
        // the daily report's picker lists the roster too: paging is checked on the roster's own section
        assertThat(roster(first)).contains("roster-filter", "共 131 人", "第 1 / 2 页", "工人000")
                .doesNotContain("工人120");
        assertThat(first.body()).containsPattern("id=\"r-present\" name=\"present\" value=\"131\"");
        WebClient.Page second = epi.get("/epidemic/enterprise/" + subject + "?page=1");
        assertThat(roster(second)).contains("第 2 / 2 页", "工人120", "李焊工").doesNotContain("工人000<");

        WebClient.Page found = epi.get("/epidemic/enterprise/" + subject + "?q=李焊");
        assertThat(roster(found)).contains("符合条件 1 人", "李焊工", "共 131 人").doesNotContain("工人001", "roster-pager");
        assertThat(found.body()).as("the daily report still defaults to the whole roster")
                .containsPattern("name=\"present\" value=\"131\"");
        WebClient.Page byZone = epi.get("/epidemic/enterprise/" + subject + "?zone=" + zone + "&result=UNTESTED");
        assertThat(roster(byZone)).contains("符合条件 1 人", "李焊工");
        assertThat(roster(epi.get("/epidemic/enterprise/" + subject + "?result=NEGATIVE")))
                .contains("符合条件 1 人", "工人000", "核酸", ">阴性<").doesNotContain("李焊工", "PCR NEGATIVE");
    }

    /** The page from the roster's heading on (the roster section and what follows it). */
    private static String roster(WebClient.Page page) {
        int at = page.body().indexOf("id=\"roster-section\"");
        assertThat(at).as("the roster section").isPositive();
        return page.body().substring(at);
    }

    @Test
    void theCloseContactPickerIsNarrowedBySearch() {
        String patient = jdbc.sql("SELECT id FROM epi_employee WHERE subject_id = ? AND name = '工人001'").param(subject)
                .query(String.class).single();
        ApiClient epiApi = new ApiClient(port).as("epi_xz", "Demo@2022");
        ApiClient.Response opened = epiApi.post("/api/v1/epidemic/incidents",
                Map.of("enterpriseId", subject, "employeeId", patient, "kind", "FIRST_POSITIVE"));
        assertThat(opened.status()).as(opened.raw()).isEqualTo(201);
        String detail = "/epidemic/incidents/" + opened.text("id");

        WebClient epi = new WebClient(port);
        assertThat(epi.login("epi_xz", "Demo@2022").status()).isEqualTo(302);
        WebClient.Page all = epi.get(detail);
        assertThat(all.body()).contains("contact-search", "confirm-form", "工人002", "李焊工").doesNotContain("contact-capped");
        WebClient.Page narrowed = epi.get(detail + "?q=李焊");
        String picker = narrowed.body().substring(narrowed.body().indexOf("id=\"confirm-form\""));
        assertThat(picker).contains("李焊工").doesNotContain("工人002");
        WebClient.Page byZone = epi.get(detail + "?zone=" + zone);
        assertThat(byZone.body().substring(byZone.body().indexOf("id=\"confirm-form\""))).contains("李焊工").doesNotContain("工人002");
    }
}
