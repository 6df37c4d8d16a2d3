package org.sahaya.server;

import io.vertx.core.Vertx;
import java.time.Clock;
import org.sahaya.core.config.SahayaConfig;
import org.sahaya.core.node.Offload;
import org.sahaya.core.persistence.Database;
import org.sahaya.core.secret.SecretBox;
import org.sahaya.server.access.Access;
import org.sahaya.server.admin.people.ContactKind;
import org.sahaya.server.admin.people.DeviceKind;
import org.sahaya.server.admin.people.DeviceSecrets;
import org.sahaya.server.admin.people.SubscriberKind;
import org.sahaya.server.http.RouteTable;
import org.sahaya.server.http.admin.people.ConsentHandlers;
import org.sahaya.server.http.admin.people.ContactHandlers;
import org.sahaya.server.http.admin.people.DeviceHandlers;
import org.sahaya.server.http.admin.people.SubscriberHandlers;
import org.sahaya.server.http.admin.people.SubscriberRoutes;

/** The administration of subscribers, contacts, devices and consents (issue 15): its route table. */
final class SubscriberWiring {

    private SubscriberWiring() {
    }

    static RouteTable routes(SahayaConfig config, Vertx vertx, Database database, Offload offload, SecretBox secrets,
                             Access access, Clock clock) {
        return new SubscriberRoutes(access,
                new SubscriberHandlers(database, offload, new SubscriberKind(secrets, clock)),
                new ContactHandlers(database, offload, new ContactKind()),
                new DeviceHandlers(database, offload, new DeviceKind(secrets), new DeviceSecrets(secrets), vertx, clock,
                        config.devices().secretGrace()),
                new ConsentHandlers(database, offload, clock));
    }
}
