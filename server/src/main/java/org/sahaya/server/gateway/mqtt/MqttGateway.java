package org.sahaya.server.gateway.mqtt;

import io.netty.handler.codec.mqtt.MqttProperties;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.Vertx;
import io.vertx.mqtt.MqttEndpoint;
import io.vertx.mqtt.MqttServer;
import io.vertx.mqtt.MqttServerOptions;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.sahaya.core.config.MqttSettings;
import org.sahaya.core.config.TlsSettings;
import org.sahaya.server.device.DeviceActivity;
import org.sahaya.server.device.DeviceRateLimit;
import org.sahaya.server.device.DeviceRevocations;
import org.sahaya.server.gateway.AlertPayload;
import org.sahaya.server.tls.ListenerTls;
import org.sahaya.dispatch.workflow.AlertReception;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The MQTT gateway: a verticle with a Vert.x MQTT server (MQTT 5 and 3.1.1) for devices. It only wires: CONNECT to
 * the {@link DeviceAuthenticator}, an accepted device to its {@link DeviceSession}, each PUBLISH to
 * the {@link PublishHandler}. It also closes connections that stay silent past their keep-alive
 * (half-open sockets, slow or stalled senders) and, through the server options, sockets that never
 * send CONNECT and frames larger than the limit.
 */
public final class MqttGateway extends VerticleBase {

    private static final Logger LOG = LoggerFactory.getLogger(MqttGateway.class);
    private static final long SWEEP_MILLIS = 500;
    private static final int MAX_CLIENT_ID_LENGTH = 64;
    /** How long a throttled CONNECT waits for its refusal (see {@link ConnectRefusal#THROTTLED}). */
    static final long THROTTLED_DELAY_MILLIS = 1000;

    private final int port;
    private MqttServer server;
    private final MqttSettings settings;
    private final DeviceAuthenticator authenticator;
    private final PublishHandler publishes;
    private final DeviceActivity activity;
    private final MqttCounters counters;
    private final Clock clock;
    private final Map<String, DeviceSession> sessions = new ConcurrentHashMap<>();
    private long sweeper;
    private String deploymentId;
    private final ListenerTls tls;

    private MqttGateway(int port, MqttSettings settings, DeviceAuthenticator authenticator,
                        PublishHandler publishes, DeviceActivity activity, MqttCounters counters, Clock clock,
                        ListenerTls tls) {
        this.port = port;
        this.tls = tls;
        this.settings = settings;
        this.authenticator = authenticator;
        this.publishes = publishes;
        this.activity = activity;
        this.counters = counters;
        this.clock = clock;
    }

    /** Everything the gateway hands work to. */
    public record Services(AlertPayload payload, AlertReception reception, DeviceRateLimit rateLimit,
                           DeviceAuthenticator authenticator, DeviceActivity activity, MqttCounters counters) {
    }

    /**
     * Listens on {@code port} (0 = any free port).
     *
     * @param maxAlertBytes the largest alert payload ({@code SAHAYA_MAX_ALERT_BYTES}, as on HTTP)
     */
    public static Future<MqttGateway> start(Vertx vertx, int port, MqttSettings settings, int maxAlertBytes,
                                            Services services, Clock clock) {
        return start(vertx, port, settings, maxAlertBytes, services, clock, new ListenerTls(TlsSettings.none()));
    }

    /** As above, speaking MQTT over TLS when {@code tls} has a certificate. */
    public static Future<MqttGateway> start(Vertx vertx, int port, MqttSettings settings, int maxAlertBytes,
                                            Services services, Clock clock, ListenerTls tls) {
        preloadCodec();
        PublishHandler publishes = new PublishHandler(services.payload(), services.reception(), services.rateLimit(),
                services.counters(), clock, maxAlertBytes);
        MqttGateway gateway = new MqttGateway(port, settings, services.authenticator(), publishes,
                services.activity(), services.counters(), clock, tls);
        return vertx.deployVerticle(gateway).map(id -> {
            gateway.deploymentId = id;
            return gateway;
        });
    }

    @Override
    public Future<?> start() {
        // Its own context: what the protocol layer throws on a malformed packet lands here, counted,
        // instead of as an error line per packet that any client could make us write.
        context.exceptionHandler(e -> {
            counters.protocolError();
            LOG.debug("MQTT packet refused by the protocol layer: {}", e.toString());
        });
        server = MqttServer.create(vertx, tls.apply(new MqttServerOptions())
                .setMaxMessageSize(settings.maxMessageBytes())
                .setTimeoutOnConnect((int) Math.max(1, settings.connectTimeout().toSeconds()))
                .setAutoClientId(false)
                .setMaxClientIdLength(MAX_CLIENT_ID_LENGTH));
        server.endpointHandler(this::connect);
        // A device revoked on any member: its session here, if any, ends now (the consumer goes with the verticle).
        vertx.eventBus().<String>consumer(DeviceRevocations.ADDRESS, message -> {
            DeviceSession session = sessions.get(message.body());
            if (session != null) {
                LOG.info("Closing the MQTT connection of device {}: revoked", message.body());
                session.closeRevoked();
            }
        });
        server.exceptionHandler(e -> LOG.debug("MQTT connection failed: {}", e.toString()));
        return server.listen(port).onSuccess(s -> sweeper = vertx.setPeriodic(SWEEP_MILLIS, id -> closeSilent()));
    }

