package org.sibao.pg;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.sibao.subject.Subjects;
import org.sibao.subject.TestSubjects;
import org.sibao.subject.WhitelistStatus;
import org.sibao.support.ApiClient;
import org.sibao.support.TestUsers;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** Pairing on PostgreSQL in production mode: the ranked suggestion query, a proposal and its confirmation. */
@ExtendWith(PostgresSchema.class)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.main.banner-mode=off", "logging.level.root=WARN"})
@ActiveProfiles("postgres")
@DirtiesContext
class PostgresPairingTest {

    private static final String ADMIN_PASSWORD = "Admin@" + UUID.randomUUID().toString().substring(0, 8) + "9";

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        PostgresSchema.productionSettings(registry);
    }

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Subjects subjects;

    private String subject(ApiClient admin, String region, String sector, String industry, String name) {
        Map<String, Object> body = TestSubjects.enterprise(TestSubjects.uscc(region), name, region, sector);
        body.put("industryCode", industry);
        ApiClient.Response r = admin.post("/api/v1/enterprises", body);
        assertThat(r.status()).as(r.raw()).isEqualTo(201);
        return r.text("id");
    }

    private static List<String> ids(ApiClient.Response r) {
        assertThat(r.status()).as(r.raw()).isEqualTo(200);
        List<String> out = new ArrayList<>();
        r.body().get("items").forEach(i -> out.add(i.get("enterpriseId").asString()));
        return out;
    }

    @Test
    void suggestionsAreRankedAndPairingsConfirmedOnPostgres() {
        PostgresSchema.administrator(jdbc, "pg_admin", ADMIN_PASSWORD, "管理员");
        ApiClient admin = new ApiClient(port).as("pg_admin", ADMIN_PASSWORD);
        String demand = subject(admin, "410621", "INDUSTRY", "36", "PG浚县工厂");
        String other = subject(admin, "410621", "KEY_PROJECT", "48", "PG浚县项目");
        String plain = subject(admin, "410621", "TRANSPORT", "54", "PG浚县运输甲");
        String whitelisted = subject(admin, "410621", "TRANSPORT", "54", "PG浚县运输乙");
        String busy = subject(admin, "410621", "TRANSPORT", "54", "PG浚县运输丙");
        String city = subject(admin, "410622", "TRANSPORT", "54", "PG淇县运输");
        String province = subject(admin, "410184", "TRANSPORT", "54", "PG新郑运输");
        String hotel = subject(admin, "410621", "COMMERCE", "61", "PG浚县宾馆");
        String shop = subject(admin, "410621", "COMMERCE", "52", "PG浚县超市");
        for (String id : List.of(whitelisted, busy, city, province)) {
            subjects.setWhitelistStatus(id, WhitelistStatus.ACTIVE, "COUNTY");
        }
        TestUsers.create(admin, "pg_hq_hn", "HQ_OFFICER", "410000", Map.of());
        ApiClient hq = new ApiClient(port).as("pg_hq_hn", TestUsers.PASSWORD);

        ApiClient.Response proposed = hq.post("/api/v1/pairings", Map.of("demandEnterpriseId", other,
                "supplyEnterpriseId", busy, "kind", "TRANSPORT", "note", "工地运输"));
        assertThat(proposed.status()).as(proposed.raw()).isEqualTo(201);
        ApiClient.Response confirmed = hq.post("/api/v1/pairings/" + proposed.text("id") + "/confirm", Map.of());
        assertThat(confirmed.text("status")).isEqualTo("ACTIVE");

        String path = "/api/v1/enterprises/" + demand + "/pairing-suggestions?limit=50&kind=";
        assertThat(ids(hq.get(path + "TRANSPORT"))).containsExactly(whitelisted, busy, plain, city, province);
        assertThat(ids(hq.get(path + "LODGING"))).containsExactly(hotel);
        assertThat(ids(hq.get(path + "SUPPLY"))).containsExactlyInAnyOrder(hotel, shop);

        assertThat(hq.post("/api/v1/pairings", Map.of("demandEnterpriseId", demand, "supplyEnterpriseId", whitelisted,
                "kind", "TRANSPORT")).status()).isEqualTo(201);
        assertThat(ids(hq.get(path + "TRANSPORT"))).containsExactly(busy, plain, city, province);
        assertThat(hq.get("/api/v1/pairings?regionCode=410600&status=ACTIVE").body().get("total").asLong()).isEqualTo(1);
    }
}
