package org.sahaya.server.http.family;

import java.util.Map;
import org.sahaya.server.access.Access;
import org.sahaya.server.http.RouteTable;

/**
 * What families use: the acknowledgement link's page and button and the app's push action, where
 * the signed token in the link or push is the credential, checked by the handler. Their contact
 * details are changed by an admin only ({@code putContact} and the other contact operations are in
 * {@code http.admin.people}): a new number receives the senior's emergencies.
 */
public record FamilyRoutes(Access access, AckHandlers acks) implements RouteTable {

    @Override
    public Map<String, Mount> routes() {
        access.own("ackLinkPage", "the signed acknowledgement link");
        access.own("ackLinkConfirm", "the signed acknowledgement link");
        access.own("postAcknowledgement", "the signed acknowledgement token of the push");
        return Map.of(
                "ackLinkPage", (route, validation) -> route.addHandler(validation).addHandler(acks::page),
                "ackLinkConfirm", (route, validation) -> route.addHandler(validation).addHandler(acks::confirm),
                "postAcknowledgement", (route, validation) -> route.addHandler(validation).addHandler(acks::push));
    }
}
