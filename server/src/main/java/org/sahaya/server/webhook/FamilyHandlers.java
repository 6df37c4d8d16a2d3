package org.sahaya.server.webhook;

/** The handlers of the family side of the contract: Twilio webhooks, acknowledgements, contacts. */
public record FamilyHandlers(TwilioSignatureHandler twilioSignature, TwilioWebhooks twilio, AckHandlers acks,
                             ContactHandler contacts) {
}
