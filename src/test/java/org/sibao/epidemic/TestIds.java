package org.sibao.epidemic;

import java.time.LocalDate;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;

/** Valid, unique resident ID numbers (GB 11643) and mobile numbers for tests sharing one database. */
public final class TestIds {

    private static final int[] WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    private static final char[] CHECK = {'1', '0', 'X', '9', '8', '7', '6', '5', '4', '3', '2'};
    private static final AtomicLong SEQ = new AtomicLong(ThreadLocalRandom.current().nextLong(0, 10_000_000L));

    private TestIds() {
    }

    public static String checked(String first17) {
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (first17.charAt(i) - '0') * WEIGHTS[i];
        }
        return first17 + CHECK[sum % 11];
    }

    /** A fresh valid ID number of a 新郑 resident born between 1960 and about 1987. */
    public static String next() {
        long n = SEQ.incrementAndGet();
        LocalDate birth = LocalDate.of(1960, 1, 1).plusDays((n / 1000) % 10_000);
        return checked(String.format("410184%04d%02d%02d%03d", birth.getYear(), birth.getMonthValue(),
                birth.getDayOfMonth(), n % 1000));
    }

    public static String phone() {
        return "139" + String.format("%08d", ThreadLocalRandom.current().nextInt(100_000_000));
    }
}
