package org.sibao.platform.personal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;
import org.sibao.epidemic.TestIds;

class IdNumbersTest {

    private static final LocalDate TODAY = LocalDate.of(2022, 6, 1);

    @Test
    void computesTheCheckCharacterOfGb11643() {
        // the standard's own example: 11010519491231002X
        assertThat(IdNumbers.checkCharacter("11010519491231002")).isEqualTo('X');
        assertThat(IdNumbers.isValid("11010519491231002X", TODAY)).isTrue();
        assertThat(IdNumbers.isValid("110105194912310021", TODAY)).isFalse();
        assertThat(IdNumbers.isValid(IdNumbers.normalize(" 11010519491231002x "), TODAY)).isTrue();
    }

    @Test
    void refusesWrongShapesAndImpossibleOrFutureBirthDates() {
        assertThat(IdNumbers.isValid(null, TODAY)).isFalse();
        assertThat(IdNumbers.isValid("41018419900101123", TODAY)).isFalse();
        assertThat(IdNumbers.isValid("4101841990010112345", TODAY)).isFalse();
        assertThat(IdNumbers.isValid("41018419900101A23X", TODAY)).isFalse();
        assertThat(IdNumbers.isValid(TestIds.checked("01018419900101123"), TODAY)).as("leading 0").isFalse();
        assertThat(IdNumbers.isValid("\uFF14" + TestIds.checked("41018419900101123").substring(1), TODAY))
                .as("a full-width digit").isFalse();
        assertThat(IdNumbers.isValid("11010519491231002x", TODAY)).as("x before normalizing").isFalse();
        assertThat(IdNumbers.isValid("11010519491231002Y", TODAY)).isFalse();
        assertThat(IdNumbers.isValid(TestIds.checked("41018419900230123"), TODAY)).as("30 February").isFalse();
        assertThat(IdNumbers.isValid(TestIds.checked("41018420220602123"), TODAY)).as("born tomorrow").isFalse();
        assertThat(IdNumbers.isValid(TestIds.checked("41018418991231123"), TODAY)).as("before 1900").isFalse();
        assertThat(IdNumbers.isValid(TestIds.checked("41018420220601123"), TODAY)).as("born today").isTrue();
        assertThat(IdNumbers.isValid(TestIds.next(), TODAY)).isTrue();
    }

    @Test
    void checksMainlandMobilesAndMasks() {
        assertThat(IdNumbers.isMobile("13812345678")).isTrue();
        assertThat(IdNumbers.isMobile("12812345678")).isFalse();
        assertThat(IdNumbers.isMobile("1381234567")).isFalse();
        assertThat(IdNumbers.isMobile("0371-12345678")).isFalse();
        assertThat(IdNumbers.maskId("41018419900101123X")).isEqualTo("4101**********123X");
        assertThat(IdNumbers.maskPhone("13812345678")).isEqualTo("138****5678");
    }
}
