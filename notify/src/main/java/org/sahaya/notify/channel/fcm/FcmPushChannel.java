package org.sahaya.notify.channel.fcm;

import com.google.firebase.FirebaseApp;
import com.google.firebase.FirebaseOptions;
import com.google.firebase.messaging.AndroidConfig;
import com.google.firebase.messaging.AndroidNotification;
import com.google.firebase.messaging.ApnsConfig;
import com.google.firebase.messaging.Aps;
import com.google.firebase.messaging.CriticalSound;
import com.google.firebase.messaging.FirebaseMessaging;
import com.google.firebase.messaging.FirebaseMessagingException;
import com.google.firebase.messaging.Message;
import com.google.firebase.messaging.Notification;
import java.time.Duration;
import java.util.UUID;
import org.sahaya.core.notification.Channel;
import org.sahaya.notify.channel.ChannelException;
import org.sahaya.notify.channel.NotificationChannel;
import org.sahaya.notify.channel.OutgoingMessage;
import org.sahaya.notify.channel.SendReceipt;

/**
 * Push through Firebase Cloud Messaging (HTTP v1) with the Firebase Admin SDK. An emergency must
 * wake the phone: high priority on Android (delivered at once, even in Doze), a critical alert on
 * iOS ({@code interruption-level: critical}, critical sound at full volume, {@code apns-priority: 10},
 * which rings through silent mode and Focus once the app holds Apple's critical-alerts entitlement).
 * The data carries the incident and notification ids for the app's "acknowledge" action. Blocking,
 * thread-safe; one request per call (see {@link FcmTransport}).
 */
public final class FcmPushChannel implements NotificationChannel, AutoCloseable {

    /** The Android notification channel and the iOS category the app registers with its acknowledge button. */
    public static final String ACK_CATEGORY = "SAHAYA_EMERGENCY";
    /** An alert older than this is no longer news: FCM drops it rather than deliver it late. */
    static final Duration TIME_TO_LIVE = Duration.ofMinutes(15);

    private final FirebaseApp app;
    private final FirebaseMessaging messaging;

    public FcmPushChannel(FcmAccount account) {
        int timeoutMs = (int) account.timeout().toMillis();
        FirebaseOptions options = FirebaseOptions.builder()
                .setProjectId(account.projectId())
                .setCredentials(account.credentials())
                .setHttpTransport(new FcmTransport(account.apiBaseUrl(), account.timeout()))
                .setConnectTimeout(timeoutMs)
                .setReadTimeout(timeoutMs)
                .build();
        // A named app of our own: nothing else in the JVM shares or closes it.
        this.app = FirebaseApp.initializeApp(options, "sahaya-push-" + UUID.randomUUID());
        this.messaging = FirebaseMessaging.getInstance(app);
    }

    @Override
    public Channel channel() {
        return Channel.PUSH;
    }

    @Override
    public SendReceipt send(OutgoingMessage message) throws ChannelException {
        if (message.pushToken() == null || message.pushToken().isBlank()) {
            throw ChannelException.permanent("NO_PUSH_TOKEN", "the contact has no push token");
        }
        try {
            return new SendReceipt(messaging.send(push(message)));
        } catch (FirebaseMessagingException e) {
            throw FcmFailures.of(e);
        }
    }

    static Message push(OutgoingMessage message) {
        Message.Builder builder = Message.builder();
        if (message.ackToken() != null) {
            builder.putData("ackToken", message.ackToken()); // posted back to /api/v1/acknowledgements
        }
        return builder
                .setToken(message.pushToken())
                .setNotification(Notification.builder().setTitle("Sahaya").setBody(message.text()).build())
                .putData("incidentId", message.incidentId())
                .putData("notificationId", message.notificationId())
                .putData("action", "ACKNOWLEDGE")
                .putData("language", message.language())
                .setAndroidConfig(AndroidConfig.builder()
                        .setPriority(AndroidConfig.Priority.HIGH)
                        .setTtl(TIME_TO_LIVE.toMillis())
                        .setNotification(AndroidNotification.builder()
                                .setChannelId(ACK_CATEGORY)
                                .setClickAction(ACK_CATEGORY)
                                .setPriority(AndroidNotification.Priority.MAX)
                                .setDefaultSound(true)
                                .build())
                        .build())
                .setApnsConfig(ApnsConfig.builder()
                        .putHeader("apns-priority", "10")
                        .putHeader("apns-push-type", "alert")
                        .setAps(Aps.builder()
                                .setSound(CriticalSound.builder().setCritical(true).setName("default").setVolume(1.0).build())
                                .putCustomData("interruption-level", "critical")
                                .setCategory(ACK_CATEGORY)
                                .build())
                        .build())
                .build();
    }

    @Override
    public void close() {
        app.delete();
    }
}
