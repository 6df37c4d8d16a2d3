package org.sahaya.server;

import io.micrometer.core.instrument.MeterRegistry;
import io.vertx.core.Vertx;
import java.time.Clock;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.sahaya.core.config.SahayaConfig;
import org.sahaya.core.node.Offload;
import org.sahaya.core.persistence.Database;
import org.sahaya.core.persistence.DirectoryRepository;
import org.sahaya.core.secret.SecretBox;
import org.sahaya.core.subscriber.DeviceCredential;
import org.sahaya.dispatch.workflow.AlertReception;
import org.sahaya.server.access.FailureThrottle;
import org.sahaya.server.device.DeviceHealth;
import org.sahaya.server.device.DeviceRateLimit;
import org.sahaya.server.gateway.AlertPayload;
import org.sahaya.server.gateway.dc09.Dc09Directory;
import org.sahaya.server.gateway.dc09.Dc09Server;
import org.sahaya.server.gateway.dc09.account.AuthFailures;
import org.sahaya.server.gateway.mqtt.DeviceAuthenticator;
import org.sahaya.server.gateway.mqtt.MqttCounters;
import org.sahaya.server.gateway.mqtt.MqttGateway;
import org.sahaya.server.tls.ListenerTls;

/** The device gateways beside HTTP, DC-09 and MQTT, sharing the node's reception, health and rate limit. */
record GatewayWiring(Dc09Server dc09, MqttGateway mqtt) {

    /**
     * Blocking; a gateway that cannot start (a port taken) leaves the other stopped and throws. Both speak TLS
     * (DC-09 on TCP only) when {@code SAHAYA_TLS_CERT} is set.
     */
    static GatewayWiring start(SahayaConfig config, Vertx vertx, Database database, Offload offload,
                               AlertReception reception, DeviceHealth health, DeviceRateLimit rateLimit,
                               MeterRegistry registry, Clock clock, SecretBox secrets) throws Exception {
        DirectoryRepository directory = new DirectoryRepository();
        ListenerTls tls = new ListenerTls(config.tls());
        Dc09Server dc09 = Dc09Server.start(config.dc09Port(), config.dc09(), new Dc09Directory(database, offload, config.demo(), secrets),
                reception, health, rateLimit, new AuthFailures(new FailureThrottle(config.devices().authFailures(),
                        config.devices().authPeriod(), clock), AuthFailures.DELAY), clock,
                tls.netty(vertx));
        try {
            // Built here, on the starting thread, not in a future's callback: the first use of the schema and MQTT
            // classes is slow on a cold JVM and must not land on an event loop.
            AlertPayload payload = AlertPayload.load(vertx);
            MqttGateway mqtt = MqttGateway.start(vertx, config.mqttPort(), config.mqtt(), config.maxAlertBytes(),
                            new MqttGateway.Services(payload, reception, rateLimit,
                                    DeviceAuthenticator.ofCredentials(id -> offload.<Optional<DeviceCredential>>submit(
                                            () -> database.withConnection(c -> directory.credential(c, id)).map(secrets::open)),
                                            config.demo(), new FailureThrottle(config.devices().authFailures(),
                                                    config.devices().authPeriod(), clock), clock),
                                    health, new MqttCounters(registry)),
                            clock, tls)
                    .await(60, TimeUnit.SECONDS);
            return new GatewayWiring(dc09, mqtt);
        } catch (Exception e) {
            dc09.close();
            throw e;
        }
    }
}
