package org.sahaya.core.secret;

/**
 * The columns that hold a secret we must be able to read back (so it cannot be hashed), sealed with
 * the master key by {@link SecretBox}. The column and the row's id are bound into each sealed value,
 * so a value copied to another row or column no longer opens.
 */
public enum SecretColumn {
    /** A device's shared secret: the HMAC key of its HTTP alerts and its MQTT password. */
    DEVICE_SECRET("devices", "id", "secret"),
    /** A DC-09 account's AES key, as written (ASCII or hex). */
    DC09_KEY("dc09_accounts", "account", "encryption_key"),
    /** A device's secret before its last rotation, accepted until {@code devices.previous_secret_until}. */
    DEVICE_PREVIOUS_SECRET("devices", "id", "previous_secret"),
    /** A subscriber's medical profile (JSON): health data, never stored in clear. */
    MEDICAL_PROFILE("subscribers", "id", "medical_profile"),
    /** The secret a partner's webhook deliveries are signed with (X-Sahaya-Signature). */
    PARTNER_WEBHOOK_SECRET("partners", "id", "webhook_secret");

    private final String table;
    private final String idColumn;
    private final String column;

    SecretColumn(String table, String idColumn, String column) {
        this.table = table;
        this.idColumn = idColumn;
        this.column = column;
    }

    public String table() {
        return table;
    }

    public String idColumn() {
        return idColumn;
    }

    public String column() {
        return column;
    }

    /** {@code devices.secret}, as error messages name it. */
    public String qualified() {
        return table + "." + column;
    }

    /** The associated data of the value of row {@code id}: where it belongs. */
    byte[] place(String id) {
        return ("sahaya:" + qualified() + ":" + id).getBytes(java.nio.charset.StandardCharsets.UTF_8);
    }
}
