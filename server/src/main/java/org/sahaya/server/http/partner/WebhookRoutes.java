package org.sahaya.server.http.partner;

import static org.sahaya.server.access.Role.ADMIN;

import java.util.Map;
import org.sahaya.server.access.Access;
import org.sahaya.server.http.RouteTable;

/** A partner's webhook (issue 17): an admin sets and removes it; the partner list and the fleet show it. */
public record WebhookRoutes(Access access, WebhookHandlers webhooks) implements RouteTable {

    @Override
    public Map<String, Mount> routes() {
        return Map.of(
                "putPartnerWebhook", (route, validation) -> route.addHandler(access.require("putPartnerWebhook", ADMIN))
                        .addHandler(validation).addHandler(webhooks::put),
                "deletePartnerWebhook", (route, validation) -> route.addHandler(
                                access.require("deletePartnerWebhook", ADMIN))
                        .addHandler(validation).addHandler(webhooks::delete));
    }
}
