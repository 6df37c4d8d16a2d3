package org.sahaya.core.secret;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.sahaya.core.subscriber.Device;

class SecretBoxTest {

    private static byte[] key(int fill) {
        byte[] key = new byte[SecretBox.KEY_BYTES];
        Arrays.fill(key, (byte) fill);
        return key;
    }

    private final SecretBox box = new SecretBox(key(7));

    @Test
    void aSealedSecretIsNotThePlainTextAndOpensBackInItsPlace() {
        String sealed = box.seal(SecretColumn.DEVICE_SECRET, "hub-1", "s3cret-hub-1");

        assertThat(sealed).startsWith("v1:").doesNotContain("s3cret");
        assertThat(box.open(SecretColumn.DEVICE_SECRET, "hub-1", sealed)).isEqualTo("s3cret-hub-1");
    }

    @Test
    void everySealingUsesAFreshIv() {
        assertThat(box.seal(SecretColumn.DC09_KEY, "2001", "SAHAYA-DEMO-KEY!"))
                .isNotEqualTo(box.seal(SecretColumn.DC09_KEY, "2001", "SAHAYA-DEMO-KEY!"));
    }

    @Test
    void aValueMovedToAnotherRowOrColumnDoesNotOpen() {
        String sealed = box.seal(SecretColumn.DEVICE_SECRET, "hub-1", "s3cret");

        assertThatThrownBy(() -> box.open(SecretColumn.DEVICE_SECRET, "hub-2", sealed))
                .isInstanceOf(SecretBox.Unopenable.class).hasMessageContaining("devices.secret of hub-2")
                .hasMessageNotContaining("s3cret");
        assertThatThrownBy(() -> box.open(SecretColumn.DC09_KEY, "hub-1", sealed)).isInstanceOf(SecretBox.Unopenable.class);
    }

    @Test
    void anotherMasterKeyOrADamagedValueDoesNotOpen() {
        String sealed = box.seal(SecretColumn.DEVICE_SECRET, "hub-1", "s3cret");

        assertThatThrownBy(() -> new SecretBox(key(8)).open(SecretColumn.DEVICE_SECRET, "hub-1", sealed))
                .isInstanceOf(SecretBox.Unopenable.class);
        assertThatThrownBy(() -> box.open(SecretColumn.DEVICE_SECRET, "hub-1", "v1:not base64!"))
                .isInstanceOf(SecretBox.Unopenable.class);
        assertThatThrownBy(() -> box.open(SecretColumn.DEVICE_SECRET, "hub-1", "v1:AAAA"))
                .isInstanceOf(SecretBox.Unopenable.class);
    }

    @Test
    void aValueFromBeforeSealingIsUsedAsItIs() {
        assertThat(box.open(SecretColumn.DEVICE_SECRET, "hub-1", "legacy-plain")).isEqualTo("legacy-plain");
        assertThat(box.open(SecretColumn.DC09_KEY, "1001", null)).isNull();
    }

    @Test
    void aDeviceIsSealedForStorageAndOpenedForUse() {
        Device sealed = box.seal(new Device("hub-1", "S-1", "s3cret", false));

        assertThat(sealed.secret()).startsWith("v1:");
        assertThat(box.seal(sealed)).isSameAs(sealed);
        assertThat(box.open(sealed)).isEqualTo(new Device("hub-1", "S-1", "s3cret", false));
    }

    @Test
    void aMasterKeyHas32Bytes() {
        assertThatThrownBy(() -> new SecretBox(new byte[16])).isInstanceOf(IllegalArgumentException.class);
        assertThat(box.toString()).doesNotContain("7");
    }
}
