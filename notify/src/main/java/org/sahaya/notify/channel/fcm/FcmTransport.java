package org.sahaya.notify.channel.fcm;

import com.google.api.client.http.HttpTransport;
import com.google.api.client.http.LowLevelHttpRequest;
import com.google.api.client.http.LowLevelHttpResponse;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;

/**
 * The Firebase Admin SDK's HTTP layer (google-http-client {@link HttpTransport}) on the JDK client:
 * <ul>
 *   <li><b>A base URL.</b> The SDK always calls {@code https://fcm.googleapis.com}; requests go to
 *       the configured base instead (a local fake in tests). Other hosts (the OAuth token endpoint
 *       named in the service-account file) are left alone.</li>
 *   <li><b>No hidden retries.</b> The SDK retries a 503 by itself, sleeping up to a minute inside one
 *       call, which would spend the family's 2-minute budget out of the outbox's sight. A 503 is shown
 *       to the SDK as 502 with the same body, so it still reports {@code UNAVAILABLE} but does not
 *       retry; the outbox retries within its deadline.</li>
 *   <li><b>Concurrent.</b> A keep-alive pool without a fixed size, for many virtual threads at once.</li>
 * </ul>
 */
public final class FcmTransport extends HttpTransport {

    private static final String FCM_API = "https://fcm.googleapis.com";
    private static final int UNAVAILABLE = 503;
    private static final int SHOWN_INSTEAD = 502;

    private final HttpClient http;
    private final String baseUrl;
    private final Duration timeout;

    public FcmTransport(URI baseUrl, Duration timeout) {
        this.baseUrl = baseUrl.toString().replaceAll("/+$", "");
        this.timeout = timeout;
        this.http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(timeout)
                .followRedirects(HttpClient.Redirect.NEVER)
                .executor(Executors.newVirtualThreadPerTaskExecutor())
                .build();
    }

    @Override
    protected LowLevelHttpRequest buildRequest(String method, String url) {
        String target = url.startsWith(FCM_API) ? baseUrl + url.substring(FCM_API.length()) : url;
        return new JdkRequest(method, URI.create(target));
    }

    private final class JdkRequest extends LowLevelHttpRequest {

        private final String method;
        private final URI uri;
        private final List<String[]> headers = new ArrayList<>();
        private Duration readTimeout = timeout;

        JdkRequest(String method, URI uri) {
            this.method = method;
            this.uri = uri;
        }

        @Override
        public void addHeader(String name, String value) {
            headers.add(new String[] {name, value});
        }

        @Override
        public void setTimeout(int connectTimeout, int readTimeoutMillis) {
            // The SDK passes FirebaseOptions' read timeout; 0 means none, which we never allow.
            if (readTimeoutMillis > 0) {
                readTimeout = Duration.ofMillis(readTimeoutMillis);
            }
        }

        @Override
        public LowLevelHttpResponse execute() throws IOException {
            HttpRequest.BodyPublisher body = HttpRequest.BodyPublishers.noBody();
            if (getStreamingContent() != null) {
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                getStreamingContent().writeTo(out);
                body = HttpRequest.BodyPublishers.ofByteArray(out.toByteArray());
            }
            HttpRequest.Builder builder = HttpRequest.newBuilder(uri).timeout(readTimeout).method(method, body);
            for (String[] header : headers) {
                if (!isRestricted(header[0])) {
                    builder.header(header[0], header[1]);
                }
            }
            if (getContentType() != null) {
                builder.setHeader("Content-Type", getContentType());
            }
            if (getContentEncoding() != null) {
                builder.setHeader("Content-Encoding", getContentEncoding());
            }
            try {
                return new JdkResponse(http.send(builder.build(), HttpResponse.BodyHandlers.ofByteArray()));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted while waiting for FCM", e);
            }
        }

        /** Headers the JDK client sets itself and refuses from callers. */
        private static boolean isRestricted(String name) {
            return name.equalsIgnoreCase("content-length") || name.equalsIgnoreCase("host")
                    || name.equalsIgnoreCase("connection") || name.equalsIgnoreCase("content-type")
                    || name.equalsIgnoreCase("content-encoding");
        }
    }

    private static final class JdkResponse extends LowLevelHttpResponse {

        private final HttpResponse<byte[]> response;
        private final List<String[]> headers = new ArrayList<>();

        JdkResponse(HttpResponse<byte[]> response) {
            this.response = response;
            for (Map.Entry<String, List<String>> header : response.headers().map().entrySet()) {
                header.getValue().forEach(value -> headers.add(new String[] {header.getKey(), value}));
            }
        }

        @Override
        public InputStream getContent() {
            return new ByteArrayInputStream(response.body());
        }

        @Override
        public String getContentEncoding() {
            return response.headers().firstValue("Content-Encoding").orElse(null);
        }

        @Override
        public long getContentLength() {
            return response.body().length;
        }

        @Override
        public String getContentType() {
            return response.headers().firstValue("Content-Type").orElse(null);
        }

        @Override
        public String getStatusLine() {
            return "HTTP/1.1 " + getStatusCode();
        }

        @Override
        public int getStatusCode() {
            return response.statusCode() == UNAVAILABLE ? SHOWN_INSTEAD : response.statusCode();
        }

        @Override
        public String getReasonPhrase() {
            return null;
        }

        @Override
        public int getHeaderCount() {
            return headers.size();
        }

        @Override
        public String getHeaderName(int index) {
            return headers.get(index)[0];
        }

        @Override
        public String getHeaderValue(int index) {
            return headers.get(index)[1];
        }
    }
}
