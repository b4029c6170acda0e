package org.sibao.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;
import org.sibao.subject.Subjects;
import org.sibao.support.Browser;
import org.sibao.support.FullStackTest;
import org.sibao.support.TestUsers;
import org.sibao.visit.VisitFixture;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** A liaison records a visit from its list of enterprises; the HQ office sees the duty board. */
@FullStackTest
class VisitBrowserTest {

    private static final String GUANCHENG = "410104";

    @LocalServerPort
    int port;

    @Autowired
    Subjects subjects;

    @Test
    void aLiaisonRecordsAVisitAndTheHqSeesTheBoard() {
        VisitFixture fx = new VisitFixture(port, subjects);
        String enterprise = fx.activeSubject(GUANCHENG);
        String[] liaison = fx.liaison(GUANCHENG);
        fx.assign(liaison[1], enterprise);
        try (Browser browser = Browser.start(port)) {
            browser.login(liaison[0], TestUsers.PASSWORD);
            browser.open("/visits").waitFor(By.id("duty-table"));
            assertThat(browser.text(By.cssSelector("#duty-" + enterprise + " .badge"))).isEqualTo("超期未走访");
            browser.screenshot("visits-liaison");
            browser.clickToNavigate(browser.driver().findElement(By.cssSelector("#duty-" + enterprise + " a.btn")));
            browser.waitFor(By.id("visit-form"));
            new Select(browser.driver().findElement(By.id("method"))).selectByValue("ON_SITE");
            browser.driver().findElement(By.id("findings")).sendKeys("实地查看生产车间，闭环管理落实到位");
            browser.driver().findElement(By.id("problem")).sendKeys("物流车辆通行证办理较慢");
            new Select(browser.driver().findElement(By.id("category"))).selectByValue("LOGISTICS");
            browser.screenshot("visit-form");
            browser.clickToNavigate(browser.driver().findElement(By.id("visit-submit")));
            browser.waitForText(By.cssSelector(".alert-success"), "发现的问题已作为诉求提交");
            assertThat(browser.text(By.id("visit-history"))).contains("实地走访", "实地查看生产车间");
            browser.screenshot("visit-recorded");
            assertThat(browser.consoleErrors()).isEmpty();
            browser.logout();

            browser.login("hq_zz", "Demo@2022");
            browser.open("/visits?regionCode=410104").waitFor(By.id("duty-cards"));
            assertThat(browser.text(By.id("board-region"))).isEqualTo("管城回族区");
            assertThat(browser.text(By.cssSelector("#duty-" + enterprise + " .badge"))).isEqualTo("正常");
            browser.screenshot("visits-duty-board");
            assertThat(browser.consoleErrors()).isEmpty();
        }
    }
}
