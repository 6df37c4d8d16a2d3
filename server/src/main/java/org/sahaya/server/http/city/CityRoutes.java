package org.sahaya.server.http.city;

import io.vertx.core.Future;
import io.vertx.ext.web.RoutingContext;
import java.util.List;
import java.util.Map;
import org.sahaya.core.config.CitySettings;
import org.sahaya.server.access.Access;
import org.sahaya.server.access.Role;
import org.sahaya.server.http.JsonReply;
import org.sahaya.server.http.RouteTable;

/**
 * The city this node serves ({@code SAHAYA_CITY_*}), for the console: the name to show in each language,
 * the clock incidents are read by, and the languages it offers. Any logged-in person may read it; it is
 * configuration, not personal data, and it cannot change without a restart, so it is answered from memory.
 */
public record CityRoutes(Access access, CitySettings city) implements RouteTable {

    /**
     * What {@code GET /api/v1/city} answers.
     *
     * @param name                 the name where no localized one is set
     * @param names                the name per language (lower-case ISO 639 code)
     * @param timeZone             the city's IANA zone: an incident's clock unless its subscriber has their own
     * @param language             BCP 47 tag written to subscribers and contacts without a language
     * @param coordinatorLanguages BCP 47 tags of the languages the coordinators work in
     */
    public record CityView(String name, Map<String, String> names, String timeZone, String language,
                           List<String> coordinatorLanguages) {

        static CityView of(CitySettings city) {
            return new CityView(city.name(), city.names(), city.timeZone().getId(), city.language(),
                    city.coordinatorLanguages());
        }
    }

    @Override
    public Map<String, Mount> routes() {
        CityView view = CityView.of(city);
        return Map.of("getCity", (route, validation) -> route
                .addHandler(access.require("getCity", Role.ADMIN, Role.SUPERVISOR, Role.COORDINATOR, Role.AUDITOR))
                .addHandler(validation)
                .addHandler((RoutingContext ctx) -> JsonReply.send(ctx, Future.succeededFuture(view))));
    }
}
