package org.sahaya.server.http;

import io.vertx.core.AbstractVerticle;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.Future;
import io.vertx.core.ThreadingModel;
import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import io.vertx.ext.web.healthchecks.HealthCheckHandler;
import io.vertx.ext.web.openapi.router.OpenAPIRoute;
import io.vertx.ext.web.openapi.router.RouterBuilder;
import io.vertx.openapi.contract.OpenAPIContract;
import io.vertx.openapi.validation.RequestValidator;
import java.time.Clock;
import org.sahaya.server.webhook.FamilyHandlers;
import java.util.concurrent.atomic.AtomicReference;
import org.sahaya.core.config.ApiKey.Role;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Builds the node's router from the OpenAPI contract ({@code openapi/sahaya-v1.yaml}): every
 * operation of the contract gets its handler here, and every request is validated against it.
 * Any failure is answered as a problem; nothing reaches the client as a stack trace.
 */
public final class HttpApi {

    public static final String CONTRACT = "openapi/sahaya-v1.yaml";
    private static final Logger LOG = LoggerFactory.getLogger(HttpApi.class);

    /** The handlers the contract's operations are wired to. */
    /**
     * The handlers the contract's operations are wired to.
     *
     * @param signature        authenticates alerts (finding the device through the database's alert lane)
     * @param routineSignature authenticates heartbeats (through the main pool)
     * @param routine          bounds routine traffic: heartbeats, unit positions, bed boards
     */
    public record Handlers(DeviceSignatureHandler signature, DeviceSignatureHandler routineSignature, RoutineLane routine,
                           AlertHandler alerts, QueryHandlers queries,
                           HealthCheckHandler live, HealthCheckHandler ready, Handler<RoutingContext> metrics,
                           FamilyHandlers family,
                           DeviceAdmission admission, HeartbeatHandler heartbeat,
                           ApiKeyHandler apiKeys, PartnerHandlers partners, CoordinatorHandlers coordinators) {
    }

    private HttpApi() {
    }

    public static Future<Router> router(Vertx vertx, Handlers handlers, int maxBodyBytes, Clock clock) {
        // Reading and checking the contract against the OpenAPI meta-schema takes a second or more on
        // a busy machine, in callbacks on the caller's context: build it on a virtual thread, never on
        // an event loop.
        AtomicReference<Router> built = new AtomicReference<>();
        return vertx.deployVerticle(new AbstractVerticle() {
            @Override
            public void start() {
                built.set(build(vertx, handlers, maxBodyBytes, clock).await());
            }
        }, new DeploymentOptions().setThreadingModel(ThreadingModel.VIRTUAL_THREAD)).map(id -> built.get());
    }

