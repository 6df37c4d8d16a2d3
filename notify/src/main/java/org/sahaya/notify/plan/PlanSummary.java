package org.sahaya.notify.plan;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.sahaya.core.incident.TimelineEntry;
import org.sahaya.core.incident.TimelineStage;
import org.sahaya.core.notification.Notification;
import org.sahaya.notify.template.NotificationStep;

/**
 * What the incident timeline says about a plan written to the outbox, for the coordinator: counts,
 * channels and languages, never names or numbers. Pure.
 */
public final class PlanSummary {

    private PlanSummary() {
    }

    /**
     * The timeline entries for one request's plan: {@code NOTIFICATIONS_PLANNED} (or that there was nobody
     * to tell), and {@code NOTIFICATIONS_HELD} when quiet hours hold some back. Nothing when every row
     * was written by an earlier call.
     *
     * @param planned how many messages the plan had
     * @param written the rows this call wrote (the others were written before)
     * @param held    how many of {@code written} wait for the contact's quiet hours to end
     */
    public static List<TimelineEntry> entries(String incidentId, NotificationStep step, Instant at, int planned,
                                              List<Notification> written, int held) {
        List<TimelineEntry> entries = new ArrayList<>();
        if (planned == 0) {
            entries.add(new TimelineEntry(incidentId, at, TimelineStage.NOTIFICATIONS_PLANNED,
                    "No " + step + " notifications planned: the subscriber has no family contacts."));
        } else if (!written.isEmpty()) {
            entries.add(new TimelineEntry(incidentId, at, TimelineStage.NOTIFICATIONS_PLANNED, planned(written)));
            if (held > 0) {
                entries.add(new TimelineEntry(incidentId, at, TimelineStage.NOTIFICATIONS_HELD, count(held,
                        "notification") + " held until the contact's quiet hours end (not an emergency)."));
            }
        }
        return entries;
    }

    private static String planned(List<Notification> written) {
        Set<String> channels = new TreeSet<>();
        Set<String> languages = new TreeSet<>();
        Set<String> contacts = new HashSet<>(); // an emergency plans SMS and push for one contact
        written.forEach(n -> {
            contacts.add(n.contactId());
            channels.add(n.channel().name());
            languages.add(n.language());
        });
        return "Planned " + written.getFirst().step() + " notifications for " + count(contacts.size(), "contact")
                + " on " + count(channels.size(), "channel") + " (" + String.join(", ", channels) + ") in "
                + count(languages.size(), "language") + " (" + String.join(", ", languages) + ").";
    }

    private static String count(int n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }
}
