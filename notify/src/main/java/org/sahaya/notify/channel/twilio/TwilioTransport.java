package org.sahaya.notify.channel.twilio;

import com.twilio.exception.ApiConnectionException;
import com.twilio.http.HttpMethod;
import com.twilio.http.Request;
import com.twilio.http.Response;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.hc.client5.http.ConnectTimeoutException;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.io.entity.EntityUtils;
import org.apache.hc.core5.http.io.entity.StringEntity;
import org.apache.hc.core5.http.io.support.ClassicRequestBuilder;
import org.sahaya.notify.channel.ProviderHttp;

/**
 * The Twilio SDK's HTTP layer, replacing its {@code NetworkHttpClient} for three reasons:
 * <ul>
 *   <li><b>No retries.</b> The SDK's {@code reliableRequest} repeats a request that answered 5xx;
 *       for a POST that can send the same SMS twice, and Twilio has no idempotency key. Here every
 *       call makes exactly one request; retrying is the outbox's decision.</li>
 *   <li><b>A base URL.</b> The SDK always builds {@code https://api.twilio.com/...}; requests go to
 *       the configured base instead (a local fake in tests).</li>
 *   <li><b>Bounded and concurrent.</b> One timeout bounds the connect, a wait for a pooled
 *       connection, and the answer; {@link ProviderHttp}'s keep-alive pool lets thousands of virtual
 *       threads each have a request in flight.</li>
 * </ul>
 * Failures say whether the request could have reached Twilio ({@link TwilioTransportException#requestWritten()}).
 */
final class TwilioTransport extends com.twilio.http.HttpClient {

    private static final String TWILIO_API = "https://api.twilio.com";
    private static final int MAX_TARGETS = 64;

    private final CloseableHttpClient http;
    private final String baseUrl;
    /** Parsed targets by URL: creating messages and calls needs two per account. */
    private final Map<String, URI> targets = new ConcurrentHashMap<>();

    TwilioTransport(URI baseUrl, Duration timeout) {
        this.baseUrl = baseUrl.toString().replaceAll("/+$", "");
        this.http = ProviderHttp.client(timeout);
    }

    /** Exactly one request: the SDK's retry on 5xx is what this class exists to switch off. */
    @Override
    public Response reliableRequest(Request request) {
        return makeRequest(request);
    }

    @Override
    public Response reliableRequest(Request request, int[] retryCodes, int retries, long delayMillis) {
        return makeRequest(request);
    }

    @Override
    public Response makeRequest(Request request) {
        ClassicRequestBuilder builder = ClassicRequestBuilder.create(request.getMethod().toString())
                .setUri(target(request))
                .addHeader("Accept", "application/json")
                .addHeader("User-Agent", "sahaya twilio-java");
        if (request.requiresAuthentication()) {
            builder.addHeader("Authorization", request.getAuthString());
        }
        for (Map.Entry<String, List<String>> header : request.getHeaderParams().entrySet()) {
            header.getValue().forEach(value -> builder.addHeader(header.getKey(), value));
        }
        HttpMethod method = request.getMethod();
        if (method == HttpMethod.POST || method == HttpMethod.PUT) {
            builder.setEntity(new StringEntity(request.encodeFormBody(),
                    ContentType.APPLICATION_FORM_URLENCODED.withCharset(StandardCharsets.UTF_8)));
        }
        try {
            // Bytes, then one UTF-8 decode: toString(entity) sets up a reader and a char buffer per answer.
            return http.execute(builder.build(), response -> new Response(response.getEntity() == null ? ""
                    : new String(EntityUtils.toByteArray(response.getEntity()), StandardCharsets.UTF_8),
                    response.getCode()));
        } catch (ConnectTimeoutException | ConnectException e) {
            throw new TwilioTransportException("Twilio could not be reached", false, e);
        } catch (org.apache.hc.core5.http.ConnectionRequestTimeoutException e) {
            // No pooled connection came free in time: the request never left.
            throw new TwilioTransportException("no connection to Twilio free in time", false, e);
        } catch (InterruptedIOException e) {
            // A read timeout after the request went out: Twilio may have taken it.
            throw new TwilioTransportException("no answer from Twilio (" + e.getClass().getSimpleName() + ")", true, e);
        } catch (IOException e) {
            // A reset or a broken answer after the request went out: the same.
            throw new TwilioTransportException("no answer from Twilio (" + e.getClass().getSimpleName() + ")", true, e);
        }
    }

    /**
     * The request's URL on our base. Built from the SDK's raw URL rather than {@code constructURL()},
     * which parses it into a {@code java.net.URL} and back for the region/edge host rewriting we do not
     * use (the base URL names the host; a regional one goes there): that cost 3% of the CPU per message.
     * The few distinct targets (one per resource and account) are parsed once.
     */
    private URI target(Request request) {
        String url = request.getUrl();
        if (url.startsWith(TWILIO_API)) {
            url = baseUrl + url.substring(TWILIO_API.length());
        }
        if (!request.getQueryParams().isEmpty()) {
            return URI.create(url + "?" + request.encodeQueryParams());
        }
        URI known = targets.get(url);
        if (known != null) {
            return known;
        }
        URI parsed = URI.create(url);
        if (targets.size() < MAX_TARGETS) {
            targets.put(url, parsed);
        }
        return parsed;
    }

    /** A request that got no HTTP answer. */
    static final class TwilioTransportException extends ApiConnectionException {

        private final boolean requestWritten;

        TwilioTransportException(String message, boolean requestWritten, Throwable cause) {
            super(message, cause);
            this.requestWritten = requestWritten;
        }

        /** False only when the connection was never made: Twilio certainly did not take the request. */
        boolean requestWritten() {
            return requestWritten;
        }
    }
}
