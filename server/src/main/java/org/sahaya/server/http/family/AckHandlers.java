package org.sahaya.server.http.family;

import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.time.Clock;
import java.util.Optional;
import org.sahaya.core.node.Offload;
import org.sahaya.core.notification.Notification;
import org.sahaya.core.persistence.Database;
import org.sahaya.notify.ack.AckLinks;
import org.sahaya.notify.ack.Acknowledgements;
import org.sahaya.notify.escalation.AckVia;
import org.sahaya.notify.outbox.NotificationRepository;
import org.sahaya.notify.template.MessageTemplates;
import org.sahaya.server.http.contract.Problem;
import org.sahaya.server.http.contract.ProblemException;

/**
 * Acknowledgement by signed token: the link in an SMS ({@code GET /a/{token}} shows a page with a
 * button, and only its {@code POST} acknowledges, so link scanners and previews never do) and the
 * push action of the app ({@code POST /api/v1/acknowledgements} with the token from the push's
 * data). A forged token is refused with 403, an expired one with 410; neither changes anything.
 */
public final class AckHandlers {

    private final AckLinks links;
    private final Acknowledgements acknowledgements;
    private final Database database;
    private final MessageTemplates templates;
    private final Offload offload;
    private final Clock clock;
    private final NotificationRepository outbox = new NotificationRepository();

    /** @param links null when no {@code SAHAYA_ACK_LINK_SECRET} is configured: every token is refused */
    public AckHandlers(AckLinks links, Acknowledgements acknowledgements, Database database, MessageTemplates templates,
                       Offload offload, Clock clock) {
        this.links = links;
        this.acknowledgements = acknowledgements;
        this.database = database;
        this.templates = templates;
        this.offload = offload;
        this.clock = clock;
    }

    /** {@code GET /a/{token}}: the confirm page; acknowledges nothing. */
    public void page(RoutingContext ctx) {
        String token = ctx.pathParam("token");
        offload.submit(() -> {
            Notification n = notification(checked(token, "token"), "token");
            String button = templates.phrase(MessageTemplates.ACK_BUTTON, n.language());
            return page(n.language(), "<form method=\"post\"><button type=\"submit\">" + escape(button)
                    + "</button></form>");
        }).onSuccess(html -> html(ctx, html)).onFailure(ctx::fail);
    }

    /** {@code POST /a/{token}}: the button on the page. */
    public void confirm(RoutingContext ctx) {
        String token = ctx.pathParam("token");
        offload.submit(() -> {
            Notification n = notification(checked(token, "token"), "token");
            acknowledgements.acknowledge(n.id(), AckVia.LINK);
            return page(n.language(), "<p>" + escape(templates.phrase(MessageTemplates.VOICE_THANKS, n.language())) + "</p>");
        }).onSuccess(html -> html(ctx, html)).onFailure(ctx::fail);
    }

    /** {@code POST /api/v1/acknowledgements} {@code {"token": ...}}: the app's push action. */
    public void push(RoutingContext ctx) {
        String token = ctx.body().asJsonObject().getString("token");
        offload.submit(() -> {
            Notification n = notification(checked(token, "token"), "token");
            if (!(acknowledgements.acknowledge(n.id(), AckVia.PUSH_ACTION)
                    instanceof Acknowledgements.Outcome.Acknowledged a)) {
                throw notFound("token");
            }
            return new JsonObject().put("notificationId", n.id()).put("incidentId", n.incidentId())
                    .put("status", a.notification().status().name()).put("first", a.first());
        }).onSuccess(json -> ctx.response().putHeader("Content-Type", "application/json").end(json.encode()))
                .onFailure(ctx::fail);
    }

    private String checked(String token, String field) {
        AckLinks.Check check = links == null ? new AckLinks.Check.Forged() : links.check(token, clock.instant());
        return switch (check) {
            case AckLinks.Check.Valid v -> v.notificationId();
            case AckLinks.Check.Expired e -> throw new ProblemException(Problem.ofField(410, "ack-link-expired",
                    "Link expired", "this acknowledgement link has expired", field));
            case AckLinks.Check.Forged f -> throw new ProblemException(Problem.ofField(403, "ack-link-invalid",
                    "Link refused", "this acknowledgement link is not valid", field));
        };
    }

    private Notification notification(String id, String field) {
        Optional<Notification> n = database.withConnection(c -> outbox.find(c, id));
        return n.orElseThrow(() -> notFound(field));
    }

    private static ProblemException notFound(String field) {
        return new ProblemException(Problem.ofField(404, "notification-not-found", "Notification not found",
                "the link names no notification", field));
    }

    private static String page(String language, String body) {
        return "<!doctype html><html lang=\"" + escape(language) + "\"><head><meta charset=\"utf-8\">"
                + "<meta name=\"viewport\" content=\"width=device-width\"><title>Sahaya</title></head><body>"
                + body + "</body></html>";
    }

    private static void html(RoutingContext ctx, String html) {
        ctx.response().putHeader("Content-Type", "text/html; charset=utf-8")
                .putHeader("Cache-Control", "no-store").end(html);
    }

    private static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

}
