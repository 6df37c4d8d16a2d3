package org.sahaya.server.gateway.dc09.account;

import org.sahaya.core.dc09.Dc09Frame;

/**
 * A frame of a known account, its body as sent (still encrypted if it came encrypted).
 *
 * @param frame   as validated
 * @param account the account it belongs to, whose encryption the frame's matches
 */
public record AccountFrame(Dc09Frame frame, Dc09Account account) {
}
