package org.sahaya.notify.channel.twilio;

import com.twilio.exception.ApiConnectionException;
import com.twilio.http.HttpMethod;
import com.twilio.http.Request;
import com.twilio.http.Response;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;

/**
 * The Twilio SDK's HTTP layer, replacing its {@code NetworkHttpClient} for three reasons:
 * <ul>
 *   <li><b>No retries.</b> The SDK's {@code reliableRequest} repeats a request that answered 5xx;
 *       for a POST that can send the same SMS twice, and Twilio has no idempotency key. Here every
 *       call makes exactly one request; retrying is the outbox's decision.</li>
 *   <li><b>A base URL.</b> The SDK always builds {@code https://api.twilio.com/...}; requests go to
 *       the configured base instead (a local fake in tests).</li>
 *   <li><b>Bounded and concurrent.</b> One timeout covers connect and answer; the JDK client keeps an
 *       unbounded keep-alive pool, so thousands of virtual threads can each have a request in flight.</li>
 * </ul>
 * Failures say whether the request could have reached Twilio ({@link TwilioTransportException#requestWritten()}).
 */
final class TwilioTransport extends com.twilio.http.HttpClient {

    private static final String TWILIO_API = "https://api.twilio.com";

    private final HttpClient http;
    private final String baseUrl;
    private final Duration timeout;

    TwilioTransport(URI baseUrl, Duration timeout) {
        this.baseUrl = baseUrl.toString().replaceAll("/+$", "");
        this.timeout = timeout;
        this.http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(timeout)
                .followRedirects(HttpClient.Redirect.NEVER)
                .executor(Executors.newVirtualThreadPerTaskExecutor())
                .build();
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
        HttpRequest.Builder builder = HttpRequest.newBuilder(target(request)).timeout(timeout)
                .header("Accept", "application/json")
                .header("User-Agent", "sahaya twilio-java");
        if (request.requiresAuthentication()) {
            builder.header("Authorization", request.getAuthString());
        }
        for (Map.Entry<String, List<String>> header : request.getHeaderParams().entrySet()) {
            header.getValue().forEach(value -> builder.header(header.getKey(), value));
        }
        HttpMethod method = request.getMethod();
        if (method == HttpMethod.POST || method == HttpMethod.PUT) {
            builder.header("Content-Type", "application/x-www-form-urlencoded; charset=utf-8");
            builder.method(method.toString(), HttpRequest.BodyPublishers.ofString(request.encodeFormBody(),
                    StandardCharsets.UTF_8));
        } else {
            builder.method(method.toString(), HttpRequest.BodyPublishers.noBody());
        }
        try {
            HttpResponse<String> response = http.send(builder.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            return new Response(response.body(), response.statusCode());
        } catch (HttpConnectTimeoutException | ConnectException e) {
            throw new TwilioTransportException("Twilio could not be reached", false, e);
        } catch (IOException e) {
            // A read timeout or a reset after the request went out: Twilio may have taken it.
            throw new TwilioTransportException("no answer from Twilio (" + e.getClass().getSimpleName() + ")", true, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TwilioTransportException("interrupted while waiting for Twilio", true, e);
        }
    }

    private URI target(Request request) {
        String url = request.constructURL().toString();
        if (url.startsWith(TWILIO_API)) {
            url = baseUrl + url.substring(TWILIO_API.length());
        }
        return URI.create(url);
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
