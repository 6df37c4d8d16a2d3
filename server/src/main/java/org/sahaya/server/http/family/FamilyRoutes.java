package org.sahaya.server.http.family;

import java.util.Map;
import org.sahaya.server.http.RouteTable;

/**
 * What families use: the acknowledgement link's page and button, the app's push action, and their
 * contact details. The signed token in the link or push is the credential, checked by the handler.
 */
public record FamilyRoutes(AckHandlers acks, ContactHandler contacts) implements RouteTable {

    @Override
    public Map<String, Mount> routes() {
        return Map.of(
                "ackLinkPage", (route, validation) -> route.addHandler(validation).addHandler(acks::page),
                "ackLinkConfirm", (route, validation) -> route.addHandler(validation).addHandler(acks::confirm),
                "postAcknowledgement", (route, validation) -> route.addHandler(validation).addHandler(acks::push),
                "putContact", (route, validation) -> route.addHandler(validation).addHandler(contacts::put));
    }
}
