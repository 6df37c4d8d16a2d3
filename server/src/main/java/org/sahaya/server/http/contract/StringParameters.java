package org.sahaya.server.http.contract;

import io.vertx.core.Vertx;
import io.vertx.json.schema.JsonSchemaValidationException;
import io.vertx.json.schema.OutputUnit;
import io.vertx.json.schema.common.dsl.SchemaType;
import io.vertx.openapi.contract.OpenAPIContract;
import io.vertx.openapi.contract.Parameter;
import io.vertx.openapi.contract.Style;
import io.vertx.openapi.validation.RequestParameter;
import io.vertx.openapi.validation.SchemaValidationException;
import io.vertx.openapi.validation.ValidatorException;
import io.vertx.openapi.validation.impl.RequestParameterImpl;
import io.vertx.openapi.validation.impl.RequestValidatorImpl;
import java.util.concurrent.atomic.LongAdder;

/**
 * vertx-openapi's request validator, minus an exception per request for ids in the path.
 *
 * <p>Why: its parameter transformer reads every primitive value as JSON first, and a string that is not
 * one word ({@code demo-0001}, {@code AMB-001}) throws a {@code DecodeException} before it is read again in
 * quotes. Heartbeats, positions and bed boards paid one on every request (8,916 in one heat-wave
 * recording, issue 19). Here a string-typed simple (path, header) or form (query) parameter whose value
 * starts with a letter and holds only letters, digits, {@code -}, {@code _} and {@code .} is taken as the
 * string it is: for such a value the library's own answer is that same string (no JSON text starts
 * with a letter except {@code true}, {@code false} and {@code null}, and those with anything after them
 * fail to parse and are then read in quotes). It is then validated against the parameter's schema just
 * as the library does, with the same problems. Every other value goes to the library unchanged.
 */
public final class StringParameters extends RequestValidatorImpl {

    private final OpenAPIContract schemas;
    private final LongAdder byLibrary = new LongAdder();

    public StringParameters(Vertx vertx, OpenAPIContract contract) {
        super(vertx, contract);
        this.schemas = contract;
    }

    @Override
    public RequestParameter validateParameter(Parameter parameter, RequestParameter value) throws ValidatorException {
        if (value == null || value.isNull() || !(value.get() instanceof String raw) || !plainString(parameter, raw)) {
            if (value != null && !value.isNull() && parameter.getSchemaType() == SchemaType.STRING) {
                byLibrary.increment();
            }
            return super.validateParameter(parameter, value);
        }
        OutputUnit result = schemas.getSchemaRepository().validator(parameter.getSchema()).validate(raw);
        try {
            result.checkValidity();
        } catch (JsonSchemaValidationException e) {
            throw SchemaValidationException.createErrorFromOutputUnitType(parameter, result, e);
        }
        return new RequestParameterImpl(raw);
    }

    /** String parameters given to the library's transformer so far (values this class does not read itself). */
    long stringsReadByLibrary() {
        return byLibrary.sum();
    }

    static boolean plainString(Parameter parameter, String raw) {
        return parameter.getSchemaType() == SchemaType.STRING
                && (parameter.getStyle() == Style.SIMPLE || parameter.getStyle() == Style.FORM)
                && plainWord(raw);
    }

    /** A letter first, then letters, digits, '-', '_' or '.': never JSON, and the same string read in quotes. */
    static boolean plainWord(String raw) {
        if (raw.isEmpty() || !isAsciiLetter(raw.charAt(0))) {
            return false;
        }
        for (int i = 1; i < raw.length(); i++) {
            char ch = raw.charAt(i);
            if (!(isAsciiLetter(ch) || (ch >= '0' && ch <= '9') || ch == '-' || ch == '_' || ch == '.')) {
                return false;
            }
        }
        return true;
    }

    private static boolean isAsciiLetter(char ch) {
        return (ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z');
    }
}
