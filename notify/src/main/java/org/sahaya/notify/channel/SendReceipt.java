package org.sahaya.notify.channel;

/**
 * A provider's acknowledgement that it took a message.
 *
 * @param providerId the provider's id for the message (a Twilio message SID, an FCM message name,
 *                   {@code SBX-<seq>} in the sandbox); delivery receipts arrive under it later
 */
public record SendReceipt(String providerId) {

    public SendReceipt {
        if (providerId == null || providerId.isBlank()) {
            throw new IllegalArgumentException("a receipt needs the provider's message id");
        }
    }
}
