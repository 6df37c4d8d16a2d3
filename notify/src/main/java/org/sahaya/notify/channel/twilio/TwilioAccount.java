package org.sahaya.notify.channel.twilio;

import java.net.URI;
import java.time.Duration;
import java.util.Objects;

/**
 * What the Twilio channels need to know about our account.
 *
 * @param accountSid    the account SID ({@code AC...})
 * @param authToken     the auth token: authenticates our requests and signs Twilio's callbacks (never logged)
 * @param from          our E.164 number that messages and calls come from
 * @param apiBaseUrl    {@code https://api.twilio.com}, or a local fake in tests
 * @param publicBaseUrl where Twilio reaches our webhooks ({@code /webhooks/twilio/...})
 * @param timeout       one request, connect to answer
 */
public record TwilioAccount(String accountSid, String authToken, String from, URI apiBaseUrl, URI publicBaseUrl,
                            Duration timeout) {

    /** Twilio's status callbacks for messages and calls. */
    public static final String STATUS_PATH = "/webhooks/twilio/status";
    /** Where a call's key press goes, with {@code ?n=<notificationId>}. */
    public static final String GATHER_PATH = "/webhooks/twilio/voice/gather";

    public TwilioAccount {
        Objects.requireNonNull(accountSid, "accountSid");
        Objects.requireNonNull(authToken, "authToken");
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(apiBaseUrl, "apiBaseUrl");
        Objects.requireNonNull(publicBaseUrl, "publicBaseUrl");
        Objects.requireNonNull(timeout, "timeout");
    }

    public URI statusCallback() {
        return URI.create(publicBaseUrl + STATUS_PATH);
    }

    public URI gatherAction(String notificationId) {
        return URI.create(publicBaseUrl + GATHER_PATH + "?n=" + notificationId);
    }

    @Override
    public String toString() {
        return "TwilioAccount[" + accountSid + " via " + apiBaseUrl + "]";
    }
}
