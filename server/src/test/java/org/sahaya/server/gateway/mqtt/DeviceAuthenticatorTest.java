package org.sahaya.server.gateway.mqtt;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.handler.codec.mqtt.MqttConnectReturnCode;
import io.vertx.core.Future;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.sahaya.core.subscriber.Device;
import org.sahaya.server.gateway.mqtt.DeviceAuthenticator.Result;

class DeviceAuthenticatorTest {

    static final Device HUB = new Device("hub-7", "sub-7", "s3cret", false);
    static final Device DEMO = Device.demo(1, "sub-1");

    @Test
    void theRightSecretConnectsTheDevice() {
        assertThat(DeviceAuthenticator.decide(Optional.of(HUB), "s3cret", false)).isEqualTo(new Result.Accepted(HUB));
    }

    @Test
    void unknownDeviceAndWrongSecretLookTheSame() {
        assertThat(DeviceAuthenticator.decide(Optional.empty(), "s3cret", false))
                .isEqualTo(new Result.Refused(ConnectRefusal.BAD_CREDENTIALS));
        assertThat(DeviceAuthenticator.decide(Optional.of(HUB), "s3cret!", false))
                .isEqualTo(new Result.Refused(ConnectRefusal.BAD_CREDENTIALS));
    }

    @Test
    void demoCredentialsAreRefusedOutsideDemoMode() {
        assertThat(DeviceAuthenticator.decide(Optional.of(DEMO), DEMO.secret(), false))
                .isEqualTo(new Result.Refused(ConnectRefusal.DEMO_REFUSED));
        assertThat(DeviceAuthenticator.decide(Optional.of(DEMO), DEMO.secret(), true)).isEqualTo(new Result.Accepted(DEMO));
    }

    @Test
    void missingCredentialsOrAForeignClientIdAreRefusedBeforeAnyLookup() throws Exception {
        DeviceAuthenticator authenticator = new DeviceAuthenticator(id -> {
            throw new AssertionError("no lookup expected");
        }, false);

        assertThat(authenticator.authenticate("hub-7", null, "s3cret").await(Duration.ofSeconds(1).toMillis(),
                java.util.concurrent.TimeUnit.MILLISECONDS)).isEqualTo(new Result.Refused(ConnectRefusal.NO_CREDENTIALS));
        assertThat(authenticator.authenticate("other", "hub-7", "s3cret").await(1, java.util.concurrent.TimeUnit.SECONDS))
                .isEqualTo(new Result.Refused(ConnectRefusal.CLIENT_ID_MISMATCH));
    }

    @Test
    void anUnreadableDirectoryAsksTheDeviceToComeBackLater() throws Exception {
        DeviceAuthenticator authenticator = new DeviceAuthenticator(id -> Future.failedFuture("database down"), false);

        assertThat(authenticator.authenticate("hub-7", "hub-7", "s3cret").await(1, java.util.concurrent.TimeUnit.SECONDS))
                .isEqualTo(new Result.Refused(ConnectRefusal.UNAVAILABLE));
    }

    @Test
    void eachRefusalHasItsCodeInBothProtocolVersions() {
        assertThat(ConnectRefusal.BAD_CREDENTIALS.code(5).byteValue()).isEqualTo((byte) 0x86);
        assertThat(ConnectRefusal.BAD_CREDENTIALS.code(4).byteValue()).isEqualTo((byte) 4);
        assertThat(ConnectRefusal.DEMO_REFUSED.code(5).byteValue()).isEqualTo((byte) 0x87);
        assertThat(ConnectRefusal.DEMO_REFUSED.code(4).byteValue()).isEqualTo((byte) 5);
        assertThat(ConnectRefusal.CLIENT_ID_MISMATCH.code(4)).isEqualTo(MqttConnectReturnCode.CONNECTION_REFUSED_IDENTIFIER_REJECTED);
    }
}
