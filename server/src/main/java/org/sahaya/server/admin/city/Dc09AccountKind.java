package org.sahaya.server.admin.city;

import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.sahaya.core.secret.SecretBox;
import org.sahaya.server.admin.RecordRefused;
import org.sahaya.server.gateway.dc09.account.AccountKey;
import org.sahaya.server.gateway.dc09.account.Dc09AccountRepository;
import org.sahaya.server.gateway.dc09.account.Dc09AccountRepository.Described;
import org.sahaya.server.gateway.dc09.account.Dc09AccountRepository.Row;

/**
 * DC-09 accounts (a home hub reporting as an account number): stored in {@code dc09_accounts}, the AES key
 * sealed with the master key and never shown again (only {@code hasKey}). Nothing to publish: the receiver
 * on every member reads the account from the database for each message, so a change is live at once.
 *
 * <p>The key is given as {@code key} with {@code keyFormat} HEX or ASCII (without one: 32, 48 or 64 hex
 * digits are HEX, anything else ASCII); 16, 24 or 32 bytes. On an update, no {@code key} member keeps the
 * stored key and {@code "key": null} removes it.
 */
public final class Dc09AccountKind implements CityKind<Dc09AccountKind.Account> {

    static final Pattern ACCOUNT = Pattern.compile("^[0-9A-Fa-f]{3,16}$");
    private static final Pattern LINE = Pattern.compile("^[0-9A-Fa-f]{1,6}$");
    private static final Pattern HEX_KEY = Pattern.compile("^([0-9A-Fa-f]{32}|[0-9A-Fa-f]{48}|[0-9A-Fa-f]{64})$");

    /** What a write does to the stored key. */
    public enum KeyChange { KEEP, SET, REMOVE }

    /** A checked account; {@code key} only with {@link KeyChange#SET}. Its toString names no key. */
    public record Account(String account, String deviceId, String receiver, String linePrefix, KeyChange keyChange,
                          String key, AccountKey.Format keyFormat, boolean clearTextAllowed, Integer timestampWindowSeconds,
                          boolean demo) {
        @Override
        public String toString() {
            return "Account[" + account + " -> " + deviceId + ", key " + keyChange + "]";
        }
    }

    private final Dc09AccountRepository accounts;
    private final boolean allowDemo;

    /** The operator's kind: the {@code demo} flag is refused. */
    public Dc09AccountKind(SecretBox secrets) {
        this(secrets, false);
    }

    /**
     * @param allowDemo true only for a demo node loading its own demo city, whose accounts are marked
     *                  {@code "demo": true} (their key is published); an operator's import and the API refuse it
     */
    public Dc09AccountKind(SecretBox secrets, boolean allowDemo) {
        this.accounts = new Dc09AccountRepository(secrets);
        this.allowDemo = allowDemo;
    }

    @Override
    public String section() {
        return "dc09Accounts";
    }

    @Override
    public String id(Account record) {
        return record.account();
    }

