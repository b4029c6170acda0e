package org.sibao.logistics.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.sibao.platform.BusinessClock;
import org.sibao.platform.personal.IdNumbers;
import org.sibao.platform.personal.PersonalDataCipher;
import org.sibao.support.ApiClient;
import org.sibao.support.FullStackTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The demo passes: 13 over the five demo areas for TRANSPORT carriers, every state (a new-energy van and truck among
 * the approved ones, one expired), drivers with valid ID numbers and phones, and a second start seeds none. Other
 * tests share the context and may move the clock, so states are judged as stored and times against the seeding.
 */
@FullStackTest
class PassDemoDataTest {

    @Autowired
    JdbcClient jdbc;

    @Autowired
    PassDemoData demo;

    @Autowired
    PersonalDataCipher cipher;

    @Autowired
    BusinessClock clock;

    @LocalServerPort
    int port;

    private record Row(String id, String plate, String status, String code, String regionCode, String sector,
            OffsetDateTime validFrom, OffsetDateTime validTo, OffsetDateTime requestedAt, OffsetDateTime decidedAt) {
    }

    @Test
    void thirteenPassesInEveryStateOverTheDemoAreas() {
        List<Row> seeded = seeded();
        assertThat(seeded).hasSize(13);
        Map<String, Long> byStatus = seeded.stream().collect(Collectors.groupingBy(Row::status, Collectors.counting()));
        assertThat(byStatus).containsExactlyInAnyOrderEntriesOf(Map.of("PENDING", 4L, "APPROVED", 7L, "REJECTED", 1L,
                "REVOKED", 1L));
        assertThat(seeded).allSatisfy(r -> assertThat(r.sector()).isEqualTo("TRANSPORT"));
        assertThat(seeded.stream().map(r -> r.regionCode().substring(0, 4)).distinct())
                .containsExactlyInAnyOrder("4101", "4102", "4190", "4113", "4115");
        assertThat(seeded.stream().filter(r -> r.status().equals("APPROVED")).map(Row::plate))
                .as("a new-energy van and a new-energy truck").contains("豫AD35781", "豫U02468D");
        assertThat(seeded.stream().filter(r -> r.status().equals("APPROVED") || r.status().equals("REVOKED")))
                .allSatisfy(r -> assertThat(r.code()).startsWith(r.id() + "."));
        assertThat(seeded.stream().filter(r -> r.status().equals("PENDING"))).allSatisfy(r -> assertThat(r.code()).isNull());
        for (Row r : seeded) {
            assertThat(jdbc.sql("SELECT COUNT(*) FROM vehicle_pass_served WHERE pass_id = ?").param(r.id())
                    .query(Long.class).single()).isEqualTo(1);
        }

        // the seeding time: the pending ones were filed an hour before it
        OffsetDateTime seededAt = seeded.stream().filter(r -> r.status().equals("PENDING")).map(Row::requestedAt)
                .max(OffsetDateTime::compareTo).orElseThrow().plusHours(1);
        Row expired = byPlate(seeded, "豫U3N519");
        assertThat(expired.status()).isEqualTo("APPROVED");
        assertThat(expired.validTo()).isBefore(seededAt.plusMinutes(1));
        assertThat(expired.validFrom()).isBefore(seededAt.minusDays(30));
        assertThat(seeded.stream().filter(r -> r != expired && r.status().equals("APPROVED")))
                .allSatisfy(r -> assertThat(r.validTo()).isAfter(seededAt.plusDays(20)))
                .allSatisfy(r -> assertThat(r.decidedAt()).isBefore(seededAt.minusDays(1)).isAfter(r.requestedAt()));

        ApiClient anonymous = new ApiClient(port).anonymous();
        assertThat(anonymous.get("/public/passes/verify?code=" + expired.code()).body().get("valid").asBoolean()).isFalse();
        Row van = byPlate(seeded, "豫AD35781");
        OffsetDateTime now = clock.nowOffset();
        boolean inForce = !now.isBefore(van.validFrom()) && !now.isAfter(van.validTo());
        assertThat(anonymous.get("/public/passes/verify?code=" + van.code()).body().get("valid").asBoolean())
                .isEqualTo(inForce);
        ApiClient officer = new ApiClient(port).as("sector_transport_kf", "Demo@2022");
        assertThat(officer.get("/api/v1/passes?status=PENDING").body().get("total").asLong()).isGreaterThanOrEqualTo(1);
    }

    @Test
    void driversHaveValidIdNumbersAndPhones() {
        List<Object> ids = new ArrayList<>(seeded().stream().map(r -> (Object) r.id()).toList());
        List<String[]> drivers = jdbc.sql("SELECT id_number_cipher, phone_cipher FROM pass_driver WHERE pass_id IN ("
                + String.join(",", ids.stream().map(i -> "?").toList()) + ")").params(ids)
                .query((rs, n) -> new String[] {rs.getString(1), rs.getString(2)}).list();
        assertThat(drivers).hasSizeBetween(13, 26);
        assertThat(drivers).allSatisfy(d -> {
            assertThat(IdNumbers.isValid(cipher.decrypt(d[0]), clock.today())).isTrue();
            assertThat(IdNumbers.isMobile(cipher.decrypt(d[1]))).isTrue();
        });
    }

    @Test
    void aSecondStartSeedsNothing() {
        long before = jdbc.sql("SELECT COUNT(*) FROM vehicle_pass").query(Long.class).single();
        demo.run(null);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM vehicle_pass").query(Long.class).single()).isEqualTo(before);
        assertThat(seeded()).hasSize(13);
    }

    private static Row byPlate(List<Row> rows, String plate) {
        return rows.stream().filter(r -> r.plate().equals(plate)).findFirst().orElseThrow();
    }

    /** The seeded passes: the scripts' plates on the scripts' routes (other tests file passes of their own). */
    private List<Row> seeded() {
        List<Object> params = new ArrayList<>();
        PassDemoData.SCRIPTS.forEach(s -> {
            params.add(s.plate());
            params.add(s.origin());
        });
        String pairs = String.join(" OR ", PassDemoData.SCRIPTS.stream().map(s -> "(plate_number = ? AND origin = ?)").toList());
        return jdbc.sql("SELECT id, plate_number, status, code, carrier_region_code, carrier_sector, valid_from, valid_to,"
                + " requested_at, decided_at FROM vehicle_pass WHERE " + pairs).params(params)
                .query((rs, n) -> new Row(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), rs.getString(6), rs.getObject(7, OffsetDateTime.class),
                        rs.getObject(8, OffsetDateTime.class), rs.getObject(9, OffsetDateTime.class),
                        rs.getObject(10, OffsetDateTime.class)))
                .list();
    }
}
