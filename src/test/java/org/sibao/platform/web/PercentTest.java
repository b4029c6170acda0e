package org.sibao.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;

import org.junit.jupiter.api.Test;

class PercentTest {

    private final Percent percent = new Percent();

    @Test
    void roundsHalfUpAsTheHomeCardAndTheChartsDo() {
        assertThat(percent.of(new BigDecimal("0.1225"))).as("half even would read 12.2%").isEqualTo("12.3%");
        assertThat(percent.of(new BigDecimal("0.1224"))).isEqualTo("12.2%");
        assertThat(percent.of(0.7)).isEqualTo("70.0%");
        assertThat(percent.of(BigDecimal.ZERO)).isEqualTo("0.0%");
        assertThat(percent.of(null)).isEqualTo("—");
    }
}
