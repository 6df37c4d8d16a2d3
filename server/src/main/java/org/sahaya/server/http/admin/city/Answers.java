package org.sahaya.server.http.admin.city;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.util.stream.Collectors;
import org.sahaya.server.admin.RecordRefused;
import org.sahaya.server.http.contract.Problem;
import org.sahaya.server.http.contract.ProblemException;

/** How the city handlers answer: records as JSON, refusals as problems naming the field. */
final class Answers {

    private Answers() {
    }

    /** Answers {@code status} with the record, or the failure as a problem. */
    static void send(RoutingContext ctx, int status, Future<JsonObject> record) {
        record.onSuccess(json -> ctx.response().setStatusCode(status).putHeader("Content-Type", "application/json")
                        .end(json.encode()))
                .onFailure(e -> ctx.fail(e instanceof RecordRefused refused ? problem(refused) : e));
    }

    /** Answers 204, or the failure as a problem. */
    static void noContent(RoutingContext ctx, Future<?> done) {
        done.onSuccess(x -> ctx.response().setStatusCode(204).end())
                .onFailure(e -> ctx.fail(e instanceof RecordRefused refused ? problem(refused) : e));
    }

    /** The first field at fault names the problem; the detail lists every one. */
    static ProblemException problem(RecordRefused refused) {
        RecordRefused.Fault first = refused.faults().getFirst();
        String detail = refused.faults().stream().map(f -> f.field() + " " + f.reason())
                .collect(Collectors.joining("; ")) + ". Nothing changed";
        return new ProblemException(switch (first.status()) {
            case 404 -> Problem.ofField(404, "not-found", "Not found", detail, first.field());
            case 409 -> Problem.ofField(409, "conflict", "Conflict", detail, first.field());
            default -> Problem.ofField(first.status(), "invalid-record", "Invalid record", detail, first.field());
        });
    }

    static ProblemException notFound(String what, String id, String field) {
        return new ProblemException(Problem.ofField(404, "not-found", "Not found", "no " + what + " " + id, field));
    }

    /** The request's JSON body, or an empty object when it has none. */
    static JsonObject body(RoutingContext ctx) {
        JsonObject body = ctx.body() == null || ctx.body().isEmpty() ? null : ctx.body().asJsonObject();
        return body == null ? new JsonObject() : body;
    }
}
