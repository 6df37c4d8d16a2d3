package org.sahaya.notify.channel.twilio;

import com.twilio.exception.ApiException;
import com.twilio.exception.TwilioException;
import java.util.Set;
import org.sahaya.notify.channel.ChannelException;

/**
 * Turns what the Twilio SDK threw into a {@link ChannelException}: reason {@code TWILIO_<code>}
 * (Twilio's error code), whether a later attempt may pass, and never Twilio's own message, which
 * quotes the phone number.
 */
final class TwilioFailures {

    /** Codes that mean "not now, later": rate and concurrency limits. */
    private static final Set<Integer> RETRYABLE_CODES = Set.of(20429, 20503, 14107, 30001);

    private TwilioFailures() {
    }

    static ChannelException of(TwilioException e) {
        if (e instanceof TwilioTransport.TwilioTransportException transport) {
            return transport.requestWritten()
                    // Twilio may have the message: sending it again could be a second SMS or call.
                    ? new ChannelException("TWILIO_NO_ANSWER", false, "no answer within the timeout; outcome unknown", null)
                    : ChannelException.retryable("TWILIO_UNREACHABLE", "connection to Twilio failed", null);
        }
        if (e instanceof ApiException api) {
            return of(api.getCode(), api.getStatusCode());
        }
        return new ChannelException("TWILIO_ERROR", false, e.getClass().getSimpleName(), null);
    }

    static ChannelException of(Integer code, Integer status) {
        int http = status == null ? 0 : status;
        String reason = code != null ? "TWILIO_" + code : "TWILIO_HTTP_" + http;
        boolean retryable = (code != null && RETRYABLE_CODES.contains(code)) || http == 429 || http >= 500;
        String detail = "Twilio refused the request (HTTP " + http + ")";
        return retryable ? ChannelException.retryable(reason, detail, null) : ChannelException.permanent(reason, detail);
    }
}
