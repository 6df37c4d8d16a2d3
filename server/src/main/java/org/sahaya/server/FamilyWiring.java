package org.sahaya.server;

import io.micrometer.core.instrument.MeterRegistry;
import io.vertx.core.Vertx;
import java.time.Clock;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.sahaya.core.Ids;
import org.sahaya.core.config.NotifyConfig;
import org.sahaya.core.config.ProviderConfig;
import org.sahaya.core.config.SahayaConfig;
import org.sahaya.core.grid.Grid;
import org.sahaya.core.incident.IncidentListener;
import org.sahaya.core.node.Offload;
import org.sahaya.core.notification.Channel;
import org.sahaya.core.persistence.Database;
import org.sahaya.notify.FamilyNotifier;
import org.sahaya.notify.NotifierOptions;
import org.sahaya.notify.ack.AckLinks;
import org.sahaya.notify.ack.Acknowledgements;
import org.sahaya.notify.channel.NotificationChannel;
import org.sahaya.notify.channel.lineup.ChannelLineup;
import org.sahaya.notify.delivery.DeliveryPolicy;
import org.sahaya.notify.escalation.EscalationPolicy;
import org.sahaya.notify.family.EscalationScheduler;
import org.sahaya.notify.family.FamilyNews;
import org.sahaya.notify.family.FamilyUpdates;
import org.sahaya.notify.family.LowBatteryNews;
import org.sahaya.notify.family.RoutineNews;
import org.sahaya.notify.receipt.Receipts;
import org.sahaya.notify.template.MessageTemplates;
import org.sahaya.server.access.Access;
import org.sahaya.server.http.RouteTable;
import org.sahaya.server.http.family.AckHandlers;
import org.sahaya.server.http.family.FamilyRoutes;
import org.sahaya.server.operations.DeliveryTimes;
import org.sahaya.server.operations.FamilyNotifiedMeter;
import org.sahaya.server.operations.MeteredChannel;
import org.sahaya.server.webhook.TwilioRoutes;
import org.sahaya.server.webhook.TwilioSignatureHandler;
import org.sahaya.server.webhook.TwilioWebhooks;

/**
 * A node's family side: the channel line-up, the outbox ({@link FamilyNotifier}), the messages a
 * dispatch triggers, escalation, and the webhooks families and providers answer on.
 */
record FamilyWiring(SahayaConfig config, Database database, Clock clock, ChannelLineup lineup, AckLinks ackLinks,
                    FamilyNotifier notifier, EscalationPolicy escalationPolicy, FamilyUpdates updates,
                    MeterRegistry registry) {

    /**
     * @param extra    channel implementations beside the line-up's (tests' recording channels)
     * @param registry where the channels' hand-overs and failures and the family's service level are counted
     */
    static FamilyWiring of(SahayaConfig config, Database database, Grid grid, Clock clock,
                           Map<Channel, NotificationChannel> extra, MeterRegistry registry) {
        Ids ids = new Ids(clock);
        NotifyConfig notify = config.notifications();
        AckLinks ackLinks = notify.ackLinkSecret() == null ? null
                : new AckLinks(notify.ackLinkSecret(), config.providers().publicBaseUrl().toString(), notify.ackLinkTtl());
        ChannelLineup lineup = ChannelLineup.from(config.providers(), config.demo(), database, clock);
        Map<Channel, NotificationChannel> channels = new EnumMap<>(lineup.channels());
        channels.putAll(extra);
        channels = MeteredChannel.all(channels, registry);
        NotifierOptions options = NotifierOptions.defaults().withDelivery(DeliveryPolicy.within(config.providers().familyBudget()))
                .withCity(config.city());
        FamilyNotifier notifier = new FamilyNotifier(database, channels, clock, () -> ids.next("NTF"),
                ackLinks == null ? options : options.withAckLinks(ackLinks));
        EscalationPolicy escalation = new EscalationPolicy(notify.voiceAfter(), notify.voiceInterval());
        FamilyUpdates updates = new FamilyUpdates(notifier, database, grid, lineup.defaultChannel(), escalation, clock);
        return new FamilyWiring(config, database, clock, lineup, ackLinks, notifier, escalation, updates, registry);
    }

    /** The route tables of the family side: Twilio's webhooks and acknowledgements (contacts: admin.people). */
    List<RouteTable> handlers(Offload offload, Access access) {
        ProviderConfig providers = config.providers();
        String publicBaseUrl = providers.publicBaseUrl().toString();
        MessageTemplates templates = MessageTemplates.load();
        Acknowledgements acknowledgements = new Acknowledgements(database, clock);
        return List.of(
                new TwilioRoutes(access, new TwilioSignatureHandler(providers.twilioAuthToken(), publicBaseUrl),
                        new TwilioWebhooks(new Receipts(database, clock), acknowledgements, database, templates, offload,
                                publicBaseUrl, new DeliveryTimes(database, registry, clock)::delivered)),
                new FamilyRoutes(access, new AckHandlers(ackLinks, acknowledgements, database, templates, offload, clock)));
    }

    /**
     * The family's side of every incident; {@code lowBattery} says when a low battery is news. Counted for
     * the family's service level ({@link FamilyNotifiedMeter}).
     */
    IncidentListener news(Offload offload, LowBatteryNews lowBattery) {
        return new FamilyNotifiedMeter(new FamilyNews(updates, new RoutineNews(updates, lowBattery, database, offload, clock)),
                registry, clock);
    }

    /** Starts ticking the escalation steps of the incidents this member {@code owns}. */
    void startEscalation(Vertx vertx, Offload offload, Predicate<String> owns) {
        new EscalationScheduler(vertx, offload, database, updates, escalationPolicy, clock, owns)
                .start(config.notifications().tick());
    }
}
