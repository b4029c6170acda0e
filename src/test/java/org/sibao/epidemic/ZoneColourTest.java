package org.sibao.epidemic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.sibao.epidemic.EpidemicFixtures.XINZHENG;
import static org.sibao.epidemic.EpidemicFixtures.employee;

import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.sibao.subject.Subjects;
import org.sibao.support.ApiClient;
import org.sibao.support.FullStackTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Zone colours follow who is in the zone (seed 004): RED for an open incident or a positive result, YELLOW for close
 * contacts of an incident not closed, BLUE for arrivals under observation, GREEN otherwise; an officer's override can
 * raise a colour but never hide a worse one.
 */
@FullStackTest
class ZoneColourTest {

    @LocalServerPort
    int port;

    @Autowired
    Subjects subjects;

    @Autowired
    JdbcClient jdbc;

    ApiClient admin;
    ApiClient epi;
    EpidemicFixtures fx;
    String subject;
    Map<String, String> zone;
    Map<String, String> person;
    Map<String, String> idNumber;

    @BeforeEach
    void aSubjectWithThreeZonesAndFourEmployees() {
        admin = new ApiClient(port).as("admin", "Admin@2022");
        epi = new ApiClient(port).as("epi_xz", "Demo@2022");
        fx = new EpidemicFixtures(admin, subjects);
        subject = fx.activeSubject(XINZHENG);
        zone = new java.util.HashMap<>();
        for (String[] z : new String[][] {{"workshop", "一车间", "PRODUCTION"}, {"dorm", "宿舍", "LIVING"},
                {"gate", "交接区", "EXCHANGE"}}) {
            ApiClient.Response r = admin.post("/api/v1/enterprises/" + subject + "/zones", Map.of("name", z[1], "kind", z[2]));
            assertThat(r.status()).as(r.raw()).isEqualTo(201);
            zone.put(z[0], r.text("id"));
        }
        person = new java.util.HashMap<>();
        idNumber = new java.util.HashMap<>();
        for (String name : List.of("patient", "contact", "worker", "cook")) {
            idNumber.put(name, TestIds.next());
            fx.roster(subject, employee(name, idNumber.get(name), "FIXED"));
            person.put(name, jdbc.sql("SELECT id FROM epi_employee WHERE subject_id = ? AND name = ?").params(subject, name)
                    .query(String.class).single());
        }
        move("workshop", "patient", "worker");
        move("dorm", "contact", "cook");
    }

    private void move(String zoneKey, String... names) {
        ApiClient.Response r = epi.post("/api/v1/epidemic/zones/" + zone.get(zoneKey) + "/employees",
                Map.of("employeeIds", java.util.Arrays.stream(names).map(person::get).toList()));
        assertThat(r.status()).as(r.raw()).isEqualTo(200);
    }

    private Map<String, String> colours() {
        ApiClient.Response r = admin.get("/api/v1/enterprises/" + subject + "/zones");
        Map<String, String> byId = new java.util.HashMap<>();
        r.body().get("items").forEach(z -> byId.put(z.get("id").asString(), z.get("colour").asString()));
        Map<String, String> out = new java.util.TreeMap<>();
        zone.forEach((key, id) -> out.put(key, byId.get(id)));
        return out;
    }

    private static Map<String, String> expect(String workshop, String dorm, String gate) {
        return new java.util.TreeMap<>(Map.of("workshop", workshop, "dorm", dorm, "gate", gate));
    }

    @Test
    void anIncidentTurnsItsZoneRedItsContactsZoneYellowAndClosingItTurnsBothGreen() {
        assertThat(colours()).isEqualTo(expect("GREEN", "GREEN", "GREEN"));
        ApiClient.Response opened = epi.post("/api/v1/epidemic/incidents",
                Map.of("enterpriseId", subject, "employeeId", person.get("patient"), "kind", "SUSPECTED"));
        assertThat(opened.status()).as(opened.raw()).isEqualTo(201);
        assertThat(opened.text("zoneId")).as("the employee's zone").isEqualTo(zone.get("workshop"));
        assertThat(colours()).isEqualTo(expect("RED", "GREEN", "GREEN"));

        String id = opened.text("id");
        ApiClient.Response confirmed = epi.post("/api/v1/epidemic/incidents/" + id + "/confirm",
                Map.of("closeContactIds", List.of(person.get("contact")), "basis", "疾控中心确诊"));
        assertThat(confirmed.status()).as(confirmed.raw()).isEqualTo(200);
        assertThat(colours()).isEqualTo(expect("RED", "YELLOW", "GREEN"));

        epi.post("/api/v1/epidemic/incidents/" + id + "/close", Map.of());
        assertThat(colours()).isEqualTo(expect("GREEN", "GREEN", "GREEN"));
    }