    @Override
    public Future<?> stop() {
        vertx.cancelTimer(sweeper);
        return server.close();
    }

    /**
     * Loads the MQTT codec's classes on the starting thread: on a cold JVM, loading them on the event
     * loop when the server starts or the first device connects takes long enough to block it.
     */
    private static void preloadCodec() {
        for (Class<?> type : new Class<?>[] {io.netty.handler.codec.mqtt.MqttDecoder.class,
                io.netty.handler.codec.mqtt.MqttEncoder.class, io.netty.handler.codec.mqtt.MqttConnectMessage.class,
                io.netty.handler.codec.mqtt.MqttPublishMessage.class, io.netty.handler.codec.mqtt.MqttMessageType.class,
                io.netty.handler.codec.mqtt.MqttConnectReturnCode.class, MqttServerOptions.class,
                io.vertx.mqtt.messages.MqttPublishMessage.class, io.vertx.mqtt.messages.codes.MqttPubAckReasonCode.class,
                io.vertx.mqtt.messages.codes.MqttDisconnectReasonCode.class, DeviceSession.class, PublishHandler.class,
                TopicPolicy.class, PublishRefusal.class, ConnectRefusal.class, KeepAlive.class}) {
            try {
                Class.forName(type.getName(), true, type.getClassLoader());
            } catch (ClassNotFoundException e) {
                throw new IllegalStateException(e);
            }
        }
        new MqttServerOptions();
    }

    public int port() {
        return server.actualPort();
    }

    /** Stops listening and closes every device connection. */
    public Future<Void> close() {
        return vertx.undeploy(deploymentId);
    }

    private void connect(MqttEndpoint endpoint) {
        int version = endpoint.protocolVersion();
        String username = endpoint.auth() == null ? null : endpoint.auth().getUsername();
        String password = endpoint.auth() == null ? null : endpoint.auth().getPassword();
        String address = endpoint.remoteAddress() == null ? null : endpoint.remoteAddress().hostAddress();
        authenticator.authenticate(endpoint.clientIdentifier(), username, password, address).onComplete(result -> {
            try {
                switch (result.result()) {
                    case DeviceAuthenticator.Result.Refused refused when refused.reason() == ConnectRefusal.THROTTLED -> {
                        counters.refusedConnect(refused.reason(), version);
                        LOG.debug("Refused an MQTT connection late: too many failures of its client id or address");
                        // On a timer, never a sleeping thread: the event loop serves every other device meanwhile.
                        vertx.setTimer(THROTTLED_DELAY_MILLIS, t -> reject(endpoint, refused.reason().code(version)));
                    }
                    case DeviceAuthenticator.Result.Refused refused -> {
                        counters.refusedConnect(refused.reason(), version);
                        LOG.info("Refused an MQTT {} connection: {}", version >= 5 ? "5" : "3.1.1", refused.reason());
                        endpoint.reject(refused.reason().code(version));
                    }
                    case DeviceAuthenticator.Result.Accepted accepted -> open(endpoint, accepted);
                }
            } catch (IllegalArgumentException | IllegalStateException closed) {
                // The device hung up (or broke the stream) while we looked it up: there is no one to answer.
                LOG.debug("MQTT connection closed during authentication: {}", closed.getMessage());
            }
        });
    }

    private static void reject(MqttEndpoint endpoint, io.netty.handler.codec.mqtt.MqttConnectReturnCode code) {
        try {
            endpoint.reject(code);
        } catch (IllegalArgumentException | IllegalStateException closed) {
            LOG.debug("MQTT connection closed before its late refusal: {}", closed.getMessage());
        }
    }

    private void open(MqttEndpoint endpoint, DeviceAuthenticator.Result.Accepted accepted) {
        Duration keepAlive = KeepAlive.effective(endpoint.keepAliveTimeSeconds(), settings.maxKeepAlive());
        DeviceSession session = new DeviceSession(endpoint, accepted.device(), keepAlive, publishes, activity, counters,
                clock);
        MqttProperties connAck = new MqttProperties();
        if (endpoint.protocolVersion() >= 5) {
            if (keepAlive.toSeconds() != endpoint.keepAliveTimeSeconds()) {
                connAck.add(new MqttProperties.IntegerProperty(MqttProperties.MqttPropertyType.SERVER_KEEP_ALIVE.value(),
                        (int) keepAlive.toSeconds()));
            }
            connAck.add(new MqttProperties.IntegerProperty(MqttProperties.MqttPropertyType.MAXIMUM_PACKET_SIZE.value(),
                    settings.maxMessageBytes()));
        }
        // One connection per device, as MQTT says: a reconnecting device replaces its half-open predecessor.
        DeviceSession previous = sessions.put(accepted.device().id(), session);
        if (previous != null) {
            previous.closeTakenOver();
        }
        try {
            session.open(connAck, () -> sessions.remove(accepted.device().id(), session));
        } catch (IllegalArgumentException | IllegalStateException closed) {
            sessions.remove(accepted.device().id(), session);
            throw closed;
        }
    }

    private void closeSilent() {
        long now = clock.millis();
        sessions.values().forEach(session -> {
            if (session.silentTooLong(now)) {
                LOG.info("Closing the MQTT connection of device {}: silent past its keep-alive", session.device().id());
                session.closeSilent();
            }
        });
    }
}
