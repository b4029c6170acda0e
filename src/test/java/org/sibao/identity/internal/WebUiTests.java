package org.sibao.identity.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.sibao.support.ApiClient;
import org.sibao.support.FullStackTest;
import org.sibao.support.TestUsers;
import org.sibao.support.WebClient;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The web UI over real HTTP: form login with CSRF, lock-out, home pages, user administration, audit, account. */
@FullStackTest
class WebUiTests {

    @LocalServerPort
    int port;

    private WebClient signedIn(String username, String password) {
        WebClient web = new WebClient(port);
        WebClient.Page r = web.login(username, password);
        assertThat(r.status()).isEqualTo(302);
        assertThat(r.location()).endsWith("/");
        return web;
    }

    @Test
    void loginPageCarriesACsrfTokenAndPostsWithoutItAreRefused() {
        WebClient web = new WebClient(port);
        WebClient.Page login = web.get("/login");
        assertThat(login.status()).isEqualTo(200);
        assertThat(login.body()).contains("name=\"_csrf\"").contains("用户名");
        WebClient.Page noToken = web.postWithoutCsrf("/login", Map.of("username", "admin", "password", "Admin@2022"));
        assertThat(noToken.status()).isEqualTo(403);
        assertThat(web.get("/").status()).isEqualTo(302);
    }

    @Test
    void anonymousVisitorsAreSentToTheLoginPage() {
        WebClient.Page r = new WebClient(port).get("/admin/users");
        assertThat(r.status()).isEqualTo(302);
        assertThat(r.location()).endsWith("/login");
    }

    @Test
    void wrongPasswordShowsAnErrorOnTheLoginPage() {
        WebClient web = new WebClient(port);
        WebClient.Page r = web.login("hq_kf", "wrong-password");
        assertThat(r.status()).isEqualTo(302);
        assertThat(r.location()).endsWith("/login?error");
        assertThat(web.get("/login?error").body()).contains("用户名或密码错误。")
                .as("the name typed comes back").contains("value=\"hq_kf\"");
        assertThat(web.get("/login").body()).as("once").doesNotContain("value=\"hq_kf\"");
    }

    @Test
    void repeatedFailuresShowTheLockOutMessage() {
        ApiClient admin = new ApiClient(port).as("admin", "Admin@2022");
        String username = TestUsers.uniqueName("weblock");
        TestUsers.create(admin, username, "SUPERVISOR", "410200", Map.of());
        WebClient web = new WebClient(port);
        WebClient.Page last = null;
        for (int i = 0; i < 5; i++) {
            last = web.login(username, "wrong-pass-1");
        }
        assertThat(last.location()).endsWith("/login?locked");
        WebClient.Page withRightPassword = web.login(username, TestUsers.PASSWORD);
        assertThat(withRightPassword.location()).endsWith("/login?locked");
        assertThat(web.get("/login?locked").body()).contains("连续登录失败次数过多，账户已锁定，请15分钟后再试。");
        assertThat(web.get("/login?locked&lang=en").body()).contains("the account is locked");
    }

    @Test
    void homePageDescribesTheUsersScope() {
        WebClient.Page home = signedIn("sector_industry_kf", "Demo@2022").get("/");
        assertThat(home.status()).isEqualTo(200);
        assertThat(home.body()).contains("可见范围：开封市及下辖区县 · 工业生产领域").contains("行业主管部门工作台");

        assertThat(signedIn("hq_xz", "Demo@2022").get("/").body()).contains("可见范围：新郑市<")
                .contains("包保干部");
        assertThat(signedIn("dept_tax_kf", "Demo@2022").get("/").body()).contains("税务局承办事项");
    }

    @Test
    void administratorHomeShowsUserCountsAndTodaysAudit() {
        WebClient.Page home = signedIn("admin", "Admin@2022").get("/");
        assertThat(home.body()).contains("可见范围：河南省及下辖市县").contains("用户总数").contains("今日审计记录")
                .contains("/admin/users?role=HQ_OFFICER").contains("审计日志");
        WebClient.Page english = signedIn("admin", "Admin@2022").get("/?lang=en");
        assertThat(english.body()).contains("Visible: 河南省 and its cities and counties").contains("Users");
    }

