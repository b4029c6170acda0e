package org.sibao.policy.internal;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;

import org.sibao.SibaoApplication;
import org.sibao.identity.DataScope;
import org.sibao.platform.Ids;
import org.sibao.policy.PolicyStatus;
import org.sibao.subject.SubjectFacts;
import org.sibao.subject.Subjects;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * B4 (BENCHMARKS.md): the full policy rematch, 50,000 subjects × 500 policies in force (the seeded library plus
 * generated variants), and one subject's matches. Not a test: run it with {@code bench/policy-rematch.sh}, which
 * starts the application (on a random port) on PostgreSQL ({@code SIBAO_BENCH_PG_URL}, user, password) or on an
 * in-memory H2. Data are deterministic (fixed seed) and written with JDBC batches. Prints a table and writes
 * {@code target/bench/b4-policy-rematch.json}. Arguments: {@code [subjects] [policies] [rounds]}.
 */
public final class PolicyRematchBenchmark {

    private static final String[] SECTORS = {"INDUSTRY", "COMMERCE", "TRANSPORT", "CULTURE_TOURISM", "KEY_PROJECT"};
    private static final String[] INDUSTRIES = {"13", "26", "36", "39", "44", "52", "54", "59", "62", "65", "72", "77", "48"};
    private static final String[] SIZES = {"LARGE", "MEDIUM", "SMALL", "SMALL", "MICRO", "MICRO", "UNKNOWN"};

    private PolicyRematchBenchmark() {
    }

    public static void main(String[] args) throws IOException {
        int subjectCount = args.length > 0 ? Integer.parseInt(args[0]) : 50_000;
        int policyCount = args.length > 1 ? Integer.parseInt(args[1]) : 500;
        int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 3;
        String pg = System.getenv("SIBAO_BENCH_PG_URL");
        boolean onPg = pg != null && !pg.isBlank();
        List<String> props = new ArrayList<>(List.of("--server.port=0",
                "--spring.main.banner-mode=off", "--logging.level.root=WARN", "--sibao.demo-data=false",
                "--sibao.drill-mode=false", "--sibao.policy.sweep-initial-delay=24h",
                "--sibao.security.token-secret=benchmark-signing-key-0123456789abcdef",
                // every secret production mode requires (the PostgreSQL run starts in production mode)
                "--sibao.personal-data.key=MDEyMzQ1Njc4OWFiY2RlZjAxMjM0NTY3ODlhYmNkZWY=",
                "--sibao.passes.signing-key=benchmark-pass-signing-key-0123456789abcdef"));
        if (onPg) {
            props.add("--spring.datasource.url=" + pg);
            props.add("--spring.datasource.username=" + System.getenv().getOrDefault("SIBAO_BENCH_PG_USER", "sibao"));
            props.add("--spring.datasource.password=" + System.getenv().getOrDefault("SIBAO_BENCH_PG_PASSWORD", "sibao"));
        } else {
            props.add("--spring.datasource.url=jdbc:h2:mem:b4;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;"
                    + "DEFAULT_NULL_ORDERING=HIGH;CASE_INSENSITIVE_IDENTIFIERS=TRUE;DB_CLOSE_DELAY=-1");
            props.add("--spring.datasource.username=sa");
        }
        SpringApplication app = new SpringApplication(SibaoApplication.class);
        if (onPg) {
            app.setAdditionalProfiles("postgres");
        }
        try (ConfigurableApplicationContext ctx = app.run(props.toArray(String[]::new))) {
            run(ctx, subjectCount, policyCount, rounds, onPg ? "PostgreSQL" : "H2 (in memory)");
        }
    }

