package org.sibao.platform.personal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PersonNamesTest {

    @Test
    void theSurnameStaysAndEveryOtherCharacterIsMasked() {
        assertThat(PersonNames.mask("张三")).isEqualTo("张*");
        assertThat(PersonNames.mask("张师傅")).isEqualTo("张**");
        assertThat(PersonNames.mask(" 李四 ")).isEqualTo("李*");
        assertThat(PersonNames.mask("欧阳娜娜")).isEqualTo("欧阳**");
        assertThat(PersonNames.mask("欧阳锋")).isEqualTo("欧阳*");
        assertThat(PersonNames.mask("欧阳")).as("a compound surname alone is a two-character name").isEqualTo("欧*");
        assertThat(PersonNames.mask("阿依古丽·买买提")).isEqualTo("阿*******");
        assertThat(PersonNames.mask("王")).isEqualTo("*");
        assertThat(PersonNames.mask(null)).isEqualTo("*");
        assertThat(PersonNames.mask("  ")).isEqualTo("*");
    }
}
