package org.sahaya.server.gateway.dc09.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class AccountKeyTest {

    private static final AccountKey DEMO = AccountKey.of("SAHAYA-DEMO-KEY!", AccountKey.Format.ASCII);

    @Test
    void decryptsWhatOpensslEncryptedWithTheDemoKeyAndAZeroIv() {
        // printf '...' | openssl enc -aes-128-cbc -K 5341484159412d44454d4f2d4b455921 -iv 0...0 -nopad
        String sealed = "8AB97ED5EE85CE802E07BF1B7A1BAB80188F37CE804F12FCFC9F447A6DD81220"
                + "C2A3E449316B529F8B8573C9986819B3";

        assertThat(DEMO.decrypt(sealed)).isEqualTo("AAAAAAAAAAA|#2001|Nri1/MA01]_10:00:00,01-02-2026");
    }

    @Test
    void hexKeyIsTheSameKeyAsItsAsciiSpelling() {
        AccountKey hex = AccountKey.of("5341484159412d44454d4f2d4b455921", AccountKey.Format.HEX);

        assertThat(hex.decrypt(DEMO.encrypt("|Nri1/FA01]_10:00:00,01-02-2026"))).endsWith("|Nri1/FA01]_10:00:00,01-02-2026");
    }

    @Test
    void encryptionRoundTripsThroughWholeBlocksWithAFrontPad() {
        for (String key : new String[] {"0123456789abcdef", "0123456789abcdef01234567", "0123456789abcdef0123456789abcdef"}) {
            AccountKey k = AccountKey.of(key, AccountKey.Format.ASCII);
            String sealed = k.encrypt("]_10:00:00,01-02-2026");

            assertThat(sealed.length() % 32).isZero();
            assertThat(sealed).matches("[0-9A-F]+");
            String plain = k.decrypt(sealed);
            assertThat(plain).endsWith("]_10:00:00,01-02-2026");
            assertThat(plain.substring(0, plain.indexOf(']'))).matches("[A-Za-z0-9]+");
        }
    }

    @Test
    void refusesKeysOfOtherLengthsAndCipherTextThatIsNotWholeBlocks() {
        assertThatThrownBy(() -> AccountKey.of("short", AccountKey.Format.ASCII)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> AccountKey.of("zz", AccountKey.Format.HEX)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> DEMO.decrypt("ABCD")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> DEMO.decrypt("X".repeat(32))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void neverShowsTheKey() {
        assertThat(DEMO.toString()).doesNotContain("SAHAYA").isEqualTo("AccountKey[AES-128]");
    }
}
