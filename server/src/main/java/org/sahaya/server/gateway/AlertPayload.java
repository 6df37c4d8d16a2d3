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
 * then normalised into an {@link Alert} of the authenticated device. Heartbeats from gateways
 * without contract validation are held to the contract's {@code Heartbeat} the same way. A body
 * with a key written twice is refused first ({@link DuplicateKeys}).
 */
public final class AlertPayload {

    private static final String OPERATION = "postAlert";
    private static final String JSON = "application/json";

    private static final String HEARTBEAT_OPERATION = "postHeartbeat";

    private final Validator schema;
    private final Validator heartbeat;

    public AlertPayload(OpenAPIContract contract) {
        MediaType body = contract.operation(OPERATION).getRequestBody().getContent().get(JSON);
        this.schema = contract.getSchemaRepository().validator(body.getSchema());
        MediaType beat = contract.operation(HEARTBEAT_OPERATION).getRequestBody().getContent().get(JSON);
        this.heartbeat = contract.getSchemaRepository().validator(beat.getSchema());
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
        payload.heartbeat.validate(new JsonObject());
        DuplicateKeys.first(new byte[] {'{', '}'});
        return payload;
    }

    /**
     * Raw bytes from a gateway that has no contract validation of its own (MQTT). Cheap enough for
     * an event loop: the gateway bounds the payload size first.
     *
     * @throws InvalidAlert when the bytes are not the v1 alert of {@code device}
     */
    public Alert parse(Buffer raw, Device device, Instant receivedAt) {
        return normalise(validated(raw, schema, "the Alert schema"), device, receivedAt);
    }

    /**
     * A heartbeat's payload from a gateway without contract validation (MQTT), held to the rules of
     * the HTTP heartbeat's body ({@code Heartbeat} in the contract): nothing, or a JSON object with at
     * most {@code batteryPercent} (0-100).
     *
     * @return the battery level it reports, or null if it reports none
     * @throws InvalidAlert when the bytes are not such a heartbeat
     */
    public Integer heartbeat(Buffer raw) {
        if (raw == null || raw.length() == 0) {
            return null;
        }
        return validated(raw, heartbeat, "the Heartbeat schema").getInteger("batteryPercent");
    }

    /** Duplicate keys, JSON, object, schema: the first that fails is the refusal. */
    private static JsonObject validated(Buffer raw, Validator against, String schemaName) {
        DuplicateKeys.first(raw.getBytes()).ifPresent(key -> {
            throw new InvalidAlert(InvalidAlert.Kind.DUPLICATE_KEY, key, DuplicateKeys.detail(key));
        });
        Object parsed;
        try {
            parsed = io.vertx.core.json.Json.decodeValue(raw);
        } catch (DecodeException e) {
            throw new InvalidAlert(InvalidAlert.Kind.MALFORMED_JSON, null, "the payload is not valid JSON");
        }
        if (!(parsed instanceof JsonObject body)) {
            throw new InvalidAlert(InvalidAlert.Kind.MALFORMED_JSON, null, "the payload must be a JSON object");
        }
        OutputUnit result = against.validate(body);
        if (!Boolean.TRUE.equals(result.getValid())) {
            OutputUnit at = ContractValidation.deepest(result);
            String field = at.getInstanceLocation() == null ? "" : at.getInstanceLocation().replaceFirst("^#?/", "");
            String reason = at.getError() != null ? at.getError() : "does not match " + schemaName;
            throw new InvalidAlert(InvalidAlert.Kind.INVALID_FIELD, field.isEmpty() ? null : field,
                    (field.isEmpty() ? "the payload" : field) + ": " + reason);
        }
        return body;
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
