package org.sahaya.core.totp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TotpTest {

    private static final byte[] RFC_SECRET = "12345678901234567890".getBytes(StandardCharsets.US_ASCII);

    /** RFC 6238 appendix B, the SHA-1 column (eight digits). */
    @ParameterizedTest
    @CsvSource({"59, 94287082", "1111111109, 07081804", "1111111111, 14050471", "1234567890, 89005924",
            "2000000000, 69279037", "20000000000, 65353130"})
    void rfc6238Vectors(long epochSeconds, String expected) {
        assertThat(Totp.code(RFC_SECRET, Totp.step(Instant.ofEpochSecond(epochSeconds)), 8)).isEqualTo(expected);
    }

    @Test
    void sixDigitsAreTheLastSixOfTheTruncation() {
        assertThat(Totp.code(RFC_SECRET, Totp.step(Instant.ofEpochSecond(59)), 6)).isEqualTo("287082");
    }

    @Test
    void theStepBeforeAndAfterMatchButNotTwoAway() {
        byte[] secret = Base32.decode("JBSWY3DPEHPK3PXP");
        Instant at = Instant.ofEpochSecond(1_800_000_000L);
        long now = Totp.step(at);

        assertThat(Totp.matchingStep(secret, Totp.code(secret, now, 6), at)).isEqualTo(now);
        assertThat(Totp.matchingStep(secret, Totp.code(secret, now - 1, 6), at)).isEqualTo(now - 1);
        assertThat(Totp.matchingStep(secret, Totp.code(secret, now + 1, 6), at)).isEqualTo(now + 1);
        assertThat(Totp.matchingStep(secret, Totp.code(secret, now - 2, 6), at)).isEqualTo(-1);
        assertThat(Totp.matchingStep(secret, "12345", at)).isEqualTo(-1);
        assertThat(Totp.matchingStep(secret, null, at)).isEqualTo(-1);
    }

    @Test
    void base32RoundTripsAndReadsTheDemoSecret() {
        assertThat(Base32.decode("JBSWY3DPEHPK3PXP")).isEqualTo(java.util.HexFormat.of().parseHex("48656c6c6f21deadbeef"));
        byte[] any = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, (byte) 255};
        assertThat(Base32.decode(Base32.encode(any))).isEqualTo(any);
        assertThat(Base32.encode("foobar".getBytes(StandardCharsets.US_ASCII))).isEqualTo("MZXW6YTBOI");
        assertThatThrownBy(() -> Base32.decode("not base32!")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theProvisioningUriIsWhatAuthenticatorAppsRead() {
        assertThat(Totp.provisioningUri("Sahaya", "asha", "JBSWY3DPEHPK3PXP")).isEqualTo(
                "otpauth://totp/Sahaya:asha?secret=JBSWY3DPEHPK3PXP&issuer=Sahaya&algorithm=SHA1&digits=6&period=30");
    }
}
