package org.sahaya.core.totp;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/** RFC 6238 (appendix B), RFC 4226's truncation to six digits, and RFC 4648's base32. */
class TotpTest {

    private static final byte[] RFC_SEED = "12345678901234567890".getBytes(StandardCharsets.US_ASCII);

    @ParameterizedTest(name = "T={0}s -> {1}")
    @CsvSource({
            "59, 94287082",
            "1111111109, 07081804",
            "1111111111, 14050471",
            "1234567890, 89005924",
            "2000000000, 69279037",
            "20000000000, 65353130"})
    void theRfc6238Sha1VectorsComeOut(long seconds, String expected) {
        long step = Totp.step(Instant.ofEpochSecond(seconds));

        assertThat(Totp.code(RFC_SEED, step, 8, "HmacSHA1")).isEqualTo(expected);
        assertThat(Totp.code(RFC_SEED, step, 6, "HmacSHA1")).isEqualTo(expected.substring(2));
        assertThat(Totp.code(Base32.encode(RFC_SEED), step)).isEqualTo(expected.substring(2));
    }

    @Test
    void base32FollowsRfc4648() {
        assertThat(Base32.encode("foobar".getBytes(StandardCharsets.US_ASCII))).isEqualTo("MZXW6YTBOI");
        assertThat(Base32.encode("f".getBytes(StandardCharsets.US_ASCII))).isEqualTo("MY");
        assertThat(new String(Base32.decode("MZXW6YTBOI======"), StandardCharsets.US_ASCII)).isEqualTo("foobar");
        assertThat(new String(Base32.decode("mzxw 6ytb oi"), StandardCharsets.US_ASCII)).isEqualTo("foobar");
        assertThat(Base32.decode(Base32.encode(RFC_SEED))).isEqualTo(RFC_SEED);
        assertThat(Base32.encode(RFC_SEED)).isEqualTo("GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ");
    }

    @Test
    void aCodeIsAcceptedForItsStepAndOneEitherSideOnly() {
        String secret = Totp.newSecret(new SecureRandom());
        Instant now = Instant.parse("2026-12-07T10:00:10Z");
        long step = Totp.step(now);

        assertThat(Totp.match(secret, Totp.code(secret, step), now)).hasValue(step);
        assertThat(Totp.match(secret, Totp.code(secret, step - 1), now)).hasValue(step - 1);
        assertThat(Totp.match(secret, Totp.code(secret, step + 1), now)).hasValue(step + 1);
        assertThat(Totp.match(secret, Totp.code(secret, step - 2), now)).isEmpty();
        assertThat(Totp.match(secret, Totp.code(secret, step + 2), now)).isEmpty();
        assertThat(Totp.match(secret, null, now)).isEmpty();
        assertThat(Totp.match(secret, "abcdef", now)).isEmpty();
        assertThat(Totp.match("not base32!", "123456", now)).isEmpty();
    }

    @Test
    void aNewSecretIs160BitsOfBase32() {
        String secret = Totp.newSecret(new SecureRandom());

        assertThat(secret).matches("[A-Z2-7]{32}");
        assertThat(Base32.decode(secret)).hasSize(20);
    }

    @Test
    void theProvisioningUriIsWhatAuthenticatorAppsScan() {
        assertThat(Totp.provisioningUri("asha.rao", "JBSWY3DPEHPK3PXP")).isEqualTo(
                "otpauth://totp/Sahaya:asha.rao?secret=JBSWY3DPEHPK3PXP&issuer=Sahaya&algorithm=SHA1&digits=6&period=30");
    }
}
