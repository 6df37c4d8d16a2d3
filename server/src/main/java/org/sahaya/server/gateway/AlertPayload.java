package org.sahaya.server.gateway;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonObject;
import io.vertx.json.schema.OutputUnit;
import io.vertx.json.schema.Validator;
import io.vertx.openapi.contract.MediaType;
import io.vertx.openapi.contract.OpenAPIContract;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import org.sahaya.core.Coordinates;
import org.sahaya.core.alert.Alert;
import org.sahaya.core.alert.AlertType;
import org.sahaya.core.subscriber.Device;
import org.sahaya.server.http.contract.ContractDocument;
import org.sahaya.server.http.contract.ContractValidation;

/**
 * The v1 alert JSON, the same on every gateway: validated against the {@code Alert} schema of the
 * OpenAPI contract (the very schema the HTTP route validates with, so there is one definition),
 * then normalised into an {@link Alert} of the authenticated device.
 */
public final class AlertPayload {

    private static final String OPERATION = "postAlert";
    private static final String JSON = "application/json";

    private final Validator schema;

    public AlertPayload(OpenAPIContract contract) {
        MediaType body = contract.operation(OPERATION).getRequestBody().getContent().get(JSON);
        this.schema = contract.getSchemaRepository().validator(body.getSchema());
    }

    /** Reads the contract from the classpath. */
    public static Future<AlertPayload> fromContract(Vertx vertx) {
        return OpenAPIContract.from(vertx, ContractDocument.load(ContractDocument.CONTRACT)).map(AlertPayload::new);
    }

    /**
     * Reads the contract and builds the validator on the calling thread, which blocks until done:
     * call it while starting a node (never on an event loop), so the slow first use of the schema
     * classes happens here.
     */
    public static AlertPayload load(Vertx vertx) throws java.util.concurrent.TimeoutException {
        OpenAPIContract contract = OpenAPIContract.from(vertx, ContractDocument.load(ContractDocument.CONTRACT))
                .await(60, java.util.concurrent.TimeUnit.SECONDS);
        AlertPayload payload = new AlertPayload(contract);
        payload.schema.validate(new JsonObject()); // first validation loads the validator's classes, here
        return payload;
    }

    /**
     * Raw bytes from a gateway that has no contract validation of its own (MQTT). Cheap enough for
     * an event loop: the gateway bounds the payload size first.
     *
     * @throws InvalidAlert when the bytes are not the v1 alert of {@code device}
     */
    public Alert parse(Buffer raw, Device device, Instant receivedAt) {
        Object parsed;
        try {
            parsed = io.vertx.core.json.Json.decodeValue(raw);
        } catch (DecodeException e) {
            throw new InvalidAlert(InvalidAlert.Kind.MALFORMED_JSON, null, "the payload is not valid JSON");
        }
        if (!(parsed instanceof JsonObject body)) {
            throw new InvalidAlert(InvalidAlert.Kind.MALFORMED_JSON, null, "the payload must be a JSON object");
        }
        OutputUnit result = schema.validate(body);
        if (!Boolean.TRUE.equals(result.getValid())) {
            OutputUnit at = ContractValidation.deepest(result);
            String field = at.getInstanceLocation() == null ? "" : at.getInstanceLocation().replaceFirst("^#?/", "");
            String reason = at.getError() != null ? at.getError() : "does not match the Alert schema";
            throw new InvalidAlert(InvalidAlert.Kind.INVALID_FIELD, field.isEmpty() ? null : field,
                    (field.isEmpty() ? "the payload" : field) + ": " + reason);
        }
        return normalise(body, device, receivedAt);
    }

    /**
     * A body that already passed the schema, as the alert of {@code device}.
     *
     * @throws InvalidAlert when the body names another device or a date the schema lets through but we cannot read
     */
    public static Alert normalise(JsonObject body, Device device, Instant receivedAt) {
        String deviceId = body.getString("deviceId");
        if (!device.id().equals(deviceId)) {
            throw new InvalidAlert(InvalidAlert.Kind.DEVICE_MISMATCH, "deviceId",
                    "deviceId in the body must be the authenticated device");
        }
        Instant occurredAt;
        try {
            occurredAt = OffsetDateTime.parse(body.getString("occurredAt")).toInstant();
        } catch (DateTimeParseException e) {
            throw new InvalidAlert(InvalidAlert.Kind.INVALID_FIELD, "occurredAt",
                    "occurredAt must be an ISO-8601 date-time with offset, e.g. 2026-11-23T14:05:00+05:30");
        }
        JsonObject location = body.getJsonObject("location");
        Coordinates where = location == null ? null
                : new Coordinates(location.getDouble("lat"), location.getDouble("lon"));
        Double accuracy = location == null ? null : location.getDouble("accuracyM");
        JsonObject vitals = body.getJsonObject("vitals");
        return new Alert(body.getString("alertId"), deviceId, AlertType.valueOf(body.getString("type")), occurredAt,
                receivedAt, where, accuracy, vitals == null ? null : vitals.encode());
    }
}
