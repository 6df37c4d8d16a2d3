package org.sahaya.notify.bench;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.sahaya.core.Coordinates;
import org.sahaya.core.alert.AlertType;
import org.sahaya.core.incident.Incident;
import org.sahaya.core.incident.IncidentState;
import org.sahaya.core.incident.Priority;
import org.sahaya.core.incident.TriageAction;
import org.sahaya.core.notification.Channel;
import org.sahaya.core.notification.NotificationStatus;
import org.sahaya.core.persistence.Database;
import org.sahaya.core.persistence.DirectoryRepository;
import org.sahaya.core.persistence.Jdbc;
import org.sahaya.core.subscriber.Contact;
import org.sahaya.core.subscriber.Subscriber;
import org.sahaya.notify.FamilyNotifier;
import org.sahaya.notify.NotifierOptions;
import org.sahaya.notify.channel.ChannelException;
import org.sahaya.notify.channel.OutgoingMessage;
import org.sahaya.notify.channel.twilio.TwilioAccount;
import org.sahaya.notify.channel.twilio.TwilioSmsChannel;
import org.sahaya.notify.delivery.DeliveryPolicy;
import org.sahaya.notify.fake.FakeTwilio;
import org.sahaya.notify.plan.NotificationRequest;
import org.sahaya.notify.template.NotificationStep;

/**
 * Notification delivery under load: open-loop DISPATCHED steps at a constant rate, each telling a
 * family of {@code contacts} over Twilio SMS (the real SDK through our transport) to the fake
 * Twilio, which answers every request after 200 ms. Measures the sustained provider requests per
 * second the fake received and, per incident, the time from its intended DISPATCHED moment to the
 * first provider request arriving at the fake (no coordinated omission: a stall is charged to every
 * incident due during it).
 *
 * <p>{@code -Dsahaya.bench.mode=channel} drives {@code TwilioSmsChannel.send} directly (the SDK, our
 * transport and the fake, without the outbox); the default {@code outbox} goes through
 * {@code FamilyNotifier.notify} with an in-memory H2.
 *
 * <p>Not part of the test suite: {@code -Dsahaya.bench=true} runs it, e.g.
 * {@code mvn -B -ntp -pl notify -am test -Dtest=DeliveryBenchmark -Dsurefire.failIfNoSpecifiedTests=false
 * -Dsahaya.bench=true -Dsahaya.bench.rate=600}. Results go to stdout and
 * {@code notify/target/delivery-benchmark.txt}.
 */
@EnabledIfSystemProperty(named = "sahaya.bench", matches = "true")
class DeliveryBenchmark {

    static final Pattern NAME = Pattern.compile("B(\\d{7})");

