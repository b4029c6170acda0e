package org.sibao.identity.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.sibao.support.ApiClient;
import org.sibao.support.FullStackTest;
import org.sibao.support.TestUsers;
import org.sibao.support.WebClient;
import org.springframework.boot.test.web.server.LocalServerPort;

import tools.jackson.databind.JsonNode;

/** {@code POST /api/v1/admin/users} and the other administration and own-account endpoints. */
@FullStackTest
class UserAdminApiTests {

    @LocalServerPort
    int port;

    private ApiClient admin() {
        return new ApiClient(port).as("admin", "Admin@2022");
    }

    private static Map<String, Object> user(String username, String password, String role, String region) {
        Map<String, Object> m = new HashMap<>();
        m.put("username", username);
        m.put("password", password);
        m.put("displayName", "测试 " + username);
        m.put("role", role);
        m.put("regionCode", region);
        return m;
    }

    private static List<String> fields(ApiClient.Response r) {
        List<String> fields = new ArrayList<>();
        for (JsonNode e : r.body().get("errors")) {
            fields.add(e.get("field").asString());
        }
        return fields;
    }

    private static String messageFor(ApiClient.Response r, String field) {
        for (JsonNode e : r.body().get("errors")) {
            if (e.get("field").asString().equals(field)) {
                return e.get("message").asString();
            }
        }
        return null;
    }

    @Test
    void createsAUserAnswering201WithTheUser() {
        String username = TestUsers.uniqueName("sec");
        Map<String, Object> body = user(username, "Passw0rdX", "SECTOR_OFFICER", "410200");
        body.put("sector", "INDUSTRY");
        ApiClient.Response r = admin().post("/api/v1/admin/users", body);
        assertThat(r.status()).isEqualTo(201);
        assertThat(r.text("id")).isNotBlank();
        assertThat(r.text("username")).isEqualTo(username);
        assertThat(r.text("role")).isEqualTo("SECTOR_OFFICER");
        assertThat(r.text("sector")).isEqualTo("INDUSTRY");
        assertThat(r.raw()).doesNotContain("password");
        assertThat(new ApiClient(port).as(username, "Passw0rdX").get("/api/v1/me").text("regionCode")).isEqualTo("410200");
    }

