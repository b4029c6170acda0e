package org.sibao.logistics.internal;

import org.sibao.platform.personal.IdNumbers;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.sibao.platform.SibaoProperties;

/** Plate formats, GB 11643 ID numbers, masks and pass code signatures without the application. */
class PassRulesTest {

    @ParameterizedTest
    @ValueSource(strings = {"豫A12345", "豫AD12345", "豫AFA1234", "豫A12345D", "豫A12345F", "京B1C2D3", "琼E0000Z",
            "蒙A12345", "豫ad12345", "豫A1234挂", "豫H0K7Z挂", "粤Z1234挂"})
    void acceptsMainlandAndNewEnergyPlates(String plate) {
        assertThat(PlateNumbers.isValid(PlateNumbers.normalize(plate))).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"豫A1234", "豫A123456", "豫AI2345", "豫A1O345", "A12345", "港A12345", "豫112345",
            "豫AX12345", "豫A1234DD", "豫AD1234A", "豫A12345Q", "豫AD123456", " ", "豫A 12345",
            "豫I12345", "豫O12345", "豫ID12345", "豫O12345D", "豫I1234挂", "豫A123挂", "豫A12345挂", "豫A1I34挂", "豫AD1234挂",
            "挂A1234", "豫A挂1234"})
    void rejectsOtherPlates(String plate) {
        assertThat(PlateNumbers.isValid(PlateNumbers.normalize(plate))).isFalse();
    }

    @Test
    void idNumbersNeedTheCheckCharacterAndARealBirthDate() {
        LocalDate today = LocalDate.of(2022, 6, 1);
        String first17 = "11010519491231002";
        String valid = first17 + IdNumbers.checkCharacter(first17);
        assertThat(valid).isEqualTo("11010519491231002X");
        assertThat(IdNumbers.isValid(valid, today)).isTrue();
        assertThat(IdNumbers.isValid("110105194912310021", today)).isFalse();
        String feb30 = "41018419900230123";
        assertThat(IdNumbers.isValid(feb30 + IdNumbers.checkCharacter(feb30), today)).isFalse();
        String future = "41018420300101123";
        assertThat(IdNumbers.isValid(future + IdNumbers.checkCharacter(future), today)).isFalse();
        assertThat(IdNumbers.maskId(valid)).isEqualTo("1101**********002X");
        assertThat(IdNumbers.maskPhone("13812345678")).isEqualTo("138****5678");
        assertThat(IdNumbers.isMobile("13812345678")).isTrue();
        assertThat(IdNumbers.isMobile("12812345678")).isFalse();
    }

    @Test
    void codesAreBoundToIdPlateAndEnd() {
        PassSigner signer = new PassSigner("unit-test-pass-signing-key-0123456789abcdef",
                new SibaoProperties(false, false, null), null);
        String id = "0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b";
        OffsetDateTime end = OffsetDateTime.of(2022, 6, 30, 23, 59, 59, 0, ZoneOffset.ofHours(8));
        String code = signer.sign(id, "豫A12345", end);
        assertThat(PassSigner.passId(code)).contains(id);
        assertThat(signer.matches(code, id, "豫A12345", end)).isTrue();
        assertThat(signer.matches(code, id, "豫A12346", end)).isFalse();
        assertThat(signer.matches(code, id, "豫A12345", end.plusDays(1))).isFalse();
        PassSigner other = new PassSigner("another-pass-signing-key-0123456789abcdef",
                new SibaoProperties(false, false, null), null);
        assertThat(other.matches(code, id, "豫A12345", end)).isFalse();
        assertThat(PassSigner.passId("short.sig")).isEmpty();
    }
}
