package org.sibao.pg;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.sibao.epidemic.EpidemicFixtures;
import org.sibao.epidemic.TestIds;
import org.sibao.subject.Subjects;
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

/**
 * Incidents and zone colours on PostgreSQL: a positive through the COPY path turns its zone red (the subjects with
 * new positives come back from the ingest statement), the re-test goes through the same path, and the incident's
 * shutdown request is decided by the HQ in the escort module and shown on the incident.
 */
@ExtendWith(PostgresSchema.class)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.main.banner-mode=off", "logging.level.root=WARN"})
@ActiveProfiles("postgres")
@DirtiesContext
class PostgresIncidentTest {

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

    private ApiClient user(ApiClient admin, String role, String region) {
        String name = TestUsers.uniqueName("pg_" + role.toLowerCase());
        TestUsers.create(admin, name, role, region, Map.of());
        return new ApiClient(port).as(name, TestUsers.PASSWORD);
    }

    private String zoneColour(ApiClient admin, String subject) {
        return admin.get("/api/v1/enterprises/" + subject + "/zones").body().get("items").get(0).get("colour").asString();
    }

    @Test
    void zoneColoursIncidentsAndTheirShutdownRequestsOnPostgres() {
        PostgresSchema.administrator(jdbc, "pg_incident_admin", "Pg@test2022", "管理员");
        ApiClient admin = new ApiClient(port).as("pg_incident_admin", "Pg@test2022");
        EpidemicFixtures fx = new EpidemicFixtures(admin, subjects);
        ApiClient epi = user(admin, "EPIDEMIC_OFFICER", "410184");
        String subject = fx.activeSubject("410184");
        String idNumber = TestIds.next();
        fx.roster(subject, EpidemicFixtures.employee("车间员工", idNumber, "FIXED"));
        String employee = jdbc.sql("SELECT id FROM epi_employee WHERE subject_id = ?").param(subject).query(String.class).single();
        String zone = admin.post("/api/v1/enterprises/" + subject + "/zones", Map.of("name", "一车间", "kind", "PRODUCTION")).text("id");
        assertThat(epi.post("/api/v1/epidemic/zones/" + zone + "/employees", Map.of("employeeIds", List.of(employee))).status())
                .isEqualTo(200);

        OffsetDateTime now = OffsetDateTime.now().truncatedTo(ChronoUnit.SECONDS);
        ApiClient.Response positive = fx.results(idNumber + "," + now.minusHours(2) + ",ANTIGEN,POSITIVE\n");
        assertThat(positive.body().get("accepted").asInt()).as(positive.raw()).isEqualTo(1);
        assertThat(zoneColour(admin, subject)).isEqualTo("RED");

        ApiClient.Response opened = epi.post("/api/v1/epidemic/incidents",
                Map.of("enterpriseId", subject, "employeeId", employee, "kind", "FIRST_POSITIVE"));
        assertThat(opened.status()).as(opened.raw()).isEqualTo(201);
        String id = opened.text("id");
        ApiClient.Response retest = epi.post("/api/v1/epidemic/incidents/" + id + "/retest",
                Map.of("result", "NEGATIVE", "sampledAt", now.minusHours(1).toString()));
        assertThat(retest.status()).as(retest.raw()).isEqualTo(200);
        assertThat(jdbc.sql("SELECT last_result FROM epi_latest_result WHERE employee_seq = (SELECT seq FROM epi_employee WHERE id = ?)").param(employee)
                .query(String.class).single()).isEqualTo("NEGATIVE");
        assertThat(zoneColour(admin, subject)).as("the incident is still under observation").isEqualTo("RED");

        ApiClient.Response filed = epi.post("/api/v1/epidemic/incidents/" + id + "/shutdown-request",
                Map.of("days", 1, "reason", "复核期间停产消杀"));
        assertThat(filed.status()).as(filed.raw()).isEqualTo(201);
        // the joint decision of 新郑's city (郑州): its epidemic command and HQ office
        org.sibao.support.JointDecision.approve(user(admin, "EPIDEMIC_OFFICER", "410100"), user(admin, "HQ_OFFICER", "410100"),
                filed.text("id"), null);
        ApiClient.Response detail = epi.get("/api/v1/epidemic/incidents/" + id);
        assertThat(detail.status()).as(detail.raw()).isEqualTo(200);
        assertThat(detail.body().get("shutdowns").get(0).get("status").asString()).isEqualTo("ACTIVE");
        assertThat(detail.body().get("timeline").size()).as("the three steps before and the HQ's approval").isEqualTo(4);

        epi.post("/api/v1/epidemic/incidents/" + id + "/retest", Map.of("result", "NEGATIVE"));
        epi.post("/api/v1/epidemic/incidents/" + id + "/clear", Map.of("quietDays", 1));
        assertThat(zoneColour(admin, subject)).isEqualTo("GREEN");
        assertThat(user(admin, "EPIDEMIC_OFFICER", "410200").get("/api/v1/epidemic/incidents/" + id).status()).isEqualTo(404);
    }
}
