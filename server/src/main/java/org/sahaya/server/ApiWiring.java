package org.sahaya.server;

import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.sahaya.core.config.SahayaConfig;
import org.sahaya.core.fleet.Unit;
import org.sahaya.core.grid.Grid;
import org.sahaya.core.node.Offload;
import org.sahaya.core.persistence.Database;
import org.sahaya.core.persistence.DirectoryRepository;
import org.sahaya.core.secret.SecretBox;
import org.sahaya.core.subscriber.DeviceCredential;
import org.sahaya.dispatch.workflow.AlertReception;
import org.sahaya.dispatch.workflow.DispatchDesk;
import org.sahaya.notify.channel.sandbox.SandboxInbox;
import org.sahaya.server.access.Access;
import org.sahaya.server.access.FailureThrottle;
import org.sahaya.server.access.partners.PartnerDirectory;
import org.sahaya.server.admin.bundle.CityKinds;
import org.sahaya.server.admin.bundle.ImportHandler;
import org.sahaya.server.admin.bundle.ImportRoutes;
import org.sahaya.server.admin.city.CityRecords;
import org.sahaya.server.admin.privacy.Erasure;
import org.sahaya.server.admin.privacy.GridErasure;
import org.sahaya.server.admin.privacy.SubscriberExport;
import org.sahaya.server.audit.AuditLog;
import org.sahaya.server.audit.AuditReader;
import org.sahaya.server.audit.AuditVerifier;
import org.sahaya.server.delivery.PartnerWebhooks;
import org.sahaya.server.demo.DemoPartners;
import org.sahaya.server.device.DeviceHealth;
import org.sahaya.server.device.DeviceRateLimit;
import org.sahaya.server.device.DeviceRevocations;
import org.sahaya.server.http.GuardedHttpServer;
import org.sahaya.server.http.HttpApi;
import org.sahaya.server.http.RouteTable;
import org.sahaya.server.http.RoutineLane;
import org.sahaya.server.http.admin.city.CityHandlers;
import org.sahaya.server.http.admin.city.CityRoutes;
import org.sahaya.server.http.admin.privacy.PrivacyHandlers;
import org.sahaya.server.http.admin.privacy.PrivacyRoutes;
import org.sahaya.server.http.alert.AlertHandler;
import org.sahaya.server.http.alert.AlertRoutes;
import org.sahaya.server.http.audit.AuditHandlers;
import org.sahaya.server.http.audit.AuditRoutes;
import org.sahaya.server.http.coordinator.CoordinatorHandlers;
import org.sahaya.server.http.coordinator.CoordinatorRoutes;
import org.sahaya.server.http.device.DeviceAdmission;
import org.sahaya.server.http.device.DeviceRoutes;
import org.sahaya.server.http.device.DeviceSignatureHandler;
import org.sahaya.server.http.device.HeartbeatHandler;
import org.sahaya.server.http.fleet.FleetHandlers;
import org.sahaya.server.http.fleet.FleetRoutes;
import org.sahaya.server.http.hospital.HospitalHandlers;
import org.sahaya.server.http.hospital.HospitalRoutes;
import org.sahaya.server.http.incident.IncidentRoutes;
import org.sahaya.server.http.incident.QueryHandlers;
import org.sahaya.server.http.partner.PartnerHandlers;
import org.sahaya.server.http.partner.PartnerRoutes;
import org.sahaya.server.http.partner.RosterHandlers;
import org.sahaya.server.http.partner.WebhookHandlers;
import org.sahaya.server.http.partner.WebhookRoutes;
import org.sahaya.server.incident.IncidentViews;
import org.sahaya.server.incident.PartnerViews;
import org.sahaya.server.tls.ListenerTls;

/** The HTTP API of a node: each feature's route table over the node's services, behind the guarded server. */
final class ApiWiring {

    /** Unknown partner keys an address may send a minute before its keys get 429 unchecked. */
    private static final int UNKNOWN_KEYS_PER_MINUTE = 20;

    private ApiWiring() {
    }

    /**
     * The services the routes hand their work to.
     *
     * @param family the family side's route tables (webhooks, acknowledgements, contacts)
     * @param jobs   the jobs API (issue 17: a unit's job, accept, decline)
     */
    record Services(AlertReception reception, DispatchDesk desk, Function<Access, List<RouteTable>> family,
                    DeviceHealth deviceHealth, DeviceRateLimit rateLimit, PrometheusMeterRegistry registry, AuditLog audit,
                    SecretBox secrets, Function<Access, RouteTable> jobs) {
    }

