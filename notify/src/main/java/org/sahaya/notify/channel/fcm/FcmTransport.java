package org.sahaya.notify.channel.fcm;

import com.google.api.client.http.HttpTransport;
import com.google.api.client.http.LowLevelHttpRequest;
import com.google.api.client.http.LowLevelHttpResponse;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.protocol.HttpClientContext;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.io.entity.ByteArrayEntity;
import org.apache.hc.core5.http.io.entity.EntityUtils;
import org.apache.hc.core5.http.io.support.ClassicRequestBuilder;
import org.apache.hc.core5.util.Timeout;
import org.sahaya.notify.channel.ProviderHttp;

/**
 * The Firebase Admin SDK's HTTP layer (google-http-client {@link HttpTransport}) on
 * {@link ProviderHttp}'s client:
 * <ul>
 *   <li><b>A base URL.</b> The SDK always calls {@code https://fcm.googleapis.com}; requests go to
 *       the configured base instead (a local fake in tests). Other hosts (the OAuth token endpoint
 *       named in the service-account file) are left alone.</li>
 *   <li><b>No hidden retries.</b> The SDK retries a 503 by itself, sleeping up to a minute inside one
 *       call, which would spend the family's 2-minute budget out of the outbox's sight. A 503 is shown
 *       to the SDK as 502 with the same body, so it still reports {@code UNAVAILABLE} but does not
 *       retry; the outbox retries within its deadline.</li>
 *   <li><b>Concurrent.</b> Blocking I/O per virtual thread over a large keep-alive pool.</li>
 * </ul>
 */
public final class FcmTransport extends HttpTransport {

    private static final String FCM_API = "https://fcm.googleapis.com";
    private static final int UNAVAILABLE = 503;
    private static final int SHOWN_INSTEAD = 502;

    private final CloseableHttpClient http;
    private final String baseUrl;
    private final Duration timeout;

    public FcmTransport(URI baseUrl, Duration timeout) {
        this.baseUrl = baseUrl.toString().replaceAll("/+$", "");
        this.timeout = timeout;
        this.http = ProviderHttp.client(timeout);
    }

    @Override
    protected LowLevelHttpRequest buildRequest(String method, String url) {
        String target = url.startsWith(FCM_API) ? baseUrl + url.substring(FCM_API.length()) : url;
        return new PooledRequest(method, URI.create(target));
    }

    private final class PooledRequest extends LowLevelHttpRequest {

        private final String method;
        private final URI uri;
        private final List<String[]> headers = new ArrayList<>();
        private Duration readTimeout = timeout;

        PooledRequest(String method, URI uri) {
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
            ClassicRequestBuilder builder = ClassicRequestBuilder.create(method).setUri(uri);
            for (String[] header : headers) {
                if (!header[0].equalsIgnoreCase("content-length") && !header[0].equalsIgnoreCase("host")) {
                    builder.addHeader(header[0], header[1]);
                }
            }
            if (getStreamingContent() != null) {
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                getStreamingContent().writeTo(out);
                ContentType type = getContentType() == null ? ContentType.APPLICATION_JSON : ContentType.parse(getContentType());
                builder.setEntity(new ByteArrayEntity(out.toByteArray(), type, getContentEncoding()));
            }
            Timeout bound = Timeout.ofMilliseconds(readTimeout.toMillis());
            HttpClientContext context = HttpClientContext.create();
            context.setRequestConfig(RequestConfig.custom().setConnectionRequestTimeout(bound).setResponseTimeout(bound).build());
            return http.execute(builder.build(), context, response -> new BufferedResponse(response.getCode(),
                    response.getEntity() == null ? new byte[0] : EntityUtils.toByteArray(response.getEntity()),
                    response.getHeaders()));
        }
    }

    private static final class BufferedResponse extends LowLevelHttpResponse {

        private final int status;
        private final byte[] body;
        private final Header[] headers;

        BufferedResponse(int status, byte[] body, Header[] headers) {
            this.status = status;
            this.body = body;
            this.headers = headers;
        }

        private String header(String name) {
            for (Header header : headers) {
                if (header.getName().equalsIgnoreCase(name)) {
                    return header.getValue();
                }
            }
            return null;
        }

        @Override
        public InputStream getContent() {
            return new ByteArrayInputStream(body);
        }

        @Override
        public String getContentEncoding() {
            return header("Content-Encoding");
        }

        @Override
        public long getContentLength() {
            return body.length;
        }

        @Override
        public String getContentType() {
            return header("Content-Type");
        }

        @Override
        public String getStatusLine() {
            return "HTTP/1.1 " + getStatusCode();
        }

        @Override
        public int getStatusCode() {
            return status == UNAVAILABLE ? SHOWN_INSTEAD : status;
        }

        @Override
        public String getReasonPhrase() {
            return null;
        }

        @Override
        public int getHeaderCount() {
            return headers.length;
        }

        @Override
        public String getHeaderName(int index) {
            return headers[index].getName();
        }

        @Override
        public String getHeaderValue(int index) {
            return headers[index].getValue();
        }
    }
}