    @Test
    void shortPasswordIs400NamingPassword() {
        ApiClient.Response r = admin().post("/api/v1/admin/users", user(TestUsers.uniqueName("u"), "ab1", "SUPERVISOR", "410200"));
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.contentType()).startsWith("application/problem+json");
        assertThat(fields(r)).containsExactly("password");
        assertThat(messageFor(r, "password")).isEqualTo("密码至少8位，且须同时包含字母和数字");
    }

    @Test
    void passwordWithoutDigitsOrLettersIs400() {
        ApiClient admin = admin();
        assertThat(fields(admin.post("/api/v1/admin/users", user(TestUsers.uniqueName("u"), "onlyletters", "SUPERVISOR", "410200"))))
                .containsExactly("password");
        assertThat(fields(admin.post("/api/v1/admin/users", user(TestUsers.uniqueName("u"), "1234567890", "SUPERVISOR", "410200"))))
                .containsExactly("password");
    }

    @Test
    void everyInvalidFieldIsNamedAtOnce() {
        Map<String, Object> body = user("x", "short", "KING", "999999");
        body.put("displayName", "");
        ApiClient.Response r = admin().post("/api/v1/admin/users", body);
        assertThat(r.status()).isEqualTo(400);
        assertThat(fields(r)).containsExactlyInAnyOrder("username", "password", "displayName", "role", "regionCode");
        assertThat(messageFor(r, "regionCode")).contains("999999");
    }

    @Test
    void unknownRoleAndUnknownRegionAre400InEnglishToo() {
        ApiClient.Response r = admin().english().post("/api/v1/admin/users",
                user(TestUsers.uniqueName("u"), "Passw0rdX", "KING", "419999"));
        assertThat(r.status()).isEqualTo(400);
        assertThat(fields(r)).containsExactlyInAnyOrder("role", "regionCode");
        assertThat(messageFor(r, "role")).startsWith("must be one of");
        assertThat(messageFor(r, "regionCode")).isEqualTo("unknown region code: 419999");
    }

    @Test
    void roleBoundFieldsAreRequired() {
        ApiClient admin = admin();
        ApiClient.Response sector = admin.post("/api/v1/admin/users", user(TestUsers.uniqueName("u"), "Passw0rdX", "SECTOR_OFFICER", "410200"));
        assertThat(sector.status()).isEqualTo(400);
        assertThat(fields(sector)).containsExactly("sector");
        assertThat(messageFor(sector, "sector")).isEqualTo("行业主管部门用户必须指定领域");

        ApiClient.Response dept = admin.post("/api/v1/admin/users", user(TestUsers.uniqueName("u"), "Passw0rdX", "DEPT_HANDLER", "410200"));
        assertThat(fields(dept)).containsExactly("departmentCode");

        ApiClient.Response ent = admin.post("/api/v1/admin/users", user(TestUsers.uniqueName("u"), "Passw0rdX", "ENTERPRISE", "410200"));
        assertThat(fields(ent)).containsExactly("enterpriseId");

        Map<String, Object> badSector = user(TestUsers.uniqueName("u"), "Passw0rdX", "SECTOR_OFFICER", "410200");
        badSector.put("sector", "FISHING");
        assertThat(fields(admin.post("/api/v1/admin/users", badSector))).containsExactly("sector");

        Map<String, Object> unknownEnterprise = user(TestUsers.uniqueName("u"), "Passw0rdX", "ENTERPRISE", "410200");
        unknownEnterprise.put("enterpriseId", "no-such-enterprise");
        assertThat(fields(admin.post("/api/v1/admin/users", unknownEnterprise))).containsExactly("enterpriseId");
    }

    @Test
    void duplicateUsernameIs409() {
        ApiClient admin = admin();
        String username = TestUsers.uniqueName("dup");
        assertThat(admin.post("/api/v1/admin/users", user(username, "Passw0rdX", "SUPERVISOR", "410200")).status()).isEqualTo(201);
        ApiClient.Response again = admin.post("/api/v1/admin/users", user(username, "Passw0rdY", "LIAISON", "410200"));
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.contentType()).startsWith("application/problem+json");
        assertThat(again.text("detail")).contains(username);
    }

    @Test
    void nonAdministratorCannotCreateUsers() {
        ApiClient hq = new ApiClient(port).as("hq_kf", "Demo@2022");
        ApiClient.Response r = hq.post("/api/v1/admin/users", user(TestUsers.uniqueName("u"), "Passw0rdX", "SUPERVISOR", "410200"));
        assertThat(r.status()).isEqualTo(403);
        assertThat(r.contentType()).startsWith("application/problem+json");
        assertThat(r.text("detail")).isEqualTo("您没有执行此操作的权限。");
        assertThat(hq.get("/api/v1/admin/users").status()).isEqualTo(403);
    }

    @Test
    void regionalAdministratorIsConfinedToTheirRegion() {
        ApiClient kf = new ApiClient(port).as("admin_kf", "Demo@2022");
        ApiClient.Response outside = kf.post("/api/v1/admin/users", user(TestUsers.uniqueName("xz"), "Passw0rdX", "SUPERVISOR", "410184"));
        assertThat(outside.status()).isEqualTo(403);
        assertThat(outside.text("detail")).isEqualTo("只能在本级及下级行政区划内创建用户");

        ApiClient.Response inside = kf.post("/api/v1/admin/users", user(TestUsers.uniqueName("qx"), "Passw0rdX", "SUPERVISOR", "410221"));
        assertThat(inside.status()).isEqualTo(201);

        String xzUser = admin().get("/api/v1/admin/users?q=hq_xz").body().get("items").get(0).get("id").asString();
        assertThat(kf.get("/api/v1/admin/users/" + xzUser).status()).isEqualTo(404);
        JsonNode listed = kf.get("/api/v1/admin/users?size=500").body().get("items");
        for (JsonNode u : listed) {
            assertThat(u.get("regionCode").asString()).startsWith("4102");
        }
    }

    @Test
    void listFiltersByRoleAndSearch() {
        ApiClient.Response r = admin().get("/api/v1/admin/users?role=HQ_OFFICER&q=hq_&size=3&page=0");
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.body().get("size").asInt()).isEqualTo(3);
        assertThat(r.body().get("total").asLong()).isGreaterThanOrEqualTo(6);
        for (JsonNode u : r.body().get("items")) {
            assertThat(u.get("role").asString()).isEqualTo("HQ_OFFICER");
        }
        assertThat(admin().get("/api/v1/admin/users?size=501").status()).isEqualTo(400);
    }

    @Test
    void administratorResetsAPasswordAndCannotDisableThemself() {
        ApiClient admin = admin();
        String username = TestUsers.uniqueName("rst");
        String id = TestUsers.create(admin, username, "SUPERVISOR", "410200", Map.of()).text("id");
        ApiClient holder = new ApiClient(port).as(username, TestUsers.PASSWORD);
        WebClient page = signedIn(username, TestUsers.PASSWORD);
        assertThat(admin.post("/api/v1/admin/users/" + id + "/password", Map.of("password", "short")).status()).isEqualTo(400);
        assertThat(holder.get("/api/v1/me").status()).as("a refused reset changes nothing").isEqualTo(200);
        assertThat(admin.post("/api/v1/admin/users/" + id + "/password", Map.of("password", "Reset2022x")).status()).isEqualTo(200);
        assertThat(new ApiClient(port).as(username, "Reset2022x").get("/api/v1/me").status()).isEqualTo(200);
        assertThat(holder.get("/api/v1/me").status()).as("a token issued under the old password").isEqualTo(401);
        assertSignedOut(page);

        String adminId = admin.get("/api/v1/me").text("id");
        assertThat(admin.post("/api/v1/admin/users/" + adminId + "/disable", Map.of()).status()).isEqualTo(409);
    }

    @Test
    void aPasswordChangedOnThePageKeepsThatSessionAndEndsTheOthers() {
        String username = TestUsers.uniqueName("pag");
        TestUsers.create(admin(), username, "SUPERVISOR", "410200", Map.of());
        WebClient here = signedIn(username, TestUsers.PASSWORD);
        WebClient there = signedIn(username, TestUsers.PASSWORD);
        WebClient.Page changed = here.post("/account/password", Map.of("currentPassword", TestUsers.PASSWORD,
                "newPassword", "Changed2022x", "confirmPassword", "Changed2022x"));
        assertThat(changed.status()).as(changed.body()).isEqualTo(302);
        assertThat(here.get("/account").status()).as("the session it was changed in goes on").isEqualTo(200);
        assertSignedOut(there);
    }

    @Test
    void disablingAUserEndsItsSessionsAndTokensForGood() {
        ApiClient admin = admin();
        String username = TestUsers.uniqueName("off");
        String id = TestUsers.create(admin, username, "SUPERVISOR", "410200", Map.of()).text("id");
        ApiClient holder = new ApiClient(port).as(username, TestUsers.PASSWORD);
        WebClient page = signedIn(username, TestUsers.PASSWORD);
        assertThat(admin.post("/api/v1/admin/users/" + id + "/disable", Map.of()).status()).isEqualTo(200);
        assertSignedOut(page);
        assertThat(holder.get("/api/v1/me").status()).isEqualTo(401);
        assertThat(admin.post("/api/v1/admin/users/" + id + "/enable", Map.of()).status()).isEqualTo(200);
        assertThat(holder.get("/api/v1/me").status()).as("enabling again does not bring old tokens back").isEqualTo(401);
        assertThat(new ApiClient(port).as(username, TestUsers.PASSWORD).get("/api/v1/me").status()).isEqualTo(200);
    }

    private WebClient signedIn(String username, String password) {
        WebClient web = new WebClient(port);
        assertThat(web.login(username, password).location()).doesNotContain("error");
        assertThat(web.get("/account").status()).isEqualTo(200);
        return web;
    }

    private static void assertSignedOut(WebClient web) {
        WebClient.Page page = web.get("/account");
        assertThat(page.status()).as("sent back to the login page").isEqualTo(302);
        assertThat(page.location()).contains("/login");
    }

    @Test
    void guessingTheCurrentPasswordLocksTheAccountAsSignInDoes() {
        String username = TestUsers.uniqueName("gss");
        TestUsers.create(admin(), username, "SUPERVISOR", "410200", Map.of());
        ApiClient me = new ApiClient(port).as(username, TestUsers.PASSWORD);
        ApiClient.Response last = null;
        for (int i = 0; i < 5; i++) {
            last = me.post("/api/v1/me/password", Map.of("currentPassword", "guess" + i + "x1", "newPassword", "Taken2022x"));
            assertThat(last.status()).isEqualTo(400);
        }
        assertThat(last.raw()).as("the fifth wrong guess locks").contains("锁定");
        ApiClient.Response right = me.post("/api/v1/me/password",
                Map.of("currentPassword", TestUsers.PASSWORD, "newPassword", "Taken2022x"));
        assertThat(right.status()).isEqualTo(400);
        assertThat(right.raw()).as("even the right one, while locked").contains("锁定");
        assertThat(new ApiClient(port).post("/api/v1/auth/token", Map.of("username", username, "password", TestUsers.PASSWORD))
                .status()).as("and signing in").isEqualTo(401);
    }

    @Test
    void usersChangeTheirOwnPassword() {
        String username = TestUsers.uniqueName("own");
        TestUsers.create(admin(), username, "LIAISON", "410200", Map.of());
        ApiClient me = new ApiClient(port).as(username, TestUsers.PASSWORD);

        ApiClient.Response wrongCurrent = me.post("/api/v1/me/password", Map.of("currentPassword", "nope", "newPassword", "NewPass123"));
        assertThat(wrongCurrent.status()).isEqualTo(400);
        assertThat(fields(wrongCurrent)).containsExactly("currentPassword");

        ApiClient.Response weak = me.post("/api/v1/me/password", Map.of("currentPassword", TestUsers.PASSWORD, "newPassword", "abcdefgh"));
        assertThat(weak.status()).isEqualTo(400);
        assertThat(fields(weak)).containsExactly("newPassword");

        WebClient elsewhere = signedIn(username, TestUsers.PASSWORD);
        ApiClient.Response ok = me.post("/api/v1/me/password", Map.of("currentPassword", TestUsers.PASSWORD, "newPassword", "NewPass123"));
        assertThat(ok.status()).isEqualTo(200);
        assertThat(me.get("/api/v1/me").status()).as("every token of the old password ends, this one too").isEqualTo(401);
        assertSignedOut(elsewhere);
        assertThat(new ApiClient(port).post("/api/v1/auth/token", Map.of("username", username, "password", TestUsers.PASSWORD))
                .status()).isEqualTo(401);
        assertThat(new ApiClient(port).as(username, "NewPass123").get("/api/v1/me").text("username")).isEqualTo(username);
        assertThat(new ApiClient(port).post("/api/v1/me/password", Map.of()).status()).isEqualTo(401);
    }

    @Test
    void liaisonAssignmentsNeedAnEnterpriseInScopeAndALiaison() {
        ApiClient admin = admin();
        String liaison = TestUsers.create(admin, TestUsers.uniqueName("lia"), "LIAISON", "410200", Map.of()).text("id");
        String other = TestUsers.create(admin, TestUsers.uniqueName("sup"), "SUPERVISOR", "410200", Map.of()).text("id");
        ApiClient hq = new ApiClient(port).as("hq_kf", "Demo@2022");
        ApiClient.Response list = hq.get("/api/v1/liaisons/" + liaison + "/enterprises");
        assertThat(list.status()).isEqualTo(200);
        assertThat(list.body().get("enterpriseIds").size()).isZero();
        assertThat(hq.post("/api/v1/liaisons/" + liaison + "/enterprises/no-such-enterprise", Map.of()).status()).isEqualTo(404);
        assertThat(hq.post("/api/v1/liaisons/" + other + "/enterprises/no-such-enterprise", Map.of()).status()).isEqualTo(409);
        ApiClient hqXz = new ApiClient(port).as("hq_xz", "Demo@2022");
        assertThat(hqXz.get("/api/v1/liaisons/" + liaison + "/enterprises").status()).isEqualTo(404);
        ApiClient sup = new ApiClient(port).as("sup_kf", "Demo@2022");
        assertThat(sup.get("/api/v1/liaisons/" + liaison + "/enterprises").status()).isEqualTo(403);
    }
}
