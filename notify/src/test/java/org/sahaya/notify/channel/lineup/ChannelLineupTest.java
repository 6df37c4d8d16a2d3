package org.sahaya.notify.channel.lineup;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.sahaya.core.config.ProviderConfig;
import org.sahaya.core.config.Settings;
import org.sahaya.core.notification.Channel;
import org.sahaya.core.persistence.Database;
import org.sahaya.notify.FamilyFixture;
import org.sahaya.notify.channel.sandbox.SandboxChannel;
import org.sahaya.notify.channel.twilio.TwilioSmsChannel;

class ChannelLineupTest {

    static final Map<String, String> TWILIO = Map.of(
            "SAHAYA_TWILIO_ACCOUNT_SID", "AC0123",
            "SAHAYA_TWILIO_AUTH_TOKEN", "secret-token-42",
            "SAHAYA_TWILIO_FROM", "+15005550006",
            "SAHAYA_PUBLIC_BASE_URL", "https://sahaya.example.org");

    final Database database = FamilyFixture.openDatabase();

    @AfterEach
    void close() {
        database.close();
    }

    ChannelLineup lineup(Map<String, String> settings, boolean demo) {
        return ChannelLineup.from(ProviderConfig.from(Settings.of(settings)), demo, database, Clock.systemUTC());
    }

    @Test
    void withoutCredentialsEveryChannelIsTheSandbox() {
        ChannelLineup lineup = lineup(Map.of(), false);

        assertThat(lineup.defaultChannel()).isEqualTo(Channel.SANDBOX);
        assertThat(lineup.channels()).containsOnlyKeys(Channel.values());
        assertThat(lineup.channels().values()).allSatisfy(c -> assertThat(c).isInstanceOf(SandboxChannel.class));
        assertThat(lineup.summary()).contains("all sandboxed");
    }

    @Test
    void demoStaysOnTheSandboxEvenWithCredentials() {
        ChannelLineup lineup = lineup(TWILIO, true);

        assertThat(lineup.channels().values()).allSatisfy(c -> assertThat(c).isInstanceOf(SandboxChannel.class));
        assertThat(lineup.summary()).contains("demo mode ignores").doesNotContain("secret-token-42");
    }

    @Test
    void twilioAloneMakesSmsAndVoiceLiveAndLeavesPushOff() {
        ChannelLineup lineup = lineup(TWILIO, false);

        assertThat(lineup.defaultChannel()).isEqualTo(Channel.SMS);
        assertThat(lineup.channels().get(Channel.SMS)).isInstanceOf(TwilioSmsChannel.class);
        assertThat(lineup.channels()).containsKey(Channel.VOICE).doesNotContainKey(Channel.PUSH);
        assertThat(lineup.summary()).contains("SMS=twilio", "PUSH=off").doesNotContain("secret-token-42");
    }
}
