package org.sahaya.notify.channel.fcm;

import com.google.firebase.ErrorCode;
import com.google.firebase.messaging.FirebaseMessagingException;
import com.google.firebase.messaging.MessagingErrorCode;
import java.net.ConnectException;
import org.apache.hc.client5.http.ConnectTimeoutException;
import org.apache.hc.core5.http.ConnectionRequestTimeoutException;
import java.util.Set;
import org.sahaya.notify.channel.ChannelException;

/**
 * Turns an FCM failure into a {@link ChannelException}: {@code FCM_<errorCode>} from the FCM error
 * details (UNREGISTERED, INVALID_ARGUMENT, QUOTA_EXCEEDED, UNAVAILABLE, ...) or else the
 * {@code google.rpc} status; never the SDK's message, which may quote the token.
 */
final class FcmFailures {

    private static final Set<MessagingErrorCode> RETRYABLE =
            Set.of(MessagingErrorCode.QUOTA_EXCEEDED, MessagingErrorCode.UNAVAILABLE, MessagingErrorCode.INTERNAL);
    private static final Set<ErrorCode> RETRYABLE_STATUS =
            Set.of(ErrorCode.RESOURCE_EXHAUSTED, ErrorCode.UNAVAILABLE, ErrorCode.INTERNAL);

    private FcmFailures() {
    }

    static ChannelException of(FirebaseMessagingException e) {
        if (e.getHttpResponse() == null) {
            return noAnswer(e);
        }
        MessagingErrorCode messaging = e.getMessagingErrorCode();
        if (messaging != null) {
            return failure("FCM_" + messaging.name(), RETRYABLE.contains(messaging), e.getHttpResponse().getStatusCode());
        }
        ErrorCode status = e.getErrorCode();
        return failure("FCM_" + status.name(), RETRYABLE_STATUS.contains(status), e.getHttpResponse().getStatusCode());
    }

    /** No HTTP answer: retryable only if the connection was never made. */
    private static ChannelException noAnswer(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof ConnectException || cause instanceof ConnectTimeoutException
                    || cause instanceof ConnectionRequestTimeoutException) {
                return ChannelException.retryable("FCM_UNREACHABLE", "connection to FCM failed", null);
            }
        }
        return new ChannelException("FCM_NO_ANSWER", false, "no answer within the timeout; outcome unknown", null);
    }

    private static ChannelException failure(String reason, boolean retryable, int http) {
        String detail = "FCM refused the message (HTTP " + (http == 502 ? "502/503" : http) + ")";
        return retryable ? ChannelException.retryable(reason, detail, null) : ChannelException.permanent(reason, detail);
    }
}
