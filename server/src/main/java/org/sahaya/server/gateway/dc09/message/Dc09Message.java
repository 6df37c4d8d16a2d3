package org.sahaya.server.gateway.dc09.message;

import java.time.Instant;
import java.util.List;
import org.sahaya.core.dc09.Dc09Frame;
import org.sahaya.server.gateway.dc09.account.Dc09Account;

/**
 * A readable message of a known account.
 *
 * @param frame     the frame it came in
 * @param account   the account it belongs to
 * @param data      the content of the data bracket without the account, as the panel sent it (for retransmission identity)
 * @param events    its events; empty for a NULL supervision message
 * @param timestamp the panel's timestamp (required: a message without one is refused before it is one)
 */
public record Dc09Message(Dc09Frame frame, Dc09Account account, String data, List<Dc09Event> events, Instant timestamp) {

    public Dc09Message {
        events = List.copyOf(events);
    }
}
