package org.sibao.platform.personal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;

class PersonalDataInTextTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 12, 8);

    /** A valid GB 11643 number: 17 digits and their check character. */
    private static String id(String first17) {
        return first17 + IdNumbers.checkCharacter(first17);
    }

    @Test
    void phonesAndIdNumbersTypedIntoTextAreMasked() {
        String id = id("41018419850315123");
        String text = "{\"comment\":\"会商同意，联系人王工13912345678，身份证" + id + "，电话 0371-12345678\"}";
        assertThat(PersonalDataInText.mask(text, TODAY))
                .isEqualTo("{\"comment\":\"会商同意，联系人王工139****5678，身份证4101**********" + id.substring(14)
                        + "，电话 0371-12345678\"}");
        assertThat(PersonalDataInText.mask("{\"phone\":\"13912345678\"}", TODAY)).isEqualTo("{\"phone\":\"139****5678\"}");
    }

    @Test
    void amountsIdsAndInvalidNumbersStay() {
        String text = "{\"outputValue\":15000000000,\"list\":[13912345678],\"amount\":\"13912345678.50\","
                + "\"uscc\":\"91410100MA44XXXX1X\",\"order\":\"A13912345678\",\"notAnId\":\"410184198513321230\"}";
        assertThat(PersonalDataInText.mask(text, TODAY)).isEqualTo(text);
        assertThat(PersonalDataInText.mask(null, TODAY)).isNull();
    }
}
