package org.sahaya.server.gateway.dc09;

/**
 * One frame whose CRC, length and header were checked; its body may still be encrypted.
 *
 * @param token     the message type without the encryption mark: {@code SIA-DCS}, {@code ADM-CID}, {@code NULL}
 * @param encrypted the id carried the {@code *} mark: everything after the data bracket is AES, hex-encoded
 * @param sequence  four digits, repeated by a retransmission
 * @param receiver  the {@code Rrcvr} digits, or null
 * @param prefix    the {@code Lpref} digits
 * @param account   the {@code #acct} digits, upper case
 * @param body      everything after the opening data bracket, as sent
 */
record Dc09Frame(String token, boolean encrypted, String sequence, String receiver, String prefix, String account,
                 String body) {

    static final String SIA_DCS = "SIA-DCS";
    static final String ADM_CID = "ADM-CID";
    static final String NULL = "NULL";

    boolean isSupervision() {
        return NULL.equals(token);
    }
}
