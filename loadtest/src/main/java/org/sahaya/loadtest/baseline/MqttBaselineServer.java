package org.sahaya.loadtest.baseline;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.mqtt.MqttEndpoint;
import io.vertx.mqtt.MqttServer;
import io.vertx.mqtt.MqttServerOptions;
import org.sahaya.loadtest.run.Endpoint;

/**
 * The MQTT floor: a bare Vert.x MQTT server on loopback that accepts any device and answers each
 * QoS 1 publish with its PUBACK at once, doing no work. Same role as {@link BaselineServer} for
 * HTTP: the node's MQTT latency is read as a ratio to it. Its own Vert.x instance.
 */
public final class MqttBaselineServer implements AutoCloseable {

    private final Vertx vertx;
    private final MqttServer server;

    private MqttBaselineServer(Vertx vertx, MqttServer server) {
        this.vertx = vertx;
        this.server = server;
    }

    /** Starts on 127.0.0.1, on a free port. */
    public static Future<MqttBaselineServer> start() {
        Vertx vertx = Vertx.vertx();
        MqttServer server = MqttServer.create(vertx, new MqttServerOptions().setHost("127.0.0.1").setPort(0)
                .setMaxClientIdLength(64));
        return server.endpointHandler(MqttBaselineServer::echo)
                .listen()
                .map(s -> new MqttBaselineServer(vertx, s))
                .onFailure(e -> vertx.close());
    }

    private static void echo(MqttEndpoint endpoint) {
        endpoint.publishAutoAck(false);
        endpoint.publishHandler(message -> endpoint.publishAcknowledge(message.messageId()));
        endpoint.accept(false);
    }

    public Endpoint endpoint() {
        return new Endpoint("127.0.0.1", server.actualPort());
    }

    @Override
    public void close() {
        vertx.close();
    }
}
