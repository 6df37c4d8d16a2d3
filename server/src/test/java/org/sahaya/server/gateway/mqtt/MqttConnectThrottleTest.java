package org.sahaya.server.gateway.mqtt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sahaya.server.DeviceClient;
import org.sahaya.server.Node;
import org.sahaya.server.TestNode;

/**
 * Issue 14: wrong MQTT passwords were never slowed down (100 tries in 0.4 s). Now a client id or
 * address that failed too often gets "server busy" (0x89), late, for every further failure; the
 * right password from the same address still connects at once, and its emergency goes through.
 */
class MqttConnectThrottleTest {

    private static final int ALLOWANCE = 5;

    @TempDir
    static Path data;
    static Node node;

    @BeforeAll
    static void start() throws Exception {
        node = Node.start(TestNode.config(data, true, Map.of("SAHAYA_DEVICE_AUTH_FAILURES", Integer.toString(ALLOWANCE),
                "SAHAYA_DEVICE_AUTH_PERIOD_SECONDS", "3600")), Clock.systemUTC());
    }

    @AfterAll
    static void stop() {
        node.close();
    }

    /** The CONNACK reason code of a CONNECT that must be refused. */
    private static int refusal(String clientId, String password) {
        MqttException refused = catchThrowableOfType(MqttException.class,
                () -> Mqtt5Device.connect(node.mqttPort(), clientId, clientId, password).close());
        assertThat(refused).as("a refusal").isNotNull();
        return refused.getReasonCode();
    }

    @Test
    void wrongPasswordsGetBusyAfterTheAllowanceWhileTheRightOneStillConnectsAndAlerts() throws Exception {
        List<Integer> codes = new ArrayList<>();
        codes.add(refusal("ghost-0001", "guess")); // no such device: the same answer as a wrong password
        for (int i = 1; i < ALLOWANCE + 3; i++) {
            codes.add(refusal("demo-0201", "guess-" + i));
        }

        assertThat(codes.subList(0, ALLOWANCE)).as("within the allowance: bad username or password")
                .containsOnly(0x86);
        assertThat(codes.subList(ALLOWANCE, codes.size())).as("beyond it: server busy, try later")
                .containsOnly(0x89);

        try (Mqtt5Device device = Mqtt5Device.connect(node.mqttPort(), "demo-0201")) {
            int reason = device.publishAlert(DeviceClient.alert("throttled-sos-1", "demo-0201", "SOS").encode());

            assertThat(reason).as("an emergency of a device that authenticates").isZero();
        }
        assertThat(TestNode.storedAlert(node, "demo-0201", "throttled-sos-1")).isPresent();
    }
}