    @Test
    void sustainedProviderRequestsAndDispatchedToFirstRequest() throws Exception {
        int rate = Integer.getInteger("sahaya.bench.rate", 600);
        int contacts = Integer.getInteger("sahaya.bench.contacts", 5);
        int warmup = Integer.getInteger("sahaya.bench.warmup", 10);
        int seconds = Integer.getInteger("sahaya.bench.seconds", 20);
        long latencyMs = Long.getLong("sahaya.bench.providerMs", 200);
        int incidents = rate * (warmup + seconds);

        String dbUrl = System.getProperty("sahaya.bench.db", "jdbc:h2:mem:bench;DB_CLOSE_DELAY=-1");
        String dbUser = System.getProperty("sahaya.bench.dbUser", dbUrl.startsWith("jdbc:h2:") ? "sa" : "postgres");
        if (dbUrl.startsWith("jdbc:postgresql:")) {
            // A fresh schema each run: the benchmark's own tables, never someone else's rows.
            String schema = "bench_" + Long.toString(System.currentTimeMillis(), 36);
            try (var c = java.sql.DriverManager.getConnection(dbUrl, dbUser, System.getProperty("sahaya.bench.dbPassword", ""));
                 var st = c.createStatement()) {
                st.execute("CREATE SCHEMA " + schema);
            }
            dbUrl += (dbUrl.contains("?") ? "&" : "?") + "currentSchema=" + schema;
        }
        try (FakeTwilio twilio = FakeTwilio.start();
             Database database = Database.open(dbUrl, dbUser, System.getProperty("sahaya.bench.dbPassword", ""))) {
            twilio.delayAll(Duration.ofMillis(latencyMs));
            List<NotificationRequest> requests = seed(database, incidents, contacts);
            TwilioAccount account = new TwilioAccount(FakeTwilio.ACCOUNT_SID, FakeTwilio.AUTH_TOKEN, FakeTwilio.FROM,
                    twilio.baseUrl(), URI.create("https://sahaya.example.org"), Duration.ofSeconds(10));
            AtomicLong ids = new AtomicLong();
            AtomicLong failures = new AtomicLong();
            Map<String, Long> reasons = new ConcurrentHashMap<>();
            boolean channelOnly = "channel".equals(System.getProperty("sahaya.bench.mode", "outbox"));
            TwilioSmsChannel sms = new TwilioSmsChannel(account);
            FamilyNotifier notifier = new FamilyNotifier(database, Map.of(Channel.SMS, sms),
                    Clock.systemUTC(), () -> "N-" + ids.incrementAndGet(),
                    NotifierOptions.defaults().withDelivery(DeliveryPolicy.within(Duration.ofMinutes(2))));

            com.sun.management.OperatingSystemMXBean os =
                    (com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean();
            long[] intended = new long[incidents];
            long period = 1_000_000_000L / rate;
            long start = System.nanoTime() + 100_000_000L;
            List<Thread> senders = new ArrayList<>(incidents);
            long cpuAtStart = 0;
            long requestsAtStart = 0;
            for (int i = 0; i < incidents; i++) {
                if (i == warmup * rate) {
                    cpuAtStart = os.getProcessCpuTime();
                    requestsAtStart = twilio.requestCount();
                }
                intended[i] = start + i * period;
                long wait;
                while ((wait = intended[i] - System.nanoTime()) > 0) {
                    LockSupport.parkNanos(wait);
                }
                NotificationRequest request = requests.get(i);
                if (channelOnly) {
                    // The channel layer alone: SDK, transport and fake, no outbox.
                    for (Contact contact : request.contacts()) {
                        OutgoingMessage m = new OutgoingMessage(request.incident().id() + "-" + contact.id(),
                                request.incident().id(), Channel.SMS, contact.phone(), null, "en-GB",
                                request.subscriber().name() + ": fall detected. Ambulance KA-07 on the way.");
                        senders.add(Thread.ofVirtual().start(() -> {
                            try {
                                sms.send(m);
                            } catch (ChannelException e) {
                                failures.incrementAndGet();
                                reasons.merge(e.reason(), 1L, Long::sum);
                            }
                        }));
                    }
                } else {
                    senders.add(Thread.ofVirtual().start(() -> notifier.notify(request)));
                }
            }
            long cpuAtEnd = os.getProcessCpuTime();
            long requestsAtEnd = twilio.requestCount();
            for (Thread sender : senders) {
                sender.join(Duration.ofMinutes(2));
            }
            double cpuMsPerRequest = (cpuAtEnd - cpuAtStart) / 1e6 / Math.max(1, requestsAtEnd - requestsAtStart);
            long measuredFrom = start + warmup * 1_000_000_000L;
            long measuredTo = start + (long) (warmup + seconds) * 1_000_000_000L;

            Map<Integer, Long> firstArrival = new ConcurrentHashMap<>();
            long inWindow = 0;
            for (FakeTwilio.Request r : twilio.requests()) {
                if (r.arrivedNanos() >= measuredFrom && r.arrivedNanos() < measuredTo) {
                    inWindow++;
                }
                Matcher m = NAME.matcher(r.body());
                if (m.find()) {
                    firstArrival.merge(Integer.parseInt(m.group(1)), r.arrivedNanos(), Math::min);
                }
            }
            Histogram toFirst = new Histogram(3_600_000_000_000L, 3);
            int missing = 0;
            for (int i = warmup * rate; i < incidents; i++) {
                Long first = firstArrival.get(i);
                if (first == null) {
                    missing++;
                } else {
                    toFirst.recordValue(Math.max(0, first - intended[i]));
                }
            }
            long sent = database.withConnection(c -> {
                try (PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM notifications WHERE status = ?")) {
                    ps.setString(1, NotificationStatus.SENT.name());
                    try (var rs = ps.executeQuery()) {
                        rs.next();
                        return rs.getLong(1);
                    }
                }
            });
            String outcomes = database.withConnection(c -> {
                StringBuilder b = new StringBuilder();
                try (PreparedStatement ps = c.prepareStatement("SELECT status, COALESCE(failure_reason, '-'), COUNT(*)"
                        + " FROM notifications GROUP BY status, failure_reason ORDER BY 3 DESC")) {
                    try (var rs = ps.executeQuery()) {
                        while (rs.next()) {
                            b.append(rs.getString(1)).append(' ').append(rs.getString(2)).append('=').append(rs.getLong(3)).append("; ");
                        }
                    }
                }
                return b.toString();
            });
            String report = String.format(
                    "delivery benchmark %s, mode %s, database %s: %d incidents/s x %d contacts (offered %d SMS/s), fake Twilio answers in %d ms,"
                            + " %d s warm-up + %d s measured, %d cores%n"
                            + "  provider requests/s (measured window): %.0f%n"
                            + "  DISPATCHED -> first provider request, ms: p50 %.1f  p99 %.1f  p99.9 %.1f  max %.1f"
                            + "  (n=%d, missing %d)%n"
                            + "  rows SENT: %d of %d, provider requests total: %d, channel failures: %d%n"
                            + "  CPU (this JVM: notifier, SDK, H2 and the fake) per provider request: %.2f ms"
                            + " -> at most %.0f requests/s on %d idle cores; load average at the end: %.1f%n",
                    Instant.now(), channelOnly ? "channel (TwilioSmsChannel.send directly)" : "outbox (FamilyNotifier.notify)",
                    dbUrl.replaceAll("[?;].*", ""),
                    rate, contacts, rate * contacts, latencyMs, warmup, seconds,
                    Runtime.getRuntime().availableProcessors(), inWindow / (double) seconds,
                    ms(toFirst.getValueAtPercentile(50)), ms(toFirst.getValueAtPercentile(99)),
                    ms(toFirst.getValueAtPercentile(99.9)), ms(toFirst.getMaxValue()), toFirst.getTotalCount(), missing,
                    sent, (long) incidents * contacts, twilio.requestCount(), failures.get(), cpuMsPerRequest,
                    Runtime.getRuntime().availableProcessors() * 1000 / cpuMsPerRequest,
                    Runtime.getRuntime().availableProcessors(), os.getSystemLoadAverage());
            report += "  outbox rows by outcome: " + outcomes + "\n  channel failure reasons (channel mode): " + reasons + "\n";
            System.out.print(report);
            Path out = Path.of("target", "delivery-benchmark.txt");
            Files.createDirectories(out.getParent());
            Files.writeString(out, report, java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.APPEND);
        }
    }

    static double ms(long nanos) {
        return nanos / 1_000_000.0;
    }

    /** One subscriber (named after its index, so the SMS body says which incident it is) per incident. */
    static List<NotificationRequest> seed(Database database, int incidents, int contactsEach) {
        DirectoryRepository directory = new DirectoryRepository();
        Instant now = Instant.now();
        Coordinates home = new Coordinates(12.9716, 77.5946);
        List<NotificationRequest> requests = new ArrayList<>(incidents);
        for (int from = 0; from < incidents; from += 500) {
            int to = Math.min(incidents, from + 500);
            int batchFrom = from;
            requests.addAll(database.inTransaction(c -> {
                List<NotificationRequest> batch = new ArrayList<>();
                try (PreparedStatement ps = c.prepareStatement("INSERT INTO incidents (id, subscriber_id, alert_type,"
                        + " priority, triage_action, state, lat, lon, opened_at, updated_at, unit_id, hospital_id,"
                        + " eta_seconds, dispatched_at) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?)")) {
                    for (int i = batchFrom; i < to; i++) {
                        Subscriber s = new Subscriber(String.format("SUB-%07d", i), String.format("B%07d", i), home, "en", null);
                        directory.insert(c, s);
                        List<Contact> family = new ArrayList<>();
                        for (int k = 0; k < contactsEach; k++) {
                            Contact contact = new Contact(s.id() + "-" + k, s.id(), "Contact", "son",
                                    String.format("+4477009%05d", (i * contactsEach + k) % 100_000), "en-GB",
                                    "Europe/London", k + 1, null);
                            directory.insert(c, contact);
                            family.add(contact);
                        }
                        Incident incident = new Incident("INC-" + i, s.id(), AlertType.FALL, Priority.P1,
                                TriageAction.DISPATCH_NOW, IncidentState.DISPATCHED, home, now, now, null, null,
                                "UNIT-7", null, 420, now);
                        ps.setString(1, incident.id());
                        ps.setString(2, s.id());
                        ps.setString(3, "FALL");
                        ps.setString(4, "P1");
                        ps.setString(5, "DISPATCH_NOW");
                        ps.setString(6, "DISPATCHED");
                        ps.setDouble(7, home.lat());
                        ps.setDouble(8, home.lon());
                        Jdbc.setInstant(ps, 9, now);
                        Jdbc.setInstant(ps, 10, now);
                        ps.setString(11, "UNIT-7");
                        ps.setString(12, null);
                        ps.setInt(13, 420);
                        Jdbc.setInstant(ps, 14, now);
                        ps.addBatch();
                        batch.add(new NotificationRequest(incident, s, family, NotificationStep.DISPATCHED, "KA-07",
                                "Manipal Hospital", 7, Channel.SMS));
                    }
                    ps.executeBatch();
                }
                return batch;
            }));
        }
        return requests;
    }
}
