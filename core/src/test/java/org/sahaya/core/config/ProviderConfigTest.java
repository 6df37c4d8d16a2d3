package org.sahaya.core.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ProviderConfigTest {

    static final Map<String, String> TWILIO = Map.of(
            "SAHAYA_TWILIO_ACCOUNT_SID", "AC0123",
            "SAHAYA_TWILIO_AUTH_TOKEN", "secret-token-42",
            "SAHAYA_TWILIO_FROM", "+15005550006",
            "SAHAYA_PUBLIC_BASE_URL", "https://sahaya.example.org/");

    @Test
    void withoutCredentialsEveryProviderIsOffAndTheDefaultsHold() {
        ProviderConfig config = ProviderConfig.from(Settings.of(Map.of()));

        assertThat(config.twilioLive()).isFalse();
        assertThat(config.fcmLive()).isFalse();
        assertThat(config.twilioBaseUrl()).isEqualTo(ProviderConfig.TWILIO_API);
        assertThat(config.familyBudget()).isEqualTo(Duration.ofMinutes(2));
        assertThat(config.providerTimeout()).isEqualTo(Duration.ofSeconds(10));
    }

    @Test
    void twilioCredentialsMakeItLiveAndTheTokenNeverShows() {
        ProviderConfig config = ProviderConfig.from(Settings.of(TWILIO));

        assertThat(config.twilioLive()).isTrue();
        assertThat(config.publicBaseUrl()).isEqualTo(URI.create("https://sahaya.example.org"));
        assertThat(config.toString()).doesNotContain("secret-token-42");
    }

    @Test
    void aPartialTwilioConfigurationNamesTheMissingSetting() {
        assertThatThrownBy(() -> ProviderConfig.from(Settings.of(Map.of("SAHAYA_TWILIO_ACCOUNT_SID", "AC0123"))))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("SAHAYA_TWILIO_AUTH_TOKEN");
    }

    @Test
    void twilioNeedsAPublicUrlForItsCallbacks() {
        Map<String, String> values = new java.util.HashMap<>(TWILIO);
        values.remove("SAHAYA_PUBLIC_BASE_URL");

        assertThatThrownBy(() -> ProviderConfig.from(Settings.of(values)))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("SAHAYA_PUBLIC_BASE_URL");
    }

    @Test
    void fcmCredentialsMustBeAReadableFile() {
        assertThatThrownBy(() -> ProviderConfig.from(Settings.of(Map.of(
                "SAHAYA_FCM_PROJECT_ID", "sahaya", "SAHAYA_FCM_CREDENTIALS", "/nonexistent/sa.json"))))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("SAHAYA_FCM_CREDENTIALS");
    }

    @Test
    void aBaseUrlMustBeHttp() {
        assertThatThrownBy(() -> ProviderConfig.from(Settings.of(Map.of("SAHAYA_TWILIO_BASE_URL", "ftp://x"))))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("SAHAYA_TWILIO_BASE_URL");
    }

    @Test
    void theAuthTokenAloneValidatesWebhooksWithoutMakingTwilioLive() {
        ProviderConfig config = ProviderConfig.from(Settings.of(Map.of("SAHAYA_TWILIO_AUTH_TOKEN", "secret-token-42")),
                false, 9000);

        assertThat(config.twilioLive()).isFalse();
        assertThat(config.twilioAuthToken()).isEqualTo("secret-token-42");
        assertThat(config.publicBaseUrl()).isEqualTo(URI.create("http://localhost:9000"));
    }

    @Test
    void aSenderWithoutAccountIsStillAPartialTwilioConfiguration() {
        assertThatThrownBy(() -> ProviderConfig.from(Settings.of(Map.of(
                "SAHAYA_TWILIO_AUTH_TOKEN", "secret-token-42", "SAHAYA_TWILIO_FROM", "+15005550006"))))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("SAHAYA_TWILIO_ACCOUNT_SID");
    }

    @Test
    void demoModeHasADemoWebhookTokenThatIsRefusedOutsideIt() {
        assertThat(ProviderConfig.from(Settings.of(Map.of()), true, 8080).twilioAuthToken())
                .isEqualTo(ProviderConfig.DEMO_TWILIO_AUTH_TOKEN);
        assertThat(ProviderConfig.from(Settings.of(Map.of()), false, 8080).twilioAuthToken()).isNull();
        assertThatThrownBy(() -> ProviderConfig.from(Settings.of(Map.of(
                "SAHAYA_TWILIO_AUTH_TOKEN", ProviderConfig.DEMO_TWILIO_AUTH_TOKEN)), false, 8080))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("SAHAYA_TWILIO_AUTH_TOKEN");
    }
}
