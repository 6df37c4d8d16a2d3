package org.sahaya.server.http.partner;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.time.Instant;
import org.sahaya.core.json.Json;
import org.sahaya.core.node.Offload;
import org.sahaya.server.access.partners.IssuedKey;
import org.sahaya.server.access.partners.Partner;
import org.sahaya.server.access.partners.PartnerChangeRefused;
import org.sahaya.server.access.partners.PartnerDirectory;
import org.sahaya.server.access.partners.PartnerKind;
import org.sahaya.server.delivery.PartnerWebhooks;
import org.sahaya.server.http.JsonReply;
import org.sahaya.server.http.contract.Problem;
import org.sahaya.server.http.contract.ProblemException;

/**
 * The admin's side of the partners, after the gate and contract validation: create a partner with
 * its first key, rotate a key, list the partners. A new key is in the answer once and nowhere else
 * (the answer is marked not to be stored); the list never has keys.
 */
public final class PartnerHandlers {

    private final PartnerDirectory directory;
    private final PartnerWebhooks webhooks;
    private final Offload offload;

    /** @param webhooks each partner's webhook, shown in the list as {@code {url, hasSecret}} (issue 17) */
    public PartnerHandlers(PartnerDirectory directory, PartnerWebhooks webhooks, Offload offload) {
        this.directory = directory;
        this.webhooks = webhooks;
        this.offload = offload;
    }

    public void create(RoutingContext ctx) {
        JsonObject body = ctx.body().asJsonObject();
        String id = body.getString("id");
        issued(ctx, 201, directory.create(id, PartnerKind.valueOf(body.getString("kind")), body.getString("name").strip()));
    }

    public void rotate(RoutingContext ctx) {
        issued(ctx, 200, directory.rotate(ctx.pathParam("id")));
    }

    public void list(RoutingContext ctx) {
        JsonReply.send(ctx, directory.list().compose(all -> offload.submit(webhooks::all)
                .map(hooks -> all.stream().map(p -> PartnerView.of(p, hooks.get(p.id()))).toList())));
    }

    private static void issued(RoutingContext ctx, int status, Future<IssuedKey> issued) {
        issued.onSuccess(key -> ctx.response().setStatusCode(status).putHeader("Content-Type", "application/json")
                        .putHeader("Cache-Control", "no-store").end(Json.write(IssuedKeyView.of(key))))
                .onFailure(e -> ctx.fail(e instanceof PartnerChangeRefused refused ? problem(refused) : e));
    }

    private static ProblemException problem(PartnerChangeRefused refused) {
        return new ProblemException(switch (refused.reason()) {
            case EXISTS -> Problem.ofField(409, "partner-exists", "Partner exists", refused.getMessage(), "id");
            case UNKNOWN -> Problem.ofField(404, "partner-not-found", "Partner not found", refused.getMessage(), "id");
            case NO_SUCH_HOSPITAL -> Problem.ofField(422, "hospital-not-found", "Hospital not found",
                    refused.getMessage(), "id");
        });
    }

    /** A partner as the admin lists it: never a key, never its webhook's secret. */
    public record PartnerView(String id, String kind, String name, Instant keyCreatedAt, WebhookView webhook) {
        static PartnerView of(Partner p, JsonObject webhook) {
            return new PartnerView(p.id(), p.kind().name(), p.name(), p.keyCreatedAt(),
                    webhook == null ? null : new WebhookView(webhook.getString("url"), webhook.getBoolean("hasSecret")));
        }
    }

    /** Where the partner's system hears from us (issue 17); null in the view when it has none. */
    public record WebhookView(String url, boolean hasSecret) {
    }

    /** A new key, shown to the admin once. */
    public record IssuedKeyView(String id, String kind, String name, String key, Instant createdAt) {
        static IssuedKeyView of(IssuedKey k) {
            return new IssuedKeyView(k.partner().id(), k.partner().kind().name(), k.partner().name(), k.key(), k.createdAt());
        }

        @Override
        public String toString() {
            return "IssuedKeyView[" + id + "]";
        }
    }
}
