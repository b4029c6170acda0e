package org.sibao.platform.personal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Base64;

import org.junit.jupiter.api.Test;
import org.sibao.platform.SibaoProperties;

class PersonalDataCipherTest {

    private static final String KEY = Base64.getEncoder().encodeToString("0123456789abcdef0123456789abcdef".getBytes());

    private final PersonalDataCipher cipher = new PersonalDataCipher(KEY, new SibaoProperties(false, false, null), null);

    @Test
    void roundTripsWithAFreshIvEveryTime() {
        String a = cipher.encrypt("41018419900101123X");
        String b = cipher.encrypt("41018419900101123X");
        assertThat(a).isNotEqualTo(b).doesNotContain("41018419900101123X");
        assertThat(cipher.decrypt(a)).isEqualTo("41018419900101123X");
        assertThat(cipher.decrypt(b)).isEqualTo("41018419900101123X");
    }

    @Test
    void hashesDeterministicallyWithAKeyOfItsOwn() {
        assertThat(cipher.hash("13812345678")).isEqualTo(cipher.hash("13812345678")).hasSize(64)
                .isNotEqualTo(cipher.hash("13812345679"));
        PersonalDataCipher other = new PersonalDataCipher(
                Base64.getEncoder().encodeToString("fedcba9876543210fedcba9876543210".getBytes()),
                new SibaoProperties(false, false, null), null);
        assertThat(other.hash("13812345678")).isNotEqualTo(cipher.hash("13812345678"));
    }

    @Test
    void refusesTamperedValuesAndBadOrMissingKeys() {
        String sealed = cipher.encrypt("13812345678");
        byte[] raw = Base64.getDecoder().decode(sealed);
        raw[raw.length - 1] ^= 1;
        assertThatThrownBy(() -> cipher.decrypt(Base64.getEncoder().encodeToString(raw))).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> new PersonalDataCipher("c2hvcnQ=", new SibaoProperties(false, false, null), null))
                .hasMessageContaining("32 bytes");
        assertThatThrownBy(() -> new PersonalDataCipher("", new SibaoProperties(false, false, null), null))
                .hasMessageContaining("SIBAO_PERSONAL_DATA_KEY");
    }
}
