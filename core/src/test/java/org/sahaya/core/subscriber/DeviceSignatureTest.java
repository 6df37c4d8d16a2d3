package org.sahaya.core.subscriber;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.sahaya.core.subscriber.DeviceSignature.Verdict;

class DeviceSignatureTest {

    private static final Instant NOW = Instant.parse("2026-11-23T08:35:00Z");
    private static final String TS = Long.toString(NOW.toEpochMilli());
    private static final byte[] BODY = "{\"alertId\":\"a-1\"}".getBytes(StandardCharsets.UTF_8);
    private static final Duration WINDOW = Duration.ofMinutes(5);

    @Test
    void signatureIsHexHmacSha256OverTimestampNewlineBody() {
        // Known vector: printf '1795336500000\n{"alertId":"a-1"}' | openssl dgst -sha256 -hmac demo-secret-0001
        assertThat(DeviceSignature.sign("demo-secret-0001", "1795336500000", BODY))
                .isEqualTo("d01f2044139dacd1dd1c88e8d86e76bb08258c510b98854ff1f2ab455b203171");
    }

    @Test
    void aCorrectSignatureWithinTheWindowIsValid() {
        String sig = DeviceSignature.sign("s3cret", TS, BODY);

        assertThat(DeviceSignature.verify("s3cret", TS, sig, BODY, NOW.plusSeconds(299), WINDOW)).isEqualTo(Verdict.VALID);
        assertThat(DeviceSignature.verify("s3cret", TS, sig.toUpperCase(), BODY, NOW, WINDOW)).isEqualTo(Verdict.VALID);
    }

    @Test
    void aWrongSecretOrAChangedBodyIsABadSignature() {
        String sig = DeviceSignature.sign("s3cret", TS, BODY);

        assertThat(DeviceSignature.verify("other", TS, sig, BODY, NOW, WINDOW)).isEqualTo(Verdict.BAD_SIGNATURE);
        assertThat(DeviceSignature.verify("s3cret", TS, sig, "{}".getBytes(StandardCharsets.UTF_8), NOW, WINDOW))
                .isEqualTo(Verdict.BAD_SIGNATURE);
        assertThat(DeviceSignature.verify("s3cret", TS, "zz", BODY, NOW, WINDOW)).isEqualTo(Verdict.BAD_SIGNATURE);
    }

    @Test
    void aTimestampOutsideTheWindowIsRefusedEitherWay() {
        String sig = DeviceSignature.sign("s3cret", TS, BODY);

        assertThat(DeviceSignature.verify("s3cret", TS, sig, BODY, NOW.plusSeconds(301), WINDOW)).isEqualTo(Verdict.OUTSIDE_WINDOW);
        assertThat(DeviceSignature.verify("s3cret", TS, sig, BODY, NOW.minusSeconds(301), WINDOW)).isEqualTo(Verdict.OUTSIDE_WINDOW);
        assertThat(DeviceSignature.verify("s3cret", "yesterday", sig, BODY, NOW, WINDOW)).isEqualTo(Verdict.BAD_TIMESTAMP);
    }
}
