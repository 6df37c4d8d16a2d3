package org.sahaya.server.http.contract;

import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;

/**
 * An RFC 9457 problem: the one error shape of the HTTP API. {@code field} names the offending input
 * (a JSON pointer without the leading slash, or a header name) when there is one.
 */
public record Problem(String slug, String title, int status, String detail, String field) {

    public static final String CONTENT_TYPE = "application/problem+json";

    public static Problem of(int status, String slug, String title, String detail) {
        return new Problem(slug, title, status, detail, null);
    }

    public static Problem ofField(int status, String slug, String title, String detail, String field) {
        return new Problem(slug, title, status, detail, field);
    }

    public JsonObject toJson(String instance) {
        JsonObject json = new JsonObject()
                .put("type", "urn:sahaya:problem:" + slug)
                .put("title", title)
                .put("status", status);
        if (detail != null) {
            json.put("detail", detail);
        }
        if (field != null) {
            json.put("field", field);
        }
        if (instance != null) {
            json.put("instance", instance);
        }
        return json;
    }

    /** Ends the exchange with this problem, unless a response was already sent. */
    public void send(RoutingContext ctx) {
        if (ctx.response().ended() || ctx.response().headWritten()) {
            return;
        }
        ctx.response()
                .setStatusCode(status)
                .putHeader("Content-Type", CONTENT_TYPE)
                .end(toJson(ctx.request().path()).encode());
    }
}
