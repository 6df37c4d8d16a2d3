package org.sahaya.server.http;

import io.vertx.core.AbstractVerticle;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.Future;
import io.vertx.core.ThreadingModel;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import io.vertx.ext.web.openapi.router.OpenAPIRoute;
import io.vertx.ext.web.openapi.router.RouterBuilder;
import io.vertx.openapi.contract.OpenAPIContract;
import io.vertx.openapi.validation.RequestValidator;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicReference;
import org.sahaya.core.log.Redacted;
import org.sahaya.server.http.contract.BadSignature;
import org.sahaya.server.http.contract.ContractDocument;
import org.sahaya.server.http.contract.ContractValidation;
import org.sahaya.server.http.contract.PrebuiltSchemas;
import org.sahaya.server.http.contract.Problem;
import org.sahaya.server.http.contract.ProblemException;
import org.sahaya.server.http.contract.StringParameters;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Builds the node's router from the OpenAPI contract ({@code openapi/sahaya-v1.yaml}): every
 * operation of the contract gets its handlers from the feature's {@link RouteTable}, and every
 * request is validated against it. Any failure is answered as a problem; nothing reaches the
 * client as a stack trace.
 */
public final class HttpApi {

    /** When the request arrived (an {@link java.time.Instant}), stamped before its body is read. */
    public static final String RECEIVED_AT = "sahaya.receivedAt";
    private static final Logger LOG = LoggerFactory.getLogger(HttpApi.class);
    /** The body limit of a request that got an operation's bigger one ({@link RouteTable#bodyLimits}). */
    private static final String BODY_LIMIT = "sahaya.bodyLimit";
    /** How many bodies bigger than the node's limit are read at once, per operation that takes them. */
    private static final int LARGER_BODIES_AT_ONCE = 2;

    private HttpApi() {
    }

    /** The router over {@code tables}, which between them serve each operation of the contract exactly once. */
    public static Future<Router> router(Vertx vertx, List<RouteTable> tables, int maxBodyBytes, Clock clock) {
        // Reading and checking the contract against the OpenAPI meta-schema takes a second or more on
        // a busy machine, in callbacks on the caller's context: build it on a virtual thread, never on
        // an event loop.
        AtomicReference<Router> built = new AtomicReference<>();
        return vertx.deployVerticle(new AbstractVerticle() {
            @Override
            public void start() {
                built.set(build(vertx, tables, maxBodyBytes, clock).await());
            }
        }, new DeploymentOptions().setThreadingModel(ThreadingModel.VIRTUAL_THREAD)).map(id -> built.get());
    }

    private static Future<Router> build(Vertx vertx, List<RouteTable> tables, int maxBodyBytes, Clock clock) {
        Map<String, RouteTable.Mount> mounts = mounts(tables);
        return OpenAPIContract.from(vertx, ContractDocument.load(ContractDocument.CONTRACT)).map(contract -> {
            // StringParameters: vertx-openapi's validator without a DecodeException per id in a path (issue 19).
            RequestValidator validator = new StringParameters(vertx, new PrebuiltSchemas(contract));
            RouterBuilder builder = RouterBuilder.create(vertx, contract);
            builder.rootHandler(BodyHandler.create(false).setBodyLimit(maxBodyBytes));
            Map<String, Integer> limits = bodyLimits(tables);
            Map<OpenAPIRoute, Integer> largerBodies = new HashMap<>();
            TreeSet<String> unserved = new TreeSet<>(mounts.keySet());
            for (OpenAPIRoute route : builder.getRoutes()) {
                String operation = route.getOperation().getOperationId();
                RouteTable.Mount mount = mounts.get(operation);
                if (mount == null) {
                    throw new IllegalStateException("the contract has an operation without a handler: " + operation);
                }
                unserved.remove(operation);
                if (limits.containsKey(operation)) {
                    largerBodies.put(route, limits.get(operation));
                }
                route.setDoValidation(false);
                mount.on(route, new ContractValidation(validator, route.getOperation()));
            }
            if (!unserved.isEmpty()) {
                throw new IllegalStateException("route tables name operations the contract does not have: " + unserved);
            }
            // The receive time is stamped on arrival, before the body is read, by an outer router.
            Router router = Router.router(vertx);
            router.route().handler(ctx -> {
                ctx.put(RECEIVED_AT, clock.instant());
                ctx.next();
            });
            router.route().handler(HttpApi::jsonOnly);
            largerBodies.forEach((route, limit) -> largerBody(router, route, limit));
            router.route("/*").subRouter(builder.createRouter());
            router.errorHandler(404, ctx -> Problem.of(404, "not-found", "Not found",
                    "no resource at " + ctx.request().path()).send(ctx));
            router.errorHandler(405, ctx -> Problem.of(405, "method-not-allowed", "Method not allowed",
                    ctx.request().method() + " is not allowed on " + ctx.request().path()).send(ctx));
            router.errorHandler(413, ctx -> Problem.of(413, "payload-too-large", "Payload too large",
                    "the body must be at most " + (ctx.get(BODY_LIMIT) instanceof Integer larger ? larger : maxBodyBytes)
                            + " bytes").send(ctx));
            router.errorHandler(400, ctx -> Problem.of(400, "bad-request", "Bad request",
                    "the request could not be read").send(ctx));
            router.errorHandler(500, HttpApi::failure);
            return router;
        });
    }

