package org.sibao.subject;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class UsccTest {

    @ParameterizedTest
    @ValueSource(strings = {
        "91350100M000100Y43", // the example of GB 32100-2015
        "91110108551385082Q", // a real registered enterprise in Beijing
        "91410184MA44XK0J00", // Σ mod 31 = 0: check value 31 is written as 0
    })
    void acceptsValidCodes(String code) {
        assertThat(Uscc.check(code)).isEmpty();
        assertThat(Uscc.parse(code)).map(Uscc::value).contains(code);
    }

    @Test
    void computesTheCheckCharacter() {
        assertThat(Uscc.checkCharacter("91350100M000100Y4")).isEqualTo('3');
        assertThat(Uscc.checkCharacter("91110108551385082")).isEqualTo('Q');
        assertThat(Uscc.checkCharacter("91410184MA44XK0J0")).isEqualTo('0');
        Uscc built = Uscc.of("91", "410184", "MA44XKT8L");
        assertThat(built.value()).isEqualTo("91410184MA44XKT8L7");
        assertThat(built.divisionCode()).isEqualTo("410184");
        assertThat(built.category()).isEqualTo("91");
    }

    @ParameterizedTest
    @CsvSource({
        "'',                    LENGTH",
        "91350100M000100Y4,     LENGTH",
        "91350100M000100Y433,   LENGTH",
        "91350100M000100I43,    ILLEGAL_CHARACTER",
        "91350100M000100O43,    ILLEGAL_CHARACTER",
        "91350100M00010SY43,    ILLEGAL_CHARACTER",
        "91350100m000100Y43,    ILLEGAL_CHARACTER",
        "9135A100M000100Y43,    DIVISION_CODE",
        "91350100M000100Y44,    CHECK_CHARACTER",
        "91110108551385082R,    CHECK_CHARACTER",
    })
    void namesTheBrokenRule(String code, Uscc.Rule rule) {
        assertThat(Uscc.check(code)).contains(rule);
        assertThat(Uscc.isValid(code)).isFalse();
        assertThatThrownBy(() -> new Uscc(code)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void normalisesInputAndDerivesTheDefaultKind() {
        assertThat(Uscc.parse(" 91350100m000100y43 ")).map(Uscc::value).contains("91350100M000100Y43");
        assertThat(Uscc.check(null)).contains(Uscc.Rule.LENGTH);
        assertThat(Uscc.of("92", "410202", "MA9G1234X").defaultKind()).isEqualTo(SubjectKind.INDIVIDUAL_BUSINESS);
        assertThat(Uscc.of("91", "410202", "MA9G1234X").defaultKind()).isEqualTo(SubjectKind.ENTERPRISE);
        assertThat(Uscc.of("93", "410202", "MA9G1234X").defaultKind()).isEqualTo(SubjectKind.ENTERPRISE);
    }
}
