package org.sibao.pg;

import org.sibao.platform.personal.PersonalDataCipher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.postgresql.PGConnection;
import org.sibao.epidemic.TestIds;
import org.sibao.support.ApiClient;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Benchmarks B1 (bulk test-result ingest), B2 (sentinel sweep), B3 (the dashboard at this scale: a snapshot's
 * computation and warm requests) and B6 (emergency switch of 5,000 subjects) on PostgreSQL, through the running application over HTTP. Not part of the test suite: it runs only with
 * {@code -Dsibao.bench=true} (and the PostgreSQL test variables), e.g.
 * <pre>
 * SIBAO_TEST_PG_URL=jdbc:postgresql://localhost:5432/sibao_test SIBAO_TEST_PG_USER=sibao SIBAO_TEST_PG_PASSWORD=sibao \
 *   mvn -q -B test -Dtest=EpidemicBenchmark -Dsibao.bench=true -Dsibao.bench.employees=1000000
 * </pre>
 * The data set (subjects across every county, 40 % of them ACTIVE, employees with mixed posts and a latest
 * negative test on schedule, ~3 % late) is loaded with COPY straight into a fresh schema; ID-number hashes use the
 * application's derivation under the benchmark's key. The sweep reads each employee's latest result, kept on
 * ingest, so the 5 M historic result rows of BENCHMARKS.md do not change its cost and are not generated.
 * Prints one table and writes {@code target/bench/epidemic.json}.
 */
@ExtendWith(PostgresSchema.class)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.main.banner-mode=off", "logging.level.root=WARN", "sibao.epidemic.sweep-cron=-",
        // the weekly production reminders would run in the first minute of a fresh schema, amid the B1 requests
        "sibao.production.reminder-cron=-"})
@ActiveProfiles("postgres")
@DirtiesContext
class EpidemicBenchmark {

