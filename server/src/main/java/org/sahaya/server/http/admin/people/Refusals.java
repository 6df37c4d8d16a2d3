package org.sahaya.server.http.admin.people;

import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.UUID;
import java.util.stream.Collectors;
import org.sahaya.core.persistence.Database;
import org.sahaya.server.admin.RecordRefused;
import org.sahaya.server.http.contract.Problem;
import org.sahaya.server.http.contract.ProblemException;

/**
 * What the people handlers share: a refusal answered as an RFC 9457 problem naming the first field at
 * fault (the detail lists them all), and a transaction in which a refusal rolls everything back.
 */
final class Refusals {

    /** Work on a connection that may refuse the record. */
    @FunctionalInterface
    interface Work<T> {
        T run(Connection c) throws SQLException, RecordRefused;
    }

    /** Carries a refusal out of {@link Database#inTransaction}, rolling it back. */
    private static final class Refused extends RuntimeException {
        private final transient RecordRefused refusal;

        Refused(RecordRefused refusal) {
            super(null, null, false, false);
            this.refusal = refusal;
        }
    }

    private Refusals() {
    }

    /** Runs {@code work} in one transaction; a refusal rolls it back and is thrown as a problem. Blocking. */
    static <T> T inTransaction(Database database, Work<T> work) {
        try {
            return database.inTransaction(c -> {
                try {
                    return work.run(c);
                } catch (RecordRefused r) {
                    throw new Refused(r);
                }
            });
        } catch (Refused r) {
            throw problem(r.refusal);
        }
    }

    static ProblemException problem(RecordRefused refused) {
        RecordRefused.Fault first = refused.faults().get(0);
        String detail = refused.faults().stream().map(f -> f.field() + ": " + f.reason()).collect(Collectors.joining("; "));
        if (first.type() != null) {
            String title = Character.toUpperCase(first.type().charAt(0)) + first.type().substring(1).replace('-', ' ');
            return new ProblemException(Problem.ofField(first.status(), first.type(), title, detail, first.field()));
        }
        Problem problem = switch (first.status()) {
            case 404 -> Problem.ofField(404, "not-found", "Not found", detail, first.field());
            case 409 -> first.field().endsWith("EMERGENCY_DISPATCH")
                    ? Problem.ofField(409, "consent-required", "Consent required", detail, first.field())
                    : Problem.ofField(409, "conflict", "Conflict", detail, first.field());
            default -> Problem.ofField(first.status(), "invalid-field", "Invalid field", detail, first.field());
        };
        return new ProblemException(problem);
    }

    static ProblemException notFound(String what, String id) {
        return new ProblemException(Problem.ofField(404, "not-found", "Not found", "no " + what + " has the id " + id, "id"));
    }

    static ProblemException exists(String what, String id) {
        return new ProblemException(Problem.ofField(409, "already-exists", "Already exists",
                "a " + what + " has the id " + id + " already; PUT changes it", "id"));
    }

    /** The request's JSON body, or an empty object when it has none. */
    static JsonObject body(RoutingContext ctx) {
        JsonObject body = ctx.body() == null || ctx.body().isEmpty() ? null : ctx.body().asJsonObject();
        return body == null ? new JsonObject() : body.copy();
    }

    /** A new id with {@code prefix} when the caller gave none. */
    static String newId(String prefix) {
        return prefix + UUID.randomUUID();
    }

    /** Answers {@code status} with {@code json}. */
    static void send(RoutingContext ctx, int status, JsonObject json) {
        ctx.response().setStatusCode(status).putHeader("Content-Type", "application/json").end(json.encode());
    }
}
