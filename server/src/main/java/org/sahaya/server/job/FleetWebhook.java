package org.sahaya.server.job;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import org.sahaya.core.json.Json;
import org.sahaya.dispatch.job.JobEvent;
import org.sahaya.dispatch.job.JobNews;
import org.sahaya.server.delivery.PartnerDelivery;
import org.sahaya.server.delivery.PartnerOutbox;

/**
 * Tells a fleet's own system of its units' jobs: a delivery to the fleet's webhook ({@code partners.webhook_url})
 * per offer, update, withdrawal and end, written to the {@link PartnerOutbox} in the job's transaction and sent
 * after its commit (signed and retried by the outbox). The body is {@code {"event", "deliveryId", "job"}} with
 * the job as the jobs API shows it; the delivery id ({@code JOB-...:JOB_OFFERED}, {@code ...:JOB_UPDATED:n}) is
 * what the fleet deduplicates on. A fleet without a webhook is sent nothing (it polls the jobs API).
 */
public final class FleetWebhook implements JobNews {

    /** The body of one delivery. */
    public record Body(String event, String deliveryId, JobView job) {
    }

    private final JobViews views;
    private final PartnerOutbox outbox;

    public FleetWebhook(JobViews views, PartnerOutbox outbox) {
        this.views = views;
        this.outbox = outbox;
    }

    @Override
    public boolean record(Connection c, JobEvent event) throws SQLException {
        String fleet = event.job().fleetId();
        if (fleet == null || webhook(c, fleet) == null) {
            return false;
        }
        String deliveryId = deliveryId(event);
        String body = Json.write(new Body(event.kind().name(), deliveryId, views.of(c, event.job(), event.incident())));
        Instant decidedAt = event.kind() == JobEvent.Kind.JOB_OFFERED && event.incident() != null
                ? event.incident().dispatchedAt() : null;
        return outbox.enqueue(c, new PartnerDelivery(deliveryId, fleet, PartnerDelivery.Transport.WEBHOOK,
                event.kind().name(), event.job().incidentId(), body, decidedAt));
    }

    @Override
    public void committed() {
        outbox.kick();
    }

    /** {@code JOB-...:KIND}, numbered for updates (a job is updated more than once). */
    static String deliveryId(JobEvent event) {
        String id = event.job().id() + ":" + event.kind().name();
        return event.kind() == JobEvent.Kind.JOB_UPDATED ? id + ":" + event.job().updates() : id;
    }

    private static String webhook(Connection c, String partnerId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT webhook_url FROM partners WHERE id = ?")) {
            ps.setString(1, partnerId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        }
    }
}
