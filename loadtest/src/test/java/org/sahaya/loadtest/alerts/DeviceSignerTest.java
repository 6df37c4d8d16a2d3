package org.sahaya.loadtest.alerts;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class DeviceSignerTest {

    @Test
    void signsTimestampNewlineBodyWithTheDeviceSecret() {
        byte[] body = "{\"alertId\":\"a-1\",\"deviceId\":\"demo-0001\",\"type\":\"FALL\",\"occurredAt\":\"2026-11-23T14:05:00+05:30\"}"
                .getBytes(StandardCharsets.UTF_8);

        // Reference: printf '1700000000000\n<body>' | openssl dgst -sha256 -hmac demo-secret-0001
        assertThat(DeviceSigner.sign("demo-secret-0001", "1700000000000", body))
                .isEqualTo("e55f53e5ba7e6e8a8b194f7a1cd43bb49cbccbb494a4a4580449f41fb4991881");
    }
}
