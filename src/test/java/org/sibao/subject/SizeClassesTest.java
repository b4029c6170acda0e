package org.sibao.subject;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Every row of the SPEC §3 table (统计上大中小微型企业划分办法 2017): the exact lower bounds reach a class, one below
 * drops it, and a missing indicator makes the class UNKNOWN. Columns: section, division, employees, revenue,
 * assets (blank = missing), expected class.
 */
class SizeClassesTest {

    @ParameterizedTest(name = "{0}/{1}: X={2} Y={3} Z={4} -> {5}")
    @CsvSource({
        // A 农林牧渔: Y 20000 / 500 / 50
        "A, 01, , 20000, , LARGE",
        "A, 01, , 19999, , MEDIUM",
        "A, 03, , 500, , MEDIUM",
        "A, 03, , 499.99, , SMALL",
        "A, 05, , 50, , SMALL",
        "A, 05, , 49, , MICRO",
        "A, 01, , , , UNKNOWN",
        // B, C, D 工业: X 1000/300/20, Y 40000/2000/300
        "B, 06, 1000, 40000, , LARGE",
        "C, 36, 1000, 39999, , MEDIUM",
        "C, 36, 999, 40000, , MEDIUM",
        "D, 44, 300, 2000, , MEDIUM",
        "C, 13, 299, 2000, , SMALL",
        "C, 13, 20, 300, , SMALL",
        "C, 13, 19, 50000, , MICRO",
        "C, 13, 5000, 299, , MICRO",
        "C, 13, , 50000, , UNKNOWN",
        "C, 13, 50, , , UNKNOWN",
        // E 建筑业: Y 80000/6000/300, Z 80000/5000/300
        "E, 48, , 80000, 80000, LARGE",
        "E, 48, , 80000, 79999, MEDIUM",
        "E, 47, , 6000, 5000, MEDIUM",
        "E, 47, , 5999, 5000, SMALL",
        "E, 49, , 300, 300, SMALL",
        "E, 49, , 300, 299, MICRO",
        "E, 50, , 300, , UNKNOWN",
        // 51 批发业: X 200/20/5, Y 40000/5000/1000
        "F, 51, 200, 40000, , LARGE",
        "F, 51, 199, 40000, , MEDIUM",
        "F, 51, 20, 5000, , MEDIUM",
        "F, 51, 5, 1000, , SMALL",
        "F, 51, 4, 1000, , MICRO",
        "F, 51, 5, 999, , MICRO",
        // 52 零售业: X 300/50/10, Y 20000/500/100
        "F, 52, 300, 20000, , LARGE",
        "F, 52, 50, 500, , MEDIUM",
        "F, 52, 49, 20000, , SMALL",
        "F, 52, 10, 100, , SMALL",
        "F, 52, 10, 99, , MICRO",
        // 54-58 交通运输业 (not 53): X 1000/300/20, Y 30000/3000/200
        "G, 54, 1000, 30000, , LARGE",
        "G, 56, 300, 3000, , MEDIUM",
        "G, 58, 20, 200, , SMALL",
        "G, 55, 19, 200, , MICRO",
        "G, 57, 300, 2999, , SMALL",
        // 53 铁路运输 falls to "every other industry": X 300/100/10
        "G, 53, 300, , , LARGE",
        "G, 53, 9, 99999, , MICRO",
        // 59 仓储业: X 200/100/20, Y 30000/1000/100
        "G, 59, 200, 30000, , LARGE",
        "G, 59, 100, 1000, , MEDIUM",
        "G, 59, 20, 100, , SMALL",
        "G, 59, 20, 99, , MICRO",
        // 60 邮政业: X 1000/300/20, Y 30000/2000/100
        "G, 60, 1000, 30000, , LARGE",
        "G, 60, 300, 2000, , MEDIUM",
        "G, 60, 20, 100, , SMALL",
        "G, 60, 19, 100, , MICRO",
        // 61 住宿业, 62 餐饮业: X 300/100/10, Y 10000/2000/100
        "H, 61, 300, 10000, , LARGE",
        "H, 62, 100, 2000, , MEDIUM",
        "H, 62, 10, 100, , SMALL",
        "H, 61, 9, 100, , MICRO",
        // 63, 64 信息传输业: X 2000/100/10, Y 100000/1000/100
        "I, 63, 2000, 100000, , LARGE",
        "I, 64, 1999, 100000, , MEDIUM",
        "I, 64, 100, 1000, , MEDIUM",
        "I, 63, 10, 100, , SMALL",
        "I, 63, 10, 99, , MICRO",
        // 65 软件和信息技术服务业: X 300/100/10, Y 10000/1000/50
        "I, 65, 300, 10000, , LARGE",
        "I, 65, 100, 1000, , MEDIUM",
        "I, 65, 10, 50, , SMALL",
        "I, 65, 10, 49, , MICRO",
        // 70 房地产开发经营: Y 200000/1000/100, Z 10000/5000/2000
        "K, 70, , 200000, 10000, LARGE",
        "K, 70, , 199999, 10000, MEDIUM",
        "K, 70, , 1000, 5000, MEDIUM",
        "K, 70, , 100, 2000, SMALL",
        "K, 70, , 100, 1999, MICRO",
        "K, 70, , 100, , UNKNOWN",
        // L 租赁和商务服务业: X 300/100/10, Z 120000/8000/100
        "L, 71, 300, , 120000, LARGE",
        "L, 72, 300, , 119999, MEDIUM",
        "L, 72, 100, , 8000, MEDIUM",
        "L, 72, 10, , 100, SMALL",
        "L, 72, 10, , 99, MICRO",
        "L, 72, , , 100000, UNKNOWN",
        // every other industry: X 300/100/10
        "M, 73, 300, , , LARGE",
        "P, 83, 299, , , MEDIUM",
        "R, 87, 100, , , MEDIUM",
        "R, 87, 99, , , SMALL",
        "Q, 84, 10, , , SMALL",
        "Q, 84, 9, , , MICRO",
        "Q, 84, , 99999, , UNKNOWN",
    })
    void classifiesByEveryRowOfTheTable(String section, String division, Integer employees, BigDecimal revenue,
            BigDecimal assets, SizeClass expected) {
        assertThat(SizeClasses.classify(section, division, employees, revenue, assets)).isEqualTo(expected);
    }

    @Test
    void anUnknownIndustryGivesUnknown() {
        assertThat(SizeClasses.classify(null, null, 5000, BigDecimal.valueOf(99999), BigDecimal.valueOf(99999)))
                .isEqualTo(SizeClass.UNKNOWN);
    }

    @Test
    void industrialAboveScaleThresholdIs2000() {
        assertThat(SizeClasses.ABOVE_SCALE_REVENUE).isEqualByComparingTo("2000");
        assertThat(SizeClasses.isIndustrial("B")).isTrue();
        assertThat(SizeClasses.isIndustrial("C")).isTrue();
        assertThat(SizeClasses.isIndustrial("D")).isTrue();
        assertThat(SizeClasses.isIndustrial("E")).isFalse();
    }
}
