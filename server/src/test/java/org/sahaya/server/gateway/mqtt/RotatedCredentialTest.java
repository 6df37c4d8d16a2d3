package org.sahaya.server.gateway.mqtt;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.sahaya.core.subscriber.Device;
import org.sahaya.core.subscriber.DeviceCredential;
import org.sahaya.server.gateway.mqtt.DeviceAuthenticator.Result;

/** Issue 15: the MQTT password may be the rotated-away secret until its grace ends; a revoked device never connects. */
class RotatedCredentialTest {

    static final Instant NOW = Instant.parse("2026-12-07T10:00:00Z");
    static final Device HUB = new Device("hub-9", "sub-9", "new-secret-0123456789", false);
    static final DeviceCredential ROTATED = new DeviceCredential(HUB, "old-secret-0123456789", NOW.plusSeconds(60), null);

    @Test
    void theOldSecretWorksUntilTheGraceEndsAndTheNewOneAlways() {
        assertThat(DeviceAuthenticator.decide(Optional.of(ROTATED), "old-secret-0123456789", false, NOW))
                .isEqualTo(new Result.Accepted(HUB));
        assertThat(DeviceAuthenticator.decide(Optional.of(ROTATED), "old-secret-0123456789", false, NOW.plusSeconds(60)))
                .isEqualTo(new Result.Refused(ConnectRefusal.BAD_CREDENTIALS));
        assertThat(DeviceAuthenticator.decide(Optional.of(ROTATED), "new-secret-0123456789", false, NOW.plusSeconds(600)))
                .isEqualTo(new Result.Accepted(HUB));
    }

    @Test
    void aRevokedDeviceIsRefusedWithEitherSecretAsAWrongSecretIs() {
        DeviceCredential revoked = new DeviceCredential(HUB, ROTATED.previous(), ROTATED.previousUntil(), NOW);
        assertThat(DeviceAuthenticator.decide(Optional.of(revoked), "new-secret-0123456789", false, NOW))
                .isEqualTo(new Result.Refused(ConnectRefusal.BAD_CREDENTIALS));
        assertThat(DeviceAuthenticator.decide(Optional.of(revoked), "old-secret-0123456789", false, NOW))
                .isEqualTo(new Result.Refused(ConnectRefusal.BAD_CREDENTIALS));
    }
}
