package org.sibao.subject;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/** Unique, valid test data so that full-stack test classes sharing one database never collide. */
public final class TestSubjects {

    private static final AtomicInteger SEQ = new AtomicInteger();
    /** Per JVM run, so that codes differ from the demo data ("MA…") and between runs on a reused database. */
    private static final String RUN = Character.toString(Uscc.ALPHABET.charAt((int) (System.nanoTime() % 31)));

    private TestSubjects() {
    }

    /** A fresh valid USCC for a division, category {@code 91} unless given. */
    public static String uscc(String division) {
        return uscc("91", division);
    }

    public static String uscc(String category, String division) {
        int n = SEQ.incrementAndGet();
        StringBuilder org = new StringBuilder("T").append(RUN);
        int v = n;
        for (int i = 0; i < 7; i++) {
            org.append(Uscc.ALPHABET.charAt(v % 31));
            v /= 31;
        }
        return Uscc.of(category, division, org.toString()).value();
    }

    /** A unique token for names, to find one's own subjects with {@code q}. */
    public static String token() {
        return "测" + System.nanoTime() % 1_000_000_000 + "X" + SEQ.incrementAndGet();
    }

    /** A complete valid enterprise body. */
    public static Map<String, Object> enterprise(String uscc, String name, String region, String sector) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("uscc", uscc);
        m.put("name", name);
        m.put("regionCode", region);
        m.put("sector", sector);
        m.put("industryCode", "36");
        m.put("employees", 350);
        m.put("annualRevenue", 2500);
        m.put("totalAssets", 3000);
        m.put("outputValue", 2600);
        m.put("contactPhone", "13812345678");
        m.put("address", "测试路1号");
        m.put("legalRepresentative", "张三");
        m.put("flags", new ArrayList<>(List.of("SPECIALIZED")));
        m.put("incidents", List.of(Map.of("kind", "SAFETY", "date", "2021-03-05")));
        m.put("attributes", Map.of("rentsStateOwnedPremises", true, "revenueGrowthPct", 12.5));
        return m;
    }
}
