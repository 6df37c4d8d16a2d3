package org.sahaya.server.demo;

import java.util.ArrayList;
import java.util.List;
import org.sahaya.core.persistence.Database;
import org.sahaya.core.persistence.DirectoryRepository;
import org.sahaya.core.secret.SecretBox;
import org.sahaya.server.gateway.dc09.account.Dc09AccountRepository;
import org.sahaya.server.gateway.dc09.account.Dc09AccountRepository.Row;

/**
 * The demo city's home hubs as SIA DC-09 accounts, published so anyone can send a panel message by
 * hand: account {@code 1001} is hub {@code demo-0501} (subscriber {@code S-0010}) unencrypted,
 * {@code 1002} is {@code demo-0502}, and so on; {@code 2001}, {@code 2002}, ... are the same hubs
 * encrypted with the ASCII AES-128 key {@value #KEY}. Refused by a node not started in demo mode.
 * The unencrypted ones are the only accounts seeded with clear text allowed: a new account takes none.
 */
public final class DemoHubAccounts {

    /** The published demo key: ASCII, 16 bytes, AES-128. */
    public static final String KEY = "SAHAYA-DEMO-KEY!";
    static final int PLAIN_FIRST = 1001;
    static final int ENCRYPTED_FIRST = 2001;

    private final Dc09AccountRepository accounts;
    private final DirectoryRepository directory = new DirectoryRepository();

    /** @param secrets seals the demo key as every DC-09 key is stored */
    public DemoHubAccounts(SecretBox secrets) {
        this.accounts = new Dc09AccountRepository(secrets);
    }

    /** Every hub of the demo city, twice: unencrypted ({@code 1001}…) and encrypted ({@code 2001}…). */
    public static List<Row> rows() {
        int hubs = DemoCity.SUBSCRIBERS / DemoDevices.SECOND_DEVICE_EVERY;
        List<Row> rows = new ArrayList<>(2 * hubs);
        for (int n = 0; n < hubs; n++) {
            String hub = org.sahaya.core.subscriber.Device.demoId(DemoCity.SUBSCRIBERS + n + 1);
            rows.add(new Row(Integer.toString(PLAIN_FIRST + n), null, null, hub, null, null, null, true, true));
            rows.add(new Row(Integer.toString(ENCRYPTED_FIRST + n), null, null, hub, KEY, "ASCII", null, true));
        }
        return rows;
    }

    /**
     * Adds the demo accounts whose hub exists and that are not there yet (a demo database seeded
     * before DC-09 existed gets them too). Blocking.
     *
     * @return true if any account was added
     */
    public boolean seedIfMissing(Database db) {
        return db.inTransaction(c -> {
            boolean added = false;
            for (Row row : rows()) {
                if (directory.device(c, row.deviceId()).isPresent() && !accounts.exists(c, row.account())) {
                    accounts.insert(c, row);
                    added = true;
                }
            }
            return added;
        });
    }
}