    private static void run(ConfigurableApplicationContext ctx, int subjectCount, int policyCount, int rounds,
            String database) throws IOException {
        JdbcTemplate jdbc = ctx.getBean(JdbcTemplate.class);
        PolicyMatcher matcher = ctx.getBean(PolicyMatcher.class);
        Subjects subjects = ctx.getBean(Subjects.class);
        ctx.getBean(PolicySeed.class).run(null);
        jdbc.update("DELETE FROM policy_match");
        jdbc.update("DELETE FROM policy_redemption");
        long t0 = System.nanoTime();
        List<String> counties = jdbc.queryForList("SELECT code FROM region WHERE code LIKE '41%' AND code NOT LIKE '%00'"
                + " ORDER BY code", String.class);
        String runTag = Long.toString(System.currentTimeMillis() % 1_000_000, 36).toUpperCase(Locale.ROOT);
        generateSubjects(jdbc, subjectCount, counties, runTag);
        generatePolicies(ctx, jdbc, policyCount, runTag);
        double generateSeconds = (System.nanoTime() - t0) / 1e9;

        List<Double> full = new ArrayList<>();
        PolicyMatcher.Stats stats = null;
        for (int i = 0; i < rounds; i++) {
            stats = matcher.rematchAll(false);
            full.add(stats.millis() / 1000.0);
        }
        List<String> ids = jdbc.queryForList("SELECT id FROM subject ORDER BY id", String.class);
        Random random = new Random(7);
        List<SubjectFacts> sample = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            sample.add(subjects.find(ids.get(random.nextInt(ids.size())), DataScope.system()).orElseThrow());
        }
        for (SubjectFacts s : sample) {
            matcher.evaluate(s);
        }
        double[] one = new double[sample.size()];
        for (int i = 0; i < sample.size(); i++) {
            long s = System.nanoTime();
            matcher.evaluate(sample.get(i));
            one[i] = (System.nanoTime() - s) / 1e6;
        }
        double[] stored = new double[50];
        for (int i = 0; i < stored.length; i++) {
            long s = System.nanoTime();
            matcher.rematchSubject(sample.get(i).id());
            stored[i] = (System.nanoTime() - s) / 1e6;
        }
        Arrays.sort(one);
        Arrays.sort(stored);
        double fullMedian = full.stream().mapToDouble(Double::doubleValue).sorted().toArray()[full.size() / 2];
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("database", database);
        out.put("subjects", stats.subjects());
        out.put("policiesInForce", stats.policies());
        out.put("rowsStored", stats.rows());
        out.put("generateSeconds", round(generateSeconds));
        out.put("fullRematchSeconds", full.stream().map(PolicyRematchBenchmark::round).toList());
        out.put("fullRematchMedianSeconds", round(fullMedian));
        out.put("fullRematchTargetSeconds", 30);
        out.put("oneSubjectMedianMillis", round(one[one.length / 2]));
        out.put("oneSubjectP95Millis", round(one[(int) (one.length * 0.95)]));
        out.put("oneSubjectTargetMillis", 5);
        out.put("oneSubjectStoredMedianMillis", round(stored[stored.length / 2]));
        System.out.println();
        System.out.println("| B4 figure | value | target |");
        System.out.println("|---|---|---|");
        System.out.printf("| full rematch (%d subjects x %d policies, %s), median of %d | %.2f s | <= 30 s |%n",
                stats.subjects(), stats.policies(), database, rounds, fullMedian);
        System.out.printf("| one subject, fresh with explanations (median / p95) | %.3f / %.3f ms | <= 5 ms |%n",
                one[one.length / 2], one[(int) (one.length * 0.95)]);
        System.out.printf("| one subject, recomputed and stored (median) | %.3f ms | |%n", stored[stored.length / 2]);
        System.out.printf("| rows stored (ELIGIBLE + UNKNOWN) | %d | |%n", stats.rows());
        Path dir = Path.of("target", "bench");
        Files.createDirectories(dir);
        Files.writeString(dir.resolve("b4-policy-rematch.json"),
                JsonMapper.builder().build().writerWithDefaultPrettyPrinter().writeValueAsString(out));
    }

    private static double round(double v) {
        return Math.round(v * 1000) / 1000.0;
    }

    private static void generateSubjects(JdbcTemplate jdbc, int count, List<String> counties, String runTag) {
        Random r = new Random(42);
        OffsetDateTime now = OffsetDateTime.now();
        List<Object[]> rows = new ArrayList<>();
        List<Object[]> attrs = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String id = Ids.newId();
            String industry = INDUSTRIES[r.nextInt(INDUSTRIES.length)];
            int employees = (int) Math.round(Math.exp(r.nextDouble() * 8));
            BigDecimal revenue = BigDecimal.valueOf(r.nextInt(500_000), 1);
            String flags = revenue.compareTo(BigDecimal.valueOf(2000)) >= 0 && r.nextBoolean() ? "ABOVE_SCALE" : "";
            String whitelist = r.nextInt(5) < 2 ? "ACTIVE" : "NONE";
            rows.add(new Object[] {id, String.format("B4%4s%012d", runTag, i).replace(" ", "0"), "", "B4 主体 " + i,
                    r.nextInt(10) == 0 ? "INDIVIDUAL_BUSINESS" : "ENTERPRISE", counties.get(r.nextInt(counties.size())),
                    SECTORS[r.nextInt(SECTORS.length)], industry, r.nextInt(20) == 0 ? null : employees, revenue,
                    SIZES[r.nextInt(SIZES.length)], flags, whitelist, whitelist.equals("ACTIVE") ? "COUNTY" : null, now, now});
            if (r.nextInt(3) == 0) {
                attrs.add(new Object[] {id, "affectedByEpidemic", String.valueOf(r.nextBoolean())});
            }
            if (r.nextInt(4) == 0) {
                attrs.add(new Object[] {id, "fullCapacityQ2", String.valueOf(r.nextBoolean())});
                attrs.add(new Object[] {id, "revenueGrowthPct", String.valueOf(r.nextInt(40) - 10)});
            }
            if (employees >= 1000) {
                attrs.add(new Object[] {id, "boothCostYuan", String.valueOf(20_000 + r.nextInt(100_000))});
            }
            if (rows.size() == 5_000) {
                flushSubjects(jdbc, rows, attrs);
            }
        }
        flushSubjects(jdbc, rows, attrs);
    }

    private static void flushSubjects(JdbcTemplate jdbc, List<Object[]> rows, List<Object[]> attrs) {
        if (rows.isEmpty()) {
            return;
        }
        jdbc.batchUpdate("INSERT INTO subject (id, uscc, project_no, name, kind, region_code, sector, industry_code,"
                + " employees, annual_revenue, size_class, flags, whitelist_status, whitelist_level, created_at,"
                + " updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", rows);
        if (!attrs.isEmpty()) {
            jdbc.batchUpdate("INSERT INTO subject_attribute (subject_id, name, attr_value) VALUES (?, ?, ?)", attrs);
        }
        rows.clear();
        attrs.clear();
    }

    /** Variants of the seeded policies: another city, an extra threshold, published and in force. */
    private static void generatePolicies(ConfigurableApplicationContext ctx, JdbcTemplate jdbc, int total,
            String runTag) {
        PolicyRepository repository = ctx.getBean(PolicyRepository.class);
        JsonMapper json = JsonMapper.builder().build();
        List<PolicyRow> seeded = repository.published();
        List<String> cities = jdbc.queryForList("SELECT code FROM region WHERE code LIKE '41%' AND code LIKE '%00'"
                + " AND code <> '410000' ORDER BY code", String.class);
        Random r = new Random(11);
        OffsetDateTime now = OffsetDateTime.now();
        for (int i = seeded.size(); i < total; i++) {
            PolicyRow base = seeded.get(i % seeded.size());
            ObjectNode rule = (ObjectNode) json.readTree(base.eligibility());
            ArrayNode all = rule.has("all") ? (ArrayNode) rule.get("all") : null;
            if (all != null && all.size() > 0 && "regionCode".equals(all.get(0).path("fact").asString())) {
                ((ObjectNode) all.get(0)).putArray("value").add(cities.get(r.nextInt(cities.size())));
            }
            if (all != null) {
                ObjectNode extra = all.addObject();
                extra.put("fact", "employees");
                extra.put("op", "gte");
                extra.put("value", r.nextInt(50));
            }
            repository.insert(new PolicyRow(Ids.newId(), "B4-" + runTag + "-" + i, 1, base.title() + " 变体 " + i,
                    base.issuer(), base.documentNumber(), base.issuedOn(), base.effectiveFrom(), null, base.category(),
                    base.departmentCode(), base.regionCode(), base.summary(), base.text(), json.writeValueAsString(rule),
                    base.benefitText(), base.benefitFormula(), base.mode(), PolicyStatus.PUBLISHED, null, null, null,
                    null, false, now, now, now));
        }
    }
}
