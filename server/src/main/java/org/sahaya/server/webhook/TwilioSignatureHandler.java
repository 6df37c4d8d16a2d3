package org.sahaya.server.webhook;

import com.twilio.security.RequestValidator;
import io.vertx.core.Handler;
import io.vertx.ext.web.RoutingContext;
import java.util.HashMap;
import java.util.Map;
import org.sahaya.server.http.contract.Problem;

/**
 * Lets a Twilio webhook through only with a valid {@code X-Twilio-Signature}, checked by the Twilio
 * SDK's own {@link RequestValidator} against our auth token and the public URL Twilio called
 * ({@code SAHAYA_PUBLIC_BASE_URL} + path and query: behind a proxy our own view of the URL differs
 * from the one Twilio signed). Forged, missing, or no token configured: 403, and nothing changes.
 */
public final class TwilioSignatureHandler implements Handler<RoutingContext> {

    public static final String HEADER = "X-Twilio-Signature";

    private final RequestValidator validator;
    private final String publicBaseUrl;

    /** @param authToken null = refuse every webhook (no Twilio account configured) */
    public TwilioSignatureHandler(String authToken, String publicBaseUrl) {
        this.validator = authToken == null ? null : new RequestValidator(authToken);
        this.publicBaseUrl = publicBaseUrl;
        if (validator != null) {
            // Loads the SDK's classes now, on the starting thread, not on an event loop at the first webhook.
            validator.validate(publicBaseUrl, Map.of(), "warm-up");
        }
    }

    @Override
    public void handle(RoutingContext ctx) {
        String signature = ctx.request().getHeader(HEADER);
        if (validator == null || signature == null
                || !validator.validate(publicBaseUrl + ctx.request().uri(), params(ctx), signature)) {
            Problem.ofField(403, "bad-twilio-signature", "Signature refused",
                    validator == null ? "no Twilio auth token is configured on this node"
                            : "X-Twilio-Signature is missing or does not match the request", HEADER).send(ctx);
            return;
        }
        ctx.next();
    }

    /** The form fields Twilio signed (the POST body's parameters, one value each). */
    static Map<String, String> params(RoutingContext ctx) {
        Map<String, String> params = new HashMap<>();
        ctx.request().formAttributes().forEach(e -> params.putIfAbsent(e.getKey(), e.getValue()));
        return params;
    }
}
