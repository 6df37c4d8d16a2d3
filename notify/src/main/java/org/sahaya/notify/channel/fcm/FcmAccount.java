package org.sahaya.notify.channel.fcm;

import com.google.auth.oauth2.GoogleCredentials;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;

/**
 * What the push channel needs: the Firebase project, credentials and where the API is.
 *
 * @param projectId   Firebase project id
 * @param credentials OAuth credentials for the FCM API (never logged)
 * @param apiBaseUrl  {@code https://fcm.googleapis.com}, or a local fake in tests
 * @param timeout     one request, connect to answer
 */
public record FcmAccount(String projectId, GoogleCredentials credentials, URI apiBaseUrl, Duration timeout) {

    public FcmAccount {
        Objects.requireNonNull(projectId, "projectId");
        Objects.requireNonNull(credentials, "credentials");
        Objects.requireNonNull(apiBaseUrl, "apiBaseUrl");
        Objects.requireNonNull(timeout, "timeout");
    }

    /**
     * Reads a service-account JSON. Its token requests go to the {@code token_uri} it names, over
     * the same transport as the messages.
     */
    public static FcmAccount fromServiceAccount(String projectId, Path serviceAccountJson, URI apiBaseUrl,
                                                Duration timeout) throws IOException {
        FcmTransport transport = new FcmTransport(apiBaseUrl, timeout);
        try (InputStream in = Files.newInputStream(serviceAccountJson)) {
            return new FcmAccount(projectId, GoogleCredentials.fromStream(in, () -> transport), apiBaseUrl, timeout);
        }
    }

    @Override
    public String toString() {
        return "FcmAccount[" + projectId + " via " + apiBaseUrl + "]";
    }
}