    private static Map<String, Integer> bodyLimits(List<RouteTable> tables) {
        Map<String, Integer> limits = new HashMap<>();
        tables.forEach(table -> limits.putAll(table.bodyLimits()));
        return limits;
    }

    /**
     * Reads the body of a request that carries credentials (a bearer token, a cookie or a partner key)
     * with the operation's own bigger limit, before the contract's router reads it with the node's
     * limit (a body is read once); a request without credentials keeps the node's limit. The gate
     * checks the credentials only once the body is in, so at most {@link #LARGER_BODIES_AT_ONCE} such
     * bodies are read at a time per operation (the others get 503 with {@code Retry-After}): what a
     * caller with made-up credentials can make the node hold is bounded.
     */
    private static void largerBody(Router router, OpenAPIRoute route, int limit) {
        String path = route.getOperation().getOpenAPIPath().replaceAll("\\{([^}/]+)}", ":$1");
        BodyHandler body = BodyHandler.create(false).setBodyLimit(limit);
        java.util.concurrent.atomic.AtomicInteger reading = new java.util.concurrent.atomic.AtomicInteger();
        router.route(route.getOperation().getHttpMethod(), path).handler(ctx -> {
            HttpServerRequest request = ctx.request();
            if (request.getHeader("Authorization") == null && request.getHeader("Cookie") == null
                    && request.getHeader("X-Api-Key") == null) {
                ctx.next();
                return;
            }
            if (reading.incrementAndGet() > LARGER_BODIES_AT_ONCE) {
                reading.decrementAndGet();
                ctx.response().putHeader("Retry-After", "5").putHeader("Connection", "close");
                Problem.of(503, "busy", "Busy", "another large request is being received; try again shortly").send(ctx);
                return;
            }
            ctx.addEndHandler(done -> reading.decrementAndGet());
            ctx.put(BODY_LIMIT, limit);
            body.handle(ctx);
        });
    }

    private static Map<String, RouteTable.Mount> mounts(List<RouteTable> tables) {
        Map<String, RouteTable.Mount> mounts = new HashMap<>();
        for (RouteTable table : tables) {
            table.routes().forEach((operation, mount) -> {
                if (mounts.putIfAbsent(operation, mount) != null) {
                    throw new IllegalStateException("two route tables serve the operation " + operation);
                }
            });
        }
        return mounts;
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
            // Answered as a forged signature, as the signature check answers an unknown id: ids cannot be probed.
            BadSignature.problem().send(ctx);
            return;
        }
        LOG.error("{} {} failed", ctx.request().method(), ctx.request().path(), Redacted.of(cause));
        Problem.of(500, "internal-error", "Internal error",
                "the request could not be completed; nothing acknowledged was lost").send(ctx);
    }
}