    @Test
    void aClearedIncidentFreesItsZoneButKeepsItsContactsYellowUntilTheQuietPeriodEnds() {
        String id = epi.post("/api/v1/epidemic/incidents",
                Map.of("enterpriseId", subject, "employeeId", person.get("patient"), "kind", "SUSPECTED")).text("id");
        epi.post("/api/v1/epidemic/incidents/" + id + "/contacts", Map.of("employeeIds", List.of(person.get("contact"))));
        assertThat(colours()).isEqualTo(expect("RED", "YELLOW", "GREEN"));
        ApiClient.Response retest = epi.post("/api/v1/epidemic/incidents/" + id + "/retest", Map.of("result", "NEGATIVE"));
        assertThat(retest.status()).as(retest.raw()).isEqualTo(200);
        epi.post("/api/v1/epidemic/incidents/" + id + "/clear", Map.of("quietDays", 1));
        assertThat(colours()).isEqualTo(expect("GREEN", "YELLOW", "GREEN"));
        fx.advance(25);
        assertThat(epi.post("/api/v1/epidemic/incidents/" + id + "/close", Map.of()).text("status")).isEqualTo("CLOSED");
        assertThat(colours()).isEqualTo(expect("GREEN", "GREEN", "GREEN"));
    }

    @Test
    void bulkResultsTurnTheZoneOfAPositiveRedAndALaterNegativeTurnsItBack() {
        String sampled = fx.now().minusHours(2).truncatedTo(ChronoUnit.SECONDS).toString();
        ApiClient.Response r = fx.results(idNumber.get("cook") + "," + sampled + ",PCR,POSITIVE\n"
                + idNumber.get("worker") + "," + sampled + ",PCR,NEGATIVE\n");
        assertThat(r.body().get("accepted").asInt()).as(r.raw()).isEqualTo(2);
        assertThat(colours()).isEqualTo(expect("GREEN", "RED", "GREEN"));

        String later = fx.now().minusHours(1).truncatedTo(ChronoUnit.SECONDS).toString();
        fx.results(idNumber.get("cook") + "," + later + ",PCR,NEGATIVE\n");
        assertThat(colours()).isEqualTo(expect("GREEN", "GREEN", "GREEN"));
    }

    @Test
    void arrivalsUnderObservationTurnTheirZoneBlueUntilTheObservationEnds() {
        String today = fx.now().atZoneSameInstant(ZoneId.of("Asia/Shanghai")).toLocalDate().toString();
        ApiClient.Response arrival = epi.post("/api/v1/enterprises/" + subject + "/arrivals", Map.of("name", "返岗员工",
                "idNumber", TestIds.next(), "origin", "郑州市", "riskLevel", "LOW", "arrivalDate", today, "zoneId", zone.get("gate")));
        assertThat(arrival.status()).as(arrival.raw()).isEqualTo(201);
        assertThat(arrival.body().get("underObservation").asBoolean()).isTrue();
        assertThat(colours()).isEqualTo(expect("GREEN", "GREEN", "BLUE"));

        ApiClient.Response ended = epi.post("/api/v1/epidemic/arrivals/" + arrival.text("id") + "/end-observation", Map.of());
        assertThat(ended.status()).as(ended.raw()).isEqualTo(200);
        assertThat(colours()).isEqualTo(expect("GREEN", "GREEN", "GREEN"));
        assertThat(epi.post("/api/v1/epidemic/arrivals/" + arrival.text("id") + "/end-observation", Map.of()).status())
                .isEqualTo(409);

        epi.post("/api/v1/enterprises/" + subject + "/arrivals", Map.of("name", "新员工", "idNumber", TestIds.next(),
                "origin", "开封市", "riskLevel", "LOW", "arrivalDate", today, "zoneId", zone.get("gate")));
        assertThat(colours()).isEqualTo(expect("GREEN", "GREEN", "BLUE"));
        fx.advance(24 * 7);
        fx.sweep();
        assertThat(colours()).as("the sweep ends what only the clock changes").isEqualTo(expect("GREEN", "GREEN", "GREEN"));
    }

    @Test
    void anOverrideRaisesAColourButNeverHidesAWorseOneAndAutoRemovesIt() {
        ApiClient.Response raised = epi.put("/api/v1/epidemic/zones/" + zone.get("gate") + "/colour", Map.of("colour", "YELLOW"));
        assertThat(raised.text("colour")).isEqualTo("YELLOW");
        assertThat(raised.text("autoColour")).isEqualTo("GREEN");
        assertThat(raised.text("manualColour")).isEqualTo("YELLOW");

        epi.post("/api/v1/epidemic/incidents", Map.of("enterpriseId", subject, "employeeId", person.get("patient"),
                "kind", "FIRST_POSITIVE"));
        ApiClient.Response hidden = epi.put("/api/v1/epidemic/zones/" + zone.get("workshop") + "/colour", Map.of("colour", "GREEN"));
        assertThat(hidden.text("colour")).as("an override cannot hide an open incident").isEqualTo("RED");

        ApiClient.Response auto = epi.put("/api/v1/epidemic/zones/" + zone.get("gate") + "/colour", Map.of("colour", "AUTO"));
        assertThat(auto.text("colour")).isEqualTo("GREEN");
        assertThat(auto.body().get("manualColour").isNull()).isTrue();
        assertThat(colours()).isEqualTo(expect("RED", "GREEN", "GREEN"));
        List<Integer> members = new java.util.ArrayList<>();
        admin.get("/api/v1/enterprises/" + subject + "/zones").body().get("items").forEach(z -> members.add(z.get("employees").asInt()));
        assertThat(members).as("exchange, living, production zones").containsExactly(0, 2, 2);
    }
}
