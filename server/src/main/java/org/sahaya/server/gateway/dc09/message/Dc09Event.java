package org.sahaya.server.gateway.dc09.message;

/**
 * One event of a message.
 *
 * @param kind      which code list {@code code} is from
 * @param code      SIA: two letters ({@code MA}); Contact ID: three digits ({@code 100})
 * @param qualifier Contact ID: 1 new event, 3 restore, 6 status; SIA: always 1
 * @param zone      the zone or user number, as sent (may be empty)
 */
public record Dc09Event(Kind kind, String code, char qualifier, String zone) {

    public enum Kind { SIA, CONTACT_ID }

    /** Short and free of personal data: how the event shows in an alert id and on the timeline. */
    public String label() {
        return kind == Kind.SIA ? code : "" + qualifier + code;
    }
}
