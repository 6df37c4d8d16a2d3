package org.sahaya.server.http;

import io.vertx.core.Future;
import io.vertx.ext.web.RoutingContext;
import org.sahaya.core.json.Json;

/** The usual answer of a handler whose work runs off the event loop. */
public final class JsonReply {

    private JsonReply() {
    }

    /**
     * Answers 200 with {@code result}'s value as JSON; a failure (a {@code ProblemException}
     * for a refusal) goes to the router, which answers it as a problem.
     */
    public static void send(RoutingContext ctx, Future<?> result) {
        result.onSuccess(body -> ctx.response().putHeader("Content-Type", "application/json").end(Json.write(body)))
                .onFailure(ctx::fail);
    }
}