    @Override
    public Account read(JsonObject json) throws RecordRefused {
        Fields f = new Fields(json);
        String account = f.matching("account", ACCOUNT, "3 to 16 hex digits", true);
        String device = f.text("deviceId", 64, true);
        String receiver = f.matching("receiver", LINE, "1 to 6 hex digits", false);
        String prefix = f.matching("linePrefix", LINE, "1 to 6 hex digits", false);
        boolean clear = f.bool("clearTextAllowed", false);
        boolean demo = f.bool("demo", false);
        if (demo && !allowDemo) {
            f.refuse("demo", "only the demo city's own accounts are demo accounts");
        }
        Integer window = f.integer("timestampWindowSeconds", 1, 86400, false);
        KeyChange change = json == null || !json.containsKey("key") ? KeyChange.KEEP
                : json.getValue("key") == null ? KeyChange.REMOVE : KeyChange.SET;
        String key = null;
        AccountKey.Format format = null;
        if (change == KeyChange.SET) {
            key = json.getValue("key") instanceof String s ? s : null;
            format = f.choice("keyFormat", AccountKey.Format.class, false);
            if (key == null) {
                f.refuse("key", "must be a string");
            } else {
                if (format == null) {
                    format = HEX_KEY.matcher(key).matches() ? AccountKey.Format.HEX : AccountKey.Format.ASCII;
                }
                if (format == AccountKey.Format.ASCII && !StandardCharsets.US_ASCII.newEncoder().canEncode(key)) {
                    f.refuse("key", "an ASCII key must be ASCII characters");
                } else {
                    try {
                        AccountKey.of(key, format);
                    } catch (IllegalArgumentException e) {
                        f.refuse("key", "must be an AES key of 16, 24 or 32 bytes (" + format + "): " + e.getMessage());
                    }
                }
            }
        }
        if (change != KeyChange.SET && json != null && json.getValue("keyFormat") != null) {
            f.choice("keyFormat", AccountKey.Format.class, false);
        }
        if (change == KeyChange.REMOVE && !clear) {
            f.refuse("key", "an account without a key takes only clear text: set clearTextAllowed to true");
        }
        f.done();
        return new Account(account.toUpperCase(), device, receiver, prefix, change, key, format, clear, window, demo);
    }

    @Override
    public Written write(Connection c, Account a) throws SQLException, RecordRefused {
        if (!deviceExists(c, a.deviceId())) {
            throw RecordRefused.of("deviceId", "no device has the id " + a.deviceId());
        }
        Optional<Described> stored = accounts.describe(c, a.account());
        boolean hasKey = a.keyChange() == KeyChange.SET
                || a.keyChange() == KeyChange.KEEP && stored.map(Described::hasKey).orElse(false);
        if (!hasKey && !a.clearTextAllowed()) {
            throw RecordRefused.of("key", "an account without a key takes only clear text: give a key or set"
                    + " clearTextAllowed to true");
        }
        Row row = new Row(a.account(), a.receiver(), a.linePrefix(), a.deviceId(),
                a.keyChange() == KeyChange.SET ? a.key() : null, a.keyChange() == KeyChange.SET ? a.keyFormat().name() : null,
                a.timestampWindowSeconds(), a.demo(), a.clearTextAllowed());
        if (stored.isPresent()) {
            accounts.update(c, row, a.keyChange() != KeyChange.KEEP);
            return Written.UPDATED;
        }
        accounts.insert(c, row);
        return Written.CREATED;
    }

    @Override
    public Optional<JsonObject> current(Connection c, String account) throws SQLException {
        return accounts.describe(c, account).map(Dc09AccountKind::view);
    }

    /**
     * A PUT changes what an operator owns; whether an account is the demo city's is not among it (the
     * update keeps the stored flag), so the stored {@code demo} is not laid under the body.
     */
    @Override
    public JsonObject base(JsonObject current) {
        JsonObject base = current.copy();
        base.remove("demo");
        return base;
    }

    /** Deletes the account: the receiver refuses it from the next message. False for an unknown one. */
    boolean delete(Connection c, String account) throws SQLException {
        return accounts.delete(c, account);
    }

    List<JsonObject> page(Connection c, String after, int limit, String deviceId) throws SQLException {
        return accounts.page(c, after, limit, deviceId).stream().map(Dc09AccountKind::view).toList();
    }

    static JsonObject view(Described d) {
        return new JsonObject().put("account", d.account()).put("deviceId", d.deviceId()).put("receiver", d.receiver())
                .put("linePrefix", d.prefix()).put("hasKey", d.hasKey()).put("clearTextAllowed", d.clearTextAllowed())
                .put("timestampWindowSeconds", d.timestampWindowSeconds()).put("demo", d.demo());
    }

    private static boolean deviceExists(Connection c, String id) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT 1 FROM devices WHERE id = ?")) {
            ps.setString(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        }
    }
}
