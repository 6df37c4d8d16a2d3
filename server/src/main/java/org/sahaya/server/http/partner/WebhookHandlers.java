package org.sahaya.server.http.partner;

import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.util.Optional;
import org.sahaya.core.node.Offload;
import org.sahaya.server.delivery.EndpointUrl;
import org.sahaya.server.delivery.PartnerWebhooks;
import org.sahaya.server.http.contract.Problem;
import org.sahaya.server.http.contract.ProblemException;

/**
 * An admin sets or removes a partner's webhook (issue 17), after the gate and contract validation. The
 * secret is sealed and never answered: the answer says {@code hasSecret}, and is marked not to be stored.
 * Bad input is refused naming the field, before anything changes.
 */
public final class WebhookHandlers {

    private final PartnerWebhooks webhooks;
    private final Offload offload;

    public WebhookHandlers(PartnerWebhooks webhooks, Offload offload) {
        this.webhooks = webhooks;
        this.offload = offload;
    }

    public void put(RoutingContext ctx) {
        String id = ctx.pathParam("id");
        JsonObject body = ctx.body().asJsonObject();
        String url = body.getValue("url") instanceof String s ? s.strip() : null;
        String secret = body.getValue("secret") instanceof String s ? s : null;
        Optional<String> badUrl = EndpointUrl.refusal(url);
        if (badUrl.isPresent()) {
            ctx.fail(invalid("url " + badUrl.get(), "url"));
            return;
        }
        if (secret == null || secret.length() < PartnerWebhooks.MIN_SECRET || secret.length() > PartnerWebhooks.MAX_SECRET
                || secret.isBlank()) {
            ctx.fail(invalid("secret must have " + PartnerWebhooks.MIN_SECRET + " to " + PartnerWebhooks.MAX_SECRET
                    + " characters", "secret"));
            return;
        }
        offload.submit(() -> webhooks.set(id, url, secret)).onSuccess(view -> {
            if (view.isEmpty()) {
                ctx.fail(notFound(id));
                return;
            }
            ctx.response().setStatusCode(200).putHeader("Content-Type", "application/json")
                    .putHeader("Cache-Control", "no-store")
                    .end(new JsonObject().put("id", id).put("webhook", view.get()).encode());
        }).onFailure(ctx::fail);
    }

    public void delete(RoutingContext ctx) {
        String id = ctx.pathParam("id");
        offload.submit(() -> webhooks.clear(id)).onSuccess(cleared -> {
            if (cleared) {
                ctx.response().setStatusCode(204).end();
            } else {
                ctx.fail(notFound(id));
            }
        }).onFailure(ctx::fail);
    }

    private static ProblemException invalid(String detail, String field) {
        return new ProblemException(Problem.ofField(422, "invalid-webhook", "Invalid webhook", detail + ". Nothing changed",
                field));
    }

    private static ProblemException notFound(String id) {
        return new ProblemException(Problem.ofField(404, "partner-not-found", "Partner not found",
                "no partner has the id " + id, "id"));
    }
}