    private static final String KEY = "MDEyMzQ1Njc4OWFiY2RlZjAxMjM0NTY3ODlhYmNkZWY=";
    private static final int ROUNDS = Integer.getInteger("sibao.bench.rounds", 3);
    private static final int EMPLOYEES = Integer.getInteger("sibao.bench.employees", 100_000);
    private static final int INGEST_ROWS = Math.min(100_000, EMPLOYEES);
    private static final int SWITCH_SUBJECTS = 5_000;

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", () -> PostgresSchema.current().url());
        registry.add("spring.datasource.username", () -> PostgresSchema.current().user());
        registry.add("spring.datasource.password", () -> PostgresSchema.current().password());
        registry.add("sibao.security.token-secret", () -> "benchmark-signing-key-" + UUID.randomUUID());
        registry.add("sibao.personal-data.key", () -> KEY);
        registry.add("sibao.passes.signing-key", () -> "integration-test-pass-signing-key-0123456789");
    }

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    DataSource dataSource;

    @Test
    void b1b2b3b6() throws Exception {
        assumeTrue(Boolean.getBoolean("sibao.bench"), "benchmark: run with -Dsibao.bench=true");
        Random random = new Random(20220601);
        OffsetDateTime now = OffsetDateTime.now().truncatedTo(ChronoUnit.SECONDS);
        List<String> counties = jdbc.sql("SELECT code FROM region WHERE level = 'COUNTY' AND code NOT LIKE '4102%' ORDER BY code")
                .query(String.class).list();
        List<String> kaifeng = jdbc.sql("SELECT code FROM region WHERE level = 'COUNTY' AND code LIKE '4102%' ORDER BY code")
                .query(String.class).list();
        int subjectCount = Math.max(1, EMPLOYEES / 20);
        long t0 = System.nanoTime();
        StringBuilder subjects = new StringBuilder();
        List<String> activeIds = new ArrayList<>();
        String[] sectors = {"INDUSTRY", "COMMERCE", "TRANSPORT", "CULTURE_TOURISM", "KEY_PROJECT"};
        for (int i = 0; i < subjectCount + SWITCH_SUBJECTS; i++) {
            boolean switchSet = i >= subjectCount;
            String id = UUID.randomUUID().toString();
            String region = switchSet ? kaifeng.get(i % kaifeng.size()) : counties.get(i % counties.size());
            boolean active = switchSet || random.nextInt(100) < 40;
            if (active && !switchSet) {
                activeIds.add(id);
            }
            subjects.append(id).append(",B").append(String.format("%017d", i)).append(",基准企业").append(i)
                    .append(",ENTERPRISE,").append(region).append(',').append(sectors[i % 5]).append(",SMALL,")
                    .append(active ? "ACTIVE" : "NONE").append(',').append(now).append(',').append(now).append('\n');
        }
        copy("COPY subject (id, uscc, name, kind, region_code, sector, size_class, whitelist_status, created_at, updated_at) "
                + "FROM STDIN WITH (FORMAT csv)", subjects.toString());
        Mac mac = hashMac();
        String[] posts = {"FIXED", "FIXED", "FIXED", "MOBILE", "CITY_SUPPLY"};
        List<String> ids = new ArrayList<>(EMPLOYEES);
        StringBuilder employees = new StringBuilder();
        StringBuilder latest = new StringBuilder();
        for (int i = 0; i < EMPLOYEES; i++) {
            String idNumber = TestIds.next();
            ids.add(idNumber);
            String subject = activeIds.isEmpty() || random.nextInt(100) >= 60 ? null : activeIds.get(random.nextInt(activeIds.size()));
            if (subject == null) {
                subject = activeIds.isEmpty() ? null : activeIds.get(i % activeIds.size());
            }
            int lateHours = random.nextInt(100) < 3 ? 60 : random.nextInt(20);
            String employeeId = UUID.randomUUID().toString();
            employees.append(employeeId).append(',').append(i + 1).append(',').append(subject).append(",410184,INDUSTRY,员工").append(i).append(',')
                    .append(HexFormat.of().formatHex(mac.doFinal(idNumber.getBytes(StandardCharsets.UTF_8))))
                    .append(",x,4101**********0000,x,139****0000,").append(posts[i % posts.length]).append(',')
                    .append(now.minusDays(10)).append(',').append(now).append('\n');
            latest.append(i + 1).append(',').append(now.minusHours(lateHours)).append(",PCR,NEGATIVE,")
                    .append(now.minusHours(lateHours)).append('\n');
            if (employees.length() > 8_000_000) {
                copyEmployees(employees.toString(), latest.toString());
                employees.setLength(0);
                latest.setLength(0);
            }
        }
        copyEmployees(employees.toString(), latest.toString());
        // the employees were numbered here: the roster's own numbering continues after them
        jdbc.sql("SELECT setval(pg_get_serial_sequence('epi_employee', 'seq'), ?)").param((long) EMPLOYEES).query(Long.class).single();
        // what autovacuum does after a bulk load (statistics, visibility map), done before measuring rather than
        // left to start in the middle of a measured request
        jdbc.sql("VACUUM ANALYZE").update();
        double loadSeconds = (System.nanoTime() - t0) / 1e9;

        ApiClient admin = user("bench_admin", "ADMIN", "410000");
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("employees", EMPLOYEES);
        out.put("subjects", subjectCount + SWITCH_SUBJECTS);
        out.put("activeSubjects", activeIds.size() + SWITCH_SUBJECTS);
        out.put("loadSeconds", loadSeconds);

        // B1: 100k-row CSV requests, new sample times each round, against \copy of the same rows into a bare table
        List<Double> ingestRates = new ArrayList<>();
        List<Double> copyRates = new ArrayList<>();
        for (int round = 0; round < ROUNDS; round++) {
            StringBuilder csv = new StringBuilder("idNumber,sampledAt,kind,result\n");
            String sampled = now.minusMinutes(10 + round).toString();
            for (int i = 0; i < INGEST_ROWS; i++) {
                csv.append(ids.get((i * 7 + round) % ids.size())).append(',').append(sampled).append(",PCR,NEGATIVE\n");
            }
            String body = csv.toString();
            long s = System.nanoTime();
            ApiClient.Response r = admin.postRaw("/api/v1/epidemic/test-results", "text/csv", body);
            double secs = (System.nanoTime() - s) / 1e9;
            assertThat(r.status()).as(r.raw().substring(0, Math.min(300, r.raw().length()))).isEqualTo(200);
            assertThat(r.body().get("rejected").asInt()).isZero();
            ingestRates.add(INGEST_ROWS / secs);
            copyRates.add(INGEST_ROWS / psqlCopy(body));
        }
        double b1 = median(ingestRates);
        double copyRate = median(copyRates);
        out.put("b1RowsPerSecond", b1);
        out.put("b1RoundsRowsPerSecond", ingestRates.stream().map(Math::round).toList());
        out.put("b1PsqlCopyRowsPerSecond", copyRate);
        out.put("b1Ratio", b1 / copyRate);

        // B2: first sweep (opens the alerts), then steady-state sweeps
        ApiClient.Response first = admin.post("/api/v1/epidemic/sweep", Map.of());
        assertThat(first.status()).isEqualTo(200);
        out.put("b2FirstSweepMs", first.body().get("durationMs").asLong());
        out.put("b2FirstSweepOpened", first.body().get("opened").asInt());
        List<Double> sweeps = new ArrayList<>();
        for (int round = 0; round < ROUNDS; round++) {
            sweeps.add((double) admin.post("/api/v1/epidemic/sweep", Map.of()).body().get("durationMs").asLong());
        }
        out.put("b2SweepMs", median(sweeps));

        // B3 at this scale: a snapshot's computation (the first request for a key computes it while the caller
        // waits), then warm requests, as the province's HQ and a county's, two threads at a time
        String county = counties.get(0);
        ApiClient province = user("bench_hq_hn", "HQ_OFFICER", "410000");
        ApiClient local = user("bench_hq_county", "HQ_OFFICER", county);
        long c0 = System.nanoTime();
        assertThat(province.get("/api/v1/dashboard?regionCode=410000&sector=INDUSTRY").status()).isEqualTo(200);
        double coldProvince = (System.nanoTime() - c0) / 1e6;
        c0 = System.nanoTime();
        assertThat(local.get("/api/v1/dashboard?regionCode=" + county).status()).isEqualTo(200);
        double coldCounty = (System.nanoTime() - c0) / 1e6;
        double provinceP95 = dashboardP95(province, "/api/v1/dashboard?regionCode=410000&sector=INDUSTRY");
        double countyP95 = dashboardP95(local, "/api/v1/dashboard?regionCode=" + county);
        out.put("b3ColdProvinceMs", coldProvince);
        out.put("b3ColdCountyMs", coldCounty);
        out.put("b3WarmProvinceP95Ms", provinceP95);
        out.put("b3WarmCountyP95Ms", countyP95);

        // B6: switch 开封 (5,000 ACTIVE subjects) to EMERGENCY and back, over HTTP
        ApiClient hq = user("bench_hq_kf", "HQ_OFFICER", "410200");
        List<Double> switches = new ArrayList<>();
        int affected = 0;
        for (int round = 0; round < ROUNDS; round++) {
            long s = System.nanoTime();
            ApiClient.Response on = hq.put("/api/v1/regions/410200/mode", Map.of("mode", "EMERGENCY", "reason", "基准测试"));
            switches.add((System.nanoTime() - s) / 1e6);
            assertThat(on.status()).isEqualTo(200);
            affected = on.body().get("affectedEnterprises").asInt();
            hq.put("/api/v1/regions/410200/mode", Map.of("mode", "NORMAL", "reason", "基准测试结束"));
        }
        out.put("b6Subjects", affected);
        out.put("b6SwitchMs", median(switches));

        String table = String.join("\n",
                "| # | figure | target |", "|---|---|---|",
                String.format("| data | %,d employees, %,d subjects (%,d ACTIVE), loaded in %.1f s | |", EMPLOYEES,
                        subjectCount + SWITCH_SUBJECTS, activeIds.size() + SWITCH_SUBJECTS, loadSeconds),
                String.format("| B1 | %,.0f rows/s over HTTP (psql \\copy into a bare table: %,.0f rows/s; ratio %.2f) | ≥ 50,000 rows/s, ratio ≥ 0.5 |",
                        b1, copyRate, b1 / copyRate),
                String.format("| B2 | sweep %.0f ms (first sweep %d ms, %,d alerts opened) | ≤ 3 s |", median(sweeps),
                        first.body().get("durationMs").asLong(), first.body().get("opened").asInt()),
                String.format("| B3 | warm p95 %.1f ms province (INDUSTRY drill-down) / %.1f ms county %s (2 threads, %d requests each); "
                        + "a snapshot computed cold: %.0f ms province, %.0f ms county | p95 ≤ 50 ms warm |",
                        provinceP95, countyP95, county, DASHBOARD_REQUESTS, coldProvince, coldCounty),
                String.format("| B6 | switch of %,d subjects %.0f ms | ≤ 1 s |", affected, median(switches)));
        System.out.println(table);
        Files.createDirectories(Path.of("target", "bench"));
        StringBuilder json = new StringBuilder("{");
        out.forEach((k, v) -> json.append(json.length() > 1 ? "," : "").append('"').append(k).append("\":").append(v));
        Files.writeString(Path.of("target", "bench", "epidemic.json"), json.append("}\n").toString());
        Files.writeString(Path.of("target", "bench", "epidemic.md"), table + "\n");
    }

    private static final int DASHBOARD_REQUESTS = 2_000;

    /**
     * The 95th percentile of a dashboard request's latency (ms) over two threads of {@link #DASHBOARD_REQUESTS}
     * each, after as many warm-up requests.
     */
    private double dashboardP95(ApiClient client, String path) throws Exception {
        java.net.http.HttpClient http = java.net.http.HttpClient.newHttpClient();
        java.net.http.HttpRequest request = java.net.http.HttpRequest.newBuilder(
                        java.net.URI.create("http://localhost:" + port + path))
                .header("Authorization", "Bearer " + client.token()).GET().build();
        java.util.concurrent.Callable<List<Double>> run = () -> {
            List<Double> took = new ArrayList<>();
            for (int i = 0; i < 2 * DASHBOARD_REQUESTS; i++) {
                long s = System.nanoTime();
                java.net.http.HttpResponse<byte[]> r = http.send(request, java.net.http.HttpResponse.BodyHandlers.ofByteArray());
                if (r.statusCode() != 200) {
                    throw new IllegalStateException("dashboard answered " + r.statusCode());
                }
                if (i >= DASHBOARD_REQUESTS) {
                    took.add((System.nanoTime() - s) / 1e6);
                }
            }
            return took;
        };
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(2);
        try {
            List<Double> all = new ArrayList<>();
            for (java.util.concurrent.Future<List<Double>> f : pool.invokeAll(List.of(run, run))) {
                all.addAll(f.get());
            }
            Collections.sort(all);
            return all.get((int) Math.ceil(all.size() * 0.95) - 1);
        } finally {
            pool.shutdownNow();
        }
    }

    private void copyEmployees(String rows, String latest) throws Exception {
        copy("COPY epi_employee (id, seq, subject_id, region_code, sector, name, id_hash, id_enc, id_mask, phone_enc, phone_mask, "
                + "post_type, rostered_at, updated_at) FROM STDIN WITH (FORMAT csv)", rows);
        copy("COPY epi_latest_result (employee_seq, last_sampled_at, last_kind, last_result, last_negative_at) "
                + "FROM STDIN WITH (FORMAT csv)", latest);
    }

    private void copy(String sql, String rows) throws Exception {
        try (Connection c = dataSource.getConnection()) {
            c.unwrap(PGConnection.class).getCopyAPI().copyIn(sql, new StringReader(rows));
        }
    }

    /** Seconds for {@code psql \copy} of the CSV into a bare table (COPY through the driver if psql is missing). */
    private double psqlCopy(String csv) throws Exception {
        PostgresSchema.Schema schema = PostgresSchema.current();
        jdbc.sql("DROP TABLE IF EXISTS bench_bare").update();
        jdbc.sql("CREATE TABLE bench_bare (id_number TEXT, sampled_at TIMESTAMPTZ, kind TEXT, result TEXT)").update();
        Path file = Files.createTempFile("bench", ".csv");
        Files.writeString(file, csv);
        try {
            String base = System.getenv("SIBAO_TEST_PG_URL").replace("jdbc:postgresql://", "");
            String host = base.substring(0, base.indexOf(':'));
            String port = base.substring(base.indexOf(':') + 1, base.indexOf('/'));
            String db = base.substring(base.indexOf('/') + 1).replaceAll("\\?.*", "");
            ProcessBuilder pb = new ProcessBuilder("psql", "-h", host, "-p", port, "-U", schema.user(), "-d", db, "-q",
                    "-c", "SET search_path TO " + schema.name(),
                    "-c", "\\copy bench_bare FROM '" + file + "' WITH (FORMAT csv, HEADER true)");
            pb.environment().put("PGPASSWORD", schema.password());
            pb.redirectErrorStream(true);
            long s = System.nanoTime();
            Process p;
            try {
                p = pb.start();
            } catch (IOException e) {
                s = System.nanoTime();
                copy("COPY bench_bare FROM STDIN WITH (FORMAT csv, HEADER true)", csv);
                return (System.nanoTime() - s) / 1e9;
            }
            String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(p.waitFor()).as(output).isZero();
            double secs = (System.nanoTime() - s) / 1e9;
            assertThat(jdbc.sql("SELECT COUNT(*) FROM bench_bare").query(Long.class).single()).isEqualTo(INGEST_ROWS);
            return secs;
        } finally {
            Files.deleteIfExists(file);
        }
    }

    private ApiClient user(String username, String role, String region) {
        jdbc.sql("""
                INSERT INTO app_user (id, username, password_hash, display_name, role, region_code, created_at)
                VALUES (?, ?, ?, ?, ?, ?, ?)""")
                .params(UUID.randomUUID().toString(), username, new BCryptPasswordEncoder().encode("Bench@2022"), username,
                        role, region, OffsetDateTime.now())
                .update();
        return new ApiClient(port).as(username, "Bench@2022");
    }

    /** The application's look-up hash key: HMAC-SHA256(secret, label) (see PersonalDataCipher). */
    private static Mac hashMac() throws Exception {
        Mac derive = Mac.getInstance("HmacSHA256");
        derive.init(new SecretKeySpec(Base64.getDecoder().decode(KEY), "HmacSHA256"));
        byte[] hashKey = derive.doFinal("sibao/personal-data/lookup-hash".getBytes(StandardCharsets.UTF_8));
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(hashKey, "HmacSHA256"));
        return mac;
    }

    private static double median(List<Double> values) {
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        return sorted.get(sorted.size() / 2);
    }
}