    @Test
    void administratorListsFiltersAndPagesUsers() {
        WebClient web = signedIn("admin", "Admin@2022");
        WebClient.Page list = web.get("/admin/users?role=HQ_OFFICER");
        assertThat(list.status()).isEqualTo(200);
        assertThat(list.body()).contains("hq_kf").contains("hq_xz").doesNotContain("sector_industry_kf");
        assertThat(web.get("/admin/users?q=sector_industry").body()).contains("sector_industry_kf").doesNotContain(">hq_kf<");
        assertThat(web.get("/admin/users").body()).contains("下一页");
        WebClient.Page supervisors = web.get("/admin/users?role=SUPERVISOR");
        assertThat(supervisors.body()).contains("sup_kf");
        assertThat(web.get("/admin/users?role=KING").status()).isEqualTo(200);
    }

    @Test
    void creationFormShowsEachInvalidFieldInChinese() {
        WebClient web = signedIn("admin", "Admin@2022");
        assertThat(web.get("/admin/users/new").status()).isEqualTo(200);
        Map<String, String> form = userForm("SECTOR_OFFICER", "410200", "short", "");
        form.put("sector", "");
        form.put("departmentCode", "");
        form.put("enterpriseId", "");
        WebClient.Page invalid = web.post("/admin/users", form);
        assertThat(invalid.status()).isEqualTo(200);
        assertThat(invalid.body())
                .contains("id=\"password-error\"").contains("密码至少8位，且须同时包含字母和数字")
                .contains("id=\"sector-error\"").contains("行业主管部门用户必须指定领域")
                .contains("id=\"displayName-error\"")
                .doesNotContain("id=\"username-error\"");

        form.put("password", "Passw0rdZ");
        form.put("displayName", "开封工信测试");
        form.put("sector", "INDUSTRY");
        WebClient.Page created = web.post("/admin/users", form);
        assertThat(created.status()).isEqualTo(302);
        assertThat(created.location()).contains("/admin/users/");
        WebClient.Page detail = web.get(created.location().replaceFirst("^https?://[^/]+", ""));
        assertThat(detail.body()).contains("开封工信测试").contains("工业生产").contains("已创建用户");

        WebClient.Page duplicate = web.post("/admin/users", form);
        assertThat(duplicate.body()).contains("id=\"username-error\"").contains("已被使用");
    }

