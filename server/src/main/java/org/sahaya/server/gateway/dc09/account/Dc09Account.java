package org.sahaya.server.gateway.dc09.account;

import java.time.Duration;
import org.sahaya.core.dc09.Dc09Frame;

/**
 * A DC-09 account as registered: which device it is, and how it talks.
 *
 * @param account         3 to 16 upper-case hex digits
 * @param receiver        the receiver number the panel must address, or null for any
 * @param prefix          the line prefix the panel must use, or null for any
 * @param deviceId        the hub (a {@code Device} of a subscriber) this account reports for
 * @param key             the AES key, or null for an unencrypted account (never logged)
 * @param timestampWindow this account's own timestamp window (either side of our clock), or null for the default
 * @param demo            seeded demo account: refused by a node not started in demo mode
 */
public record Dc09Account(String account, String receiver, String prefix, String deviceId, AccountKey key,
                          Duration timestampWindow, boolean demo) {

    public boolean encrypted() {
        return key != null;
    }

    /** Whether a frame addressed this way may belong to this account. */
    public boolean accepts(Dc09Frame frame) {
        return (receiver == null || receiver.equalsIgnoreCase(frame.receiver()))
                && (prefix == null || prefix.equalsIgnoreCase(frame.prefix()));
    }

    @Override
    public String toString() {
        return "Dc09Account[" + account + " -> " + deviceId + (encrypted() ? ", encrypted" : "") + (demo ? ", demo" : "") + "]";
    }
}
