package org.sahaya.server.http.contract;

import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.openapi.router.RequestExtractor;
import io.vertx.ext.web.openapi.router.RouterBuilder;
import io.vertx.json.schema.OutputUnit;
import io.vertx.openapi.contract.Operation;
import io.vertx.openapi.validation.RequestValidator;
import io.vertx.openapi.validation.SchemaValidationException;
import io.vertx.openapi.validation.ValidatableRequest;
import io.vertx.openapi.validation.ValidatorException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Validates a request against its operation in the OpenAPI contract and answers what is wrong as a
 * problem naming the field: malformed JSON 400, wrong media type 415, a body that breaks the schema
 * 422, a bad query or path parameter 400. Runs where the route puts it (after authentication for alerts).
 */
public final class ContractValidation implements Handler<RoutingContext> {

    private static final Pattern PARAMETER = Pattern.compile("parameter (\\S+)");

    private final RequestValidator validator;
    private final Operation operation;

    public ContractValidation(RequestValidator validator, Operation operation) {
        this.validator = validator;
        this.operation = operation;
    }

    @Override
    public void handle(RoutingContext ctx) {
        boolean optionalAndAbsent = operation.getRequestBody() != null && !operation.getRequestBody().isRequired()
                && (ctx.body().buffer() == null || ctx.body().length() == 0);
        if (operation.getRequestBody() != null && !optionalAndAbsent) {
            Problem bodyProblem = checkJsonBody(ctx);
            if (bodyProblem != null) {
                bodyProblem.send(ctx);
                return;
            }
        }
        Future<ValidatableRequest> extracted;
        try {
            extracted = RequestExtractor.withBodyHandler().extractValidatableRequest(ctx, operation);
        } catch (ValidatorException e) {
            // vertx-openapi decodes the already decoded query once more: a value holding an encoded
            // '%' (e.g. ?record=%25) throws here. A 400, not a 500 with a stack trace in the log.
            Problem.of(400, "invalid-parameter", "Invalid parameter",
                    "a query parameter could not be decoded (a '%' in a value is not supported)").send(ctx);
            return;
        }
        extracted
                .compose(request -> validator.validate(request, operation.getOperationId()))
                .onSuccess(validated -> {
                    ctx.put(RouterBuilder.KEY_META_DATA_VALIDATED_REQUEST, validated);
                    ctx.next();
                })
                .onFailure(e -> problemFor(e).send(ctx));
    }

    private static Problem checkJsonBody(RoutingContext ctx) {
        String type = ctx.request().getHeader("Content-Type");
        if (type == null || !type.toLowerCase().startsWith("application/json")) {
            return Problem.ofField(415, "unsupported-media-type", "Unsupported media type",
                    "send the body as application/json", "Content-Type");
        }
        if (ctx.body().buffer() == null || ctx.body().length() == 0) {
            return Problem.of(400, "body-missing", "Body missing", "this operation needs a JSON body");
        }
        try {
            Object parsed = io.vertx.core.json.Json.decodeValue(ctx.body().buffer());
            if (!(parsed instanceof JsonObject)) {
                return Problem.of(400, "malformed-json", "Malformed JSON", "the body must be a JSON object");
            }
        } catch (DecodeException e) {
            return Problem.of(400, "malformed-json", "Malformed JSON", "the body is not valid JSON");
        }
        return null;
    }

    private static final Pattern REQUIRED = Pattern.compile("required property \"([^\"]+)\"");

    static Problem problemFor(Throwable e) {
        if (e instanceof SchemaValidationException s && s.getOutputUnit() != null && isBodyError(s)) {
            OutputUnit unit = deepest(s.getOutputUnit());
            String field = unit.getInstanceLocation() == null ? null : unit.getInstanceLocation().replaceFirst("^#?/", "");
            String reason = unit.getError() != null ? unit.getError() : s.getMessage();
            // A missing member is reported at its parent ("#"): name the member itself (issue 17).
            Matcher missing = REQUIRED.matcher(String.valueOf(reason));
            if (missing.find()) {
                field = (field == null || field.isEmpty() || field.equals("#") ? "" : field + "/") + missing.group(1);
            }
            return Problem.ofField(422, "invalid-field", "Invalid field",
                    (field == null || field.isEmpty() ? "the body" : field) + ": " + reason,
                    field == null || field.isEmpty() ? null : field);
        }
        Matcher m = PARAMETER.matcher(String.valueOf(e.getMessage()));
        String field = m.find() ? m.group(1) : null;
        return Problem.ofField(400, "invalid-parameter", "Invalid parameter", e.getMessage(), field);
    }

    private static boolean isBodyError(SchemaValidationException s) {
        return s.getMessage() != null && s.getMessage().toLowerCase().contains("body");
    }

    /** The most specific failing location: the schema reports the outer object too. */
    public static OutputUnit deepest(OutputUnit unit) {
        OutputUnit best = unit;
        if (unit.getErrors() != null) {
            for (OutputUnit child : unit.getErrors()) {
                OutputUnit candidate = deepest(child);
                if (depth(candidate) > depth(best)) {
                    best = candidate;
                }
            }
        }
        return best;
    }

    private static int depth(OutputUnit unit) {
        String loc = unit.getInstanceLocation();
        return loc == null || loc.isEmpty() ? 0 : loc.split("/").length;
    }
}
