package org.sahaya.server.web;

import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.StaticHandler;

/**
 * A web front end the node serves (the crew app at {@code /crew/}; the console and the family status
 * page later): plain files from the server's resources under {@code sahaya-web/<name>}, mounted ahead
 * of the API's router so that the two never clash, and answered with headers that keep the page to
 * itself: a strict Content-Security-Policy ({@code default-src 'self'}, no inline script or style, no
 * framing), no sniffing, no referrer. Files are revalidated on every load ({@code no-cache}), so a new
 * node version is picked up at once. The pages use only the public API, with the session cookie.
 *
 * @param path      where it is served, without the trailing slash ({@code /crew})
 * @param resources the classpath directory of its files ({@code sahaya-web/crew})
 */
public record FrontEnd(String path, String resources) {

    /** The ambulance crews' app. */
    public static final FrontEnd CREW = new FrontEnd("/crew", "sahaya-web/crew");

    /** Connections only to this node; nothing inline; no plugins, frames or foreign forms. */
    public static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self';"
            + " img-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self';"
            + " frame-ancestors 'none'";

    /**
     * Puts the front end on {@code router}, before the routes already there (the API's), so its paths
     * are answered here; a path under it that names no file falls through to the API's 404 problem.
     */
    public void mount(Router router) {
        StaticHandler files = StaticHandler.create(resources).setIndexPage("index.html").setDirectoryListing(false)
                .setIncludeHidden(false).setDefaultContentEncoding("UTF-8");
        // Relative module paths need the slash; a route on the bare path would also match it (Vert.x).
        router.getWithRegex(java.util.regex.Pattern.quote(path)).order(-2).handler(ctx -> ctx.response()
                .setStatusCode(308).putHeader(HttpHeaders.LOCATION, path + "/").end());
        router.route(path + "/*").order(-1).handler(FrontEnd::headers).handler(files);
    }

    private static void headers(RoutingContext ctx) {
        ctx.addHeadersEndHandler(ended -> ctx.response().headers()
                .set("Content-Security-Policy", CONTENT_SECURITY_POLICY)
                .set("X-Content-Type-Options", "nosniff")
                .set("Referrer-Policy", "no-referrer")
                .set("Permissions-Policy", "geolocation=(self), camera=(), microphone=()")
                .set(HttpHeaders.CACHE_CONTROL, "no-cache"));
        ctx.next();
    }
}
