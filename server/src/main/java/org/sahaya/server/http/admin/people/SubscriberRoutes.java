package org.sahaya.server.http.admin.people;

import static org.sahaya.server.access.Role.ADMIN;

import java.util.Map;
import org.sahaya.server.access.Access;
import org.sahaya.server.http.RouteTable;

/**
 * The people Sahaya protects, administered: subscribers, their contacts, devices and consents.
 * Admin only, reads included: these are personal and health data, and the coordinators see what an
 * incident needs through the incident itself. The gate audits every request under the record it
 * touched ({@code subscribers/S-1}, {@code devices/D-1/revocation}).
 */
public record SubscriberRoutes(Access access, SubscriberHandlers subscribers, ContactHandlers contacts,
                               DeviceHandlers devices, ConsentHandlers consents) implements RouteTable {

    @Override
    public Map<String, Mount> routes() {
        return Map.ofEntries(
                admin("createSubscriber", subscribers::create),
                admin("listSubscribers", subscribers::list),
                admin("getSubscriber", subscribers::get),
                admin("putSubscriber", subscribers::put),
                admin("listConsents", consents::list),
                admin("putConsent", consents::put),
                admin("createContact", contacts::create),
                admin("listContacts", contacts::list),
                admin("putContact", contacts::put),
                admin("getContact", contacts::get),
                admin("deleteContact", contacts::delete),
                admin("createDevice", devices::create),
                admin("listDevices", devices::list),
                admin("getDevice", devices::get),
                admin("rotateDeviceSecret", devices::rotate),
                admin("revokeDevice", devices::revoke));
    }

    private Map.Entry<String, Mount> admin(String operation, io.vertx.core.Handler<io.vertx.ext.web.RoutingContext> handler) {
        return Map.entry(operation, (route, validation) -> route.addHandler(access.require(operation, ADMIN))
                .addHandler(validation).addHandler(handler));
    }
}
