package org.sahaya.server.gateway.dc09.account;

import org.sahaya.core.dc09.Dc09Frame;

/**
 * A frame of a known account, its body made readable: decrypted and without pad when it came encrypted.
 *
 * @param frame   as validated
 * @param account the account it belongs to
 * @param inner   what follows the opening data bracket, in the clear
 */
public record ClearFrame(Dc09Frame frame, Dc09Account account, String inner) {
}
