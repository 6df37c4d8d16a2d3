package org.sahaya.loadtest.mqtt;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.sahaya.core.subscriber.Device;
import org.sahaya.loadtest.run.Endpoint;

/**
 * The demo devices connected to one MQTT endpoint, one connection each (as real wearables hold
 * theirs), authenticated with the demo convention (id = client id = username, published secret).
 */
public final class MqttDevices implements AutoCloseable {

    private final Map<String, DeviceConnection> byId;

    private MqttDevices(Map<String, DeviceConnection> byId) {
        this.byId = byId;
    }

    /** Connects {@code demo-0001 .. demo-<devices>}; fails if any is refused. */
    public static Future<MqttDevices> connect(Vertx vertx, Endpoint endpoint, int devices, int maxInFlightPerDevice) {
        List<Future<DeviceConnection>> opening = new ArrayList<>();
        for (int i = 1; i <= devices; i++) {
            String id = Device.demoId(i);
            opening.add(DeviceConnection.open(vertx, endpoint, id, Device.demoSecret(id), maxInFlightPerDevice));
        }
        return Future.all(opening).map(all -> {
            Map<String, DeviceConnection> byId = new HashMap<>();
            for (int i = 0; i < opening.size(); i++) {
                byId.put(Device.demoId(i + 1), opening.get(i).result());
            }
            return new MqttDevices(byId);
        });
    }

    DeviceConnection of(String deviceId) {
        DeviceConnection connection = byId.get(deviceId);
        if (connection == null) {
            throw new IllegalArgumentException("no connection for " + deviceId);
        }
        return connection;
    }

    @Override
    public void close() {
        byId.values().forEach(DeviceConnection::close);
    }
}