    @Test
    void regionalAdministratorsFormRejectsARegionOutsideTheirs() {
        WebClient web = signedIn("admin_kf", "Demo@2022");
        WebClient.Page page = web.get("/admin/users/new");
        assertThat(page.body()).contains("410221").doesNotContain("value=\"410184\"");
        WebClient.Page r = web.post("/admin/users", Map.of("username", TestUsers.uniqueName("f"), "password", "Passw0rdZ",
                "displayName", "越权", "role", "SUPERVISOR", "regionCode", "410184"));
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.body()).contains("id=\"regionCode-error\"").contains("只能在本级及下级行政区划内创建用户");
    }

    /** The new-user form with a fresh username. */
    private static Map<String, String> userForm(String role, String regionCode, String password, String displayName) {
        Map<String, String> form = new HashMap<>();
        form.put("username", TestUsers.uniqueName("form"));
        form.put("password", password);
        form.put("displayName", displayName);
        form.put("role", role);
        form.put("regionCode", regionCode);
        return form;
    }

    @Test
    void anEnterpriseUserIsLinkedByNameWithinTheAdministratorsRegion() {
        ApiClient api = new ApiClient(port).as("admin", "Admin@2022");
        var kaifeng = api.get("/api/v1/enterprises?regionCode=410200&kind=ENTERPRISE&size=1").body().get("items").get(0);
        var xinzheng = api.get("/api/v1/enterprises?regionCode=410184&kind=ENTERPRISE&size=1").body().get("items").get(0);
        String kaifengLabel = kaifeng.get("name").asText() + " · " + kaifeng.get("uscc").asText();
        String xinzhengLabel = xinzheng.get("name").asText() + " · " + xinzheng.get("uscc").asText();

        WebClient web = signedIn("admin_kf", "Demo@2022");
        String form = web.get("/admin/users/new").body();
        assertThat(form).as("regions by name, the enterprise picked by name or USCC, no internal id asked for")
                .contains(">开封市<").doesNotContain("410200 开封市").doesNotContain("企业编号")
                .contains("list=\"user-enterprise-options\"").contains("/enterprises/options").contains("输入企业名称或信用代码选择");
        assertThat(web.get("/enterprises/options?enterpriseId=" + kaifeng.get("uscc").asText()).body())
                .contains(kaifengLabel);
        assertThat(web.get("/enterprises/options?enterprise=" + kaifeng.get("uscc").asText()).body())
                .as("the alert board's picker sends its text as enterprise").contains(kaifengLabel);
        assertThat(web.get("/enterprises/options?enterpriseId=" + xinzheng.get("uscc").asText()).body())
                .as("the picker offers only the administrator's region").doesNotContain(xinzheng.get("name").asText());

        Map<String, String> user = userForm("ENTERPRISE", "410200", "Passw0rdZ", "企业联络员");
        user.put("enterpriseId", xinzhengLabel);
        WebClient.Page outside = web.post("/admin/users", user);
        assertThat(outside.status()).isEqualTo(200);
        assertThat(outside.body()).as("an enterprise of another region is refused")
                .contains("id=\"enterpriseId-error\"").contains("本辖区内没有这家企业");

        user.put("enterpriseId", kaifengLabel);
        WebClient.Page created = web.post("/admin/users", user);
        assertThat(created.status()).isEqualTo(302);
        WebClient.Page detail = web.get(created.location().replaceFirst("^https?://[^/]+", ""));
        assertThat(detail.body()).contains(kaifeng.get("name").asText()).doesNotContain(kaifeng.get("id").asText());
    }

    @Test
    void administratorDisablesAndResetsAUser() {
        ApiClient api = new ApiClient(port).as("admin", "Admin@2022");
        String username = TestUsers.uniqueName("det");
        String id = TestUsers.create(api, username, "LIAISON", "410200", Map.of()).text("id");
        WebClient web = signedIn("admin", "Admin@2022");
        WebClient.Page detail = web.get("/admin/users/" + id);
        assertThat(detail.body()).contains(username).contains("包联企业").contains("暂无包联企业");

        assertThat(web.post("/admin/users/" + id + "/enabled", Map.of("enabled", "false")).status()).isEqualTo(302);
        assertThat(web.get("/admin/users/" + id).body()).contains("账户已停用。").contains("启用账户");
        assertThat(new ApiClient(port).post("/api/v1/auth/token", Map.of("username", username, "password", TestUsers.PASSWORD)).status())
                .isEqualTo(401);
        web.get("/admin/users/" + id);
        assertThat(web.post("/admin/users/" + id + "/enabled", Map.of("enabled", "true")).status()).isEqualTo(302);

        web.get("/admin/users/" + id);
        web.post("/admin/users/" + id + "/password", Map.of("password", "weak"));
        assertThat(web.get("/admin/users/" + id).body()).contains("id=\"password-error\"");
        web.post("/admin/users/" + id + "/password", Map.of("password", "Fresh2022pw"));
        assertThat(web.get("/admin/users/" + id).body()).contains("密码已重置");
        assertThat(new ApiClient(port).as(username, "Fresh2022pw").get("/api/v1/me").status()).isEqualTo(200);

        web.get("/admin/users/" + id);
        web.post("/liaisons/" + id + "/enterprises", Map.of("enterpriseId", "no-such-enterprise", "from", "admin"));
        assertThat(web.get("/admin/users/" + id).body()).contains("本区域内未找到企业：no-such-enterprise")
                .as("the enterprise is picked by name or USCC").contains("list=\"assign-enterprise-options\"")
                .doesNotContain("企业编号");
        var kaifeng = api.get("/api/v1/enterprises?regionCode=410200&kind=ENTERPRISE&size=1").body().get("items").get(0);
        web.post("/liaisons/" + id + "/enterprises", Map.of("enterpriseId",
                kaifeng.get("name").asText() + " · " + kaifeng.get("uscc").asText(), "from", "admin"));
        assertThat(web.get("/admin/users/" + id).body()).contains("已分配企业 " + kaifeng.get("name").asText())
                .doesNotContain(">" + kaifeng.get("id").asText() + "<");
    }

    @Test
    void auditViewerShowsReadableBeforeAndAfter() {
        ApiClient api = new ApiClient(port).as("admin", "Admin@2022");
        String username = TestUsers.uniqueName("audweb");
        String id = TestUsers.create(api, username, "SUPERVISOR", "410200", Map.of()).text("id");
        WebClient.Page page = signedIn("admin", "Admin@2022").get("/admin/audit?entityType=User&entityId=" + id);
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("USER_CREATE").contains("&quot;username&quot; : &quot;" + username + "&quot;")
                .contains("共 1 条").as("the action and the object by name").contains("创建用户", "<span>用户</span>");
        assertThat(signedIn("admin", "Admin@2022").get("/admin/audit?from=garbage").body()).contains("时间格式不正确");
        assertThat(signedIn("admin", "Admin@2022").get("/admin/audit?entityType=appeal").body())
                .as("a code without its own label is named by its module").containsPattern("诉求 · appeal\\.[a-z]+|提交诉求")
                .contains("<option value=\"appeal\" selected=\"selected\">诉求</option>");
    }

    @Test
    void hqOfficerManagesLiaisonsButNotUsers() {
        WebClient web = signedIn("hq_kf", "Demo@2022");
        assertThat(web.get("/admin/users").status()).isEqualTo(403);
        assertThat(web.get("/admin/audit").status()).isEqualTo(403);
        WebClient.Page liaisons = web.get("/liaisons");
        assertThat(liaisons.status()).isEqualTo(200);
        assertThat(liaisons.body()).contains("liaison_kf").doesNotContain("liaison_xz");
        assertThat(signedIn("sup_kf", "Demo@2022").get("/liaisons").status()).isEqualTo(403);
    }

    @Test
    void usersChangeTheirPasswordOnTheAccountPage() {
        ApiClient api = new ApiClient(port).as("admin", "Admin@2022");
        String username = TestUsers.uniqueName("acct");
        TestUsers.create(api, username, "DEPT_HANDLER", "410184", Map.of("departmentCode", "TAX"));
        WebClient web = signedIn(username, TestUsers.PASSWORD);
        WebClient.Page account = web.get("/account");
        assertThat(account.body()).contains("河南省 / 郑州市 / 新郑市").contains("可见范围：新郑市 · 税务局承办事项");

        WebClient.Page mismatch = web.post("/account/password", Map.of("currentPassword", TestUsers.PASSWORD,
                "newPassword", "Another2022", "confirmPassword", "Different2022"));
        assertThat(mismatch.body()).contains("id=\"confirmPassword-error\"");
        web.get("/account");
        WebClient.Page wrong = web.post("/account/password", Map.of("currentPassword", "nope",
                "newPassword", "Another2022", "confirmPassword", "Another2022"));
        assertThat(wrong.body()).contains("当前密码不正确");
        web.get("/account");
        WebClient.Page ok = web.post("/account/password", Map.of("currentPassword", TestUsers.PASSWORD,
                "newPassword", "Another2022", "confirmPassword", "Another2022"));
        assertThat(ok.status()).isEqualTo(302);
        assertThat(web.get("/account").body()).contains("密码已修改");
        assertThat(new ApiClient(port).as(username, "Another2022").get("/api/v1/me").status()).isEqualTo(200);
    }

    @Test
    void pagesSendAContentSecurityPolicyWithoutInlineScripts() {
        WebClient web = signedIn("admin", "Admin@2022");
        for (String path : new String[] {"/", "/admin/users", "/admin/users/new", "/admin/audit", "/account", "/liaisons"}) {
            String body = web.get(path).body();
            assertThat(body).as(path).doesNotContain("<script>").doesNotContain(" onclick=").doesNotContain(" onchange=");
        }
    }
}
