package org.sahaya.core.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class ApiKeyTest {

    @Test
    void keysAreReadPerRoleAndPartner() {
        SahayaConfig config = SahayaConfig.from(Settings.of(Map.of("SAHAYA_API_KEYS",
                "fleet:acme:acme-0123456789abcdef, HOSPITAL:manipal:manipal-0123456789ab")),
                false);

        assertThat(config.apiKeys()).containsExactly(
                new ApiKey(ApiKey.Role.FLEET, "acme", "acme-0123456789abcdef"),
                new ApiKey(ApiKey.Role.HOSPITAL, "manipal", "manipal-0123456789ab"));
    }

    @Test
    void withoutTheSettingNoKeyOpensThePartnerApis() {
        assertThat(SahayaConfig.from(Settings.of(Map.of()), false).apiKeys()).isEmpty();
    }

    @Test
    void aShortKeyOrUnknownRoleIsRefusedNamingTheSettingButNotTheKey() {
        assertThatThrownBy(() -> ApiKey.parse("fleet:acme:short"))
                .isInstanceOf(ConfigException.class).hasMessageContaining("SAHAYA_API_KEYS").hasMessageNotContaining("short");
        assertThatThrownBy(() -> ApiKey.parse("admin:acme:acme-0123456789abcdef"))
                .isInstanceOf(ConfigException.class).hasMessageNotContaining("acme-0123456789abcdef");
    }

    @Test
    void coordinatorKeysAreRefusedBecauseCoordinatorsArePeopleNow() {
        assertThatThrownBy(() -> ApiKey.parse("coordinator:desk:desk-0123456789abcdef"))
                .isInstanceOf(ConfigException.class).hasMessageContaining("people")
                .hasMessageNotContaining("desk-0123456789abcdef");
    }

    @Test
    void theKeyNeverAppearsInText() {
        ApiKey key = new ApiKey(ApiKey.Role.FLEET, "acme", "acme-0123456789abcdef");

        assertThat(key.toString()).contains("acme").doesNotContain("0123456789abcdef");
    }
}
