package org.sahaya.server.gateway.dc09.message;

import java.time.DateTimeException;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.sahaya.core.dc09.Dc09Frame;
import org.sahaya.server.gateway.dc09.account.Dc09Account;
import org.sahaya.server.gateway.dc09.frame.BadFrame;

/**
 * Reads what follows the data bracket once it is in the clear:
 * {@code #acct|data]} (the account part optional), optional {@code [x...]} extension blocks, and an
 * timestamp {@code _HH:MM:SS,MM-DD-YYYY} (UTC). The timestamp is required on every message, encrypted
 * or not: without it a recorded message could be replayed at any later time.
 */
public final class MessageReader {

    static final int MAX_EVENTS = 8;

    private static final Pattern EXTENSIONS_AND_TIME =
            Pattern.compile("((?:\\[[^\\[\\]]*\\])*)(?:_(\\d{2}):(\\d{2}):(\\d{2}),(\\d{2})-(\\d{2})-(\\d{4}))?");
    private static final Pattern SIA_EVENT = Pattern.compile("(?<![A-Z])([A-Z]{2})([0-9A-Fa-f]{0,4})$");
    private static final Pattern CID_EVENT =
            Pattern.compile("([136])(\\d{3})\\s?([0-9A-Fa-f]{2})\\s?([0-9A-Fa-f]{3})");

    private MessageReader() {
    }

    /**
     * @param inner the body after the opening bracket, decrypted and with its pad removed
     * @throws BadFrame if the content does not follow the format of its message type
     */
    public static Dc09Message read(Dc09Frame frame, Dc09Account account, String inner) {
        int close = inner.indexOf(']');
        if (close < 0) {
            throw new BadFrame("data bracket not closed");
        }
        String data = withoutAccount(frame, inner.substring(0, close));
        Matcher tail = EXTENSIONS_AND_TIME.matcher(inner.substring(close + 1));
        if (!tail.matches()) {
            throw new BadFrame("unexpected text after the data");
        }
        java.time.Instant timestamp = tail.group(2) == null ? null : timestamp(tail);
        if (timestamp == null) {
            throw new BadFrame("a message must carry a timestamp");
        }
        List<Dc09Event> events = switch (frame.token()) {
            case Dc09Frame.NULL -> List.of();
            case Dc09Frame.ADM_CID -> List.of(contactId(data));
            default -> sia(data);
        };
        return new Dc09Message(frame, account, data, events, timestamp);
    }

    private static String withoutAccount(Dc09Frame frame, String data) {
        if (!data.startsWith("#")) {
            return data;
        }
        int bar = data.indexOf('|');
        String account = bar < 0 ? data.substring(1) : data.substring(1, bar);
        if (!account.equalsIgnoreCase(frame.account())) {
            throw new BadFrame("account in the data differs from the header");
        }
        return bar < 0 ? "" : data.substring(bar + 1);
    }

    private static Dc09Event contactId(String data) {
        Matcher m = CID_EVENT.matcher(data.trim());
        if (!m.matches()) {
            throw new BadFrame("Contact ID data is not Q EEE GG CCC");
        }
        return new Dc09Event(Dc09Event.Kind.CONTACT_ID, m.group(2), m.group(1).charAt(0), m.group(4));
    }

    /** {@code Nri1/BA01/FA02}: modifiers in lower case, events as two capitals and a zone, separated by {@code /}. */
    private static List<Dc09Event> sia(String data) {
        String blocks = data.startsWith("N") || data.startsWith("O") ? data.substring(1) : data;
        List<Dc09Event> events = new ArrayList<>();
        for (String block : blocks.split("/", -1)) {
            Matcher m = SIA_EVENT.matcher(block);
            if (m.find()) {
                events.add(new Dc09Event(Dc09Event.Kind.SIA, m.group(1), '1', m.group(2)));
            }
        }
        if (events.isEmpty() || events.size() > MAX_EVENTS) {
            throw new BadFrame("SIA data must hold 1 to " + MAX_EVENTS + " events");
        }
        return events;
    }

    private static java.time.Instant timestamp(Matcher m) {
        try {
            return LocalDateTime.of(Integer.parseInt(m.group(7)), Integer.parseInt(m.group(5)), Integer.parseInt(m.group(6)),
                    Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)), Integer.parseInt(m.group(4)))
                    .toInstant(ZoneOffset.UTC);
        } catch (DateTimeException e) {
            throw new BadFrame("timestamp is not a valid date and time");
        }
    }
}