    private static Future<Router> build(Vertx vertx, Handlers handlers, int maxBodyBytes, Clock clock) {
        return OpenAPIContract.from(vertx, ContractDocument.load(CONTRACT)).map(contract -> {
            RequestValidator validator = RequestValidator.create(vertx, new PrebuiltSchemas(contract));
            RouterBuilder builder = RouterBuilder.create(vertx, contract);
            builder.rootHandler(BodyHandler.create(false).setBodyLimit(maxBodyBytes));
            for (OpenAPIRoute route : builder.getRoutes()) {
                route.setDoValidation(false);
                ContractValidation validation = new ContractValidation(validator, route.getOperation());
                switch (route.getOperation().getOperationId()) {
                    case "postAlert" -> route.addHandler(handlers.signature()).addHandler(validation)
                            .addHandler(handlers.admission().alerts()).addHandler(handlers.alerts());
                    case "postHeartbeat" -> route.addHandler(handlers.routine()).addHandler(handlers.routineSignature())
                            .addHandler(validation)
                            .addHandler(handlers.admission().routine()).addHandler(handlers.heartbeat());
                    case "getIncident" -> route.addHandler(validation).addHandler(handlers.queries()::incident);
                    case "listIncidents" -> route.addHandler(validation).addHandler(handlers.queries()::incidentList);
                    case "listSandboxMessages" -> route.addHandler(validation).addHandler(handlers.queries()::sandboxMessages);
                    case "live" -> route.addHandler(handlers.live());
                    case "ready" -> route.addHandler(handlers.ready());
                    case "metrics" -> route.addHandler(handlers.metrics());
                    case "twilioStatus" -> route.addHandler(handlers.family().twilioSignature()).addHandler(validation)
                            .addHandler(handlers.family().twilio()::status);
                    case "twilioVoiceGather" -> route.addHandler(handlers.family().twilioSignature())
                            .addHandler(validation).addHandler(handlers.family().twilio()::gather);
                    case "twilioSmsReply" -> route.addHandler(handlers.family().twilioSignature()).addHandler(validation)
                            .addHandler(handlers.family().twilio()::sms);
                    case "ackLinkPage" -> route.addHandler(validation).addHandler(handlers.family().acks()::page);
                    case "ackLinkConfirm" -> route.addHandler(validation).addHandler(handlers.family().acks()::confirm);
                    case "postAcknowledgement" -> route.addHandler(validation).addHandler(handlers.family().acks()::push);
                    case "putContact" -> route.addHandler(validation).addHandler(handlers.family().contacts()::put);
                    case "getUnit" -> route.addHandler(validation).addHandler(handlers.partners()::unit);
                    case "postUnitPosition" -> route.addHandler(handlers.routine())
                            .addHandler(handlers.apiKeys().require(Role.FLEET, Role.COORDINATOR))
                            .addHandler(validation).addHandler(handlers.partners()::position);
                    case "putUnitStatus" -> route.addHandler(handlers.apiKeys().require(Role.FLEET, Role.COORDINATOR))
                            .addHandler(validation).addHandler(handlers.partners()::status);
                    case "getHospital" -> route.addHandler(validation).addHandler(handlers.partners()::hospital);
                    case "putHospitalBeds" -> route.addHandler(handlers.routine())
                            .addHandler(handlers.apiKeys().require(Role.HOSPITAL, Role.COORDINATOR))
                            .addHandler(validation).addHandler(handlers.partners()::beds);
                    case "postIncidentAssignment" -> route.addHandler(handlers.apiKeys().require(Role.COORDINATOR))
                            .addHandler(validation).addHandler(handlers.coordinators()::assign);
                    case "closeIncident" -> route.addHandler(handlers.apiKeys().require(Role.COORDINATOR))
                            .addHandler(validation).addHandler(handlers.coordinators()::close);
                    default -> throw new IllegalStateException("the contract has an operation without a handler: "
                            + route.getOperation().getOperationId());
                }
            }
            // The receive time is stamped on arrival, before the body is read, by an outer router.
            Router router = Router.router(vertx);
            router.route().handler(ctx -> {
                ctx.put(AlertHandler.RECEIVED_AT, clock.instant());
                ctx.next();
            });
            router.route().handler(HttpApi::jsonOnly);
            router.route("/*").subRouter(builder.createRouter());
            router.errorHandler(404, ctx -> Problem.of(404, "not-found", "Not found",
                    "no resource at " + ctx.request().path()).send(ctx));
            router.errorHandler(405, ctx -> Problem.of(405, "method-not-allowed", "Method not allowed",
                    ctx.request().method() + " is not allowed on " + ctx.request().path()).send(ctx));
            router.errorHandler(413, ctx -> Problem.of(413, "payload-too-large", "Payload too large",
                    "the body must be at most " + maxBodyBytes + " bytes").send(ctx));
            router.errorHandler(400, ctx -> Problem.of(400, "bad-request", "Bad request",
                    "the request could not be read").send(ctx));
            router.errorHandler(500, HttpApi::failure);
            return router;
        });
    }

    /**
     * The API takes JSON bodies only. Form bodies are refused before the body handler would try to
     * decode them (which it cannot do for a GET, and which costs memory for nothing). Twilio's webhooks
     * and the acknowledgement page's button post forms by nature (the contract says so for those paths):
     * they pass, and their own validation and signature checks apply.
     */
    private static void jsonOnly(RoutingContext ctx) {
        String type = ctx.request().getHeader("Content-Type");
        String lower = type == null ? "" : type.toLowerCase(java.util.Locale.ROOT);
        String path = ctx.request().path();
        boolean formPath = path != null && (path.startsWith("/webhooks/twilio/") || path.startsWith("/a/"));
        if (lower.startsWith("multipart/")
                || (lower.startsWith("application/x-www-form-urlencoded") && !formPath)) {
            Problem.ofField(415, "unsupported-media-type", "Unsupported media type",
                    "send the body as application/json", "Content-Type").send(ctx);
            return;
        }
        ctx.next();
    }

    private static void failure(RoutingContext ctx) {
        Throwable cause = ctx.failure();
        if (cause instanceof ProblemException p) {
            p.problem().send(ctx);
            return;
        }
        if (cause instanceof org.sahaya.dispatch.workflow.DispatchHeld held) {
            // Not a field of the request: this member is on the minority side; another member can take it.
            ctx.response().putHeader("Retry-After", "5");
            Problem.of(503, "minority", "Dispatch held on a minority member", held.getMessage()).send(ctx);
            return;
        }
        if (cause instanceof org.sahaya.dispatch.intake.UnknownDeviceException) {
            Problem.ofField(401, "unknown-device", "Unknown device", cause.getMessage(), "X-Device-Id").send(ctx);
            return;
        }
        LOG.error("{} {} failed", ctx.request().method(), ctx.request().path(), cause);
        Problem.of(500, "internal-error", "Internal error",
                "the request could not be completed; nothing acknowledged was lost").send(ctx);
    }
}
