package org.sahaya.server.delivery;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.BooleanSupplier;
import org.sahaya.core.incident.TimelineEntry;
import org.sahaya.core.incident.TimelineStage;
import org.sahaya.core.persistence.Database;
import org.sahaya.core.persistence.TimelineRepository;
import org.sahaya.core.secret.SecretBox;
import org.sahaya.core.subscriber.DeviceSignature;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One attempt at one claimed delivery: find the partner's address, POST, and record what came of it —
 * delivered on a 2xx; otherwise the next attempt after the backoff, or, once the delivery is older than
 * the give-up time, given up with an ERROR log and a line on the incident's timeline. A partner without
 * an address is a failed attempt like any other ("no webhook URL set"): the row waits for one.
 *
 * <p>Logs name the delivery, the partner and the reason; never a body, a secret or a URL.
 */
final class DeliveryAttempt implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(DeliveryAttempt.class);

    /** The headers of the webhook wire format (the JSON body is signed as a device signs its alerts). */
    static final String TIMESTAMP = "X-Sahaya-Timestamp";
    static final String SIGNATURE = "X-Sahaya-Signature";
    static final String DELIVERY = "X-Sahaya-Delivery";
    static final String EVENT = "X-Sahaya-Event";

    private final Database database;
    private final PartnerAddresses addresses;
    private final PartnerPost post;
    private final DeliveryRows rows;
    private final DeliveryMetrics metrics;
    private final String member;
    private final Clock clock;
    private final DeliveryTimings timings;
    private final TimelineRepository timeline = new TimelineRepository();

    DeliveryAttempt(Database database, PartnerAddresses addresses, PartnerPost post, DeliveryRows rows,
                    DeliveryMetrics metrics, String member, Clock clock, DeliveryTimings timings) {
        this.database = database;
        this.addresses = addresses;
        this.post = post;
        this.rows = rows;
        this.metrics = metrics;
        this.member = member;
        this.clock = clock;
        this.timings = timings;
    }

    /** @param stopping true once the member is closing: a failure then is not recorded (the claim is let go) */
    void make(PendingDelivery d, BooleanSupplier stopping) {
        PartnerAddress address;
        try {
            address = database.withConnection(c -> addresses.of(c, d));
        } catch (SecretBox.Unopenable e) {
            address = PartnerAddress.missing("unknown", "the webhook secret cannot be opened with this node's master key");
        }
        metrics.attempted(address.partnerKind());
        PartnerPost.Answer answer = address.missing() != null ? new PartnerPost.Answer(null, address.missing())
                : post.post(address.url(), contentType(d), headers(d, address), d.body());
        Instant at = clock.instant();
        if (answer.delivered()) {
            database.withConnection(c -> rows.delivered(c, d.id(), member, at, answer.status()));
            metrics.handed(d, at);
            return;
        }
        if (stopping.getAsBoolean()) {
            return;
        }
        failed(d, address.partnerKind(), answer, at);
    }

    private void failed(PendingDelivery d, String partnerKind, PartnerPost.Answer answer, Instant at) {
        int attempts = d.attempts() + 1;
        boolean giveUp = !at.isBefore(d.createdAt().plus(timings.giveUp()));
        Instant next = at.plus(timings.backoff().delayAfter(attempts));
        boolean recorded = database.inTransaction(c -> {
            boolean ours = rows.failed(c, d.id(), member, answer.status(), answer.error(), next, giveUp ? at : null);
            if (ours && giveUp && d.incidentId() != null) {
                timeline.append(c, new TimelineEntry(d.incidentId(), at, TimelineStage.PARTNER_DELIVERY_GIVEN_UP,
                        d.kind() + " to " + d.partnerId() + " given up after " + attempts + " attempts over "
                                + hours(Duration.between(d.createdAt(), at)) + ": " + answer.error()
                                + " (delivery " + d.deliveryId() + ")"));
            }
            return ours;
        });
        metrics.failed(partnerKind);
        if (!recorded) {
            return;
        }
        if (giveUp) {
            metrics.givenUp(partnerKind);
            LOG.error("Delivery {} ({}) to partner {} given up after {} attempts: {}", d.deliveryId(), d.kind(),
                    d.partnerId(), attempts, answer.error());
        } else if (attempts == 1) {
            LOG.warn("Delivery {} ({}) to partner {} failed: {}; retrying with backoff", d.deliveryId(), d.kind(),
                    d.partnerId(), answer.error());
        } else {
            LOG.debug("Delivery {} to partner {} failed again (attempt {}): {}", d.deliveryId(), d.partnerId(), attempts,
                    answer.error());
        }
    }

    private static String contentType(PendingDelivery d) {
        return d.transport() == PartnerDelivery.Transport.FHIR ? "application/fhir+json" : "application/json";
    }

    private Map<String, String> headers(PendingDelivery d, PartnerAddress address) {
        Map<String, String> headers = new LinkedHashMap<>();
        if (d.transport() == PartnerDelivery.Transport.WEBHOOK) {
            String timestamp = Long.toString(clock.millis());
            headers.put(TIMESTAMP, timestamp);
            headers.put(SIGNATURE, DeviceSignature.sign(address.secret(), timestamp,
                    d.body().getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        } else {
            headers.put("Accept", "application/fhir+json");
        }
        headers.put(DELIVERY, d.deliveryId());
        headers.put(EVENT, d.kind());
        return headers;
    }

    private static String hours(Duration d) {
        return d.toHours() >= 1 ? d.toHours() + " h" : d.toSeconds() + " s";
    }

    @Override
    public void close() {
        post.close();
    }
}
