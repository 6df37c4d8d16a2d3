package org.sahaya.server.gateway.dc09.account;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DecryptorTest {

    @Test
    void removesThePadOfADecryptedBody() {
        assertThat(Decryptor.withoutPad("Xy7|#2001|Nri1/MA01]_10:00:00,01-02-2026"))
                .isEqualTo("#2001|Nri1/MA01]_10:00:00,01-02-2026");
        assertThat(Decryptor.withoutPad("Xy7q]_10:00:00,01-02-2026")).isEqualTo("]_10:00:00,01-02-2026");
    }
}
