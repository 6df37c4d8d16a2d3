package org.sahaya.notify.channel;

import org.sahaya.core.notification.Channel;

/**
 * The way out to a family: hands one rendered message to a provider (Twilio SMS or Voice, Firebase
 * Cloud Messaging, or the {@link org.sahaya.notify.channel.sandbox.SandboxChannel sandbox}) and
 * says whether the provider took it. This is the extension point for new providers.
 *
 * <p>Contract for implementations:
 * <ul>
 *   <li><b>Blocking.</b> {@link #send} waits for the provider's answer. Callers run it on a virtual
 *       thread or a worker, never on a Vert.x event loop. Bound every network call with a timeout.</li>
 *   <li><b>Thread-safe.</b> One instance serves all incidents concurrently.</li>
 *   <li><b>At most one hand-over per call.</b> The outbox already guarantees one call per
 *       (incident, contact, channel, step); do not retry inside {@code send} in a way that can
 *       duplicate a message. Twilio's SDK retries a POST on 5xx by itself and Twilio has no
 *       idempotency key: turn that off. Where a provider offers an idempotency key, use
 *       {@link OutgoingMessage#notificationId()}.</li>
 *   <li><b>Failures are answers.</b> Report a refused or failed hand-over as a
 *       {@link ChannelException} with a short reason code; the notifier marks the notification
 *       FAILED with it and stamps the incident timeline. Unchecked exceptions are treated the same
 *       way, under the reason {@code CHANNEL_ERROR}, but lose the provider's reason.</li>
 *   <li><b>Private.</b> Never log the recipient's phone number or push token, nor the message text,
 *       and keep them out of exception messages and reason codes.</li>
 * </ul>
 */
public interface NotificationChannel {

    /** The channel this implementation serves; the notifier routes by it. */
    Channel channel();

    /**
     * Hands one message to the provider.
     *
     * @return the provider's receipt, once the provider has accepted the message
     * @throws ChannelException when the provider refused it, failed, or could not be reached;
     *                          {@link ChannelException#retryable()} says whether trying again later may work
     */
    SendReceipt send(OutgoingMessage message) throws ChannelException;

    /**
     * True when handing the same notification over twice reaches the recipient once (the provider
     * deduplicates by {@link OutgoingMessage#notificationId()}). The outbox may then repeat a
     * hand-over whose outcome a crash left unknown; otherwise it fails the row over to the
     * contact's next channel instead. Twilio and FCM have no such key: false.
     */
    default boolean idempotent() {
        return false;
    }
}
