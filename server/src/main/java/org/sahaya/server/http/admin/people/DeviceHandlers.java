package org.sahaya.server.http.admin.people;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.time.Clock;
import java.time.Duration;
import org.sahaya.core.node.Offload;
import org.sahaya.core.persistence.Database;
import org.sahaya.server.access.Access;
import org.sahaya.server.admin.RecordRefused;
import org.sahaya.server.admin.people.DeviceKind;
import org.sahaya.server.admin.people.DeviceRecord;
import org.sahaya.server.admin.people.DeviceSecrets;
import org.sahaya.server.admin.people.SubscriberKind;
import org.sahaya.server.device.DeviceRevocations;
import org.sahaya.server.http.contract.Problem;
import org.sahaya.server.http.contract.ProblemException;

/**
 * A subscriber's devices: registered (201 with the secret, shown this once, {@code no-store}), read
 * and listed (never a secret), the secret rotated (the old one works until the grace period ends)
 * and the device revoked (refused at once by every gateway; its MQTT sessions on every member dropped).
 */
public final class DeviceHandlers {

    private final Database database;
    private final Offload offload;
    private final DeviceKind kind;
    private final DeviceSecrets secrets;
    private final Vertx vertx;
    private final Clock clock;
    private final Duration grace;

    /** @param grace {@code SAHAYA_DEVICE_SECRET_GRACE_SECONDS}: how long a rotated secret keeps working */
    public DeviceHandlers(Database database, Offload offload, DeviceKind kind, DeviceSecrets secrets, Vertx vertx,
                          Clock clock, Duration grace) {
        this.database = database;
        this.offload = offload;
        this.kind = kind;
        this.secrets = secrets;
        this.vertx = vertx;
        this.clock = clock;
        this.grace = grace;
    }

    /** {@code POST /api/v1/subscribers/{id}/devices}: {@code {id?, secret?}}; answers the secret it made, once. */
    public void create(RoutingContext ctx) {
        JsonObject body = Refusals.body(ctx).put("subscriberId", ctx.pathParam("id"));
        if (body.getValue("id") == null) {
            body.put("id", Refusals.newId("D-"));
        }
        offload.submit(() -> {
            DeviceRecord record;
            try {
                record = kind.read(body);
            } catch (RecordRefused r) {
                throw Refusals.problem(r);
            }
            Refusals.inTransaction(database, c -> {
                if (kind.view(c, record.id()).isPresent()) {
                    throw Refusals.exists("device", record.id());
                }
                return kind.write(c, record);
            });
            return record;
        }).onSuccess(record -> {
            Access.touched(ctx, "devices/" + record.id());
            ctx.response().putHeader("Cache-Control", "no-store").putHeader("Location", "/api/v1/devices/" + record.id());
            JsonObject answer = new JsonObject().put("id", record.id()).put("subscriberId", record.subscriberId());
            kind.issuedSecrets(java.util.List.of(record)).forEach((id, secret) -> answer.put("secret", secret));
            Refusals.send(ctx, 201, answer);
        }).onFailure(ctx::fail);
    }

    public void get(RoutingContext ctx) {
        String id = ctx.pathParam("id");
        offload.submit(() -> database.withConnection(c -> kind.view(c, id)).orElseThrow(() -> Refusals.notFound("device", id)))
                .onSuccess(json -> Refusals.send(ctx, 200, json)).onFailure(ctx::fail);
    }

    public void list(RoutingContext ctx) {
        String id = ctx.pathParam("id");
        offload.submit(() -> database.withConnection(c -> {
            if (!SubscriberKind.exists(c, id)) {
                throw Refusals.notFound("subscriber", id);
            }
            return new JsonObject().put("items", new JsonArray(kind.ofSubscriber(c, id)));
        })).onSuccess(json -> Refusals.send(ctx, 200, json)).onFailure(ctx::fail);
    }

    /** {@code POST /api/v1/devices/{id}/secret}: a new secret, answered once. */
    public void rotate(RoutingContext ctx) {
        String id = ctx.pathParam("id");
        offload.submit(() -> database.inTransaction(c -> secrets.rotate(c, id, clock.instant(), grace)))
                .onSuccess(change -> {
                    switch (change) {
                        case DeviceSecrets.Change.Unknown u -> ctx.fail(Refusals.notFound("device", id));
                        case DeviceSecrets.Change.Revoked r -> ctx.fail(new ProblemException(Problem.ofField(409,
                                "device-revoked", "Device revoked", "device " + id + " was revoked at " + r.at()
                                        + "; register a new device instead", "id")));
                        case DeviceSecrets.Change.Done done -> {
                            ctx.response().putHeader("Cache-Control", "no-store");
                            Refusals.send(ctx, 200, new JsonObject().put("id", id).put("secret", done.secret())
                                    .put("previousSecretUntil", done.previousUntil().toString()));
                        }
                    }
                }).onFailure(ctx::fail);
    }

    /** {@code POST /api/v1/devices/{id}/revocation}: refused from now on, everywhere. */
    public void revoke(RoutingContext ctx) {
        String id = ctx.pathParam("id");
        offload.submit(() -> database.inTransaction(c -> secrets.revoke(c, id, clock.instant())))
                .onSuccess(change -> {
                    switch (change) {
                        case DeviceSecrets.Change.Done done -> {
                            // After the commit: every member drops the device's MQTT session.
                            DeviceRevocations.publish(vertx, id);
                            Refusals.send(ctx, 200, new JsonObject().put("id", id).put("revokedAt", done.at().toString()));
                        }
                        default -> ctx.fail(Refusals.notFound("device", id));
                    }
                }).onFailure(ctx::fail);
    }
}
