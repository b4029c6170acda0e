package org.sibao.rules;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.sibao.region.Sector;

/**
 * A plain micro benchmark (not a test: timings on a shared machine are noise to a test suite). Run after
 * {@code mvn -q test-compile} with
 * {@code java -cp target/classes:target/test-classes:$(mvn -q dependency:build-classpath -Dmdep.outputFile=/dev/stdout)
 * org.sibao.rules.RuleEngineBenchmark}, or from the IDE: it compiles 500 policy-like rules, builds 50,000
 * subjects with a realistic share of missing facts, and times one subject × 500 rules and the full 50,000 × 500
 * match on one thread and on every core. Arguments: {@code [subjects] [rules] [rounds]}.
 */
public final class RuleEngineBenchmark {

    private static final String[] CITIES = {"410100", "410200", "410300", "411300", "411500", "419001"};
    private static final String[] COUNTIES = {"410102", "410203", "410305", "411303", "411502", "419001"};
    private static final String[] SIZES = {"LARGE", "MEDIUM", "SMALL", "MICRO", "UNKNOWN"};

    private RuleEngineBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int subjectCount = args.length > 0 ? Integer.parseInt(args[0]) : 50_000;
        int ruleCount = args.length > 1 ? Integer.parseInt(args[1]) : 500;
        int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 5;
        Random random = new Random(42);
        List<CompiledRule> rules = new ArrayList<>();
        for (int i = 0; i < ruleCount; i++) {
            rules.add(RuleEngine.standard().compile(RuleFixtures.json(rule(random)), "eligibility"));
        }
        Facts[] subjects = new Facts[subjectCount];
        for (int i = 0; i < subjectCount; i++) {
            subjects[i] = subject(random);
        }
        CompiledRule[] compiled = rules.toArray(CompiledRule[]::new);
        LocalDate today = LocalDate.of(2022, 6, 1);

        for (int w = 0; w < 3; w++) {
            matchAll(compiled, subjects, today, 0, subjects.length);
        }
        List<Double> single = new ArrayList<>();
        List<Double> parallel = new ArrayList<>();
        List<Double> perSubjectMicros = new ArrayList<>();
        int threads = Runtime.getRuntime().availableProcessors();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        long checksum = 0;
        for (int r = 0; r < rounds; r++) {
            long t0 = System.nanoTime();
            checksum += matchAll(compiled, subjects, today, 0, subjects.length);
            single.add((System.nanoTime() - t0) / 1e9);

            t0 = System.nanoTime();
            List<Future<Long>> parts = new ArrayList<>();
            int chunk = (subjects.length + threads - 1) / threads;
            for (int t = 0; t < threads; t++) {
                int from = t * chunk;
                int to = Math.min(subjects.length, from + chunk);
                parts.add(pool.submit(() -> matchAll(compiled, subjects, today, from, to)));
            }
            for (Future<Long> part : parts) {
                checksum += part.get();
            }
            parallel.add((System.nanoTime() - t0) / 1e9);

            t0 = System.nanoTime();
            int sample = Math.min(1_000, subjects.length);
            checksum += matchAll(compiled, subjects, today, 0, sample);
            perSubjectMicros.add((System.nanoTime() - t0) / 1e3 / sample);
        }
        pool.shutdown();
        System.out.printf("rules=%d subjects=%d cores=%d rounds=%d (checksum %d)%n", ruleCount, subjectCount, threads,
                rounds, checksum);
        System.out.printf("one subject x %d rules: median %.1f us%n", ruleCount, median(perSubjectMicros));
        System.out.printf("%d x %d, 1 thread: median %.2f s (%.0f evaluations/s)%n", subjectCount, ruleCount,
                median(single), (double) subjectCount * ruleCount / median(single));
        System.out.printf("%d x %d, %d threads: median %.2f s%n", subjectCount, ruleCount, threads,
                median(parallel));
        long t0 = System.nanoTime();
        int explained = 0;
        for (int i = 0; i < 1_000; i++) {
            for (CompiledRule rule : compiled) {
                explained += rule.explain(subjects[i], today).conditions().size();
            }
        }
        System.out.printf("explain, one subject x %d rules: %.1f us (%d leaves)%n", ruleCount,
                (System.nanoTime() - t0) / 1e3 / 1_000, explained / 1_000);
    }

    private static long matchAll(CompiledRule[] rules, Facts[] subjects, LocalDate today, int from, int to) {
        long eligible = 0;
        for (int s = from; s < to; s++) {
            Facts subject = subjects[s];
            for (CompiledRule rule : rules) {
                if (rule.evaluate(subject, today) == Truth.TRUE) {
                    eligible++;
                }
            }
        }
        return eligible;
    }

    private static double median(List<Double> values) {
        List<Double> sorted = values.stream().sorted().toList();
        return sorted.get(sorted.size() / 2);
    }

    /** A policy-shaped rule: region, sector, size, a threshold, a flag choice, often a clean record. */
    private static String rule(Random random) {
        List<String> all = new ArrayList<>();
        all.add("{'fact':'regionCode','op':'within','value':'" + (random.nextInt(3) == 0 ? "410000"
                : CITIES[random.nextInt(CITIES.length)]) + "'}");
        if (random.nextBoolean()) {
            all.add("{'fact':'sector','op':'in','value':['INDUSTRY','" + Sector.values()[random.nextInt(5)] + "']}");
        }
        all.add("{'fact':'sizeClass','op':'in','value':['MEDIUM','SMALL','MICRO']}");
        all.add("{'fact':'employees','op':'gte','value':" + random.nextInt(1500) + "}");
        all.add("{'any':[{'fact':'flags','op':'has','value':'ABOVE_SCALE'},{'fact':'flags','op':'has','value':'LIAISON'},"
                + "{'fact':'annualRevenue','op':'gte','value':" + random.nextInt(5000) + ".5}]}");
        if (random.nextInt(4) == 0) {
            all.add("{'not':{'fact':'attributes.rentsStateOwnedPremises','op':'eq','value':false}}");
        }
        if (random.nextInt(3) == 0) {
            all.add("{'fact':'incidents','op':'noneWithin','value':{'kinds':['SAFETY','QUALITY','ENVIRONMENT'],"
                    + "'years':3}}");
        }
        all.add("{'fact':'whitelistStatus','op':'eq','value':'ACTIVE'}");
        return "{'all':[" + String.join(",", all) + "]}";
    }

    private static Facts subject(Random random) {
        SimpleFacts.Builder b = SimpleFacts.builder().regionCode(COUNTIES[random.nextInt(COUNTIES.length)])
                .sector(Sector.values()[random.nextInt(5)]).sizeClass(SIZES[random.nextInt(SIZES.length)])
                .kind("ENTERPRISE").whitelistStatus(random.nextInt(5) < 2 ? "ACTIVE" : "NONE")
                .incidents(random.nextInt(10) == 0
                        ? List.of(new Incident("SAFETY", LocalDate.of(2020, 1 + random.nextInt(12), 1)))
                        : List.of());
        if (random.nextInt(10) > 0) {
            b.employees(random.nextInt(3000));
        }
        if (random.nextInt(5) > 0) {
            b.annualRevenue(BigDecimal.valueOf(random.nextInt(100_000), 1));
        }
        b.flags(random.nextBoolean() ? java.util.Set.of("ABOVE_SCALE") : java.util.Set.of());
        if (random.nextBoolean()) {
            b.attribute("rentsStateOwnedPremises", random.nextBoolean());
        }
        return b.build();
    }
}
