package org.sibao.epidemic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.sibao.epidemic.EpidemicFixtures.XINZHENG;
import static org.sibao.epidemic.EpidemicFixtures.employee;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;
import org.sibao.subject.Subjects;
import org.sibao.support.ApiClient;
import org.sibao.support.Browser;
import org.sibao.support.FullStackTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** An epidemic officer in a real browser: the incident list, the incident's page, the re-test and a shutdown request. */
@FullStackTest
class IncidentBrowserTest {

    @LocalServerPort
    int port;

    @Autowired
    Subjects subjects;

    @Autowired
    JdbcClient jdbc;

    @Test
    void theOfficerRecordsTheReTestAndAsksTheHqForAShutdown() {
        ApiClient admin = new ApiClient(port).as("admin", "Admin@2022");
        EpidemicFixtures fx = new EpidemicFixtures(admin, subjects);
        String subject = fx.activeSubject(XINZHENG);
        fx.roster(subject, employee("赵阳性", TestIds.next(), "FIXED"), employee("钱同事", TestIds.next(), "FIXED"));
        String patient = jdbc.sql("SELECT id FROM epi_employee WHERE subject_id = ? AND name = '赵阳性'").param(subject)
                .query(String.class).single();
        String colleague = jdbc.sql("SELECT id FROM epi_employee WHERE subject_id = ? AND name = '钱同事'").param(subject)
                .query(String.class).single();
        String workshop = admin.post("/api/v1/enterprises/" + subject + "/zones", Map.of("name", "装配车间", "kind", "PRODUCTION"))
                .text("id");
        admin.post("/api/v1/epidemic/zones/" + workshop + "/employees", Map.of("employeeIds", List.of(patient, colleague)));
        ApiClient.Response opened = admin.post("/api/v1/epidemic/incidents",
                Map.of("enterpriseId", subject, "employeeId", patient, "kind", "FIRST_POSITIVE", "note", "混检阳性，已转临时留观点"));
        String id = opened.text("id");

        try (Browser browser = Browser.start(port)) {
            browser.login("epi_xz", "Demo@2022");
            browser.open("/epidemic/incidents?status=OBSERVATION").waitForPage();
            assertThat(browser.text(By.tagName("h1"))).isEqualTo("疫情应急处置");
            assertThat(browser.text(By.id("incident-" + id))).contains("赵阳性", "首例阳性", "临时观察");
            browser.screenshot("epidemic-incidents");
            browser.clickToNavigate(browser.driver().findElement(By.cssSelector("#incident-" + id + " a.btn")));
            browser.waitFor(By.id("incident-status"));
            assertThat(browser.path()).isEqualTo("/epidemic/incidents/" + id);
            assertThat(browser.text(By.id("incident-status"))).isEqualTo("临时观察");
            assertThat(browser.text(By.id("retest-countdown"))).matches("剩余 [56] 小时 \\d+ 分");
            assertThat(browser.text(By.id("incident-timeline"))).contains("报告首例阳性，进入临时观察", "混检阳性，已转临时留观点");

            new Select(browser.driver().findElement(By.id("retest-result-input"))).selectByValue("POSITIVE");
            browser.clickToNavigate(browser.driver().findElement(By.id("retest-submit")));
            browser.waitFor(By.cssSelector(".alert-success"));
            assertThat(browser.text(By.id("retest-result"))).contains("阳性");
            assertThat(browser.text(By.id("incident-timeline"))).contains("复检结果：PCR 阳性");

            browser.driver().findElement(By.cssSelector("#confirm-form input[value='" + colleague + "']")).click();
            browser.clickToNavigate(browser.driver().findElement(By.id("confirm-submit")));
            browser.waitForText(By.id("incident-status"), "已确诊");
            assertThat(browser.text(By.id("incident-contacts"))).contains("钱同事", "装配车间");

            new Select(browser.driver().findElement(By.id("s-days"))).selectByValue("2");
            browser.driver().findElement(By.id("s-reason")).sendKeys("装配车间确诊，停产消杀");
            browser.clickToNavigate(browser.driver().findElement(By.id("shutdown-submit")));
            browser.waitFor(By.cssSelector(".alert-success"));
            assertThat(browser.text(By.cssSelector(".alert-success"))).isEqualTo("停产申请已报指挥部");
            assertThat(browser.text(By.id("incident-shutdowns"))).contains("待审批", "装配车间确诊，停产消杀");
            assertThat(browser.isPresent(By.id("shutdown-form"))).isFalse();
            browser.screenshot("epidemic-incident");
            assertThat(browser.consoleErrors()).as("no failed resources, script errors or CSP violations").isEmpty();

            browser.open("/epidemic/enterprise/" + subject).waitForPage();
            assertThat(browser.driver().findElement(By.id("zone-" + workshop)).getAttribute("data-colour")).isEqualTo("RED");
            ((org.openqa.selenium.JavascriptExecutor) browser.driver())
                    .executeScript("document.getElementById('zones').scrollIntoView()");
            browser.screenshot("epidemic-enterprise-incident");
            assertThat(browser.consoleErrors()).isEmpty();
        }
        assertThat(jdbc.sql("SELECT status FROM escort_shutdown WHERE incident_id = ?").param(id).query(String.class).single())
                .isEqualTo("PENDING");
    }
}
