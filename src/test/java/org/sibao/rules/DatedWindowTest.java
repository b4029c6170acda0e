package org.sibao.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.sibao.rules.RuleFixtures.compile;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

/** "近三年内未发生重大安全、质量事故或严重环境违法行为，无严重失信行为" around the boundary date. */
class DatedWindowTest {

    private static final CompiledRule CLEAN_RECORD = compile("""
            {'all':[{'fact':'incidents','op':'noneWithin','value':{'kinds':['SAFETY','QUALITY','ENVIRONMENT'],'years':3}},
                    {'fact':'incidents','op':'noneWithin','value':{'kinds':['DISHONESTY'],'years':3}}]}""");
    private static final LocalDate TODAY = LocalDate.of(2022, 6, 1);

    private static Truth withIncident(String kind, LocalDate date, LocalDate asOf) {
        Facts f = SimpleFacts.builder().incidents(List.of(new Incident(kind, date))).build();
        return CLEAN_RECORD.evaluate(f, asOf);
    }

    @Test
    void anIncidentExactlyThreeYearsAgoIsOutsideTheWindow() {
        assertThat(withIncident("SAFETY", LocalDate.of(2019, 6, 1), TODAY)).isEqualTo(Truth.TRUE);
        assertThat(withIncident("SAFETY", LocalDate.of(2019, 6, 2), TODAY)).isEqualTo(Truth.FALSE);
        assertThat(withIncident("DISHONESTY", LocalDate.of(2019, 6, 1), TODAY)).isEqualTo(Truth.TRUE);
        assertThat(withIncident("DISHONESTY", LocalDate.of(2019, 6, 2), TODAY)).isEqualTo(Truth.FALSE);
    }

    @Test
    void theWindowMovesWithTheBusinessDate() {
        LocalDate incident = LocalDate.of(2019, 6, 2);
        assertThat(withIncident("QUALITY", incident, LocalDate.of(2022, 6, 1))).isEqualTo(Truth.FALSE);
        assertThat(withIncident("QUALITY", incident, LocalDate.of(2022, 6, 2))).isEqualTo(Truth.TRUE);
    }

    @Test
    void todayCountsAndTheFutureDoesNot() {
        assertThat(withIncident("ENVIRONMENT", TODAY, TODAY)).isEqualTo(Truth.FALSE);
        assertThat(withIncident("ENVIRONMENT", TODAY.plusDays(1), TODAY)).isEqualTo(Truth.TRUE);
    }

    @Test
    void otherKindsDoNotCount() {
        assertThat(withIncident("FRAUD", TODAY.minusDays(10), TODAY)).isEqualTo(Truth.TRUE);
    }

    @Test
    void anUnknownHistoryIsUnknownAndAKnownCleanOneIsTrue() {
        assertThat(CLEAN_RECORD.evaluate(SimpleFacts.builder().build(), TODAY)).isEqualTo(Truth.UNKNOWN);
        assertThat(CLEAN_RECORD.evaluate(SimpleFacts.builder().incidents(List.of()).build(), TODAY))
                .isEqualTo(Truth.TRUE);
        assertThat(CLEAN_RECORD.evaluate(SimpleFacts.builder().incidents(List.of()).build(), null))
                .isEqualTo(Truth.UNKNOWN);
    }

    @Test
    void monthsAndDaysAndLeapDays() {
        CompiledRule recent = compile("{'fact':'incidents','op':'anyWithin','value':{'months':1,'days':10}}");
        Facts f = SimpleFacts.builder().incidents(List.of(new Incident("FRAUD", LocalDate.of(2022, 4, 22)))).build();
        assertThat(recent.evaluate(f, LocalDate.of(2022, 6, 1))).isEqualTo(Truth.TRUE);
        assertThat(recent.evaluate(f, LocalDate.of(2022, 6, 2))).isEqualTo(Truth.FALSE);
        Window threeYears = new Window(List.of(), 3, 0, 0);
        assertThat(threeYears.firstDay(LocalDate.of(2024, 2, 29))).isEqualTo(LocalDate.of(2021, 3, 1));
    }
}
