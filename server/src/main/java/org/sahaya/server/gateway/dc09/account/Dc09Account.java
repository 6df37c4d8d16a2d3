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
 * @param clearTextAllowed whether the account takes messages in the clear at all; off unless an operator (or the
 *                        demo seeder) says so, because a clear message proves nothing about who sent it
 */
public record Dc09Account(String account, String receiver, String prefix, String deviceId, AccountKey key,
                          Duration timestampWindow, boolean demo, boolean clearTextAllowed) {

    /** An account that takes no message in the clear. */
    public Dc09Account(String account, String receiver, String prefix, String deviceId, AccountKey key,
                       Duration timestampWindow, boolean demo) {
        this(account, receiver, prefix, deviceId, key, timestampWindow, demo, false);
    }

    public boolean encrypted() {
        return key != null;
    }

    /**
     * Whether the account takes a frame sent this way: an encrypted frame only with a key, a clear one only
     * where clear text is allowed. Anything else is answered as for an unknown account.
     */
    public boolean allows(Dc09Frame frame) {
        return frame.encrypted() ? key != null : clearTextAllowed;
    }

    /** Whether a frame addressed this way may belong to this account. */
    public boolean accepts(Dc09Frame frame) {
        return (receiver == null || receiver.equalsIgnoreCase(frame.receiver()))
                && (prefix == null || prefix.equalsIgnoreCase(frame.prefix()));
    }

    @Override
    public String toString() {
        return "Dc09Account[" + account + " -> " + deviceId + (encrypted() ? ", encrypted" : "")
                + (clearTextAllowed ? ", clear text allowed" : "") + (demo ? ", demo" : "") + "]";
    }
}
