package org.sahaya.server.webhook;

import com.twilio.twiml.MessagingResponse;
import com.twilio.twiml.VoiceResponse;
import com.twilio.twiml.messaging.Body;
import com.twilio.twiml.messaging.Message;
import com.twilio.twiml.voice.Gather;
import com.twilio.twiml.voice.Say;
import io.vertx.ext.web.RoutingContext;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.sahaya.core.node.Offload;
import org.sahaya.core.notification.Notification;
import org.sahaya.core.notification.NotificationStatus;
import org.sahaya.core.persistence.Database;
import org.sahaya.notify.ack.Acknowledgements;
import org.sahaya.notify.escalation.AckVia;
import org.sahaya.notify.outbox.NotificationRepository;
import org.sahaya.notify.receipt.Receipts;
import org.sahaya.notify.template.MessageTemplates;
import org.sahaya.server.http.contract.Problem;
import org.sahaya.server.http.contract.ProblemException;

/**
 * Twilio's callbacks, each behind {@link TwilioSignatureHandler}: delivery receipts, the key pressed
 * on an escalation call, and SMS replies. Handlers only move data: {@link Receipts} and
 * {@link Acknowledgements} decide, on a virtual thread.
 */
public final class TwilioWebhooks {

    static final String SOURCE = "twilio-status";

    private final Receipts receipts;
    private final Acknowledgements acknowledgements;
    private final Database database;
    private final MessageTemplates templates;
    private final Offload offload;
    private final String publicBaseUrl;
    private final NotificationRepository outbox = new NotificationRepository();
    private final Consumer<String> delivered;

    public TwilioWebhooks(Receipts receipts, Acknowledgements acknowledgements, Database database,
                          MessageTemplates templates, Offload offload, String publicBaseUrl) {
        this(receipts, acknowledgements, database, templates, offload, publicBaseUrl, providerId -> {
        });
    }

    /**
     * @param delivered hears the provider id of each message a receipt moved to DELIVERED (once per message),
     *                  on the receipt's virtual thread: the delivery-time meter
     */
    public TwilioWebhooks(Receipts receipts, Acknowledgements acknowledgements, Database database,
                          MessageTemplates templates, Offload offload, String publicBaseUrl, Consumer<String> delivered) {
        this.delivered = delivered;
        this.receipts = receipts;
        this.acknowledgements = acknowledgements;
        this.database = database;
        this.templates = templates;
        this.offload = offload;
        this.publicBaseUrl = publicBaseUrl;
    }

    /** {@code POST /webhooks/twilio/status}: MessageSid/CallSid, MessageStatus/CallStatus, ErrorCode. */
    public void status(RoutingContext ctx) {
        var form = ctx.request().formAttributes();
        String sid = first(form.get("MessageSid"), form.get("CallSid"));
        String status = first(form.get("MessageStatus"), form.get("CallStatus"));
        if (sid == null) {
            fail(ctx, "MessageSid");
            return;
        }
        if (status == null) {
            fail(ctx, "MessageStatus");
            return;
        }
        String error = form.get("ErrorCode");
        offload.submit(() -> {
            Receipts.Outcome outcome = receipts.apply(sid, status, error, SOURCE);
            if (outcome instanceof Receipts.Outcome.Moved moved && moved.to() == NotificationStatus.DELIVERED) {
                delivered.accept(sid);
            }
            return outcome;
        })
                .onSuccess(outcome -> ctx.response().setStatusCode(204).end())
                .onFailure(ctx::fail);
    }

    /** {@code POST /webhooks/twilio/voice/gather?n=<notification>}: Digits=1 acknowledges. */
    public void gather(RoutingContext ctx) {
        String id = ctx.queryParams().get("n");
        String digits = ctx.request().getFormAttribute("Digits");
        offload.submit(() -> {
            Optional<Notification> n = database.withConnection(c -> outbox.find(c, id));
            if (n.isEmpty()) {
                throw new ProblemException(Problem.ofField(404, "notification-not-found", "Notification not found",
                        "no notification has this id", "n"));
            }
            String language = n.get().language();
            if ("1".equals(digits == null ? null : digits.trim())) {
                acknowledgements.acknowledge(id, AckVia.VOICE_KEYPRESS);
                return new VoiceResponse.Builder().say(say(MessageTemplates.VOICE_THANKS, language)).build().toXml();
            }
            // Anything else (or nothing): ask once more.
            return new VoiceResponse.Builder().gather(new Gather.Builder().numDigits(1)
                    .action(publicBaseUrl + "/webhooks/twilio/voice/gather?n=" + id)
                    .say(say(MessageTemplates.VOICE_PROMPT, language)).build()).build().toXml();
        }).onSuccess(twiml -> xml(ctx, twiml)).onFailure(ctx::fail);
    }

    /** {@code POST /webhooks/twilio/sms}: a reply "1"/"OK"/"YES" from a contact's (non-Indian) number. */
    public void sms(RoutingContext ctx) {
        String from = ctx.request().getFormAttribute("From");
        String body = ctx.request().getFormAttribute("Body");
        if (from == null) {
            fail(ctx, "From");
            return;
        }
        offload.submit(() -> {
            MessagingResponse.Builder reply = new MessagingResponse.Builder();
            if (acknowledgements.acknowledgeSmsReply(from, body) instanceof Acknowledgements.Outcome.Acknowledged a) {
                reply.message(new Message.Builder().body(new Body.Builder(
                        templates.phrase(MessageTemplates.VOICE_THANKS, a.notification().language())).build()).build());
            }
            // TwiML is serialised here too: Jackson XML is no work for an event loop.
            return reply.build().toXml();
        }).onSuccess(twiml -> xml(ctx, twiml)).onFailure(ctx::fail);
    }

    private Say say(String key, String language) {
        Say.Builder say = new Say.Builder(templates.phrase(key, language));
        Say.Language spoken = VoiceLanguages.of(language);
        return (spoken == null ? say : say.language(spoken)).build();
    }

    private static void xml(RoutingContext ctx, String twiml) {
        ctx.response().putHeader("Content-Type", "application/xml").end(twiml);
    }

    private static void fail(RoutingContext ctx, String field) {
        Problem.ofField(400, "missing-field", "Missing field", field + " is required", field).send(ctx);
    }

    private static String first(String a, String b) {
        return a != null && !a.isBlank() ? a : b != null && !b.isBlank() ? b : null;
    }

    /** Twilio's {@code <Say>} languages for ours. */
    static final class VoiceLanguages {
        private static final List<String> OURS = List.of("en", "hi", "kn", "ta", "te", "ml", "mr", "bn", "ar", "de");

        private VoiceLanguages() {
        }

        static Say.Language of(String language) {
            return switch (OURS.contains(language) ? language : "en") {
                case "hi" -> Say.Language.HI_IN;
                case "kn" -> Say.Language.KN_IN;
                case "ta" -> Say.Language.TA_IN;
                case "te" -> Say.Language.TE_IN;
                case "ml" -> Say.Language.ML_IN;
                case "mr" -> Say.Language.MR_IN;
                case "bn" -> Say.Language.BN_IN;
                case "ar" -> Say.Language.AR_AE;
                case "de" -> Say.Language.DE_DE;
                default -> Say.Language.EN_GB;
            };
        }
    }
}
