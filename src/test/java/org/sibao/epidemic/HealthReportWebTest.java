package org.sibao.epidemic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.sibao.epidemic.EpidemicFixtures.XINZHENG;
import static org.sibao.epidemic.EpidemicFixtures.employee;

import java.time.ZoneId;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.sibao.subject.Subjects;
import org.sibao.support.ApiClient;
import org.sibao.support.FullStackTest;
import org.sibao.support.TestUsers;
import org.sibao.support.WebClient;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The enterprise's daily report form: staff with symptoms picked from the roster, never typed as ID numbers. */
@FullStackTest
class HealthReportWebTest {

    @LocalServerPort
    int port;

    @Autowired
    Subjects subjects;

    @Autowired
    JdbcClient jdbc;

    @Test
    void symptomaticStaffArePickedFromTheRoster() {
        ApiClient admin = new ApiClient(port).as("admin", "Admin@2022");
        EpidemicFixtures fx = new EpidemicFixtures(admin, subjects);
        String subject = fx.activeSubject(XINZHENG);
        String idNumber = TestIds.next();
        fx.roster(subject, employee("发热员工", idNumber, "FIXED"));
        String employeeId = jdbc.sql("SELECT id FROM epi_employee WHERE subject_id = ?").param(subject)
                .query(String.class).single();
        String username = TestUsers.uniqueName("ent_report");
        TestUsers.create(admin, username, "ENTERPRISE", XINZHENG, Map.of("enterpriseId", subject));
        WebClient ent = new WebClient(port);
        ent.login(username, TestUsers.PASSWORD);

        WebClient.Page page = ent.get("/epidemic/enterprise/" + subject);
        assertThat(page.body()).contains("r-employee-0", "发热员工 · ").doesNotContain(idNumber);
        assertThat(page.body()).as("empty sections say so").contains("id=\"reports-none\"", "id=\"zones-none\"",
                "id=\"arrivals-none\"");
        String today = fx.now().atZoneSameInstant(ZoneId.of("Asia/Shanghai")).toLocalDate().toString();
        WebClient.Page sent = ent.post("/epidemic/enterprise/" + subject + "/health-report", Map.of("date", today,
                "present", "1", "symptomEmployee", employeeId, "symptomText", "发热"));
        assertThat(sent.status()).isEqualTo(302);

        var report = admin.get("/api/v1/enterprises/" + subject + "/health-reports").body().get("items").get(0);
        assertThat(report.get("symptomatic").get(0).get("symptom").asString()).isEqualTo("发热");
        assertThat(report.get("symptomatic").get(0).get("idNumber").asString())
                .isEqualTo(org.sibao.platform.personal.IdNumbers.maskId(idNumber));
        assertThat(report.get("symptomatic").get(0).get("name").asString()).isEqualTo("发热员工");
        assertThat(ent.get("/epidemic/enterprise/" + subject).body()).as("the recent reports name the person")
                .contains("发热员工 发热");
        fx.sweep();
        assertThat(fx.alertStatuses(subject, "SYMPTOM", employeeId)).as("the alert names the employee")
                .containsExactly("OPEN");
        assertThat(fx.alertStatuses(subject, "SYMPTOM", null)).as("and no other alert is opened for the subject")
                .containsExactly("OPEN");
    }
}