    /**
     * Starts the HTTP server on {@code SAHAYA_HTTP_PORT}, over TLS when a certificate is set. Blocking until it
     * listens. Health and metrics are not here: they are on the management port ({@code ManagementServer}).
     */
    static HttpServer listen(SahayaConfig config, Vertx vertx, Database database, Grid grid, Offload offload,
                             Services services, Clock clock) throws Exception {
        DirectoryRepository directory = new DirectoryRepository();
        // Alerts find their device through the alert lane: routine traffic holding every main
        // connection must not keep an alert from being authenticated.
        FailureThrottle deviceFailures = new FailureThrottle(config.devices().authFailures(),
                config.devices().authPeriod(), clock);
        DeviceSignatureHandler signature = DeviceSignatureHandler.ofCredentials(
                id -> offload.<Optional<DeviceCredential>>submit(() -> database.alerts().withConnection(
                        c -> directory.credential(c, id)).map(services.secrets()::open)),
                clock, config.replayWindow(), config.demo(), deviceFailures);
        DeviceSignatureHandler routineSignature = DeviceSignatureHandler.ofCredentials(
                id -> offload.<Optional<DeviceCredential>>submit(() -> database.withConnection(
                        c -> directory.credential(c, id)).map(services.secrets()::open)),
                clock, config.replayWindow(), config.demo(), deviceFailures);
        RoutineLane routine = new RoutineLane(config.routineInFlight());
        DeviceAdmission admission = new DeviceAdmission(services.deviceHealth(), services.rateLimit(),
                config.devices().ratePerSecond());
        PeopleWiring people = PeopleWiring.of(config, database, grid, offload, services.audit(), clock);
        PartnerDirectory partners = PartnerDirectory.open(database, grid.hazelcast(), offload, clock, config.apiKeys(),
                config.demo() ? DemoPartners.ids() : Set.of());
        Access access = new Access(people.sessions(), partners, services.audit(),
                new FailureThrottle(UNKNOWN_KEYS_PER_MINUTE, Duration.ofMinutes(1), clock), clock);
        List<RouteTable> tables = new ArrayList<>(List.of(
                new AlertRoutes(access, signature, admission, new AlertHandler(services.reception())),
                new DeviceRoutes(access, routine, routineSignature, admission, new HeartbeatHandler(services.deviceHealth())),
                new IncidentRoutes(access, new QueryHandlers(new IncidentViews(database, grid, clock),
                        new PartnerViews(database, grid, grid, unitId -> grid.unit(unitId).map(Unit::partner),
                                services.secrets()),
                        new SandboxInbox(database), offload), config.demo()),
                new FleetRoutes(routine, access, new FleetHandlers(services.desk(), offload)),
                new HospitalRoutes(routine, access, new HospitalHandlers(services.desk(), offload)),
                new PartnerRoutes(access, new PartnerHandlers(partners, new PartnerWebhooks(database, services.secrets()),
                        offload), new RosterHandlers(database, offload)),
                new WebhookRoutes(access, new WebhookHandlers(new PartnerWebhooks(database, services.secrets()), offload)),
                new CoordinatorRoutes(access, new CoordinatorHandlers(services.desk(),
                        new IncidentViews(database, grid, clock), offload))));
        tables.addAll(services.family().apply(access));
        tables.add(services.jobs().apply(access));
        tables.add(new AuditRoutes(access, new AuditHandlers(new AuditReader(database), new AuditVerifier(database),
                offload)));
        tables.add(people.routes(access));
        tables.add(new org.sahaya.server.http.city.CityRoutes(access, config.city()));
        tables.add(SubscriberWiring.routes(config, vertx, database, offload, services.secrets(), access, clock));
        CityRecords city = new CityRecords(database, grid, clock, services.secrets(), services.desk()::unitAvailable);
        tables.add(new CityRoutes(access, new CityHandlers(city, offload)));
        // Data-subject rights (issue 15, privacy): export and erasure of a subscriber.
        tables.add(new PrivacyRoutes(access, new PrivacyHandlers(new SubscriberExport(database, services.secrets()),
                new Erasure(database, services.secrets(), new GridErasure(grid.hazelcast()),
                        deviceId -> DeviceRevocations.publish(vertx, deviceId)),
                access, offload, clock)));
        tables.add(new ImportRoutes(access, new ImportHandler(CityKinds.of(services.secrets(), grid, clock, services.desk()::unitAvailable), database, offload,
                access)));
        // Service-level reports (issue 18): supervisors, auditors, and each partner its own figures.
        tables.add(new org.sahaya.server.http.report.ReportRoutes(access, new org.sahaya.server.http.report.ReportHandlers(
                database, offload, config.city().timeZone())));
        return HttpApi.router(vertx, tables, config.maxAlertBytes(), clock)
                .map(router -> {
                    // Issue 17, crew: the web front ends, ahead of the API's routes.
                    org.sahaya.server.web.FrontEnd.CREW.mount(router);
                    return router;
                })
                .compose(router -> GuardedHttpServer.create(vertx, config.httpLimits(), router, new ListenerTls(config.tls()))
                        .listen(config.httpPort()))
                .await(60, TimeUnit.SECONDS);
    }
}
